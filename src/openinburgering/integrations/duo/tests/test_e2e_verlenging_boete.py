"""DUO's extension requests and fines on the dossier and in handhaving, in the system Chromium,
fetched from the DUO simulator over real HTTP with "Ophalen bij DUO": screenshots, and no serious
or critical WCAG violations (axe)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

from .test_e2e_duo import _inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_extension_and_duos_fine_on_the_dossier_and_in_handhaving(
    browser_page,  # noqa: F811
    simulator,
    gemeente_a,
    medewerker,
):
    page, url = browser_page
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    start = date(2023, 3, 15)
    simulator.persoon(
        bsn,
        gemeente_a,
        termijnAutomatisch=False,
        termijn={"startdatum": start.isoformat(), "einddatum": "2026-09-15"},
        verlengingen=[
            {
                "ontvangstdatum": "2025-10-20",
                "beoordelingAanvraag": "Toegekend",
                "datumBeoordeling": "2025-12-01",
            },
            {"ontvangstdatum": "2026-05-11", "beoordelingAanvraag": "InBehandeling"},
        ],
        boetes=[{"bedrag": 500, "datum": "2026-02-16"}],
    )
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn, voornamen="Mira", achternaam="Verlengd")

    _inloggen(page, url, medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    kaart = page.get_by_role("heading", name="Verlenging en boetes van DUO")
    expect(kaart).to_be_visible()
    page.get_by_role("button", name="Ophalen bij DUO").click()
    expect(page.get_by_text("Opgehaald bij DUO: 2 verlengingsaanvragen")).to_be_visible()
    kaartinhoud = page.locator("#duo_besluiten")
    expect(kaartinhoud.get_by_text("Toegekend", exact=True)).to_be_visible()
    expect(kaartinhoud.get_by_text("In behandeling bij DUO", exact=True)).to_be_visible()
    expect(kaartinhoud.get_by_text("€ 500", exact=True)).to_be_visible()
    expect(page.get_by_text("Inburgeringstermijn volgens DUO:")).to_be_visible()
    page.get_by_role("heading", name="Verlenging en boetes van DUO").scroll_into_view_if_needed()
    screenshot(page, "duo-verlenging-boetes-dossier")
    assert axe_schendingen(page) == []

    page.goto(f"{url}/handhaving/persoon/{persoon.uuid}/")
    expect(page.get_by_role("heading", name="Boetes van DUO")).to_be_visible()
    expect(
        page.get_by_role("cell", name="DUO (namens de minister), niet de gemeente")
    ).to_be_visible()
    screenshot(page, "duo-boetes-handhaving")
    assert axe_schendingen(page) == []
