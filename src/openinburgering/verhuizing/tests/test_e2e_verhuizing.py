"""End to end in the system Chromium: a person moves from Amstelwaard (A) to Beekveld (B).

A's klantregisseur sees the move on the dossier (the BRP registers the person in Beekveld),
closes and hands the dossier over, and downloads the PDF and the JSON file; B's klantregisseur
opens the person DUO announced (SS121), first uploads a broken file (a clear Dutch message,
nothing saved), then A's file, and sees A's history, marked as A's, on the history page and on
the timeline. B cannot open A's package (404). axe finds no violation of any impact on any page;
screenshots in test-artefacten/verhuizing-*.png.
"""

import io
import json
import re
from datetime import date

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from openinburgering.accounts.context import Actor
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.core import brp
from openinburgering.ui.tests.e2e import AXE, browser_page, screenshot  # noqa: F401
from openinburgering.verhuizing import services
from openinburgering.verhuizing.models import Meldingbron, Overdracht, Overname, Richting

from .helpers import DAG, dossier_met_geschiedenis, klantregisseur

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


def test_a_move_from_a_to_b_through_the_screens(
    browser_page,  # noqa: F811  (the fixture imported above)
    gemeente_a,
    gemeente_b,
    medewerker,
    inburgeraar_factory,
    settings,
    tmp_path,
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"
    page, url = browser_page
    actor_a = klantregisseur(gemeente_a, medewerker, first_name="Kim", last_name="Amstel")
    actor_b = klantregisseur(gemeente_b, medewerker, first_name="Bas", last_name="Beek")
    for user in (actor_a.user, actor_b.user):
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    with time_machine.travel(DAG):
        in_a = inburgeraar_factory(
            gemeente_a, voornamen="Yonas", achternaam="Reiziger", talen="Tigrinya",
            vnummer="9876543210", aangemeld_op=date(2025, 1, 6),
        )  # fmt: skip
        dossier_met_geschiedenis(actor_a, in_a)
    # The BRP registers the person in Beekveld (what integrations.brp reports, ADR 0066).
    brp.verhuizing_gemeld(
        brp.BrpVerhuizing(
            inburgeraar=in_a,
            actor=Actor(gemeente=gemeente_a, systeem="BRP-koppeling"),
            gemeentecode=gemeente_b.code,
            gemeentenaam=gemeente_b.naam,
            datum_inschrijving=date.today(),
        )
    )

    # --- A: sees the move, closes and hands over, downloads both files ---------------------
    _inloggen(page, url, actor_a.user)
    page.goto(f"{url}/inburgeraars/{in_a.uuid}/")
    kaart = page.locator("#verhuizing")
    expect(kaart.get_by_text("Verhuisd naar een andere gemeente.")).to_be_visible()
    expect(kaart.get_by_text("gemeente Beekveld")).to_be_visible()
    screenshot(page, "verhuizing-01-a-ziet-de-verhuizing")
    assert _axe(page) == []

    kaart.get_by_role("link", name="Dossier afsluiten en overdragen").click()
    expect(page.get_by_role("heading", name="Dossier afsluiten en overdragen")).to_be_visible()
    expect(page.get_by_label("Code van de nieuwe gemeente")).to_have_value("0002")
    expect(page.get_by_label("Naam van de nieuwe gemeente")).to_have_value("Beekveld")
    screenshot(page, "verhuizing-02-a-overdragen")
    assert _axe(page) == []
    page.get_by_role("button", name="Afsluiten en overdragen").click()
    expect(page.get_by_text("Het dossier is afgesloten en overgedragen.")).to_be_visible()
    expect(page.get_by_text("Verhuisd naar een andere gemeente", exact=False).first).to_be_visible()
    expect(
        page.locator("#verhuizing").get_by_text("Overgedragen aan gemeente Beekveld")
    ).to_be_visible()
    screenshot(page, "verhuizing-03-a-afgesloten")
    assert _axe(page) == []

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Overdrachtsdocument (PDF)").click()
    pdf = PdfReader(io.BytesIO(pdf_download.value.path().read_bytes()))
    tekst = " ".join(p.extract_text() for p in pdf.pages)
    assert "Overdrachtsdossier inburgering" in tekst and "Yonas Reiziger" in tekst
    with page.expect_download() as json_download:
        page.get_by_role("link", name=re.compile("Overdrachtsbestand")).click()
    bestand = tmp_path / "overdracht.json"
    json_download.value.save_as(bestand)
    gegevens = json.loads(bestand.read_text())
    assert gegevens["schemaversie"] == 1 and gegevens["persoon"]["achternaam"] == "Reiziger"
    overdracht = Overdracht.objects.get(dossier=in_a.dossier)
    for download in (pdf_download.value, json_download.value):
        assert in_a.bsn not in download.url

    # --- B: DUO announces the person (SS121); B reads the file in ---------------------------
    in_b = inburgeraar_factory(gemeente_b, bsn=in_a.bsn, voornamen="Yonas", achternaam="Reiziger")
    services.verhuizing_melden(
        actor=Actor(gemeente=gemeente_b, systeem="DUO-koppeling"),
        dossier=in_b.dossier,
        richting=Richting.VESTIGING,
        bron=Meldingbron.DUO,
        gebeurtenis="SS121",
        datum=date.today(),
        tijdlijn=False,
    )
    kapot = tmp_path / "kapot.json"
    kapot.write_text('{"soort": "openinburgering.overdracht", "schemaversie": 1}')
    context_b = page.context.browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="nl-NL", bypass_csp=True
    )
    pagina_b = context_b.new_page()
    _inloggen(pagina_b, url, actor_b.user)
    pagina_b.goto(f"{url}/inburgeraars/{in_b.uuid}/")
    kaart_b = pagina_b.locator("#verhuizing")
    expect(kaart_b.get_by_text("zich in deze gemeente vestigde")).to_be_visible()
    screenshot(pagina_b, "verhuizing-04-b-nieuwe-inwoner")
    assert _axe(pagina_b) == []
    kaart_b.get_by_role("link", name="Overdrachtsdossier inlezen").click()

    pagina_b.get_by_label("Overdrachtsbestand (.json)").set_input_files(str(kapot))
    pagina_b.get_by_role("button", name="Inlezen").click()
    expect(pagina_b.get_by_text("klopt niet met het schema").first).to_be_visible()
    screenshot(pagina_b, "verhuizing-05-b-fout-bestand")
    assert _axe(pagina_b) == []
    assert not Overname.objects.exists()

    pagina_b.get_by_label("Overdrachtsbestand (.json)").set_input_files(str(bestand))
    pagina_b.get_by_role("button", name="Inlezen").click()
    expect(
        pagina_b.get_by_role("heading", name="Geschiedenis uit gemeente Amstelwaard")
    ).to_be_visible()
    expect(
        pagina_b.get_by_text("Alles op deze pagina komt van gemeente Amstelwaard")
    ).to_be_visible()
    expect(pagina_b.get_by_text("Kapper, 6 jaar.")).to_be_visible()
    screenshot(pagina_b, "verhuizing-06-b-geschiedenis")
    assert _axe(pagina_b) == []

    pagina_b.get_by_role("link", name="Yonas Reiziger").click()
    expect(
        pagina_b.locator("#verhuizing").get_by_text("Overgenomen van gemeente Amstelwaard")
    ).to_be_visible()
    expect(pagina_b.get_by_text("Gemeente Amstelwaard: ", exact=False).first).to_be_visible()
    screenshot(pagina_b, "verhuizing-07-b-dossier-met-geschiedenis")
    assert _axe(pagina_b) == []

    # B never sees A's objects: the package is a 404.
    antwoord = pagina_b.goto(f"{url}/verhuizing/overdracht/{overdracht.uuid}/document/")
    assert antwoord.status == 404
    context_b.close()
