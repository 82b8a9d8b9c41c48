"""R72 (verlengingsaanvragen), R73 (boetes van DUO) and R74 (a letter to an address under
investigation)."""

from datetime import date
from decimal import Decimal

import pytest

from openinburgering.regels.codes import Regime
from openinburgering.regels.duo_besluiten import (
    AFGEWEZEN,
    IN_BEHANDELING,
    TOEGEKEND,
    Verlengingsaanvraag,
    beoordeel_verlengingen,
    leg_duo_boete_uit,
    toets_brief_adres_in_onderzoek,
)

AANVRAAG = date(2026, 3, 2)
BEOORDEELD = date(2026, 4, 14)


@pytest.mark.parametrize(
    ("beoordelingen", "termijn_verlengd", "toegekend", "open_", "ophalen"),
    [
        pytest.param([TOEGEKEND], True, True, False, False, id="R72-toegekend-termijn-volgt"),
        pytest.param([TOEGEKEND], False, True, False, True, id="R72-toegekend-termijn-ophalen"),
        pytest.param([IN_BEHANDELING], False, False, True, False, id="R72-in-behandeling"),
        pytest.param([AFGEWEZEN], False, False, False, False, id="R72-afgewezen"),
        pytest.param([], False, False, False, False, id="R72-geen-aanvragen"),
        pytest.param(
            [AFGEWEZEN, TOEGEKEND], True, True, False, False, id="R72-later-alsnog-toegekend"
        ),
    ],
)
def test_r72_verlengingen(beoordelingen, termijn_verlengd, toegekend, open_, ophalen):
    aanvragen = [
        Verlengingsaanvraag(
            ontvangstdatum=AANVRAAG.replace(month=AANVRAAG.month + i),
            beoordeling=b,
            datum_beoordeling=None if b == IN_BEHANDELING else BEOORDEELD,
        )
        for i, b in enumerate(beoordelingen)
    ]
    stand = beoordeel_verlengingen(aanvragen, termijn_verlengd=termijn_verlengd)
    assert (stand.toegekend, stand.in_behandeling, stand.termijn_ophalen) == (
        toegekend,
        open_,
        ophalen,
    )
    assert stand.uitleg.endswith("(R72).") and stand.uitleg_en.endswith("(R72).")
    if ophalen:
        assert "opnieuw op bij DUO" in stand.uitleg
    if toegekend:
        assert "toegekend" in stand.uitleg and "granted" in stand.uitleg_en


@pytest.mark.parametrize(
    ("bedrag", "regime", "wet", "nakijken"),
    [
        pytest.param(Decimal(500), Regime.WI2021, "Wi2021", False, id="R73-wi2021"),
        pytest.param(Decimal(1250), Regime.WI2013, "Wi2013 art. 34", False, id="R73-wi2013-max"),
        pytest.param(Decimal(1300), Regime.WI2013, "Wi2013 art. 34", True, id="R73-wi2013-te-hoog"),
        pytest.param(Decimal(2000), Regime.WI2021, "Wi2021", False, id="R73-wi2021-geen-maximum"),
    ],
)
def test_r73_boete_van_duo(bedrag, regime, wet, nakijken):
    uitleg = leg_duo_boete_uit(bedrag=bedrag, datum=BEOORDEELD, regime=regime)
    assert (uitleg.wet, uitleg.nakijken) == (wet, nakijken)
    assert "DUO" in uitleg.uitleg and "niet de gemeente" in uitleg.uitleg
    assert "14-04-2026" in uitleg.uitleg
    assert ("vraag het na" in uitleg.uitleg) == nakijken


@pytest.mark.parametrize(
    ("in_onderzoek", "bevestigd", "toegestaan"),
    [
        pytest.param(True, False, False, id="R74-in-onderzoek-niet-bevestigd"),
        pytest.param(True, True, True, id="R74-in-onderzoek-bevestigd"),
        pytest.param(False, False, True, id="R74-niet-in-onderzoek"),
    ],
)
def test_r74_brief_naar_adres_in_onderzoek(in_onderzoek, bevestigd, toegestaan):
    uitkomst = toets_brief_adres_in_onderzoek(adres_in_onderzoek=in_onderzoek, bevestigd=bevestigd)
    assert uitkomst.toegestaan is toegestaan
    if not toegestaan:
        assert uitkomst.regel_ids == ("R74",)
        assert uitkomst.schendingen[0].veld == "adres_in_onderzoek_bevestigd"
