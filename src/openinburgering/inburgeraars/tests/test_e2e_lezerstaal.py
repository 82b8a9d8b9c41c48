"""In the browser: a dossier's timeline in English and in Dutch, with who acted in words."""

from django.conf import settings
from django.test import Client

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.conftest import _ingelogd
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.workflow import Status
from openinburgering.integrations.duo.models import WerkitemSoort
from openinburgering.integrations.duo.services import werkitem_aanmaken
from openinburgering.ui.tests.e2e import browser_page, screenshot  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("taal", "verwacht"),
    [
        ("en", ["Newcomer registered in this municipality.", "by Kim de Vries", "by DUO",
                "Status changed from ‘Registered’ to ‘Broad intake’.", "Asylum permit holder",
                "Resume learning route"]),
        ("nl", ["Inburgeraar aangemeld in deze gemeente.", "door Kim de Vries", "door DUO",
                "Status gewijzigd van ‘Aangemeld’ naar ‘Brede intake’.", "Asielstatushouder",
                "Leerroute hervatten"]),
    ],
)  # fmt: skip
def test_dossier_page_in_english_and_dutch(
    browser_page,  # noqa: F811
    gemeente_a,
    medewerker,
    inburgeraar_factory,
    taal,
    verwacht,
):
    from openinburgering.core.teksten import vertaal

    page, url = browser_page
    kim = medewerker(Rol.KLANTREGISSEUR, gemeente_a, first_name="Kim", last_name="de Vries")
    persoon = inburgeraar_factory(gemeente_a, voornamen="Amira", achternaam="Testpersoon")
    services.dossier_status_wijzigen(
        actor=Actor(gemeente=gemeente_a, user=kim, rol=Rol.KLANTREGISSEUR),
        dossier=persoon.dossier,
        naar=Status.INTAKE,
    )
    services.gebeurtenis_toevoegen(
        dossier=persoon.dossier,
        soort="SS109",
        omschrijving=vertaal("Leerroute hervatten"),
        bron="duo",
        actor=Actor(gemeente=gemeente_a, systeem="DUO-koppeling"),
    )
    werkitem_aanmaken(
        gemeente=gemeente_a,
        dossier=persoon.dossier,
        soort=WerkitemSoort.LEERROUTE_HERVATTEN,
        titel=vertaal("Leerroute hervatten"),
    )
    sessie = _ingelogd(Client(), kim).cookies[settings.SESSION_COOKIE_NAME].value
    host = url.split("//", 1)[1].split(":")[0]
    page.context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": sessie, "domain": host, "path": "/"},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": taal, "domain": host, "path": "/"},
        ]
    )
    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    inhoud = page.inner_text("main")
    screenshot(page, f"dossier-{taal}")
    for tekst in verwacht:
        assert tekst in inhoud
    assert kim.username not in inhoud
    assert "DUO-koppeling" not in inhoud
