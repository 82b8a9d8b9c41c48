"""End-to-end in the system Chromium: a beheerder enters a grant (a refusal first), a teamleider
reads the budget and the cohorts, books a cost on a person and reverses it; 0 axe violations of
WCAG 2.x A/AA on every page. Screenshots in test-artefacten/."""

import re
from datetime import date, timedelta

from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.financien import services
from openinburgering.financien.models import Kostenboeking, Rijksbijdrage
from openinburgering.ui.tests.e2e import (
    AXE,
    browser_page,  # noqa: F401  (fixture)
    screenshot,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _alle_schendingen(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text())
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
    ]


def _inloggen(page, url, user):
    apparaat, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "app"}
    )
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    page.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(lambda u: "tweede-factor" not in u and "inloggen" not in u)


def test_budget_pages_in_the_browser(
    browser_page,  # noqa: F811
    gemeente_a,
    medewerker,
    inburgeraar_factory,
):
    page, url = browser_page
    vandaag = timezone.localdate()
    systeem = Actor(gemeente=gemeente_a, systeem="test")
    persoon = inburgeraar_factory(
        gemeente_a, voornamen="Samira", achternaam="Proefkosten",
        datum_bekendmaking_ind=date(vandaag.year - 1, 3, 1),
    )  # fmt: skip
    oud = inburgeraar_factory(gemeente_a, datum_bekendmaking_ind=date(2021, 3, 1), regime="Wi2013")
    services.kosten_boeken(
        actor=systeem, inburgeraar=oud, soort="begeleiding", bedrag_cent=1_200_00,
        datum=vandaag - timedelta(days=40), reden="Begeleiding (factuur)",
    )  # fmt: skip
    services.kosten_boeken(
        actor=systeem, inburgeraar=persoon, soort="cursus", bedrag_cent=9_500_00,
        datum=vandaag - timedelta(days=20), reden="Cursus (factuur)",
    )  # fmt: skip

    beheerder = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a, first_name="Fenna")
    _inloggen(page, url, beheerder)
    page.goto(f"{url}/financien/rijksbijdragen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rijksbijdragen vastleggen")
    assert _alle_schendingen(page) == []
    page.get_by_label("Jaar").fill(str(vandaag.year))
    page.get_by_label("Soort bijdrage").select_option("spuk_asiel")
    page.get_by_label("Bedrag (euro)").fill("-100,00")
    page.get_by_label("Grondslag").fill("Beschikking specifieke uitkering Wi2021")
    page.get_by_label("Regeling en artikel").fill("Bi2021 hoofdstuk financiering")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Een bedrag kan niet negatief zijn").first).to_be_visible()
    assert Rijksbijdrage.objects.count() == 0
    assert _alle_schendingen(page) == []
    screenshot(page, "financien-bijdrage-fout")
    page.get_by_label("Bedrag (euro)").fill("23200,00")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Budget en besteding")
    expect(page.locator("#tabel-bijdragen")).to_contain_text("€ 23.200,00")
    assert _alle_schendingen(page) == []

    teamleider = medewerker(Rol.TEAMLEIDER, gemeente_a, first_name="Tom", last_name="Teamleider")
    page.context.clear_cookies()
    _inloggen(page, url, teamleider)
    page.goto(f"{url}/financien/")
    expect(page.locator("#tabel-budget")).to_contain_text("€ 9.500,00")
    expect(page.locator("#wi2013")).to_contain_text("€ 2.370,00")
    expect(page.locator("svg.oi-svg")).to_be_visible()
    assert _alle_schendingen(page) == []
    screenshot(page, "financien-budget")
    page.get_by_role("link", name="Cohorten").click()
    expect(page.locator("#tabel-cohorten")).to_contain_text(str(vandaag.year - 1))
    assert _alle_schendingen(page) == []
    screenshot(page, "financien-cohorten")

    page.goto(f"{url}/financien/inburgeraar/{persoon.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Samira")
    page.get_by_label("Kostensoort").select_option("tolk")
    page.get_by_label("Bedrag (euro)").fill("-5")
    page.get_by_label("Datum van de kosten").fill(vandaag.strftime("%d-%m-%Y"))
    page.get_by_label("Reden", exact=True).fill("Tolk bij voortgangsgesprek")
    page.get_by_role("button", name="Boeken", exact=True).click()
    expect(page.get_by_text("Een bedrag kan niet negatief zijn").first).to_be_visible()
    assert _alle_schendingen(page) == []
    page.get_by_label("Bedrag (euro)").fill("65,00")
    page.get_by_role("button", name="Boeken", exact=True).click()
    expect(page.locator("#tabel-boekingen")).to_contain_text("€ 65,00")
    assert _alle_schendingen(page) == []
    screenshot(page, "financien-persoon")
    rij = page.locator("#tabel-boekingen tr", has_text="€ 65,00")
    rij.get_by_label("Reden van de correctie").fill("Dubbel geboekt")
    rij.get_by_role("button", name="Tegenboeken").click()
    expect(page.locator("#tabel-boekingen")).to_contain_text("-€ 65,00")
    assert _alle_schendingen(page) == []
    assert sum(Kostenboeking.objects.values_list("bedrag_cent", flat=True)) == 10_700_00
