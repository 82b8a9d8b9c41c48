"""End-to-end: the grouped navigation with keyboard, without JavaScript, at 320 px, and axe."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD

from .e2e import axe_schendingen, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _inloggen(page, url, user):
    # The app is set up through a beheerder's invitation (ADR 0054); here it already is.
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "app"})
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    apparaat = TOTPDevice.objects.get(user=user)
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    page.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(lambda u: "tweede-factor" not in u and "inloggen" not in u)


def _nav(page):
    return page.get_by_role("navigation", name="Hoofdnavigatie")


def test_caseworker_opens_a_group_with_the_keyboard_and_closes_it_with_escape(
    browser_page, gemeente_a, medewerker
):
    page, url = browser_page
    _inloggen(page, url, medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    nav = _nav(page)
    pvt = nav.get_by_role("link", name="PVT-groepen")
    expect(pvt).not_to_be_visible()

    nav.locator("summary", has_text="Aanbod").focus()
    page.keyboard.press("Enter")
    expect(pvt).to_be_visible()
    screenshot(page, "nav-01-aanbod-open")
    assert axe_schendingen(page) == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "PVT-groepen"
    page.keyboard.press("Escape")
    expect(pvt).not_to_be_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    # One group open at a time, and a click elsewhere closes it.
    nav.locator("summary", has_text="Aanbod").click()
    nav.locator("summary", has_text="Naslag").click()
    expect(pvt).not_to_be_visible()
    expect(nav.get_by_role("link", name="Regelcatalogus")).to_be_visible()
    page.locator("h1").click()
    expect(nav.get_by_role("link", name="Regelcatalogus")).not_to_be_visible()

    nav.locator("summary", has_text="Aanbod").click()
    pvt.click()
    page.wait_for_url(re.compile(r".*/traject/pvt/$"))
    assert _nav(page).locator("summary", has_text="Aanbod").get_attribute("aria-current") == (
        "true"
    )
    # The group is closed on the new page; its current link is still marked for screen readers.
    actief = _nav(page).get_by_role("link", name="PVT-groepen", include_hidden=True)
    assert actief.get_attribute("aria-current") == "page"


def test_groups_work_without_javascript(browser_page, live_server, gemeente_a, medewerker):
    page, url = browser_page
    user = medewerker(Rol.TEAMLEIDER, gemeente_a)
    _inloggen(page, url, user)
    zonder_js = page.context.browser.new_context(
        java_script_enabled=False, storage_state=page.context.storage_state()
    )
    try:
        kaal = zonder_js.new_page()
        kaal.goto(f"{url}/inburgeraars/")
        nav = _nav(kaal)
        nav.locator("summary", has_text="Aanbod").click()
        nav.get_by_role("link", name="Taalaanbieders").click()
        kaal.wait_for_url(re.compile(r".*/taalaanbieders/$"))
        actief = nav.get_by_role("link", name="Taalaanbieders", include_hidden=True)
        assert actief.get_attribute("aria-current") == "page"
    finally:
        zonder_js.close()


@pytest.mark.parametrize("rol", [Rol.KLANTREGISSEUR, Rol.FUNCTIONEEL_BEHEERDER])
def test_header_fits_320_px_and_every_group_opens_in_the_flow(
    browser_page, gemeente_a, gemeente_b, medewerker, rol
):
    page, url = browser_page
    _inloggen(page, url, medewerker(rol, gemeente_a, gemeente_b))
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{url}/regels/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for samenvatting in _nav(page).locator("summary").all():
        samenvatting.click()
        groep = samenvatting.locator("xpath=..")
        for link in groep.get_by_role("link").all():
            expect(link).to_be_visible()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        samenvatting.click()
    screenshot(page, f"nav-02-320-{rol}")
    assert axe_schendingen(page) == []


def test_gemeente_instellingen_is_accessible_at_desktop_and_320_px(
    browser_page, gemeente_a, medewerker
):
    page, url = browser_page
    _inloggen(page, url, medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    _nav(page).get_by_role("link", name="Gemeente-instellingen").click()
    expect(page.get_by_role("heading", name="Gemeente-instellingen", level=1)).to_be_visible()
    assert axe_schendingen(page) == []
    page.get_by_label("Telefoonnummer").fill("bel ons")
    page.get_by_label("E-mailadres").fill("inburgering@")
    page.get_by_role("button", name="Instellingen opslaan").click()
    samenvatting = page.locator("#foutsamenvatting")
    assert "Vul een Nederlands telefoonnummer in" in samenvatting.inner_text()
    assert axe_schendingen(page) == []
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(page, "nav-03-gemeente-instellingen-320")
    assert axe_schendingen(page) == []
    page.get_by_label("Telefoonnummer").fill("14 0001")
    page.get_by_label("E-mailadres").fill("inburgering@amstelwaard.example")
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_text("De instellingen van de gemeente zijn opgeslagen.")).to_be_visible()
    expect(page.locator(".oi-briefvoorbeeld").get_by_text("Telefoon: 14 0001")).to_be_visible()
