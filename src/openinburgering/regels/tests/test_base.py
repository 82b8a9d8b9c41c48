"""Basistypen: Uitkomst, Termijn, registratie van regels, codelijsten."""

from datetime import date

import pytest

from openinburgering.regels.base import (
    Resultaat,
    Schending,
    Termijn,
    Uitkomst,
    datum_nl,
    definieer_regel,
)
from openinburgering.regels.codes import Doelgroep, Leerroute, Niveau
from openinburgering.regels.termijnen import R8, R9

D = date.fromisoformat


def test_lege_uitkomst_is_toegestaan():
    assert Uitkomst().toegestaan
    assert bool(Uitkomst()) is True
    assert Uitkomst().regel_ids == ()


def test_uitkomst_verzamelt_alle_schendingen_in_volgorde():
    a = Uitkomst.fout(R9, "eerste", "first", veld="x")
    b = Uitkomst.fout(R8, "tweede", "second")
    c = Uitkomst.fout(R9, "derde", "third", veld="x")
    samen = Uitkomst.samen(a, Uitkomst(), b, c)
    assert not samen
    assert samen.meldingen == ("eerste", "tweede", "derde")
    assert samen.regel_ids == ("R9", "R8")
    assert (a + b + c) == samen
    assert [s.melding for s in samen.voor_veld("x")] == ["eerste", "derde"]
    assert str(samen.schendingen[0]) == "R9: eerste"


def test_uitkomst_optellen_met_iets_anders_kan_niet():
    with pytest.raises(TypeError):
        Uitkomst() + 1  # noqa: B018


def test_schending_draagt_regel_en_veld():
    s = Schending(R9, "melding", "message", "dagtekening")
    assert s.regel.id == "R9" and s.veld == "dagtekening"


@pytest.mark.parametrize(
    ("inclusief", "einde", "laatste", "exclusief"),
    [
        (True, D("2025-03-17"), D("2025-03-17"), D("2025-03-18")),
        (False, D("2027-03-15"), D("2027-03-14"), D("2027-03-15")),
    ],
)
def test_termijn_inclusief_en_exclusief(inclusief, einde, laatste, exclusief):
    t = Termijn(D("2025-01-07"), einde, inclusief, R9, "uitleg", "explanation")
    assert t.laatste_dag == laatste
    assert t.einde_exclusief == exclusief
    assert t.bevat(laatste) and not t.bevat(exclusief)
    assert not t.verstreken(laatste) and t.verstreken(exclusief)
    assert t.dagen_resterend(laatste) == 0
    assert not t.verschoven


def test_termijn_verschoven_en_ongeldig():
    t = Termijn(D("2025-01-01"), D("2025-01-06"), True, R9, "", "", D("2025-01-04"))
    assert t.verschoven
    with pytest.raises(ValueError, match="vóór zijn start"):
        Termijn(D("2025-01-10"), D("2025-01-08"), True, R9, "", "")


def test_resultaat_en_datum_nl():
    r = Resultaat(D("2025-12-29"), R9, "u", "e")
    assert r.waarde.year == 2025 and r.regel is R9
    assert datum_nl(D("2025-01-06")) == "06-01-2025"


@pytest.mark.parametrize(
    ("kwargs", "fout"),
    [
        ({"id": "R9"}, "al gedeclareerd"),
        ({"id": "X1"}, "Ongeldig regel-id"),
        ({"id": "R0"}, "Ongeldig regel-id"),
        ({"id": "R9999", "zekerheid": "Z"}, "Zekerheid"),
        ({"id": "R9998", "tekst": "  "}, "geen tekst"),
        ({"id": "R9997", "aanname": "alleen Nederlands"}, "aanname moet in het Nederlands"),
        ({"id": "R9996", "afgewezen_en": "English only"}, "afgewezen moet in het Nederlands"),
    ],
)
def test_definieer_regel_weigert_fouten(kwargs, fout):
    basis = {
        "titel": "t",
        "titel_en": "t",
        "bron": "b",
        "tekst": "x",
        "tekst_en": "x",
        "onderwerp": "test",
        "zekerheid": "H",
    }
    with pytest.raises(ValueError, match=fout):
        definieer_regel(**(basis | kwargs))


def test_regel_nummer_en_tekst():
    assert R9.nummer == 9
    assert R9.geimplementeerd
    assert str(R9).startswith("R9 PIP binnen 10 weken")


def test_codelijsten_gebruiken_duo_waarden_en_labels():
    assert [c.value for c in Leerroute] == ["B", "O", "Z"]
    assert [c.value for c in Niveau] == ["A2", "B1"]
    assert Leerroute.B1_ROUTE.label == "B1-route"
    assert ("Z", "Zelfredzaamheidsroute (Z-route)") in Leerroute.choices()
    # zonder eigen label: de waarde zelf
    assert Doelgroep.ASIELSTATUSHOUDER.label == "Asielstatushouder"
    assert Niveau.A2.label == "A2"


def test_als_dict_voor_api():
    uitkomst = Uitkomst.fout(R9, "Te laat.", "Late.", veld="dagtekening")
    assert uitkomst.als_dicts() == [
        {
            "regel": "R9",
            "titel": R9.titel,
            "bron": R9.bron,
            "melding": "Te laat.",
            "melding_en": "Late.",
            "veld": "dagtekening",
        }
    ]
