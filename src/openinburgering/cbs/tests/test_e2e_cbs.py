"""End-to-end in the system Chromium: a beleidsmedewerker builds the quarter's CBS file, reads the
check report, records the delivery, and searches the kennisbank; 0 axe violations on each page.
Screenshots in test-artefacten/."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.cbs.models import Levering
from openinburgering.inburgeraars.models import Dossier
from openinburgering.intake.models import BredeIntake
from openinburgering.kennisbank.models import Artikel
from openinburgering.kennisbank.startinhoud import laden as startinhoud_laden
from openinburgering.pip.models import PipVersie
from openinburgering.regels.statistiek import vorig_kwartaal
from openinburgering.ui.tests.e2e import (
    AXE,
    browser_page,  # noqa: F401  (fixture)
    screenshot,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _alle_schendingen(page) -> list[dict]:
    """Every axe-core violation of WCAG 2.x A/AA (not only the serious ones)."""
    page.add_script_tag(content=AXE.read_text())
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
    ]


def _inloggen(page, url, user):
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "app"})
    apparaat = TOTPDevice.objects.get(user=user)
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    page.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    # The beleidsmedewerker lands on the figures (ADR 0068).
    page.wait_for_url(re.compile(r".*/cijfers/$"))


def _persoon(maak, gemeente, *, leerroute):
    persoon = maak(gemeente)
    vandaag = timezone.localdate()
    Dossier.objects.filter(pk=persoon.dossier.pk).update(aangemeld_op=vandaag - timedelta(days=200))
    BredeIntake.objects.create(
        gemeente=gemeente, dossier=persoon.dossier, gestart_op=vandaag - timedelta(days=180),
        status="afgesloten", afgesloten_op=vandaag - timedelta(days=170),
        geadviseerde_leerroute="B",
    )  # fmt: skip
    PipVersie.objects.create(
        gemeente=gemeente, dossier=persoon.dossier, volgnummer=1, status="vastgesteld",
        dagtekening=vandaag - timedelta(days=150), vastgesteld_op=timezone.now(),
        leerroute=leerroute, niveau="B1" if leerroute == "B" else "",
        beschikking_pad="beschikkingen/test.pdf",
    )  # fmt: skip
    return persoon


def test_cbs_delivery_and_kennisbank_in_the_browser(
    browser_page,  # noqa: F811
    gemeente_a,
    medewerker,
    inburgeraar_factory,
):
    page, url = browser_page
    # A transactional test starts from empty tables: load the kennisbank as the migration does.
    startinhoud_laden(Artikel)
    _persoon(inburgeraar_factory, gemeente_a, leerroute="B")
    _persoon(inburgeraar_factory, gemeente_a, leerroute="")
    user = medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a, first_name="Bo", last_name="Beleid")
    _inloggen(page, url, user)

    page.get_by_role("link", name="Levering CBS").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Levering aan het CBS")
    expect(page.locator("#termijn")).to_contain_text("Uiterlijk")
    assert _alle_schendingen(page) == []
    screenshot(page, "cbs-overzicht")

    jaar, kwartaal = vorig_kwartaal(timezone.localdate())
    page.get_by_label("Kwartaal").select_option(f"{jaar}-{kwartaal}")
    page.get_by_role("button", name="Samenstellen en controleren").click()
    # The test settings run the task at once; in production the progress bar polls until done.
    expect(page.get_by_role("heading", name="Controleverslag")).to_be_visible()
    expect(page.locator("#controlerapport")).to_contain_text(
        "Het vastgestelde PIP heeft geen leerroute."
    )
    expect(page.get_by_role("link", name=re.compile("Bestand downloaden"))).to_be_visible()
    assert _alle_schendingen(page) == []
    screenshot(page, "cbs-levering-controleverslag")

    page.get_by_label("Kenmerk of bevestiging van het CBS").fill("CBS-2026-001")
    page.get_by_role("button", name="Vastleggen als aangeleverd").click()
    expect(
        page.get_by_text(re.compile("Aangeleverd aan het CBS op .* door Bo Beleid"))
    ).to_be_visible()
    assert _alle_schendingen(page) == []
    screenshot(page, "cbs-levering-aangeleverd")
    levering = Levering.objects.get()
    assert levering.aangeleverd_door == user and levering.kenmerk_cbs == "CBS-2026-001"

    page.get_by_role("button", name="Correctie samenstellen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("(correctie)")
    assert Levering.objects.count() == 2

    page.get_by_role("link", name="Kennisbank", exact=True).click()
    page.get_by_label("Zoeken in de kennisbank").fill("toolbox")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("#resultaten")).to_contain_text("gevonden")
    assert _alle_schendingen(page) == []
    screenshot(page, "kennisbank-zoeken")
    page.get_by_role("link", name="Toolbox Participatieverklaring (ProDemos)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Toolbox Participatieverklaring (ProDemos)"
    )
    assert _alle_schendingen(page) == []
    screenshot(page, "kennisbank-artikel")
