"""Ontzorgen (R34, R35)."""

from datetime import date

import pytest

from openinburgering.regels.ontzorgen import (
    ontzorgen_verplicht,
    ontzorgperiode,
    toets_ontzorgposten,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("plichtig", "asiel", "bijstand", "verplicht"),
    [
        pytest.param(True, True, True, True, id="R34-asiel-bijstand-verplicht"),
        pytest.param(True, False, True, False, id="R34-domain-gezinsmigrant-niet"),
        pytest.param(True, True, False, False, id="R34-zonder-bijstand-niet"),
        pytest.param(False, True, True, False, id="R34-niet-plichtig-niet"),
    ],
)
def test_r34_verplicht(plichtig, asiel, bijstand, verplicht):
    resultaat = ontzorgen_verplicht(
        inburgeringsplichtig=plichtig, tijdelijke_asielvergunning=asiel, recht_op_bijstand=bijstand
    )
    assert resultaat.waarde is verplicht
    assert resultaat.regel.id == "R34"


@pytest.mark.parametrize(
    ("start", "einde_bijstand", "laatste", "regel"),
    [
        pytest.param(D("2025-02-10"), None, D("2025-08-09"), "R34", id="R34-domain-6-maanden"),
        pytest.param(D("2024-08-31"), None, D("2025-02-27"), "R34", id="R34-eind-van-maand"),
        pytest.param(
            D("2025-02-10"), D("2025-05-01"), D("2025-05-01"), "R35", id="R35-domain-bijstand-stopt"
        ),
        pytest.param(
            D("2025-02-10"),
            D("2025-12-01"),
            D("2025-08-09"),
            "R34",
            id="R35-bijstand-stopt-na-6-maanden",
        ),
        pytest.param(
            D("2025-02-10"), D("2025-08-09"), D("2025-08-09"), "R34", id="R35-op-laatste-dag"
        ),
    ],
)
def test_r34_r35_periode(start, einde_bijstand, laatste, regel):
    termijn = ontzorgperiode(start, einde_bijstand)
    assert termijn.laatste_dag == laatste
    assert termijn.einde_inclusief
    assert termijn.regel.id == regel


def test_r34_posten():
    assert toets_ontzorgposten(["Huur", "energie", "water", "zorgverzekering"])
    uitkomst = toets_ontzorgposten(["huur", "energie"])
    assert uitkomst.regel_ids == ("R34",)
    assert "water, zorgverzekering" in uitkomst.schendingen[0].melding


# --- R83–R89 (issue 19) -------------------------------------------------------------------------

from openinburgering.regels.ontzorgen import (  # noqa: E402
    SIGNAAL_EINDE_DAGEN,
    betaalmaanden,
    ontzorgperiode_besluit,
    signaal_einde_ontzorgen,
    toets_bijstandsperiodes,
    toets_toestemming,
    toets_vaste_last,
    toets_vier_ogen,
    toets_wijziging,
)


@pytest.mark.parametrize(
    ("periodes", "fouten"),
    [
        pytest.param([(D("2025-01-01"), D("2025-06-30"))], 0, id="R83-een-periode"),
        pytest.param([(D("2025-01-01"), D("2024-12-31"))], 1, id="R83-domain-einde-voor-start"),
        pytest.param(
            [(D("2025-01-01"), D("2025-06-30")), (D("2025-06-30"), None)], 1, id="R83-overlap"
        ),
        pytest.param([(D("2025-07-01"), None), (D("2025-01-01"), None)], 1, id="R83-open-overlapt"),
        pytest.param(
            [(D("2025-01-01"), D("2025-06-30")), (D("2025-07-01"), None)], 0, id="R83-aansluitend"
        ),
    ],
)
def test_r83_bijstandsperiodes(periodes, fouten):
    uitkomst = toets_bijstandsperiodes(periodes)
    assert len(uitkomst.schendingen) == fouten
    if fouten:
        assert uitkomst.regel_ids == ("R83",)


@pytest.mark.parametrize(
    ("bijstand_einde", "gestopt", "verlengd", "laatste", "regel"),
    [
        pytest.param(None, None, None, D("2025-08-09"), "R34", id="R84-zonder-wijziging"),
        pytest.param(None, D("2025-05-31"), None, D("2025-05-31"), "R84", id="R84-eerder-gestopt"),
        pytest.param(None, D("2025-01-01"), None, D("2025-02-10"), "R84", id="R84-stop-voor-start"),
        pytest.param(None, None, D("2025-11-30"), D("2025-11-30"), "R84", id="R84-verlengd"),
        pytest.param(
            D("2025-10-31"),
            None,
            D("2025-11-30"),
            D("2025-10-31"),
            "R84",
            id="R84-niet-na-bijstand",
        ),
        pytest.param(
            None, None, D("2025-07-01"), D("2025-08-09"), "R34", id="R84-verlenging-korter"
        ),
    ],
)
def test_r84_periode_besluit(bijstand_einde, gestopt, verlengd, laatste, regel):
    termijn = ontzorgperiode_besluit(
        D("2025-02-10"), bijstand_einde, gestopt_op=gestopt, verlengd_tot=verlengd
    )
    assert termijn.laatste_dag == laatste
    assert termijn.regel.id == regel


def test_r84_wijziging():
    einde = D("2025-08-09")
    assert toets_wijziging(
        huidig_einde=einde, bijstand_einde=None, nieuw_einde=D("2025-12-31"), reden="Schulden"
    )
    fout = toets_wijziging(
        huidig_einde=einde, bijstand_einde=D("2025-10-01"), nieuw_einde=D("2026-03-01"), reden=" "
    )
    assert fout.regel_ids == ("R84",)
    assert len(fout.schendingen) == 3


@pytest.mark.parametrize(
    ("begunstigde", "iban_geldig", "bedrag", "velden"),
    [
        pytest.param("Woonstichting", True, 1, [], id="R85-geldig"),
        pytest.param(
            "", False, -500, ["begunstigde", "iban", "bedrag"], id="R85-domain-alles-fout"
        ),
        pytest.param("Woonstichting", True, 0, ["bedrag"], id="R85-nul-euro"),
    ],
)
def test_r85_vaste_last(begunstigde, iban_geldig, bedrag, velden):
    uitkomst = toets_vaste_last(
        begunstigde=begunstigde, iban_geldig=iban_geldig, bedrag_centen=bedrag
    )
    assert [s.veld for s in uitkomst.schendingen] == velden
    if velden:
        assert uitkomst.regel_ids == ("R85",)


@pytest.mark.parametrize(
    ("vraagt", "op", "toegestaan"),
    [
        pytest.param(False, None, True, id="R86-beleid-vraagt-niet"),
        pytest.param(True, D("2025-02-01"), True, id="R86-toestemming-vastgelegd"),
        pytest.param(True, None, False, id="R86-domain-toestemming-ontbreekt"),
    ],
)
def test_r86_toestemming(vraagt, op, toegestaan):
    uitkomst = toets_toestemming(beleid_vraagt_toestemming=vraagt, toestemming_op=op)
    assert uitkomst.toegestaan is toegestaan
    if not toegestaan:
        assert uitkomst.regel_ids == ("R86",)


@pytest.mark.parametrize(
    ("laatste", "vanaf"),
    [
        pytest.param(D("2025-08-09"), D("2025-06-28"), id="R87-domain-zes-weken"),
        pytest.param(D("2025-05-01"), D("2025-03-20"), id="R87-eerder-einde"),
    ],
)
def test_r87_signaal(laatste, vanaf):
    assert SIGNAAL_EINDE_DAGEN == 42
    assert signaal_einde_ontzorgen(laatste) == vanaf


@pytest.mark.parametrize(
    ("frequentie", "tot", "maanden"),
    [
        pytest.param(
            "maandelijks",
            D("2025-12-01"),
            [
                "2025-02-01",
                "2025-03-01",
                "2025-04-01",
                "2025-05-01",
                "2025-06-01",
                "2025-07-01",
                "2025-08-01",
            ],
            id="R88-domain-zeven-maanden-gedeeltelijk-meegeteld",
        ),  # fmt: skip
        pytest.param("maandelijks", D("2025-03-15"), ["2025-02-01", "2025-03-01"], id="R88-tot"),
        pytest.param(
            "per_kwartaal",
            D("2025-12-01"),
            ["2025-02-01", "2025-05-01", "2025-08-01"],
            id="R88-kwartaal",
        ),  # fmt: skip
        pytest.param("per_jaar", D("2025-12-01"), ["2025-02-01"], id="R88-jaar"),
        pytest.param("maandelijks", D("2025-01-31"), [], id="R88-nog-niet"),
    ],
)
def test_r88_betaalmaanden(frequentie, tot, maanden):
    periode = ontzorgperiode(D("2025-02-10"))
    assert betaalmaanden(periode, frequentie, tot_en_met=tot) == [D(m) for m in maanden]


@pytest.mark.parametrize(
    ("maker", "goedkeurder", "toegestaan"),
    [
        pytest.param(1, 2, True, id="R89-collega-keurt-goed"),
        pytest.param(1, 1, False, id="R89-domain-zelf-goedkeuren"),
    ],
)
def test_r89_vier_ogen(maker, goedkeurder, toegestaan):
    uitkomst = toets_vier_ogen(maker=maker, goedkeurder=goedkeurder)
    assert uitkomst.toegestaan is toegestaan
    if not toegestaan:
        assert uitkomst.regel_ids == ("R89",)
