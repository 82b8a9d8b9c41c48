"""End-to-end: a caseworker goes from a new-inburgeraar work item through the brede intake and
the PIP to the downloaded beschikking, and checks that the DUO simulator received the PIP
(delivered by the outbox); screenshots of every page in test-artefacten/."""

import io
import re
from datetime import date, timedelta

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pypdf import PdfReader

from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.signalen.services import signalen_herberekenen
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

from .helpers import ss139

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
    code = f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"
    page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_load_state()


def test_from_work_item_through_intake_and_pip_to_the_letter(
    browser_page,  # noqa: F811  (the fixture imported above)
    gemeente_a,
    medewerker,
    inburgeraar_factory,
    simulator,
    settings,
    tmp_path,
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    page, url = browser_page
    kim = medewerker(Rol.KLANTREGISSEUR, gemeente_a, first_name="Kim", last_name="Klantregisseur")
    TOTPDevice.objects.create(user=kim, name="app", confirmed=True)
    persoon = inburgeraar_factory(
        gemeente_a, voornamen="Selam", achternaam="Proefdijk", talen="Tigrinya",
        aangemeld_op=date.today(),
    )  # fmt: skip
    persoon.dossier.klantregisseur = kim
    persoon.dossier.save()
    ss139(persoon.dossier, date.today())
    signalen_herberekenen()
    simulator(
        "POST",
        "/gemeenten",
        {"oin": gemeente_a.oin, "gemeentecode": gemeente_a.code, "naam": gemeente_a.naam},
    )
    simulator("POST", "/personen", {
        "bsn": persoon.bsn, "woongemeenteOin": gemeente_a.oin,
        "plichtBegindatum": (date.today() - timedelta(days=30)).isoformat(),
        "vestigingsdatum": (date.today() - timedelta(days=20)).isoformat(),
    })  # fmt: skip

    _inloggen(page, url, kim)
    page.goto(f"{url}/werklijst/")
    expect(page.get_by_role("heading", name="Werklijst")).to_be_visible()
    expect(page.get_by_role("link", name="PIP vaststellen binnen 10 weken")).to_be_visible()
    screenshot(page, "pip-01-werklijst")
    assert axe_schendingen(page) == []

    page.get_by_role("link", name="Brede intake starten").click()
    page.get_by_role("button", name="Brede intake starten").click()
    expect(page.get_by_text("De brede intake is gestart.")).to_be_visible()
    page.get_by_label("Talen en opleiding").fill("Tigrinya en Engels; middelbare school in Asmara.")
    page.get_by_label("Werkervaring").fill("Naaister, 5 jaar.")
    page.get_by_label("Gezondheid").fill("Geen bijzonderheden.")
    page.get_by_label("Gezin en kinderopvang").fill("Alleenstaand.")
    page.get_by_label("LBT afgenomen op").fill(date.today().strftime("%d-%m-%Y"))
    page.get_by_label("Behaalde score").fill("31,00")
    page.get_by_label("Benodigde score (van DUO)").fill("28,00")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_text("De intake is opgeslagen als concept.")).to_be_visible()
    screenshot(page, "pip-02-intake")
    assert axe_schendingen(page) == []
    page.get_by_role("button", name="Intake afsluiten").click()
    expect(page.get_by_text("De brede intake is afgesloten.")).to_be_visible()

    page.get_by_role("link", name="Naar het PIP").click()
    page.get_by_role("button", name="Concept-PIP maken").click()
    expect(page.get_by_text("Het concept-PIP is aangemaakt.")).to_be_visible()
    # Live validation: an education route at A2 breaks R14, shown while typing.
    page.locator("#id_leerroute").select_option("O")
    page.locator("#id_niveau").select_option("A2")
    page.locator("#pip-toets").get_by_text("R14").wait_for()
    screenshot(page, "pip-03-live-validatie")
    page.locator("#id_leerroute").select_option("B")
    page.locator("#id_niveau").select_option("B1")
    page.locator("#id_begeleiding").fill(
        "Maatschappelijke begeleiding door de gemeente, het eerste jaar."
    )
    page.locator("#id_pvt_inhoud").fill("Workshops kernwaarden")
    page.locator("#id_pvt_intensiteit").fill("4 bijeenkomsten van 3 uur")
    page.locator("#id_map_inhoud").fill("Stage in de zorg")
    page.locator("#id_map_intensiteit").fill("64 uur")
    page.locator("#id_voortgang").fill("Gesprek met de klantregisseur.")
    page.locator("#id_gesprek_frequentie_weken").fill("8")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_text("Het concept is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Het PIP voldoet aan alle regels.")).to_be_visible()
    screenshot(page, "pip-04-concept")
    assert axe_schendingen(page) == []

    page.get_by_role("button", name="PIP vaststellen").click()
    expect(page.get_by_text("Het PIP is vastgesteld.")).to_be_visible()
    screenshot(page, "pip-05-overzicht")
    assert axe_schendingen(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Brief PIP 1 (PDF)").click()
    tekst = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages
    )
    assert "Selam Proefdijk" in tekst and "U volgt de B1-route" in tekst and "bezwaar" in tekst
    assert "ብትግርኛ ሓጺር መግለጺ" in tekst  # the summary in the person's own language

    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    expect(page.get_by_text("brief van").first).to_be_visible()
    screenshot(page, "pip-06-dossier")

    # The outbox delivers the PIP; the simulator applied exactly one, with route and dagtekening.
    from openinburgering.integrations.duo import bezorging
    from openinburgering.pip.models import PipVersie

    bezorging.bezorgen()
    pip = PipVersie.objects.get(dossier=persoon.dossier, volgnummer=1)
    berichten = [
        b
        for b in simulator("GET", "/berichten?methode=POST")
        if b["pad"].rstrip("/").endswith(f"/personen/{persoon.bsn}/PIP")
    ]
    assert len(berichten) == 1, berichten
    assert berichten[0]["toegepast"] and berichten[0]["status"] in (200, 201), berichten
    assert berichten[0]["body"]["leerroute"] == "B"
    assert berichten[0]["body"]["dagtekeningPip"] == pip.dagtekening.isoformat()
    staat = simulator("GET", f"/personen/{persoon.bsn}")
    assert len(staat["pips"]) == 1, staat
    assert staat["pips"][0]["pip"]["leerroute"] == "B"
    assert staat["pips"][0]["pip"]["dagtekeningPip"] == pip.dagtekening.isoformat()
