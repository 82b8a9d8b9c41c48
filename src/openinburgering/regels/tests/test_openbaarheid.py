"""Openbare cijfers: kleine aantallen verborgen (R78), ook via verschillen (R79)."""

import itertools

import pytest

from openinburgering.regels.openbaarheid import (
    DREMPEL_KLEINE_AANTALLEN,
    ONDERDRUKT_TEKST,
    Relatie,
    klein,
    onderdrukken,
    weergave,
)


def test_drempel_is_de_gekozen_waarde():
    # Een wijziging hier is een keuze over openbaarheid: pas ADR 0069 en de regeltekst mee aan.
    assert DREMPEL_KLEINE_AANTALLEN == 5
    assert ONDERDRUKT_TEKST == "<5"


@pytest.mark.parametrize(
    ("waarde", "verborgen"),
    [
        pytest.param(0, True, id="R78-nul-verborgen"),
        pytest.param(4, True, id="R78-vier-verborgen"),
        pytest.param(5, False, id="R78-vijf-zichtbaar"),
        pytest.param(120, False, id="R78-groot-zichtbaar"),
    ],
)
def test_primair(waarde, verborgen):
    assert klein(waarde) is verborgen
    uit = onderdrukken({"a": waarde})
    assert ("a" in uit) is verborgen
    assert weergave(waarde, "a" in uit) == ("<5" if verborgen else str(waarde))
    if verborgen:
        assert uit["a"].regel == "R78"


TOTAAL = Relatie("totaal", ("b1", "onderwijs", "z"))


@pytest.mark.parametrize(
    ("waarden", "verwacht"),
    [
        # One small part and a visible total: total - the others would give it back.
        pytest.param(
            {"totaal": 30, "b1": 20, "onderwijs": 7, "z": 3},
            {"z": "R78", "onderwijs": "R79"},
            id="R79-een-klein-deel-kost-een-tweede",
        ),
        # Two small parts that together stay small (1 + 2): a third cell must go.
        pytest.param(
            {"totaal": 30, "b1": 27, "onderwijs": 1, "z": 2},
            {"onderwijs": "R78", "z": "R78", "b1": "R79"},
            id="R79-twee-kleine-delen-samen-klein",
        ),
        # Two small parts that add up to 5 or more: nothing else needs hiding.
        pytest.param(
            {"totaal": 30, "b1": 22, "onderwijs": 4, "z": 4},
            {"onderwijs": "R78", "z": "R78"},
            id="R79-twee-kleine-delen-samen-genoeg",
        ),
        # A small total with all parts visible would be their sum: hide a part too.
        pytest.param(
            {"totaal": 3, "b1": 0, "onderwijs": 0, "z": 3},
            {"totaal": "R78", "b1": "R78", "onderwijs": "R78", "z": "R78"},
            id="R79-klein-totaal",
        ),
        pytest.param({"totaal": 60, "b1": 20, "onderwijs": 25, "z": 15}, {}, id="R79-niets-klein"),
    ],
)
def test_secundair(waarden, verwacht):
    uit = onderdrukken(waarden, [TOTAAL])
    assert {k: v.regel for k, v in uit.items()} == verwacht


def test_totaal_verborgen_door_een_tweede_relatie_kost_ook_een_deel():
    # Quarters add up to the year, and the year is hidden through another sum: a quarter goes too.
    waarden = {"jaar": 12, "k1": 6, "k2": 6, "jaar_a": 3, "jaar_b": 9}
    relaties = [Relatie("jaar", ("k1", "k2")), Relatie("jaar", ("jaar_a", "jaar_b"))]
    uit = onderdrukken(waarden, relaties)
    assert "jaar_a" in uit and "jaar_b" in uit
    _geen_lek(waarden, relaties, uit)


def _geen_lek(waarden, relaties, verborgen):
    """Brute force: no sum reveals a small hidden count, or the sum of small hidden counts."""
    for r in relaties:
        delen = [d for d in r.delen if d in waarden]
        weg = [d for d in delen if d in verborgen]
        if r.totaal not in verborgen and weg:
            assert not klein(sum(waarden[d] for d in weg)), (r, weg)
        if r.totaal in verborgen:
            assert weg, r


@pytest.mark.parametrize("waarden", list(itertools.product([0, 1, 3, 4, 5, 9], repeat=3)))
def test_geen_enkele_combinatie_lekt(waarden):
    b1, onderwijs, z = waarden
    cijfers = {"totaal": b1 + onderwijs + z, "b1": b1, "onderwijs": onderwijs, "z": z}
    uit = onderdrukken(cijfers, [TOTAAL])
    assert all(k in uit for k, v in cijfers.items() if klein(v))
    _geen_lek(cijfers, [TOTAAL], uit)


def test_een_optelling_waarvan_het_totaal_of_alle_delen_ontbreken_verbergt_niets_extra():
    # Not published (not among the values): there is no difference to guard.
    assert onderdrukken({"a": 10, "b": 2}, [Relatie("totaal", ("a", "b"))]) == {
        "b": onderdrukken({"b": 2})["b"]
    }
    assert onderdrukken({"totaal": 30}, [Relatie("totaal", ("x", "y"))]) == {}


def test_een_verborgen_totaal_met_een_verborgen_deel_vraagt_niets_meer():
    # The total is small and one part too: the visible part no longer gives anything away.
    verborgen = onderdrukken({"totaal": 4, "a": 3, "b": 1}, [Relatie("totaal", ("a", "b"))])
    assert set(verborgen) == {"totaal", "a", "b"}
    # A hidden total whose parts are all hidden already: nothing left to hide.
    assert set(onderdrukken({"totaal": 3, "a": 2, "b": 1}, [Relatie("totaal", ("a", "b"))])) == {
        "totaal",
        "a",
        "b",
    }


def test_een_totaal_dat_een_andere_optelling_verbergt_kost_een_deel_van_zijn_eigen_optelling():
    waarden = {"X": 20, "T": 16, "c": 4, "a": 9, "b": 7}
    relaties = [Relatie("X", ("T", "c")), Relatie("T", ("a", "b"))]
    verborgen = onderdrukken(waarden, relaties)
    # c is small (R78); T follows from X - c, so T goes (R79); then a or b would give T away.
    assert set(verborgen) == {"c", "T", "b"}
    assert verborgen["b"].regel == "R79"
