"""End to end in the system Chromium: the caseworker decides ontzorgen and makes the payment
run. A bad IBAN and a negative amount get Dutch messages and save nothing; axe finds no
violation of any impact on the decision page and the payment run page; screenshots in
test-artefacten/ontzorgen-*.png."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.ontzorgen.models import Betaalrun, VasteLast
from openinburgering.ui.tests.e2e import AXE, browser_page, screenshot  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _axe(page) -> list[dict]:
    """Every axe violation (WCAG 2.x A/AA and 2.2 AA), whatever its impact."""
    page.add_script_tag(content=AXE.read_text())
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
    ]


def _inloggen(page, url, user):
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
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


def test_decide_ontzorgen_and_make_the_payment_run(
    browser_page,  # noqa: F811  (the fixture imported above)
    klantregisseur,
    besluit,
):
    page, url = browser_page
    _inloggen(page, url, klantregisseur)
    inburgeraar = besluit.dossier.inburgeraar

    page.goto(f"{url}/ontzorgen/{inburgeraar.uuid}/")
    expect(page.get_by_role("heading", name="Bijstand en ontzorgen", exact=True)).to_be_visible()
    expect(page.get_by_text("(bron: Werk & Inkomen (API), API test)")).to_be_visible()
    assert _axe(page) == []
    page.get_by_role("link", name=re.compile("Ontzorgen \\(Concept\\)")).click()
    expect(page.get_by_role("heading", name="Besluit ontzorgen")).to_be_visible()
    screenshot(page, "ontzorgen-01-besluit")
    assert _axe(page) == []

    # Bad input: a Dutch message per field, nothing saved.
    page.get_by_label("Begunstigde", exact=True).fill("Woonproef")
    page.get_by_label("IBAN van de begunstigde").fill("NL00BANK0000000000")
    page.get_by_label("Bedrag in euro").fill("-12,50")
    page.get_by_label("Contract- of klantnummer").fill("C1")
    page.get_by_role("button", name="Vaste last toevoegen").click()
    expect(page.get_by_text("Dit is geen geldige IBAN.", exact=False).first).to_be_visible()
    expect(page.get_by_text("Het bedrag moet groter zijn dan € 0,00.").first).to_be_visible()
    screenshot(page, "ontzorgen-02-fout")
    assert _axe(page) == []
    assert VasteLast.objects.count() == 4

    page.get_by_role("button", name="Ontzorgen vaststellen").click()
    expect(page.get_by_text("Het ontzorgen is vastgesteld; de brief staat klaar.")).to_be_visible()
    expect(page.get_by_role("link", name="Besluit ontzorgen (PDF)")).to_be_visible()
    assert _axe(page) == []

    page.goto(f"{url}/ontzorgen/betaalruns/")
    expect(page.get_by_role("heading", name="Betaalruns ontzorgen")).to_be_visible()
    assert _axe(page) == []
    vandaag = timezone.localdate()
    page.get_by_label("Maand", exact=True).fill(vandaag.strftime("%d-%m-%Y"))
    page.get_by_label("Uitvoerdatum").fill((vandaag + timedelta(days=1)).strftime("%d-%m-%Y"))
    page.get_by_role("button", name="Betaalrun maken").click()
    expect(page.get_by_text("De betaalrun is gemaakt.", exact=False)).to_be_visible()
    run = Betaalrun.objects.get()
    expect(page.get_by_text(f"{run.aantal}", exact=True).first).to_be_visible()
    screenshot(page, "ontzorgen-03-betaalrun")
    assert _axe(page) == []
