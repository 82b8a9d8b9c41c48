"""DUO's Verlenging and Boete APIs (June 2026) in the simulator: what is seeded comes back in the
shape of DUO's spec (every answer is validated by the fixture), and nothing else can be seeded."""

import pytest

from .conftest import GEMEENTE_A, GEMEENTE_B

VERLENGINGEN = [
    {"ontvangstdatum": "2026-03-02", "beoordelingAanvraag": "InBehandeling"},
    {
        "ontvangstdatum": "2025-11-20",
        "beoordelingAanvraag": "Toegekend",
        "datumBeoordeling": "2026-01-08",
    },
]
BOETES = [{"bedrag": 500, "datum": "2026-02-16"}]


def test_seeded_extension_requests_and_fines_are_answered_as_in_duos_specs(simulator):
    bsn = simulator.persoon(verlengingen=VERLENGINGEN, boetes=BOETES)

    verlengingen = simulator.duo("GET", f"/personen/{bsn}/verlengingen")
    boetes = simulator.duo("GET", f"/personen/{bsn}/boetes")

    assert (verlengingen.status, verlengingen.headers["API-Version"]) == (200, "1.0.0")
    assert verlengingen.json == VERLENGINGEN
    assert (boetes.status, boetes.headers["API-Version"]) == (200, "1.0.0")
    assert boetes.json == BOETES


def test_a_person_without_requests_or_fines_gets_empty_lists(simulator):
    bsn = simulator.persoon()
    assert simulator.duo("GET", f"/personen/{bsn}/verlengingen").json == []
    assert simulator.duo("GET", f"/personen/{bsn}/boetes").json == []


def test_unknown_person_is_404_and_another_gemeentes_person_403(simulator):
    onbekend = simulator.duo("GET", "/personen/999999990/boetes")
    assert onbekend.status == 404
    bsn = simulator.persoon(boetes=BOETES)
    vreemd = simulator.duo("GET", f"/personen/{bsn}/verlengingen", bron=GEMEENTE_B)
    assert vreemd.status == 403


@pytest.mark.parametrize(
    "velden",
    [
        {"verlengingen": [{"ontvangstdatum": "2026-03-02", "beoordelingAanvraag": "Misschien"}]},
        {"verlengingen": [{"beoordelingAanvraag": "Toegekend"}]},
        {"boetes": [{"bedrag": 0, "datum": "2026-02-16"}]},
        {"boetes": [{"bedrag": 10000, "datum": "2026-02-16"}]},
        {"boetes": [{"bedrag": 12.5, "datum": "2026-02-16"}]},
        {"boetes": [{"bedrag": 500, "datum": "16-02-2026"}]},
        {"boetes": [{"bedrag": 500, "datum": "2026-02-16", "wet": "Wi2021"}]},
    ],
)
def test_what_duos_spec_would_not_allow_cannot_be_seeded(simulator, velden):
    antwoord = simulator.sim(
        "POST", "/personen", {"bsn": "999999990", "woongemeenteOin": GEMEENTE_A, **velden}
    )
    assert antwoord.status == 400
    assert simulator.sim("GET", "/personen/999999990").status == 404
