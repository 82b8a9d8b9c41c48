"""End-to-end: plan a PVT group, invite three people, register attendance and the signing, and see
the message arrive at the DUO simulator (delivered by the outbox). Screenshots in test-artefacten/."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from openinburgering.accounts.rollen import Rol
from openinburgering.ui.tests.e2e import (
    axe_schendingen,
    browser_page,  # noqa: F401  (fixture)
    screenshot,
)
from openinburgering.ui.tests.test_e2e import _inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _pip(dossier, dagtekening):
    from openinburgering.pip.models import PipVersie

    return PipVersie.objects.create(
        gemeente=dossier.gemeente, dossier=dossier, volgnummer=1, status="vastgesteld",
        dagtekening=dagtekening, vastgesteld_op=timezone.now(), leerroute="B", niveau="B1",
        beschikking_pad="beschikkingen/test.pdf", map_intensiteit="64 uur",
    )  # fmt: skip


def test_pvt_group_from_planning_to_duo(
    browser_page,  # noqa: F811
    simulator,
    gemeente_a,
    medewerker,
    inburgeraar_factory,  # noqa: F811
):
    page, url = browser_page
    vandaag = timezone.localdate()
    dagtekening = vandaag - timedelta(days=120)
    simulator(
        "POST",
        "/gemeenten",
        {"oin": gemeente_a.oin, "gemeentecode": gemeente_a.code, "naam": gemeente_a.naam},
    )
    personen = []
    for voornaam, achternaam in [("Amira", "Haddad"), ("Yonas", "Tesfaye"), ("Oksana", "Koval")]:
        p = inburgeraar_factory(
            gemeente_a, voornamen=voornaam, achternaam=achternaam, talen="Arabisch"
        )
        _pip(p.dossier, dagtekening)
        simulator("POST", "/personen", {
            "bsn": p.bsn, "woongemeenteOin": gemeente_a.oin,
            "plichtBegindatum": (dagtekening - timedelta(days=60)).isoformat(),
            "vestigingsdatum": (dagtekening - timedelta(days=30)).isoformat(),
            "pip": {"gemeenteOin": gemeente_a.oin, "dagtekeningPip": dagtekening.isoformat(), "leerroute": "B"},
        })  # fmt: skip
        personen.append(p)
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a, first_name="Kim", last_name="Klantregisseur")
    _inloggen(page, url, user)

    # PVT-groepen sits in the navigation group "Aanbod" (ADR 0043).
    page.locator("summary", has_text="Aanbod").click()
    page.get_by_role("link", name="PVT-groepen").click()
    page.get_by_role("link", name="Nieuwe PVT-groep").click()
    page.get_by_label("Naam van de groep").fill("PVT voorjaar")
    page.get_by_label("Locatie").fill("Bibliotheek, zaal 2")
    page.get_by_label("Voertaal").fill("Nederlands")
    page.get_by_label("Tolk").fill("Arabisch")
    page.get_by_label("Maximaal aantal deelnemers").fill("12")
    page.get_by_label("Begeleider (trainer)").fill("Sanne de Vries")
    page.get_by_role("button", name="Groep aanmaken").click()
    expect(page.get_by_role("heading", name="PVT voorjaar")).to_be_visible()

    page.get_by_label("Onderwerp").fill("Vrijheid en gelijkwaardigheid")
    page.get_by_label("Datum", exact=True).fill(vandaag.strftime("%d-%m-%Y"))
    page.get_by_label("Begintijd").fill("09:30")
    page.get_by_label("Eindtijd").fill("12:00")
    page.get_by_role("button", name="Bijeenkomst plannen").click()
    expect(page.get_by_text("De bijeenkomst is gepland.")).to_be_visible()

    for p in personen:
        page.get_by_label(re.compile(f"^{p.achternaam}, {p.voornamen}")).check()
    page.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_text("3 personen uitgenodigd.")).to_be_visible()
    screenshot(page, "pvt-01-groep-gepland")
    assert axe_schendingen(page) == []

    for p in personen:
        page.get_by_label(p.volledige_naam, exact=True).select_option("aanwezig")
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("Aanwezigheid opgeslagen voor 3 deelnemers.")).to_be_visible()

    # A signing in the future is refused with the rule and the article.
    morgen = (vandaag + timedelta(days=1)).strftime("%d-%m-%Y")
    eerste = personen[0]
    page.get_by_label(f"Ondertekend op ({eerste.volledige_naam})").fill(morgen)
    page.get_by_role(
        "button", name=f"Ondertekening vastleggen voor {eerste.volledige_naam}"
    ).click()
    fout = page.locator("#foutsamenvatting")
    assert "R39" in fout.inner_text() and "in de toekomst" in fout.inner_text()
    screenshot(page, "pvt-02-ondertekening-geweigerd")
    assert axe_schendingen(page) == []

    for p in personen:
        page.get_by_label(f"Ondertekend op ({p.volledige_naam})").fill(vandaag.strftime("%d-%m-%Y"))
        page.get_by_role("button", name=f"Ondertekening vastleggen voor {p.volledige_naam}").click()
        expect(page.get_by_text(f"Ondertekening van {p.volledige_naam} vastgelegd")).to_be_visible()
    assert page.get_by_text(f"Ondertekend op {vandaag:%d-%m-%Y}").count() == 3
    screenshot(page, "pvt-03-ondertekend")

    from openinburgering.integrations.duo import bezorging

    bezorging.bezorgen()
    berichten = simulator("GET", "/berichten?methode=PUT")
    pvt = [b for b in berichten if str(b.get("pad", "")).endswith("/pvt")]
    assert len(pvt) == 3, berichten
    for b in pvt:
        assert b.get("status") in (200, None) or b.get("statuscode") in (200, None)

    page.get_by_role("link", name=eerste.volledige_naam).click()
    expect(page.get_by_text("Bezorgd bij DUO").first).to_be_visible()
    screenshot(page, "pvt-04-traject-bezorgd")
    assert axe_schendingen(page) == []
