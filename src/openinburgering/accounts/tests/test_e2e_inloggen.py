"""End-to-end: where no second factor applies (the demo), signing in asks for no code at any step;
where it applies, the login page says a code follows (the whole TOTP flow is in ui's e2e test)."""

import re

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

from .factories import WACHTWOORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_demo_sign_in_goes_straight_in_without_a_code(
    browser_page,  # noqa: F811  (the fixture imported above)
    gemeente_a,
    medewerker,
    settings,
):
    settings.TWO_FACTOR_REQUIRED = False
    settings.DEMO_MODE = True
    page, url = browser_page
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)

    page.goto(f"{url}/inloggen/")
    screenshot(page, "inloggen-demo-zonder-tweede-factor")
    tekst = page.locator("main").inner_text()
    assert "authenticator" not in tekst
    assert "Log in met uw gebruikersnaam en wachtwoord van Open Inburgering." in tekst
    assert axe_schendingen(page) == []

    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "tweede-factor" not in page.url
    assert page.locator("input[autocomplete='one-time-code']").count() == 0
    assert "authenticator" not in page.content()

    # An old bookmark to the second-factor page asks for nothing either.
    page.goto(f"{url}/inloggen/tweede-factor/")
    assert "tweede-factor" not in page.url
    assert page.locator("input[autocomplete='one-time-code']").count() == 0


def test_with_a_second_factor_the_login_page_says_a_code_follows(
    browser_page,  # noqa: F811
    db,
    settings,
):
    settings.TWO_FACTOR_REQUIRED = True
    page, url = browser_page
    page.goto(f"{url}/inloggen/")
    screenshot(page, "inloggen-met-tweede-factor")
    assert re.search(r"code uit uw\s+authenticator-app", page.locator("main").inner_text())


def test_a_second_factor_is_set_up_only_with_an_invitation(
    browser_page,  # noqa: F811
    gemeente_a,
    medewerker,
    settings,
):
    """Password alone: told to ask the beheerder. The beheerder's link: the app, then the
    recovery codes, once; every page in the house style and without axe violations."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.TWO_FACTOR_REQUIRED = True
    page, url = browser_page
    beheerder = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a, first_name="Fenna")
    TOTPDevice.objects.create(user=beheerder, name="app", confirmed=True)
    nieuw = medewerker(Rol.KLANTREGISSEUR, gemeente_a, first_name="Noor")

    def inloggen(user):
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()

    def code(user, bevestigd):
        apparaat = TOTPDevice.objects.get(user=user, confirmed=bevestigd)
        return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"

    page.goto(f"{url}/inloggen/")
    inloggen(nieuw)
    tekst = page.locator("main").inner_text()
    assert "Vraag de functioneel beheerder van uw gemeente" in tekst
    assert page.locator("img.oi-qr").count() == 0
    screenshot(page, "tweede-factor-ontbreekt")
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()

    inloggen(beheerder)
    page.get_by_label("Code uit uw authenticator-app").fill(code(beheerder, True))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    page.goto(f"{url}/beheer/medewerkers/")
    assert axe_schendingen(page) == []
    page.get_by_role("button", name=re.compile("Uitnodiging maken")).click()
    page.wait_for_load_state()
    link = page.locator("code.oi-uitnodigingslink").inner_text().strip()
    screenshot(page, "tweede-factor-uitnodiging-gemaakt")
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()

    page.goto(link)
    inloggen(nieuw)
    page.wait_for_url(re.compile(r".*/inloggen/uitnodiging/.*"))
    assert page.locator("img.oi-qr").count() == 1
    screenshot(page, "tweede-factor-instellen")
    assert axe_schendingen(page) == []
    page.get_by_label("Code uit uw authenticator-app").fill(code(nieuw, False))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()
    assert page.locator("ul.oi-herstelcodes li").count() == 10
    screenshot(page, "tweede-factor-herstelcodes")
    assert axe_schendingen(page) == []
