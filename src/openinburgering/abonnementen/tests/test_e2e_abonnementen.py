"""End-to-end: the functioneel beheerder subscribes a system to events, sees the secret once,
reads the delivery log and sends a given-up event again; screenshots and axe on the way."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from openinburgering.abonnementen import bezorging
from openinburgering.abonnementen.models import Abonnement, Bezorging, BezorgStatus
from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.tests.factories import WACHTWOORD
from openinburgering.ui.tests.e2e import axe_schendingen, browser_page, screenshot  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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


def test_beheerder_subscribes_reads_the_log_and_sends_again(
    browser_page,  # noqa: F811
    gemeente_a,
    medewerker,
    inburgeraar_factory,
    ontvanger,
):
    page, url = browser_page
    _inloggen(page, url, medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a, first_name="Fenna"))

    # Beside DUO's link on the integration page (the main navigation holds six at most).
    page.get_by_role("link", name="Koppeling DUO").click()
    page.get_by_role("link", name="Abonnementen van andere systemen op gebeurtenissen").click()
    expect(page.get_by_role("heading", name="Abonnementen", level=1)).to_be_visible()
    page.get_by_role("link", name="Nieuw abonnement").click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Kies ten minste één soort gebeurtenis.").first).to_be_visible()
    screenshot(page, "abonnementen-01-formulier-met-fouten")
    assert axe_schendingen(page) == []

    page.get_by_label("Naam").fill("Zaaksysteem")
    page.get_by_label("Callback-URL").fill(ontvanger.url)
    page.get_by_label("Dossier geopend").check()
    page.get_by_label("Dossier gesloten").check()
    page.get_by_label("PIP vastgesteld").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Abonnement aangemaakt")).to_be_visible()
    geheim = page.locator("#geheim").inner_text()
    assert geheim.startswith("whsec_")
    ontvanger.geheim = geheim
    screenshot(page, "abonnementen-02-geheim-eenmalig")
    assert axe_schendingen(page) == []

    # Three dossiers open; the receiver refuses the first for days, takes the others.
    abonnement = Abonnement.objects.get()
    ontvanger.storing = 503
    # Each commit hands the deliverer a task (run at once in the tests): all three fail first.
    personen = [inburgeraar_factory(gemeente_a) for _ in range(3)]
    eerste = Bezorging.objects.order_by("id").first()
    Bezorging.objects.filter(pk=eerste.pk).update(
        status=BezorgStatus.DOOD, afgerond_op=timezone.now(), pogingen=9,
        eerste_poging_op=timezone.now() - timedelta(days=3),
    )  # fmt: skip
    ontvanger.storing = None
    Bezorging.objects.exclude(pk=eerste.pk).update(volgende_poging_op=timezone.now())
    assert bezorging.bezorgen().bezorgd == 2

    page.get_by_role("link", name="Naar het abonnement").click()
    expect(page.get_by_role("heading", name="Bezorglog")).to_be_visible()
    expect(page.get_by_role("cell", name="HTTP 204").first).to_be_visible()
    expect(page.get_by_text("HTTP 503")).to_be_visible()
    screenshot(page, "abonnementen-03-bezorglog")
    assert axe_schendingen(page) == []

    page.get_by_role("button", name="Opnieuw versturen").click()
    expect(page.get_by_text("De gebeurtenis wordt opnieuw verstuurd")).to_be_visible()
    # The task the view handed over has run (at once, in the tests); a round more changes nothing.
    bezorging.bezorgen()
    assert {o.event["subject"] for o in ontvanger.ontvangsten if o.geldig} == {
        str(p.dossier.uuid) for p in personen
    }
    page.goto(f"{url}/abonnementen/")
    expect(page.get_by_role("link", name="Zaaksysteem")).to_be_visible()
    screenshot(page, "abonnementen-04-lijst")
    assert axe_schendingen(page) == []
    assert abonnement.bezorgingen.filter(status=BezorgStatus.BEZORGD).count() == 3
