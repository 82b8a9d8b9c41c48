"""End-to-end in the system Chromium: a caseworker refers a person; the school's user signs in
with TOTP, confirms the intake and reports hours with absence; the caseworker sees the signal."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.ui.tests.e2e import axe_schendingen, screenshot

from .conftest import VANDAAG, maak_contract, maak_instelling, week

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _code(user):
    apparaat = TOTPDevice.objects.get(user=user)
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"


def _inloggen(page, url, user, *, landing):
    # The app is set up through a beheerder's invitation (ADR 0054); here it already is.
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "app"})
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r".*/tweede-factor/.*"))
    page.get_by_label("Code uit uw authenticator-app").fill(_code(user))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(re.compile(landing))


def _toegankelijk(page, naam):
    screenshot(page, naam)
    assert axe_schendingen(page) == [], naam


def test_referral_school_report_and_absence_signal(
    browser_page,
    gemeente_a,
    medewerker,
    inburgeraar_factory,
    school_medewerker,  # noqa: F811
):
    from openinburgering.pip.models import PipVersie

    page, url = browser_page
    brug = maak_instelling()
    maak_contract(gemeente_a, brug, kenmerk="INK-2026-01", tarief=48)
    kim = medewerker(Rol.KLANTREGISSEUR, gemeente_a, first_name="Kim", last_name="Klantregisseur")
    persoon = inburgeraar_factory(
        gemeente_a,
        voornamen="Yonas",
        achternaam="Proefdijk",
        talen="Tigrinya",
        telefoon="0612345678",
    )
    PipVersie.objects.create(
        gemeente=gemeente_a, dossier=persoon.dossier, volgnummer=1, status="vastgesteld",
        dagtekening=VANDAAG - timedelta(days=60), leerroute="B", niveau="B1",
        vastgesteld_op=timezone.now(), beschikking_pad="e2e/pip.pdf",
    )  # fmt: skip
    school = school_medewerker(brug, first_name="Sanne", last_name="de Vries")
    inschrijving = VANDAAG - timedelta(days=50)

    # 1. The caseworker refers the person from the dossier.
    _inloggen(page, url, kim, landing=r".*/(werklijst|inburgeraars)/$")
    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    page.get_by_role("link", name="Verwijzen naar een taalaanbieder").click()
    page.get_by_label("Inschrijfdatum").fill(inschrijving.strftime("%d-%m-%Y"))
    page.get_by_label("Verwachte startdatum van de lessen").fill(inschrijving.strftime("%d-%m-%Y"))
    _toegankelijk(page, "taal-01-verwijzen")
    page.get_by_role("button", name="Verwijzen en aanbod melden bij DUO").click()
    page.wait_for_url(re.compile(rf".*/inburgeraars/{persoon.uuid}/$"))
    expect(page.get_by_text("Yonas Proefdijk is verwezen.")).to_be_visible()
    expect(page.get_by_text("Verwezen naar Taalhuis De Brug")).to_be_visible()

    # 2. The school's user signs in (own browser), sees only the referral, confirms the intake.
    school_context = page.context.browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="nl-NL", bypass_csp=True
    )
    sp = school_context.new_page()
    _inloggen(sp, url, school, landing=r".*/taalaanbieders/portaal/$")
    expect(sp.get_by_role("heading", name="Deelnemers")).to_be_visible()
    _toegankelijk(sp, "taal-02-portaal-deelnemers")
    sp.get_by_role("link", name="Yonas Proefdijk").click()
    expect(sp.get_by_text("Tigrinya")).to_be_visible()
    assert sp.get_by_text("Geboortedatum").count() == 0
    _toegankelijk(sp, "taal-03-portaal-intake")
    sp.get_by_role("button", name="Intake bevestigen").click()
    expect(sp.get_by_text("De intake is bevestigd.")).to_be_visible()

    # 3. Hours for last week, with absence above the contract's 20%.
    start, einde = week(1)
    sp.get_by_label("Eerste dag van de periode").fill(start.strftime("%d-%m-%Y"))
    sp.get_by_label("Laatste dag van de periode").fill(einde.strftime("%d-%m-%Y"))
    sp.get_by_label("Aangeboden lesuren").fill("12")
    sp.get_by_label("Aanwezig (uren)").fill("4")
    sp.get_by_label("Waarvan in de klas (uren)").fill("4")
    sp.get_by_role("button", name="Uren melden").click()
    expect(sp.locator("#foutsamenvatting")).to_be_visible()
    assert "Geef de reden van het verzuim." in sp.locator("#foutsamenvatting").inner_text()
    _toegankelijk(sp, "taal-04-portaal-uren-fout")
    sp.get_by_label("Reden van verzuim").select_option("onbekend")
    sp.get_by_role("button", name="Uren melden").click()
    expect(sp.get_by_text("De uren zijn gemeld.")).to_be_visible()
    _toegankelijk(sp, "taal-05-portaal-uren-gemeld")
    sp.get_by_role("link", name="Uren uploaden").click()
    _toegankelijk(sp, "taal-06-portaal-uploaden")
    kenmerk = sp_kenmerk = persoon.verwijzingen.get().kenmerk
    twee_weken = week(2)
    csv = (
        "kenmerk;periode_start;periode_einde;uren_aangeboden;uren_aanwezig;uren_fysiek;"
        "verzuimreden;toelichting\n"
        f"{kenmerk};{twee_weken[0]:%d-%m-%Y};{twee_weken[1]:%d-%m-%Y};12;12;12;;\n"
        f"{sp_kenmerk};{twee_weken[0]:%d-%m-%Y};31-02-2026;12;13;12;;\n"
    )
    sp.get_by_label("Bestand met uren (CSV of XLSX)").set_input_files(
        files=[{"name": "uren.csv", "mimeType": "text/csv", "buffer": csv.encode()}]
    )
    sp.get_by_role("button", name="Controleren en importeren").click()
    assert "1 van de 2 regels heeft een fout" in sp.locator("#foutsamenvatting").inner_text()
    rapport = sp.locator("#foutrapport")
    expect(rapport.get_by_text("periode_einde is geen datum")).to_be_visible()
    expect(rapport.get_by_text("niet meer uren aanwezig zijn dan aangeboden")).to_be_visible()
    _toegankelijk(sp, "taal-06b-portaal-upload-foutrapport")
    sp.get_by_role("button", name="Alleen de 1 goede regel importeren").click()
    expect(sp.get_by_text("1 goede regel is geïmporteerd")).to_be_visible()
    school_context.close()

    # 4. The caseworker sees the absence signal on the dossier and in the school reports.
    page.goto(f"{url}/inburgeraars/{persoon.uuid}/")
    signaal = page.locator("#taalaanbod").get_by_text(
        "Verzuim 66,7% bij Taalhuis De Brug (grens 20%)"
    )
    expect(signaal).to_be_visible()
    _toegankelijk(page, "taal-07-dossier-verzuimsignaal")
    page.goto(f"{url}/taalaanbieders/aandachtspunten/")
    expect(
        page.get_by_text("Verzuim 66,7% bij Taalhuis De Brug (grens 20%)", exact=True)
    ).to_be_visible()
    _toegankelijk(page, "taal-08-meldingen-van-scholen")
    page.goto(f"{url}/taalaanbieders/")
    expect(page.locator("#benutting").get_by_text("Taalhuis De Brug")).to_be_visible()
    _toegankelijk(page, "taal-09-contracten-en-benutting")
