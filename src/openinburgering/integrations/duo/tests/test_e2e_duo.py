"""The DUO pages in the system Chromium: no serious or critical WCAG violations (axe)."""

import re
import uuid
from datetime import date

from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.gemeenten.models import Koppeling
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import meldingen
from openinburgering.integrations.duo.models import (
    Notificatie,
    NotificatieStatus,
    UitgaandBericht,
    UitgaandStatus,
    WerkitemSoort,
)
from openinburgering.integrations.duo.services import werkitem_aanmaken
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.pip import Pip
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _inloggen(page, url, user):
    TOTPDevice.objects.get_or_create(user=user, name="e2e", defaults={"confirmed": True})
    apparaat = TOTPDevice.objects.get(user=user)
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    page.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()


def test_duo_pages_are_accessible(browser_page, gemeente_a, medewerker, inburgeraar_factory):  # noqa: F811
    page, url = browser_page
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    actor = Actor(gemeente=gemeente_a, systeem="test")
    werkitem_aanmaken(
        gemeente=gemeente_a,
        dossier=persoon.dossier,
        soort=WerkitemSoort.BESLUIT_DUO,
        titel="Besluit van DUO bespreken met de inburgeraar",
        toelichting="DUO heeft een gedeeltelijke ontheffing toegekend.",
        deadline=date(2026, 12, 1),
    )
    bericht = meldingen.pip_melden(
        actor=actor,
        inburgeraar=persoon,
        pip=Pip(dagtekening=date(2026, 2, 2), leerroute=Leerroute.B1_ROUTE),
    )
    UitgaandBericht.objects.filter(pk=bericht.pk).update(
        status=UitgaandStatus.AFGEWEZEN, fouten=["De dagtekening ligt voor de plicht."]
    )
    onbekend = Notificatie(
        gemeente=gemeente_a,
        bron="0" * 20,
        doel=gemeente_a.oin,
        bericht_id=uuid.uuid4(),
        gebeurtenis_id="SS105",
        registratie_datum_tijd=timezone.now(),
        vingerafdruk="x",
        status=NotificatieStatus.ONBEKEND,
        resultaat="Gebeurtenis SS105 kent deze applicatie (nog) niet.",
    )
    onbekend.zet_bsn(persoon.bsn)
    onbekend.save()

    beheerder = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    _inloggen(page, url, beheerder)
    page.goto(f"{url}/koppeling/duo/")
    expect(page.get_by_role("heading", name="Koppeling met DUO")).to_be_visible()
    screenshot(page, "duo-beheer")
    assert axe_schendingen(page) == []

    page.context.clear_cookies()
    klantregisseur = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    _inloggen(page, url, klantregisseur)
    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    page.get_by_role("heading", name="DUO", exact=True).wait_for()
    screenshot(page, "duo-dossier")
    assert axe_schendingen(page) == []
    page.goto(f"{url}/koppeling/duo/werkitems/")
    assert axe_schendingen(page) == []

    gemeente_a.koppeling = Koppeling.PORTAL
    gemeente_a.save()
    meldingen.uren_melden(
        actor=actor, inburgeraar=persoon, soort="participatieactiviteiten", uren=12
    )
    page.goto(f"{url}/koppeling/duo/portal/")
    screenshot(page, "duo-portal")
    assert axe_schendingen(page) == []


def test_contactpersoon_pages_are_accessible(
    browser_page,  # noqa: F811
    gemeente_a,
    medewerker,
    inburgeraar_factory,
):
    page, url = browser_page
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    teamleider = medewerker(Rol.TEAMLEIDER, gemeente_a)
    _inloggen(page, url, teamleider)
    page.goto(f"{url}/koppeling/duo/contactpersonen/")
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Nieuwe contactpersoon").click()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("alert").wait_for()
    expect(page.get_by_text("Er zijn 3 fouten in het formulier")).to_be_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Naam").fill("Ilse de Vries")
    page.get_by_label("E-mailadres").fill("ilse@amstelwaard.example")
    page.get_by_label("Telefoonnummer").fill("0201234567")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Ilse de Vries", exact=True).wait_for()
    screenshot(page, "duo-contactpersonen")
    assert axe_schendingen(page) == []
    page.get_by_role("link", name="Ilse de Vries", exact=True).click()
    assert axe_schendingen(page) == []
    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    page.get_by_label("Contactpersoon bij DUO").select_option(label="Ilse de Vries")
    page.get_by_role("button", name="Koppelen").click()
    page.get_by_role("button", name="Ontkoppelen").wait_for()
    screenshot(page, "duo-dossier-contactpersoon")
    assert axe_schendingen(page) == []
