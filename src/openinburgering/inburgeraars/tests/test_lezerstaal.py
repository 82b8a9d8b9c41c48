"""What is stored is shown in the reader's language: timeline, work items, code lists, rules."""

import re

from django.conf import settings
from django.urls import reverse

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.inburgeraars.workflow import Status
from openinburgering.integrations.duo.models import WerkitemSoort
from openinburgering.integrations.duo.services import werkitem_aanmaken
from openinburgering.signalen.services import signalen_herberekenen

pytestmark = pytest.mark.django_db

CONSTANTENAAM = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")


@pytest.fixture
def kim(gemeente_a, medewerker):
    return medewerker(
        Rol.KLANTREGISSEUR, gemeente_a, username="kdvries", first_name="Kim", last_name="de Vries"
    )


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory, kim):
    # Registered by the system, moved on by a caseworker who works in English.
    persoon = inburgeraar_factory(gemeente_a)
    from django.utils import translation

    with translation.override("en"):
        services.dossier_status_wijzigen(
            actor=Actor(gemeente=gemeente_a, user=kim, rol=Rol.KLANTREGISSEUR),
            dossier=persoon.dossier,
            naar=Status.INTAKE,
        )
    return persoon


def _pagina(client, url, taal):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = taal
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_stored_text_is_dutch_whoever_acted(persoon):
    status = Gebeurtenis.objects.get(dossier=persoon.dossier, soort="status_gewijzigd")
    assert status.omschrijving == "Status gewijzigd van ‘Aangemeld’ naar ‘Brede intake’."
    assert status.tekst["t"] == "Status gewijzigd van ‘%(van)s’ naar ‘%(naar)s’."


@pytest.mark.parametrize(
    ("taal", "verwacht", "niet"),
    [
        pytest.param(
            "en",
            [
                "Newcomer registered in this municipality.",
                "Status changed from ‘Registered’ to ‘Broad intake’.",
                "by the system",
                "by Kim de Vries",
            ],
            ["Inburgeraar aangemeld in deze gemeente.", "door het systeem"],
            id="engels",
        ),
        pytest.param(
            "nl",
            [
                "Inburgeraar aangemeld in deze gemeente.",
                "Status gewijzigd van ‘Aangemeld’ naar ‘Brede intake’.",
                "door het systeem",
                "door Kim de Vries",
            ],
            ["Newcomer registered in this municipality.", "by the system"],
            id="nederlands",
        ),
    ],
)
def test_dossier_timeline_in_the_readers_language_and_who_in_words(
    persoon, kim, inloggen, taal, verwacht, niet
):
    inhoud = _pagina(
        inloggen(kim), reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}), taal
    )
    for tekst in verwacht:
        assert tekst in inhoud
    for tekst in niet:
        assert tekst not in inhoud
    # Never a username or the name of the command or process that acted.
    assert "kdvries" not in inhoud
    assert "· test" not in inhoud and "Systeem ·" not in inhoud


def test_a_duo_actor_is_named_duo_and_an_api_token_by_its_name(persoon):
    g = services.gebeurtenis_toevoegen(
        dossier=persoon.dossier, soort="x", omschrijving="DUO-tekst", bron="duo"
    )
    assert g.door == "DUO"
    g = services.gebeurtenis_toevoegen(
        dossier=persoon.dossier, soort="x", omschrijving="t", bron="api"
    )
    g.actor_naam = "api:zaaksysteem"
    assert g.door == "koppeling ‘zaaksysteem’"


def test_worklist_and_duo_work_items_in_the_readers_language(persoon, kim, inloggen, gemeente_a):
    from openinburgering.core.teksten import vertaal

    werkitem_aanmaken(
        gemeente=gemeente_a,
        dossier=persoon.dossier,
        soort=WerkitemSoort.LEERROUTE_HERVATTEN,
        titel=vertaal("Leerroute hervatten"),
    )
    signalen_herberekenen()
    client = inloggen(kim)
    werklijst = reverse("signalen:werklijst") + "?tab=niet_toegewezen"
    assert "Resume learning route" in _pagina(client, werklijst, "en")
    assert "Leerroute hervatten" in _pagina(client, werklijst, "nl")
    assert "Resume learning route" in _pagina(client, reverse("duo:werkitems"), "en")
    paneel = reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    dossier = _pagina(client, paneel, "en")
    assert "Resume learning route" in dossier and "Leerroute hervatten" not in dossier


def test_caseload_shows_the_doelgroep_label_in_the_readers_language(persoon, kim, inloggen):
    client = inloggen(kim)
    assert "Asylum permit holder" in _pagina(client, reverse("inburgeraars:lijst"), "en")
    inhoud = _pagina(client, reverse("inburgeraars:lijst"), "nl")
    assert "Asielstatushouder" in inhoud and "Asylum permit holder" not in inhoud


def test_rules_catalogue_names_rules_in_words_in_both_languages(kim, inloggen):
    client = inloggen(kim)
    engels = _pagina(client, reverse("ui:regels"), "en")
    nederlands = _pagina(client, reverse("ui:regels"), "nl")
    assert "The table of the AOW (state pension) age per year" in engels
    assert "De tabel met de AOW-leeftijd per jaar" in nederlands
    for inhoud in (engels, nederlands):
        assert not CONSTANTENAAM.search(inhoud), CONSTANTENAAM.search(inhoud)
        # ids and articles stay visible
        assert 'id="R1"' in inhoud and "art. " in inhoud


def test_existing_work_items_get_their_msgid_when_the_catalogue_knows_the_text(persoon):
    from openinburgering.core.teksten import velden_herkennen
    from openinburgering.integrations.duo.models import Werkitem

    bekend = Werkitem.objects.create(
        gemeente=persoon.gemeente, dossier=persoon.dossier, soort=WerkitemSoort.LEERROUTE_HERVATTEN,
        titel="Leerroute hervatten", toelichting="Eigen woorden van DUO.",
    )  # fmt: skip
    velden_herkennen(Werkitem, ("titel", "toelichting"))
    bekend.refresh_from_db()
    assert bekend.teksten == {"titel": {"t": "Leerroute hervatten"}}
    from django.utils import translation

    with translation.override("en"):
        assert bekend.titel_weergave == "Resume learning route"
        assert bekend.toelichting_weergave == "Eigen woorden van DUO."


def test_worklist_explains_the_rule_in_the_readers_language(persoon, kim, inloggen):
    from datetime import timedelta

    from django.utils import timezone

    services.gebeurtenis_toevoegen(
        dossier=persoon.dossier, soort="SS139", omschrijving="DUO: SS139", bron="duo",
        tijdstip=timezone.now() - timedelta(days=3),
    )  # fmt: skip
    signalen_herberekenen()
    from openinburgering.signalen.models import Signaal, Soort

    signaal = Signaal.objects.get(dossier=persoon.dossier, soort=Soort.PIP_TERMIJN)
    assert signaal.uitleg and signaal.uitleg_en and signaal.uitleg != signaal.uitleg_en
    client = inloggen(kim)
    werklijst = reverse("signalen:werklijst") + "?tab=niet_toegewezen"
    assert signaal.uitleg_en in _pagina(client, werklijst, "en")
    assert signaal.uitleg in _pagina(client, werklijst, "nl")


def test_every_task_regels_names_for_a_duo_event_is_in_the_catalogue():
    from openinburgering.integrations.duo.verwerking import TAKEN
    from openinburgering.regels.codes import Gebeurtenis as DuoGebeurtenis
    from openinburgering.regels.duo import gevolg_van_gebeurtenis

    taken = {gevolg_van_gebeurtenis(g).taak for g in DuoGebeurtenis} - {""}
    assert taken and taken <= set(TAKEN)


def test_standard_guidance_steps_in_the_readers_language_and_own_steps_as_named(gemeente_a):
    from django.utils import translation

    from openinburgering.begeleiding.models import Stap
    from openinburgering.signalen.models import Signaal, Soort
    from openinburgering.signalen.weergave import titel, uitleg

    standaard = Stap(gemeente=gemeente_a, naam="Zorgverzekering afgesloten", streefdagen=14)
    eigen = Stap(gemeente=gemeente_a, naam="Fietsles gevolgd", streefdagen=14)
    signaal = Signaal(soort=Soort.BEGELEIDING, titel="Begeleiding: Zorgverzekering afgesloten")
    with translation.override("en"):
        assert standaard.naam_weergave == "Health insurance taken out"
        assert eigen.naam_weergave == "Fietsles gevolgd"
        assert titel(signaal) == "Guidance: Health insurance taken out"
        assert uitleg(signaal) == "Step ‘Health insurance taken out’ has not been taken yet."
    with translation.override("nl"):
        assert titel(signaal) == "Begeleiding: Zorgverzekering afgesloten"
