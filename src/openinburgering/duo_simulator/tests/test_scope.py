"""DUO's scope (R47): a gemeente may only read and change persons relevant to it."""

import pytest

from .conftest import GEMEENTE_A, GEMEENTE_B

PIP_A = {"gemeenteOin": GEMEENTE_A, "dagtekeningPip": "2026-02-01", "leerroute": "B"}


def _pip_b(dagtekening):
    return {"gemeenteOin": GEMEENTE_B, "dagtekeningPip": dagtekening, "leerroute": "B"}


GEVALLEN = [
    # id, person, extra PIP after the first (from B), asking gemeente, expected status
    ("ingezetene, niet in COA", {}, None, GEMEENTE_A, 200),
    ("andere gemeente", {}, None, GEMEENTE_B, 403),
    ("ingezetene maar in COA", {"inCoa": True, "coaGemeenteOin": GEMEENTE_B}, None, GEMEENTE_A, 403),
    ("in COA, door COA gekoppeld", {"inCoa": True, "coaGemeenteOin": GEMEENTE_B}, None, GEMEENTE_B,
     200),
    ("actueel PIP van eigen gemeente", {"woongemeenteOin": GEMEENTE_B, "pip": PIP_A}, None,
     GEMEENTE_A, 200),
    ("vorig PIP eigen, actueel PIP jonger dan een maand",
     {"woongemeenteOin": GEMEENTE_B, "pip": PIP_A}, "2026-05-02", GEMEENTE_A, 200),
    ("vorig PIP eigen, actueel PIP een maand oud",
     {"woongemeenteOin": GEMEENTE_B, "pip": PIP_A}, "2026-05-01", GEMEENTE_A, 403),
]  # fmt: skip


@pytest.mark.parametrize(
    ("persoon", "tweede_pip", "bron", "status"),
    [g[1:] for g in GEVALLEN],
    ids=[g[0] for g in GEVALLEN],
)
def test_relevance(simulator, persoon, tweede_pip, bron, status):
    bsn = simulator.persoon(**persoon)
    if tweede_pip:
        simulator.sim("POST", "/personen", {"bsn": bsn, "pip": _pip_b(tweede_pip)})
    antwoord = simulator.duo("GET", f"/personen/{bsn}/inburgeringsplicht", bron=bron)
    assert antwoord.status == status
    if status == 403:
        assert antwoord.fouten == ["De persoon is niet relevant voor uw gemeente."]
    # the same scope applies to changes
    body = {"dagtekeningPip": "2026-05-20", "leerroute": "B"}
    wijziging = simulator.duo("POST", f"/personen/{bsn}/PIP", body, bron=bron)
    assert (wijziging.status == 403) == (status == 403)


def test_unknown_person_is_404(simulator):
    antwoord = simulator.duo("GET", "/personen/999999990/inburgeringsplicht")
    assert antwoord.status == 404
    assert antwoord.fouten == ["De persoon is niet bekend bij DUO."]


def test_gemeente_reads_previous_gemeentes_pip(simulator):
    """DUO: a gemeente can always read the current PIP, also one of a previous gemeente."""
    bsn = simulator.persoon(pip={**PIP_A, "gemeenteOin": GEMEENTE_B})
    antwoord = simulator.duo("GET", f"/personen/{bsn}/PIP")
    assert antwoord.status == 200
    assert antwoord.json["gemeentecode"] == "0002"
