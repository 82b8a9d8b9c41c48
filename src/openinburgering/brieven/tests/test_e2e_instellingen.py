"""End-to-end: the functioneel beheerder sets the logo, sees it in the letter preview and opens
the sample letter; screenshots and axe on the way."""

import re

from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.ui.tests.e2e import axe_schendingen, screenshot

from . import pdf
from .test_brieven import logo_png

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beheerder_sets_the_logo_and_opens_the_sample_letter(
    browser_page, gemeente_a, medewerker, tmp_path, settings
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    page, url = browser_page
    fenna = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a, first_name="Fenna")
    TOTPDevice.objects.create(user=fenna, name="app", confirmed=True)
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(fenna.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    apparaat = TOTPDevice.objects.get(user=fenna)
    code = f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()

    page.goto(f"{url}{reverse('brieven:instellingen')}")
    page.get_by_label("Telefoonnummer").fill("14 0001")
    page.get_by_label("E-mailadres").fill("inburgering@amstelwaard.example")
    page.get_by_label("Bezoekadres").fill("Stadhuisplein 1, 9001 AA Amstelwaard")
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_text("De instellingen van de gemeente zijn opgeslagen.")).to_be_visible()

    logo = tmp_path / "logo.png"
    logo.write_bytes(logo_png())
    page.get_by_label("Logo", exact=True).set_input_files(str(logo))
    page.get_by_role("button", name="Logo opslaan").click()
    expect(page.get_by_text("Het logo is opgeslagen.")).to_be_visible()
    voorbeeld = page.locator(".oi-briefvoorbeeld")
    expect(voorbeeld.get_by_role("img", name="Logo van gemeente Amstelwaard")).to_be_visible()
    expect(voorbeeld.get_by_text("Telefoon: 14 0001")).to_be_visible()
    screenshot(page, "brieven-01-instellingen-met-logo")
    assert axe_schendingen(page) == []

    antwoord = page.request.get(f"{url}{reverse('brieven:voorbeeldbrief')}")
    assert antwoord.ok and antwoord.headers["content-type"] == "application/pdf"
    tekst = pdf.tekst(antwoord.body())
    assert "A. Voorbeeld" in tekst and "Telefoon: 14 0001" in tekst
    (tmp_path / "voorbeeldbrief.pdf").write_bytes(antwoord.body())
