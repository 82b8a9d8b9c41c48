"""End-to-end: the functioneel beheerder makes a token for a data warehouse with one scope, copies
the key once, and narrows a token's scope later; axe on both pages."""

import re

from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.gemeenten.models import ApiToken
from openinburgering.ui.tests.e2e import axe_schendingen, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beheerder_makes_a_token_with_one_scope_and_narrows_another(
    browser_page, gemeente_a, medewerker
):
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
    page.get_by_role("link", name="Naar API-tokens").click()
    expect(page.get_by_role("heading", name="API-tokens", level=1)).to_be_visible()
    page.get_by_label("Naam van het systeem").fill("Datawarehouse")
    bereik = page.get_by_role("group", name="Bereik")
    bereik.get_by_label("Cijfers en gepseudonimiseerde feiten (datawarehouse): lezen").check()
    page.get_by_role("button", name="Token aanmaken").click()
    expect(page.get_by_role("heading", name="Kopieer de sleutel nu")).to_be_visible()
    sleutel = page.locator("#sleutel").inner_text()
    assert len(sleutel) > 30
    token = ApiToken.objects.get(naam="Datawarehouse")
    assert token.bereiken == ["statistiek:lezen"]
    screenshot(page, "gemeenten-01-apitoken-aangemaakt")
    assert axe_schendingen(page) == []

    page.get_by_role("link", name="Bereik van Datawarehouse wijzigen").click()
    bereik = page.get_by_role("group", name="Bereik")
    expect(
        bereik.get_by_label("Cijfers en gepseudonimiseerde feiten (datawarehouse): lezen")
    ).to_be_checked()
    bereik.get_by_label("Werklijst (signalen en termijnen): lezen").check()
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het token is opgeslagen.")).to_be_visible()
    token.refresh_from_db()
    assert token.bereiken == ["werklijst:lezen", "statistiek:lezen"]
    assert sleutel not in page.content()
