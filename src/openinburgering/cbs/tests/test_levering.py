"""The quarterly CBS delivery (SWI): build, validate, check report, record, correction (ADR 0070)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.cbs import formaat
from openinburgering.cbs.models import Levering, LeveringStatus
from openinburgering.cbs.services import aangeleverd_vastleggen, levering_aanvragen
from openinburgering.inburgeraars.models import Dossier
from openinburgering.intake.models import BredeIntake
from openinburgering.logboek.models import Activiteit, Verwerking
from openinburgering.pip.models import PipVersie
from openinburgering.regels.statistiek import kwartaal_van, vorig_kwartaal

pytestmark = pytest.mark.django_db


def _met_pip(maak, gemeente, *, leerroute="B", niveau="B1", pip_dagen=20, intake_dagen=30):
    persoon = maak(gemeente)
    vandaag = timezone.localdate()
    dossier = persoon.dossier
    Dossier.objects.filter(pk=dossier.pk).update(aangemeld_op=vandaag - timedelta(days=60))
    BredeIntake.objects.create(
        gemeente=gemeente, dossier=dossier, gestart_op=vandaag - timedelta(days=intake_dagen),
        status="afgesloten", afgesloten_op=vandaag - timedelta(days=intake_dagen - 5),
        geadviseerde_leerroute="B",
    )  # fmt: skip
    PipVersie.objects.create(
        gemeente=gemeente, dossier=dossier, volgnummer=1, status="vastgesteld",
        dagtekening=vandaag - timedelta(days=pip_dagen), vastgesteld_op=timezone.now(),
        leerroute=leerroute, niveau=niveau, beschikking_pad="beschikkingen/test.pdf",
    )  # fmt: skip
    return persoon


def _bouwen(user, gemeente, *gemeenten, vervangt=None):
    jaar, kwartaal = kwartaal_van(timezone.localdate())
    levering = levering_aanvragen(
        actor=Actor(gemeente=gemeente, user=user, rol=Rol.BELEIDSMEDEWERKER),
        gemeenten=list(gemeenten or [gemeente]),
        jaar=jaar,
        kwartaal=kwartaal,
        vervangt=vervangt,
    )
    levering.refresh_from_db()
    return levering


@pytest.fixture
def beleid(medewerker, gemeente_a, gemeente_b):
    return medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a, gemeente_b)


def test_the_file_validates_and_holds_each_category(beleid, gemeente_a, inburgeraar_factory):
    persoon = _met_pip(inburgeraar_factory, gemeente_a)
    levering = _bouwen(beleid, gemeente_a)
    assert levering.status == LeveringStatus.KLAAR, levering.melding
    inhoud = bytes(levering.bestand)
    assert formaat.valideren(inhoud) == []
    waarden = formaat.waarden_in_bestand(inhoud, persoon.bsn)
    assert waarden["Doelgroep"] == "asielstatushouder"
    assert waarden["Pip/Leerroute"] == "B1"
    assert waarden["Pip/Taalniveau"] == "B1"
    assert waarden["BredeIntake/AdviesLeerroute"] == "B1"
    assert waarden["Ontzorgen/Ontzorgd"] == "N"
    assert levering.aantal_personen == 1
    assert levering.verwerkt == levering.totaal == 1
    assert levering.controle == []
    # Reading every person is a processing: one record per person in the file.
    assert Verwerking.objects.filter(
        activiteit=Activiteit.CBS_SAMENGESTELD, betrokkene=persoon.pseudoniem
    ).exists()


def test_a_changed_value_shows_in_the_next_file(beleid, gemeente_a, inburgeraar_factory):
    persoon = _met_pip(inburgeraar_factory, gemeente_a)
    eerste = _bouwen(beleid, gemeente_a)
    assert formaat.waarden_in_bestand(bytes(eerste.bestand), persoon.bsn)["Pip/Leerroute"] == "B1"
    PipVersie.objects.filter(dossier=persoon.dossier).update(leerroute="Z", niveau="")
    tweede = _bouwen(beleid, gemeente_a)
    waarden = formaat.waarden_in_bestand(bytes(tweede.bestand), persoon.bsn)
    assert waarden["Pip/Leerroute"] == "Z"
    assert "Pip/Taalniveau" not in waarden  # does not apply to the Z-route: left out (R82)
    assert formaat.valideren(bytes(tweede.bestand)) == []


def test_check_report_lists_missing_and_doubtful_values(beleid, gemeente_a, inburgeraar_factory):
    goed = _met_pip(inburgeraar_factory, gemeente_a)
    zonder_route = _met_pip(inburgeraar_factory, gemeente_a, leerroute="", niveau="")
    te_vroeg = _met_pip(inburgeraar_factory, gemeente_a, pip_dagen=40, intake_dagen=30)
    levering = _bouwen(beleid, gemeente_a)
    assert levering.status == LeveringStatus.KLAAR
    # The file still validates: a missing value is left out, the report names it.
    assert formaat.valideren(bytes(levering.bestand)) == []
    per_persoon = {
        r["inburgeraar"]: [b["code"] for b in r["bevindingen"]] for r in levering.controle
    }
    assert str(goed.uuid) not in per_persoon
    assert per_persoon[str(zonder_route.uuid)] == ["pip_zonder_leerroute"]
    assert per_persoon[str(te_vroeg.uuid)] == ["pip_voor_intake"]


def test_one_file_for_several_gemeenten(beleid, gemeente_a, gemeente_b, inburgeraar_factory):
    a = _met_pip(inburgeraar_factory, gemeente_a)
    b = _met_pip(inburgeraar_factory, gemeente_b)
    levering = _bouwen(beleid, gemeente_a, gemeente_a, gemeente_b)
    inhoud = bytes(levering.bestand)
    assert formaat.valideren(inhoud) == []
    assert inhoud.count(b"<Gemeente code=") == 2
    assert formaat.waarden_in_bestand(inhoud, a.bsn) and formaat.waarden_in_bestand(inhoud, b.bsn)
    # Each gemeente's processing log holds its own people.
    assert (
        Verwerking.objects.get(
            betrokkene=b.pseudoniem, activiteit=Activiteit.CBS_SAMENGESTELD
        ).gemeente
        == gemeente_b
    )


def test_only_gemeenten_where_the_role_has_the_right(
    medewerker, gemeente_a, gemeente_b, inburgeraar_factory
):
    from django.core.exceptions import ValidationError

    user = medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a)
    medewerker_b = gemeente_b
    with pytest.raises(ValidationError):
        _bouwen(user, gemeente_a, gemeente_a, medewerker_b)
    assert not Levering.objects.exists()


def test_wi2013_people_are_not_in_the_file(beleid, gemeente_a, inburgeraar_factory):
    from openinburgering.inburgeraars.models import Inburgeraar

    oud = _met_pip(inburgeraar_factory, gemeente_a)
    Inburgeraar.objects.filter(pk=oud.pk).update(regime="Wi2013")
    levering = _bouwen(beleid, gemeente_a)
    assert levering.aantal_personen == 0
    assert formaat.valideren(bytes(levering.bestand)) == []


def test_record_and_corrected_redelivery(beleid, gemeente_a, inburgeraar_factory):
    persoon = _met_pip(inburgeraar_factory, gemeente_a)
    levering = _bouwen(beleid, gemeente_a)
    actor = Actor(gemeente=gemeente_a, user=beleid, rol=Rol.BELEIDSMEDEWERKER)
    aangeleverd_vastleggen(
        actor=actor, levering=levering, aangeleverd_op=timezone.now(), kenmerk_cbs="CBS-123"
    )
    levering.refresh_from_db()
    assert levering.status == LeveringStatus.AANGELEVERD
    assert levering.aangeleverd_door == beleid
    oud_bestand = bytes(levering.bestand)
    # Late data: the MAP was recorded after the delivery.
    from openinburgering.traject.models import MapActiviteit

    MapActiviteit.objects.create(
        gemeente=gemeente_a, dossier=persoon.dossier, soort="workshop", omschrijving="Oriëntatie",
        datum=timezone.localdate() - timedelta(days=3), uren=8,
    )  # fmt: skip
    correctie = _bouwen(beleid, gemeente_a, vervangt=levering)
    assert correctie.vervangt == levering
    assert b"<Correctie>true</Correctie>" in bytes(correctie.bestand)
    assert formaat.waarden_in_bestand(bytes(correctie.bestand), persoon.bsn)["Map/Uren"] == "8.0"
    levering.refresh_from_db()
    assert bytes(levering.bestand) == oud_bestand  # what CBS received stays as it was


def test_pages(inloggen, beleid, gemeente_a, gemeente_b, inburgeraar_factory, medewerker):
    zonder_route = _met_pip(inburgeraar_factory, gemeente_a, leerroute="", niveau="")
    client = inloggen(beleid)
    pagina = client.get(reverse("cbs:overzicht"))
    assert pagina.status_code == 200
    assert "Uiterlijk" in pagina.text and "R80" in pagina.text
    jaar, kwartaal = vorig_kwartaal(timezone.localdate())
    antwoord = client.post(
        reverse("cbs:overzicht"), {"kwartaal": f"{jaar}-{kwartaal}", "gemeenten": [gemeente_a.pk]}
    )
    vorige = Levering.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("cbs:levering", kwargs={"uuid": vorige.uuid})
    assert (vorige.jaar, vorige.kwartaal) == (jaar, kwartaal)
    # A quarter the form does not offer is a Dutch message, not a build.
    fout = client.post(
        reverse("cbs:overzicht"), {"kwartaal": "1999-1", "gemeenten": [gemeente_a.pk]}
    )
    assert fout.status_code == 400 and Levering.objects.count() == 1
    levering = _bouwen(beleid, gemeente_a)
    levering.refresh_from_db()
    pagina = client.get(reverse("cbs:levering", kwargs={"uuid": levering.uuid}))
    assert pagina.status_code == 200
    link = reverse("pip:overzicht", kwargs={"uuid": zonder_route.uuid})
    assert link in pagina.text
    assert "Het vastgestelde PIP heeft geen leerroute." in pagina.text
    # Another gemeente's delivery does not exist for this user's active gemeente.
    ander = medewerker(Rol.BELEIDSMEDEWERKER, gemeente_b)
    assert (
        inloggen(ander).get(reverse("cbs:levering", kwargs={"uuid": levering.uuid})).status_code
        == 404
    )
    # A caseworker has no right to the delivery.
    klant = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    assert inloggen(klant).get(reverse("cbs:overzicht")).status_code == 403


@pytest.mark.bsn_toegestaan("pagina", reden="the CBS file carries each BSN: CBS links on it")
def test_download_is_logged_per_person(inloggen, beleid, gemeente_a, inburgeraar_factory):
    persoon = _met_pip(inburgeraar_factory, gemeente_a)
    levering = _bouwen(beleid, gemeente_a)
    antwoord = inloggen(beleid).get(reverse("cbs:download", kwargs={"uuid": levering.uuid}))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/xml")
    assert antwoord.content == bytes(levering.bestand)
    assert Verwerking.objects.filter(
        activiteit=Activiteit.CBS_GEDOWNLOAD, betrokkene=persoon.pseudoniem, gebruiker=beleid
    ).exists()


def test_progress_partial_while_building(inloggen, beleid, gemeente_a):
    levering = Levering.objects.create(
        gemeente=gemeente_a, jaar=2026, kwartaal=3, status=LeveringStatus.BEZIG, totaal=10,
        verwerkt=4, aangemaakt_door=beleid,
    )  # fmt: skip
    levering.gemeenten.set([gemeente_a])
    antwoord = inloggen(beleid).get(
        reverse("cbs:levering", kwargs={"uuid": levering.uuid}), HTTP_HX_REQUEST="true"
    )
    assert antwoord.status_code == 200
    assert 'hx-trigger="every 2s"' in antwoord.text
    assert '<progress id="cbs-voortgang"' in antwoord.text and 'value="40"' in antwoord.text


def test_the_build_reads_in_a_fixed_number_of_queries(beleid, gemeente_a, inburgeraar_factory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_bij(aantal):
        for _ in range(aantal):
            _met_pip(inburgeraar_factory, gemeente_a)
        with CaptureQueriesContext(connection) as q:
            levering = _bouwen(beleid, gemeente_a)
        assert levering.status == LeveringStatus.KLAAR
        return len(q.captured_queries)

    weinig = queries_bij(2)
    veel = queries_bij(6)  # 8 people in the second file, one batch
    assert veel == weinig


def test_a_build_that_lost_its_worker_stops_polling(inloggen, beleid, gemeente_a):
    levering = Levering.objects.create(
        gemeente=gemeente_a, jaar=2026, kwartaal=3, status=LeveringStatus.BEZIG, totaal=10,
        verwerkt=4, aangemaakt_door=beleid, gestart_op=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    levering.gemeenten.set([gemeente_a])
    pagina = inloggen(beleid).get(reverse("cbs:levering", kwargs={"uuid": levering.uuid}))
    assert "hx-trigger" not in pagina.text
    assert "afgebroken" in pagina.text
