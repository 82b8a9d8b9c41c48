"""The contract overview: a chart AND a table, both matching the underlying records."""

import re
from decimal import Decimal

from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.taalaanbieders import services
from openinburgering.taalaanbieders.grafiek import staafgrafiek
from openinburgering.taalaanbieders.models import Urenregel, Verwijzing

from .conftest import VANDAAG, maak_contract, school_actor, week

D = Decimal


@pytest.fixture
def twee_contracten(gemeente_a, instelling, andere_instelling, verwijs, school_medewerker):
    per_uur = maak_contract(
        gemeente_a, instelling, kenmerk="UUR-1", prijsmodel="per_uur", tarief=D("50.00"),
        afrekenbasis="aangeboden", contractwaarde=D("20000.00"), capaciteit=10,
    )  # fmt: skip
    per_traject = maak_contract(
        gemeente_a, andere_instelling, kenmerk="TRJ-1", prijsmodel="per_traject",
        tarief=D("9000.00"), contractwaarde=D("90000.00"), capaciteit=5,
    )  # fmt: skip
    uren = [("12", "10"), ("12", "6")]
    for i, (aangeboden, aanwezig) in enumerate(uren):
        v = verwijs(per_uur, achternaam=f"Uur{i}")
        actor = school_actor(school_medewerker(instelling), v)
        services.intake_bevestigen(actor=actor, verwijzing=v, datum=VANDAAG)
        for n in (1, 2):
            start, einde = week(n)
            services.uren_melden(
                actor=actor, verwijzing=v, periode_start=start, periode_einde=einde,
                uren_aangeboden=D(aangeboden), uren_aanwezig=D(aanwezig), uren_fysiek=D(aanwezig),
                verzuimreden="ziek" if aanwezig != aangeboden else "",
            )  # fmt: skip
    gestart = verwijs(per_traject, achternaam="Traject")
    services.intake_bevestigen(
        actor=school_actor(school_medewerker(andere_instelling), gestart),
        verwijzing=gestart,
        datum=VANDAAG,
    )
    verwijs(per_traject, achternaam="NogNiet")
    return per_uur, per_traject


def _rij(inhoud, kenmerk):
    return re.search(rf'<tr[^>]*data-contract="{kenmerk}">(.*?)</tr>', inhoud, re.S).group(1)


def _cel(rij, veld):
    return re.sub(
        r"<[^>]+>", " ", re.search(rf'data-veld="{veld}">(.*?)</td>', rij, re.S).group(1)
    ).split()


def test_overview_table_matches_the_records(twee_contracten, medewerker, inloggen, gemeente_a):
    per_uur, per_traject = twee_contracten
    inhoud = (
        inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
        .get(reverse("taalaanbieders:overzicht"))
        .content.decode()
    )

    regels = Urenregel.objects.filter(verwijzing__contract=per_uur)
    aangeboden = sum(r.uren_aangeboden for r in regels)
    aanwezig = sum(r.uren_aanwezig for r in regels)
    assert (aangeboden, aanwezig) == (D("48"), D("32"))
    rij = _rij(inhoud, "UUR-1")
    assert _cel(rij, "plaatsen") == ["2", "/", "10"]
    assert _cel(rij, "aangeboden") == ["48"] and _cel(rij, "aanwezig") == ["32"]
    assert _cel(rij, "aanwezigheid") == ["66,7%"]
    # Per hour, paid over hours offered: 48 × € 50.
    assert _cel(rij, "uitgegeven")[:2] == ["€", "2.400,00"]
    assert _cel(rij, "waarde") == ["€", "20.000,00"]

    rij = _rij(inhoud, "TRJ-1")
    gestart = Verwijzing.objects.filter(contract=per_traject, intake_bevestigd_op__isnull=False)
    assert gestart.count() == 1
    assert _cel(rij, "plaatsen") == ["2", "/", "5"]
    # Per trajectory: one started (intake confirmed) × € 9000.
    assert _cel(rij, "uitgegeven")[:2] == ["€", "9.000,00"]
    assert _cel(rij, "aanwezigheid") == ["–"]

    assert inhoud.count('role="img"') == 2
    assert '<title id="grafiek-uren-titel">' in inhoud
    assert "48 uur" in inhoud and "32 uur" in inhoud and "€ 2.400" in inhoud


def test_bar_lengths_are_proportional_and_zero_is_no_bar():
    grafiek = staafgrafiek(
        [("A", [(D("100"), "x", "100"), (D("50"), "y", "50")]), ("B", [(D("0"), "x", "0")])]
    )
    a, b = grafiek.groepen[0].balken
    assert a.breedte == 2 * b.breedte
    assert grafiek.groepen[1].balken[0].breedte == 0


def test_contract_is_created_through_the_form(gemeente_a, instelling, medewerker, inloggen):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    response = client.post(
        reverse("taalaanbieders:contract_aanmaken"),
        {
            "instelling": instelling.pk,
            "kenmerk": "INK-2026-01",
            "leerroutes": ["B", "Z"],
            "prijsmodel": "per_uur",
            "tarief": "42,50",
            "afrekenbasis": "gevolgd",
            "uren_per_week": "12",
            "capaciteit": "25",
            "startdatum": "01-01-2026",
            "einddatum": "31-12-2027",
            "contractwaarde": "250000",
            "verzuim_drempel_procent": "15",
        },
    )
    assert response.status_code == 302, re.findall(
        r'error-message"[^>]*>([^<]+)', response.content.decode()
    )
    detail = client.get(response["Location"]).content.decode()
    assert "INK-2026-01" in detail and "15%" in detail


def test_contract_form_errors_are_dutch(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    response = client.post(
        reverse("taalaanbieders:contract_aanmaken"), {"startdatum": "31-02-2026"}
    )
    inhoud = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldige datum in" in inhoud and "foutsamenvatting" in inhoud
