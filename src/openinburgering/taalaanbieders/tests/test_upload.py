"""Bulk attendance: every row checked, a Dutch report per row, nothing imported from a file with
errors unless the user chooses to import only the good rows."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from openpyxl import Workbook

from openinburgering.integrations.duo.models import UitgaandBericht
from openinburgering.taalaanbieders import services
from openinburgering.taalaanbieders.models import Aandachtspunt, Urenregel

from .conftest import VANDAAG, school_actor, week

KOP = "kenmerk;periode_start;periode_einde;uren_aangeboden;uren_aanwezig;uren_fysiek;verzuimreden;toelichting"


@pytest.fixture
def school(contract, verwijs, school_medewerker, andere_instelling, gemeente_a):
    from .conftest import maak_contract

    user = school_medewerker(contract.instelling)
    a = verwijs(contract, achternaam="Eerste")
    b = verwijs(contract, achternaam="Tweede")
    for v in (a, b):
        services.intake_bevestigen(actor=school_actor(user, v), verwijzing=v, datum=VANDAAG)
    vreemd = verwijs(maak_contract(gemeente_a, andere_instelling), achternaam="Vreemd")
    return user, a, b, vreemd


def _csv(*regels):
    return SimpleUploadedFile(
        "uren.csv", "\n".join([KOP, *regels]).encode(), content_type="text/csv"
    )


def _d(d):
    return d.strftime("%d-%m-%Y")


def test_a_good_file_is_imported_whole_and_duo_gets_each_total_once(school, inloggen):
    user, a, b, _ = school
    (s1, e1), (s2, e2) = week(1), week(2)
    bestand = _csv(
        f"{a.kenmerk};{_d(s1)};{_d(e1)};12;12;12;;",
        f"{a.kenmerk};{_d(s2)};{_d(e2)};12;10,5;9;ziek;",
        f"{b.kenmerk};{_d(s1)};{_d(e1)};12;2;2;onbekend;",
    )
    response = inloggen(user).post(
        reverse("taalaanbieders:uren_uploaden"), {"bestand": bestand}, follow=True
    )
    assert "Alle 3 regels zijn geïmporteerd." in response.content.decode()
    assert Urenregel.objects.count() == 3
    assert set(Urenregel.objects.values_list("bron", flat=True)) == {"upload"}
    assert Aandachtspunt.objects.filter(soort="verzuim").count() == 1
    totalen = {
        m.inburgeraar_id: m.inhoud["uren"]
        for m in UitgaandBericht.objects.filter(soort="uren_participatie_taalles")
    }
    assert UitgaandBericht.objects.filter(soort="uren_participatie_taalles").count() == 2
    assert totalen == {a.inburgeraar_id: 22, b.inburgeraar_id: 2}


def test_a_file_with_errors_imports_nothing_and_reports_each_row_in_dutch(school, inloggen):
    user, a, _b, vreemd = school
    s, e = week(1)
    bestand = _csv(
        f"{a.kenmerk};{_d(s)};{_d(e)};12;12;12;;",
        f"{vreemd.kenmerk};{_d(s)};{_d(e)};12;12;12;;",
        f"{a.kenmerk};31-02-2026;{_d(e)};12;13;12;;",
        f"{a.kenmerk};{_d(s)};{_d(e)};12;8;8;;",
        f"VW-ONBEKEND;{_d(s)};{_d(e)};twaalf;1;1;vakantie;",
    )
    response = inloggen(user).post(
        reverse("taalaanbieders:uren_uploaden"), {"bestand": bestand}, follow=True
    )
    inhoud = response.content.decode()
    assert response.redirect_chain[0][1] == 302
    assert (
        "4 van de 5 regels hebben een fout" in inhoud and "Er is nog niets geïmporteerd." in inhoud
    )
    assert "geen deelnemer die naar uw school is verwezen" in inhoud  # row 3: another school's
    assert "periode_start is geen datum" in inhoud  # row 4
    assert "Geef de reden van het verzuim." in inhoud  # row 5
    assert "dezelfde deelnemer en periode staan ook op regel 2" in inhoud
    assert (
        "uren_aangeboden is geen aantal uren" in inhoud
        and "verzuimreden ‘vakantie’ is onbekend" in inhoud
    )
    assert "Vreemd" not in inhoud
    assert (
        not Urenregel.objects.exists()
        and not UitgaandBericht.objects.filter(soort="uren_participatie_taalles").exists()
    )


def test_the_user_can_choose_to_import_only_the_good_rows(school, inloggen):
    user, a, b, _ = school
    s, e = week(1)
    client = inloggen(user)
    bestand = _csv(
        f"{a.kenmerk};{_d(s)};{_d(e)};12;12;12;;", f"{b.kenmerk};{_d(s)};nooit;12;12;12;;"
    )
    response = client.post(
        reverse("taalaanbieders:uren_uploaden"), {"bestand": bestand}, follow=True
    )
    pagina = response.redirect_chain[-1][0]
    assert "Alleen de 1 goede regel importeren" in response.content.decode()
    assert not Urenregel.objects.exists()
    response = client.post(pagina, {"actie": "geldige_importeren"}, follow=True)
    assert "1 goede regel is geïmporteerd" in response.content.decode()
    assert list(Urenregel.objects.values_list("verwijzing", flat=True)) == [a.pk]
    # The checked rows are imported once.
    again = client.post(pagina, {"actie": "geldige_importeren"}, follow=True)
    assert "al gebruikt" in again.content.decode() and Urenregel.objects.count() == 1


def test_xlsx_with_real_dates_is_read(school, inloggen):
    user, a, _b, _ = school
    s, e = week(1)
    boek = Workbook()
    blad = boek.active
    blad.append(KOP.split(";"))
    blad.append([a.kenmerk, s, e, 12, 11.5, 11.5, "Ziek gemeld", "griep"])
    uit = io.BytesIO()
    boek.save(uit)
    bestand = SimpleUploadedFile("uren.xlsx", uit.getvalue())
    response = inloggen(user).post(
        reverse("taalaanbieders:uren_uploaden"), {"bestand": bestand}, follow=True
    )
    assert "De regel is geïmporteerd." in response.content.decode()
    regel = Urenregel.objects.get()
    assert regel.verzuimreden == "ziek" and str(regel.uren_aanwezig) == "11.5"


def test_a_file_of_the_wrong_type_is_refused_at_once(school, inloggen):
    response = inloggen(school[0]).post(
        reverse("taalaanbieders:uren_uploaden"),
        {"bestand": SimpleUploadedFile("uren.pdf", b"%PDF")},
    )
    assert response.status_code == 400
    assert "Upload een CSV- of XLSX-bestand." in response.content.decode()


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("uren.csv", b"naam;uren\nx;1", "Ontbreekt: kenmerk"),
        ("uren.xlsx", b"geen zip", "kan niet gelezen worden"),
        ("uren.csv", KOP.encode(), "geen regels met uren"),
    ],
)
def test_unreadable_files_get_a_clear_message(school, inloggen, naam, inhoud, melding):
    user = school[0]
    response = inloggen(user).post(
        reverse("taalaanbieders:uren_uploaden"),
        {"bestand": SimpleUploadedFile(naam, inhoud)},
        follow=True,
    )
    assert response.status_code == 200 and melding in response.content.decode()
    assert "Het bestand is niet gelezen" in response.content.decode()


def test_the_template_file_has_the_expected_columns(school, inloggen):
    inhoud = inloggen(school[0]).get(reverse("taalaanbieders:voorbeeld")).content.decode()
    assert inhoud.splitlines()[0] == KOP


def test_a_read_whose_worker_died_shows_as_cut_off_and_a_new_upload_is_offered(school, inloggen):
    """The worker was killed mid-read: the upload stays "bezig" in the database. After
    AFGEBROKEN_NA the page stops polling, says so, imports nothing and offers a new upload."""
    from datetime import timedelta

    from django.utils import timezone

    from openinburgering.taalaanbieders import upload
    from openinburgering.taalaanbieders.codes import UploadStatus
    from openinburgering.taalaanbieders.models import Urenupload

    user, _a, _b, _ = school
    gestart = timezone.now() - timedelta(minutes=1)
    rij = Urenupload.objects.create(
        instelling=_a.contract.instelling,
        geupload_door=user,
        bestandsnaam="uren.csv",
        status=UploadStatus.BEZIG,
        gestart_op=gestart,
    )
    client = inloggen(user)
    pagina = client.get(
        reverse("taalaanbieders:upload", kwargs={"uuid": rij.uuid})
    ).content.decode()
    assert 'hx-trigger="every 2s"' in pagina and "afgebroken" not in pagina

    assert not upload.afgebroken(rij, nu=gestart + upload.AFGEBROKEN_NA)
    assert upload.afgebroken(rij, nu=gestart + upload.AFGEBROKEN_NA + timedelta(seconds=1))
    Urenupload.objects.filter(pk=rij.pk).update(
        gestart_op=timezone.now() - upload.AFGEBROKEN_NA - timedelta(seconds=1)
    )
    pagina = client.get(
        reverse("taalaanbieders:upload", kwargs={"uuid": rij.uuid})
    ).content.decode()
    assert "Het lezen van het bestand is afgebroken" in pagina
    assert 'hx-trigger="every 2s"' not in pagina
    assert "Verbeterd bestand uploaden" in pagina
    assert not Urenregel.objects.exists()
