"""Letters as the services make them (intake, handhaving, PIP), the refusal without an address,
and the settings page: its preview, the sample letter from the same template, and the logo."""

from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from openinburgering import brieven
from openinburgering.accounts.rollen import Rol
from openinburgering.brieven.models import Briefkenmerk
from openinburgering.core.exceptions import Geweigerd
from openinburgering.gemeenten.services import gemeente_logo_wijzigen
from openinburgering.handhaving import services as handhaving_services
from openinburgering.intake import services as intake_services
from openinburgering.intake.models import Handhavingsstap
from openinburgering.pip import services as pip_services
from openinburgering.pip.models import PipStatus
from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake

from . import pdf
from .test_brieven import logo_png

pytestmark = pytest.mark.django_db
D = date.fromisoformat


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def gemeente(gemeente_a):
    gemeente_a.adres = "Markt 1, 9001 AA Amstelwaard"
    gemeente_a.telefoonnummer = "14 0001"
    gemeente_a.email = "inburgering@amstelwaard.example"
    gemeente_a.save()
    return gemeente_logo_wijzigen(gemeente=gemeente_a, inhoud=logo_png())


@pytest.fixture
def actor(gemeente, medewerker):
    kim = medewerker(Rol.KLANTREGISSEUR, gemeente, first_name="Kim", last_name="de Vries")
    return actor_voor(gemeente, kim)


def _uitnodiging(actor, persoon):
    intake = intake_services.intake_starten(actor=actor, dossier=persoon.dossier)
    return intake_services.handhavingsstap_vastleggen(
        actor=actor, intake=intake, soort="uitnodiging", datum=D("2026-01-05"),
        afspraak_op=timezone.make_aware(datetime(2026, 1, 12, 10, 0)), afspraak_plaats="Stadhuis",
    )  # fmt: skip


def _controleer(inhoud: bytes, *, kenmerk: str) -> str:
    tekst = pdf.tekst(inhoud)
    for verwacht in (
        "Yonas Proefdijk", "Kastanjelaan 3", "9911 XY AMSTELWAARD",
        "Telefoon: 14 0001", "E-mail: inburgering@amstelwaard.example",
        "Adres: Markt 1, 9001 AA Amstelwaard", f"Kenmerk {kenmerk}",
    ):  # fmt: skip
        assert verwacht in tekst, verwacht
    assert pdf.ingebedde_fonts(inhoud) <= pdf.geleverde_fontnamen()
    return tekst


@pytest.fixture
def persoon(gemeente, inburgeraar_factory):
    return inburgeraar_factory(
        gemeente, voornamen="Yonas", achternaam="Proefdijk", talen="Tigrinya, Engels",
        straat_huisnummer="Kastanjelaan 3", postcode="9911 XY", woonplaats="Amstelwaard",
        aangemeld_op=D("2025-12-01"),
    )  # fmt: skip


@time_machine.travel(D("2026-01-06"), tick=False)
def test_intake_letter_is_complete_and_has_the_note_in_the_persons_language(actor, persoon):
    stap = _uitnodiging(actor, persoon)
    tekst = _controleer(brieven.pad(stap.brief_pad).read_bytes(), kenmerk="0001-2026-000001")
    assert "ብትግርኛ ሓጺር መግለጺ" in tekst and "Summary in English" not in tekst
    assert "Kim de Vries" in tekst


@time_machine.travel(D("2026-06-02"), tick=False)
def test_handhaving_letter_is_complete_and_numbered_after_the_intake_letter(actor, persoon):
    _uitnodiging(actor, persoon)
    zaak = handhaving_services.zaak_openen(
        actor=actor, dossier=persoon.dossier, verplichting="map", overtredingsdatum=D("2026-03-01"),
        omschrijving="Niet verschenen.", genegeerde_oproepen=0,
    )  # fmt: skip
    stap = handhaving_services.waarschuwing_sturen(actor=actor, zaak=zaak, datum=D("2026-03-10"))
    tekst = _controleer(brieven.pad(stap.brief_pad).read_bytes(), kenmerk="0001-2026-000002")
    assert "Dit is een waarschuwing" in tekst


@time_machine.travel(D("2026-01-06"), tick=False)
def test_no_letter_and_no_kenmerk_without_an_address(actor, gemeente, inburgeraar_factory):
    zonder = inburgeraar_factory(
        gemeente, voornamen="Yonas", achternaam="Proefdijk", straat_huisnummer="", postcode=""
    )
    with pytest.raises(Geweigerd, match="adres"):
        _uitnodiging(actor, zonder)
    assert not Handhavingsstap.objects.exists() and not Briefkenmerk.objects.exists()


@time_machine.travel(D("2026-01-06"), tick=False)
def test_a_pip_is_not_vastgesteld_without_an_address(actor, gemeente, inburgeraar_factory):
    zonder = inburgeraar_factory(gemeente, woonplaats="", aangemeld_op=D("2025-12-01"))
    afgesloten_intake(actor, zonder.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=zonder.dossier, **GELDIG_PIP)
    with pytest.raises(Geweigerd, match="adres"):
        pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT and not Briefkenmerk.objects.exists()


@time_machine.travel(D("2026-01-06"), tick=False)
def test_the_pip_beschikking_gets_a_readable_kenmerk(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip = pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    tekst = _controleer(brieven.pad(pip.beschikking_pad).read_bytes(), kenmerk="0001-2026-000001")
    assert str(pip.uuid) not in tekst
    assert pip.samenvatting_taal == "ti"


# --- settings page -------------------------------------------------------------------------


@pytest.fixture
def beheerder(gemeente, medewerker, inloggen):
    return inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente))


def test_the_preview_shows_the_letter_partials_with_the_logo(beheerder, gemeente):
    inhoud = beheerder.get(reverse("brieven:instellingen")).content.decode()
    voorbeeld = brieven.briefcontext(
        gemeente=gemeente, ontvanger=brieven.VOORBEELD_ONTVANGER, kenmerk="", datum=date.today()
    )
    assert brieven.render_html("brieven/_afzender.html", voorbeeld) in inhoud
    assert brieven.render_html("brieven/_contact.html", voorbeeld) in inhoud
    assert 'src="data:image/png;base64,' in inhoud
    assert reverse("brieven:voorbeeldbrief") in inhoud


def test_the_sample_letter_is_the_real_letter_to_a_fictional_person(beheerder, gemeente):
    response = beheerder.get(reverse("brieven:voorbeeldbrief"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    tekst = pdf.tekst(response.content)
    assert "A. Voorbeeld" in tekst and "Voorbeeldstraat 1" in tekst
    assert "Telefoon: 14 0001" in tekst and "-VOORBEELD" in tekst
    assert not Briefkenmerk.objects.exists()  # the sample uses up no number


def test_a_logo_upload_is_stored_as_png_and_a_bad_file_is_refused(beheerder, gemeente):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("brieven:logo")
    slecht = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = beheerder.post(url, {"logo": slecht})
    assert response.status_code == 400
    assert "PNG- of JPEG-formaat" in response.content.decode()
    response = beheerder.post(url, {"verwijderen": "1"})
    assert response.status_code == 302
    gemeente.refresh_from_db()
    assert not gemeente.logo
    goed = SimpleUploadedFile("logo.png", logo_png(), content_type="image/png")
    assert beheerder.post(url, {"logo": goed}).status_code == 302
    gemeente.refresh_from_db()
    assert bytes(gemeente.logo).startswith(b"\x89PNG")


def test_only_a_beheerder_may_change_the_logo(gemeente, medewerker, inloggen):
    klant = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente))
    assert klant.post(reverse("brieven:logo"), {"verwijderen": "1"}).status_code in (403, 404)
    assert klant.get(reverse("brieven:voorbeeldbrief")).status_code in (403, 404)
    gemeente.refresh_from_db()
    assert gemeente.logo


def test_a_get_on_the_logo_url_is_not_an_error(beheerder):
    assert beheerder.get(reverse("brieven:logo")).status_code == 405


@time_machine.travel(D("2026-01-06"), tick=False)
def test_the_caseworker_sees_a_missing_address_and_the_summary_language(
    actor, gemeente, persoon, inburgeraar_factory, inloggen
):
    klant = inloggen(actor.user)
    zonder = inburgeraar_factory(gemeente, voornamen="Ayan", achternaam="Proef", postcode="")
    pagina = klant.get(reverse("inburgeraars:detail", kwargs={"uuid": zonder.uuid})).content
    assert "Adres nog onbekend." in pagina.decode()
    pagina = klant.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})).content
    assert "Adres nog onbekend." not in pagina.decode() and "9911 XY Amstelwaard" in pagina.decode()
    afgesloten_intake(actor, persoon.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pagina = klant.get(reverse("pip:bewerken", kwargs={"uuid": pip.uuid})).content.decode()
    assert "Samenvatting in de beschikking: Tigrinya (ትግርኛ)." in pagina


def test_a_logo_over_2_mb_is_refused_without_an_error_page(beheerder, gemeente):
    from django.core.files.uploadedfile import SimpleUploadedFile

    groot = SimpleUploadedFile("logo.png", logo_png() + b"\0" * (2 * 1024 * 1024))
    response = beheerder.post(reverse("brieven:logo"), {"logo": groot})
    assert response.status_code == 400 and "hoogstens 2 MB" in response.content.decode()
    leeg = beheerder.post(reverse("brieven:logo"), {})
    assert leeg.status_code == 400 and "Kies een bestand met het logo." in leeg.content.decode()


@time_machine.travel(D("2026-01-06"), tick=False)
def test_over_the_api_no_address_is_a_problem_and_the_address_can_be_filled_in(
    api_client, actor, gemeente, inburgeraar_factory
):
    zonder = inburgeraar_factory(gemeente, postcode="", aangemeld_op=D("2025-12-01"))
    afgesloten_intake(actor, zonder.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=zonder.dossier, **GELDIG_PIP)
    client = api_client(gemeente)
    response = client.post(f"/api/v1/pips/{pip.uuid}/vaststellen")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "adres" in response.json()["detail"]
    fout = client.patch(f"/api/v1/inburgeraars/{zonder.uuid}", {"postcode": "12345"}, format="json")
    assert fout.status_code == 400
    goed = client.patch(
        f"/api/v1/inburgeraars/{zonder.uuid}", {"postcode": "9911xy"}, format="json"
    )
    assert goed.status_code == 200 and goed.json()["postcode"] == "9911 XY"
    assert client.post(f"/api/v1/pips/{pip.uuid}/vaststellen").status_code == 200
