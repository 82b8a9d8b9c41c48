"""End-to-end: a teamleider reaches the decision page from the PIP and from a fine, registers a
bezwaar and decides on it; screenshots of each page in test-artefacten/, axe on each."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.handhaving import services as handhaving
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, afgesloten_intake
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _inloggen(page, url, user):
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    apparaat = TOTPDevice.objects.get(user=user)
    code = f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()


def test_bezwaar_against_a_pip_and_a_fine_on_one_decision_page(
    browser_page,  # noqa: F811  (the fixture imported above)
    gemeente_a,
    medewerker,
    inburgeraar_factory,
    settings,
    tmp_path,
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    page, url = browser_page
    tara = medewerker(Rol.TEAMLEIDER, gemeente_a, first_name="Tara", last_name="Teamleider")
    TOTPDevice.objects.create(user=tara, name="app", confirmed=True)
    actor = Actor(gemeente=gemeente_a, systeem="test")  # the setup; the browser is Tara
    persoon = inburgeraar_factory(
        gemeente_a, voornamen="Hamid", achternaam="Proefbezwaar", talen="Engels",
        aangemeld_op=date.today() - timedelta(days=40),
    )  # fmt: skip
    afgesloten_intake(actor, persoon.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip = pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    zaak = handhaving.zaak_openen(
        actor=actor, dossier=persoon.dossier, verplichting="brede_intake",
        overtredingsdatum=date.today() - timedelta(days=30), omschrijving="Niet verschenen.",
        genegeerde_oproepen=2,
    )  # fmt: skip
    handhaving.besluit_nemen(actor=actor, zaak=zaak, datum=date.today(), bedrag=Decimal(250))
    vandaag = date.today().strftime("%d-%m-%Y")

    _inloggen(page, url, tara)
    page.goto(f"{url}/pip/inburgeraar/{persoon.uuid}/")
    page.get_by_role("link", name="Besluit PIP 1: bezwaar registreren en beslissen").click()
    expect(page.get_by_role("heading", name="Besluit: PIP 1")).to_be_visible()
    expect(page.get_by_text("Er is geen bezwaar tegen dit besluit ontvangen.")).to_be_visible()
    screenshot(page, "bezwaar-01-pip-besluit")
    assert axe_schendingen(page) == []

    # A date in the future is refused with the reason at the field.
    morgen = (date.today() + timedelta(days=1)).strftime("%d-%m-%Y")
    page.locator("#id_bezwaar-ontvangen_op").fill(morgen)
    page.get_by_role("button", name="Bezwaar registreren").click()
    expect(
        page.get_by_text("De ontvangstdatum kan niet in de toekomst liggen.").first
    ).to_be_visible()
    screenshot(page, "bezwaar-02-fout")
    assert axe_schendingen(page) == []

    page.locator("#id_bezwaar-ontvangen_op").fill(vandaag)
    page.locator("#id_bezwaar-toelichting").fill("Hamid wil liever de onderwijsroute.")
    page.get_by_role("button", name="Bezwaar registreren").click()
    expect(page.get_by_text("Het bezwaar is geregistreerd.")).to_be_visible()
    expect(page.get_by_text("Bezwaar loopt")).to_be_visible()
    screenshot(page, "bezwaar-03-geregistreerd")
    assert axe_schendingen(page) == []

    page.get_by_label("Uitkomst").select_option("ongegrond")
    page.get_by_label("Beslist op").fill(vandaag)
    page.get_by_role("button", name="Beslissing vastleggen").click()
    expect(page.get_by_text("De beslissing op het bezwaar is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("In stand gebleven na bezwaar")).to_be_visible()
    screenshot(page, "bezwaar-04-beslist")

    # The fine: the same page, reached from the case.
    page.goto(f"{url}/handhaving/{zaak.uuid}/")
    screenshot(page, "bezwaar-05-boete-zaak")
    page.get_by_role("link", name="Besluit en bezwaar").click()
    expect(
        page.get_by_role("heading", name="Besluit: Boete € 250,00 (Wi2021 art. 22)")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Handhavingszaak")).to_be_visible()
    screenshot(page, "bezwaar-06-boete-besluit")
    assert axe_schendingen(page) == []
