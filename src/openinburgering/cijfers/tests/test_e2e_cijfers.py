"""End-to-end in the system Chromium: the beleidsmedewerker signs in and lands on the
dashboards, walks every dashboard page (with a filter) and an export; a visitor without login
opens the council page. Every page: 0 axe violations, no console error (a CSP violation is
one), screenshots in ``test-artefacten/``."""

import io

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from openinburgering.cijfers import dashboards
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "demo-wachtwoord-2026"


@pytest.fixture
def demo(settings):
    # As `make demo` runs: demo mode (no second factor), the demo data with its figures.
    settings.DEMO_MODE = True
    settings.TWO_FACTOR_REQUIRED = False
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    call_command("demo_data", aantal=40, stdout=io.StringIO())


def _toegankelijk(page, naam, fouten):
    screenshot(page, naam)
    assert axe_schendingen(page) == [], naam
    assert fouten == [], (naam, fouten)


def test_dashboards_and_council_page_are_accessible(demo, browser_page):  # noqa: F811
    page, url = browser_page
    fouten: list[str] = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("beleid")
    page.get_by_label("Wachtwoord", exact=True).fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{url}/cijfers/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Instroom en doorlooptijd")
    _toegankelijk(page, "cijfers-01-instroom", fouten)

    for nummer, p in enumerate(dashboards.PAGINAS[1:], start=2):
        page.get_by_role("link", name=str(p.titel)).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(str(p.titel))
        for code in p.secties:
            expect(page.locator(f"#tabel-{code}")).to_be_visible()
        _toegankelijk(page, f"cijfers-0{nummer}-{p.code}", fouten)

    # A filter: one doelgroep, a year; the choice stays on the page and in the exports.
    page.get_by_role("link", name="Instroom en doorlooptijd").click()
    page.get_by_label("Doelgroep").select_option("Asielstatushouder")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_label("Doelgroep")).to_have_value("Asielstatushouder")
    with page.expect_download() as download:
        page.get_by_role("link", name="Van melding door DUO tot plicht voldaan als CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
    _toegankelijk(page, "cijfers-05-filter", fouten)

    # The council page, public: a fresh browser context without a session.
    context = page.context.browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="nl-NL", bypass_csp=True
    )
    openbaar = context.new_page()
    openbaar.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    openbaar.goto(f"{url}/raadsinformatie/9001/")
    expect(openbaar.get_by_role("heading", level=1)).to_contain_text("cijfers voor de gemeenteraad")
    expect(openbaar.get_by_role("link", name="Download als PDF")).to_be_visible()
    _toegankelijk(openbaar, "cijfers-06-raadsinformatie", fouten)
    openbaar.set_viewport_size({"width": 320, "height": 900})
    screenshot(openbaar, "cijfers-07-raadsinformatie-smal")
    assert axe_schendingen(openbaar) == []
    context.close()
