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
