"""The BRP on the dossier: "Opnieuw ophalen uit de BRP" (POST, permission, the gemeente's own
people only), what the dossier shows (confidentiality, an address under investigation, death),
the warning before a letter, and a person a caseworker creates."""

from datetime import date

from django.template import Context, Template
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.integrations.brp.models import BrpStand
from openinburgering.integrations.duo.models import Werkitem, WerkitemSoort
from openinburgering.logboek.models import Activiteit, Doel, Verwerking

pytestmark = pytest.mark.django_db


@pytest.fixture
def klantregisseur(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))


def _ophalen(client, persoon, **kwargs):
    return client.post(reverse("brp:opnieuw_ophalen", kwargs={"uuid": persoon.uuid}), **kwargs)


def _detail(client, persoon) -> str:
    response = client.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_button_takes_the_brp_into_the_dossier(brp_stand_in, gemeente_a, klantregisseur):
    bsn = brp_stand_in.persoon(geheimhouding=True, adresInOnderzoek="2026-10-01")
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn, voornamen="Oud", woonplaats="Elders")
    assert "Opnieuw ophalen uit de BRP" in _detail(klantregisseur, persoon)
    response = _ophalen(klantregisseur, persoon, follow=True)
    html = response.content.decode()
    assert "Opgehaald uit de BRP en overgenomen" in html
    persoon.refresh_from_db()
    assert (persoon.voornamen, persoon.achternaam, persoon.geboortedatum) == (
        "Noor", "Steekproef", date(1992, 4, 3)
    )  # fmt: skip
    assert (persoon.straat_huisnummer, persoon.woonplaats) == ("Lindeplein 4a", "Amstelwaard")
    # The BRP's "Syrische" as the person's nationality field (ISO code).
    assert persoon.nationaliteit == "SY"
    assert "Geheimhouding persoonsgegevens." in html
    assert "Adres in onderzoek." in html
    assert Gebeurtenis.objects.filter(
        dossier=persoon.dossier, omschrijving__startswith="Gegevens overgenomen uit de BRP"
    ).exists()
    assert (
        Verwerking.objects.get(
            betrokkene=persoon.pseudoniem, activiteit=Activiteit.BRP_OPGEVRAAGD
        ).doel
        == Doel.ACTUALISEREN
    )
    # A second time: nothing new to take over.
    response = _ophalen(klantregisseur, persoon, follow=True)
    assert "de gegevens waren al actueel" in response.content.decode()


def test_a_letter_page_warns_about_an_address_under_investigation(
    brp_stand_in, gemeente_a, klantregisseur
):
    bsn = brp_stand_in.persoon(adresInOnderzoek="2026-10-01")
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn)
    sjabloon = Template("{% load brieven_adres %}{% adres_in_onderzoek inburgeraar %}")
    assert sjabloon.render(Context({"inburgeraar": persoon})) == ""
    _ophalen(klantregisseur, persoon)
    html = sjabloon.render(Context({"inburgeraar": persoon}))
    assert "Adres in onderzoek." in html and "01-10-2026" in html
    # The intake page, by the form that makes its letters, shows it.
    klantregisseur.post(reverse("intake:starten", kwargs={"uuid": persoon.uuid}))
    response = klantregisseur.get(reverse("intake:intake", kwargs={"uuid": persoon.uuid}))
    assert "Adres in onderzoek." in response.content.decode()


def test_death_closes_the_dossier_and_stops_open_work(
    brp_stand_in, gemeente_a, klantregisseur, django_capture_on_commit_callbacks
):
    """ADR 0065: the BRP reports a death: the dossier closes with the reason "overleden" through
    its transition table, the DUO link's open work items close, the worklist drops the dossier."""
    from openinburgering.integrations.duo.services import werkitem_aanmaken
    from openinburgering.signalen.models import Signaal, SignaalStatus

    bsn = brp_stand_in.persoon(overlijdensdatum="2026-11-20")
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn)
    with django_capture_on_commit_callbacks(execute=True):
        item = werkitem_aanmaken(
            gemeente=gemeente_a,
            dossier=persoon.dossier,
            soort=WerkitemSoort.BESLUIT_DUO,
            titel="Besluit van DUO bespreken met de inburgeraar",
        )
    assert Signaal.objects.get(object_uuid=item.uuid).status == SignaalStatus.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        _ophalen(klantregisseur, persoon)
    html = _detail(klantregisseur, persoon)
    assert "Overleden volgens de BRP." in html and "20-11-2026" in html
    persoon.dossier.refresh_from_db()
    assert (persoon.dossier.status, persoon.dossier.eindreden) == ("afgerond", "overleden")
    item.refresh_from_db()
    assert item.status == "afgehandeld" and "overleden" in item.afhandeling
    assert not Werkitem.objects.filter(dossier=persoon.dossier, status="open").exists()
    assert not Signaal.objects.filter(dossier=persoon.dossier, status=SignaalStatus.OPEN).exists()
    assert Gebeurtenis.objects.filter(
        dossier=persoon.dossier, soort="status_gewijzigd", gegevens__eindreden="overleden"
    ).exists()
    # Again: nothing changes, nothing fails.
    response = _ophalen(klantregisseur, persoon, follow=True)
    assert response.status_code == 200
    assert not Werkitem.objects.filter(dossier=persoon.dossier, status="open").exists()


@pytest.mark.parametrize(
    "storing, melding",
    [
        ({"status": 503}, "tijdelijk niet beschikbaar"),
        ({"status": 403}, "niet voor geautoriseerd"),
        ({"status": 404}, "kent het BSN van deze persoon niet"),
        ({"vertraging": 3}, "antwoordde niet op tijd"),
    ],
)
def test_a_failing_brp_gives_a_clear_message_and_changes_nothing(
    brp_stand_in, gemeente_a, klantregisseur, settings, storing, melding
):
    settings.BRP_READ_TIMEOUT = 0.3
    bsn = brp_stand_in.persoon()
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn, voornamen="Oud")
    versie = persoon.versie
    brp_stand_in.storing(bsn, **storing)
    response = _ophalen(klantregisseur, persoon, follow=True)
    html = response.content.decode()
    assert melding in html and "niets gewijzigd" in html
    persoon.refresh_from_db()
    assert (persoon.voornamen, persoon.versie) == ("Oud", versie)
    assert not Gebeurtenis.objects.filter(dossier=persoon.dossier, soort="brp").exists()
    brp_stand_in.geen_storing()


def test_the_button_is_a_post_with_a_right_and_only_for_the_own_gemeente(
    brp_stand_in, gemeente_a, gemeente_b, medewerker, inloggen, klantregisseur
):
    persoon = maak_inburgeraar(gemeente_a, bsn=brp_stand_in.persoon(), voornamen="Oud")
    url = reverse("brp:opnieuw_ophalen", kwargs={"uuid": persoon.uuid})
    assert klantregisseur.get(url).status_code == 405
    anders = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_b))
    assert _ophalen(anders, persoon).status_code == 404
    beleid = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    assert _ophalen(beleid, persoon).status_code == 403
    persoon.refresh_from_db()
    assert persoon.voornamen == "Oud"
    assert brp_stand_in.verzoeken() == []


def test_the_button_needs_the_csrf_token(brp_stand_in, gemeente_a, medewerker, inloggen):
    from django.test import Client

    persoon = maak_inburgeraar(gemeente_a, bsn=brp_stand_in.persoon())
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a), Client(enforce_csrf_checks=True))
    assert _ophalen(client, persoon).status_code == 403


def test_a_person_a_caseworker_creates_is_read_from_the_brp(
    brp_stand_in, gemeente_a, klantregisseur
):
    bsn = brp_stand_in.persoon()
    response = klantregisseur.post(
        reverse("inburgeraars:aanmaken"),
        {"bsn": bsn, "voornamen": "Getypt", "achternaam": "Overgetypt",
         "geboortedatum": "01-02-1990", "doelgroep": "Asielstatushouder", "regime": "Wi2021"},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert (persoon.voornamen, persoon.achternaam) == ("Noor", "Steekproef")
    assert persoon.adres_bekend
    assert (
        Verwerking.objects.get(
            betrokkene=persoon.pseudoniem, activiteit=Activiteit.BRP_OPGEVRAAGD
        ).doel
        == Doel.AANMAKEN
    )


def test_a_caseworker_creates_a_person_while_the_brp_is_down(
    brp_stand_in, gemeente_a, klantregisseur
):
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, status=503)
    response = klantregisseur.post(
        reverse("inburgeraars:aanmaken"),
        {"bsn": bsn, "voornamen": "Getypt", "achternaam": "Overgetypt",
         "geboortedatum": "01-02-1990", "doelgroep": "Asielstatushouder", "regime": "Wi2021"},
        follow=True,
    )  # fmt: skip
    assert "opgeslagen zoals ingevoerd" in response.content.decode()
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert persoon.voornamen == "Getypt"
    assert BrpStand.objects.get(inburgeraar=persoon).volgende_poging_op is not None


def test_a_person_created_through_the_api_is_read_from_the_brp(
    brp_stand_in, gemeente_a, api_client
):
    bsn = brp_stand_in.persoon()
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars",
        {"bsn": bsn, "voornamen": "Getypt", "achternaam": "Overgetypt",
         "geboortedatum": "1990-02-01", "doelgroep": "Asielstatushouder"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert (response.json()["voornamen"], response.json()["achternaam"]) == ("Noor", "Steekproef")
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert persoon.adres_bekend
    assert (
        Verwerking.objects.get(
            betrokkene=persoon.pseudoniem, activiteit=Activiteit.BRP_OPGEVRAAGD
        ).doel
        == Doel.AANMAKEN
    )


def test_a_person_created_through_the_api_while_the_brp_is_down_stays_as_sent(
    brp_stand_in, gemeente_a, api_client
):
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, status=503)
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars",
        {"bsn": bsn, "voornamen": "Getypt", "achternaam": "Overgetypt",
         "geboortedatum": "1990-02-01", "doelgroep": "Asielstatushouder"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["voornamen"] == "Getypt"
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert BrpStand.objects.get(inburgeraar=persoon).volgende_poging_op is not None


def test_without_a_brp_the_card_says_so_and_there_is_no_button(
    gemeente_a, klantregisseur, settings
):
    settings.BRP_API_ROOT = ""
    persoon = maak_inburgeraar(gemeente_a, bsn=nieuw_bsn())
    html = _detail(klantregisseur, persoon)
    assert "Geen koppeling met de BRP ingericht" in html
    assert "Opnieuw ophalen uit de BRP" not in html


def test_brp_bijwerken_reads_again_what_failed(brp_stand_in, gemeente_a, klantregisseur):
    import io

    from django.core.management import call_command
    from django.utils import timezone

    bsn = brp_stand_in.persoon()
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn, voornamen="Oud")
    brp_stand_in.storing(bsn, status=503)
    _ophalen(klantregisseur, persoon)
    brp_stand_in.geen_storing()
    BrpStand.objects.filter(inburgeraar=persoon).update(volgende_poging_op=timezone.now())
    uit = io.StringIO()
    call_command("brp_bijwerken", stdout=uit)
    assert "1 personen bijgewerkt" in uit.getvalue()
    persoon.refresh_from_db()
    assert persoon.voornamen == "Noor"


def test_another_gemeente_of_registration_is_a_departure_once(
    brp_stand_in, gemeente_a, klantregisseur
):
    """The BRP registers the person in Beekveld: the verhuizing app records the departure with
    the new gemeente's name (ADR 0066), once; the card offers the handover."""
    from openinburgering.verhuizing.models import Meldingbron, Richting, Verhuismelding

    bsn = brp_stand_in.persoon(
        gemeenteVanInschrijving={"code": "0002", "omschrijving": "Beekveld"},
        datumInschrijvingInGemeente="2026-11-20",
    )
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn)
    _ophalen(klantregisseur, persoon)
    _ophalen(klantregisseur, persoon)
    melding = Verhuismelding.objects.get(dossier=persoon.dossier)
    assert (melding.richting, melding.bron, melding.andere_gemeentecode) == (
        Richting.VERTREK,
        Meldingbron.BRP,
        "0002",
    )
    assert melding.datum == date(2026, 11, 20)
    html = _detail(klantregisseur, persoon)
    assert "Verhuisd naar een andere gemeente." in html and "gemeente Beekveld" in html
    assert reverse("verhuizing:overdragen", kwargs={"uuid": persoon.uuid}) in html
    assert (
        Gebeurtenis.objects.filter(dossier=persoon.dossier, soort="verhuizing_gemeld").count() == 1
    )
