"""The CBS delivery for the Statistiek Wet Inburgering (R80, R81, R82)."""

from datetime import date, timedelta

import pytest

from openinburgering.regels.statistiek import (
    cbs_aanlevertermijn,
    in_levering,
    kenmerk_verplicht,
    kwartaal_periode,
    kwartaal_van,
    vorig_kwartaal,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("jaar", "kwartaal", "laatste_dag"),
    [
        pytest.param(2026, 1, D("2026-04-28"), id="R80-q1-28-april"),
        pytest.param(2026, 2, D("2026-07-28"), id="R80-q2-28-juli"),
        pytest.param(2026, 3, D("2026-10-28"), id="R80-q3-28-oktober"),
        pytest.param(2026, 4, D("2027-01-28"), id="R80-q4-over-de-jaargrens"),
    ],
)
def test_r80_deadline_four_weeks_after_the_quarter(jaar, kwartaal, laatste_dag):
    termijn = cbs_aanlevertermijn(jaar, kwartaal)
    assert termijn.regel.id == "R80"
    assert termijn.laatste_dag == laatste_dag
    assert termijn.bevat(laatste_dag)
    # Failing case: one day later is too late.
    assert not termijn.verstreken(laatste_dag)
    assert termijn.verstreken(laatste_dag + timedelta(days=1))
    assert "CBS" in termijn.uitleg


def test_quarters():
    assert kwartaal_van(D("2026-03-31")) == (2026, 1)
    assert kwartaal_van(D("2026-04-01")) == (2026, 2)
    assert kwartaal_periode(2026, 4) == (D("2026-10-01"), D("2026-12-31"))
    assert vorig_kwartaal(D("2026-01-15")) == (2025, 4)
    assert vorig_kwartaal(D("2026-12-07")) == (2026, 3)
    with pytest.raises(ValueError):
        kwartaal_periode(2026, 5)


@pytest.mark.parametrize(
    ("wi2021", "aangemeld", "afgerond", "erin"),
    [
        pytest.param(True, D("2026-02-01"), None, True, id="R81-lopend-erin"),
        pytest.param(True, D("2025-02-01"), D("2026-07-02"), True, id="R81-afgerond-in-kwartaal"),
        pytest.param(False, D("2026-02-01"), None, False, id="R81-wi2013-niet"),
        pytest.param(True, D("2026-10-01"), None, False, id="R81-later-aangemeld-niet"),
        pytest.param(True, D("2025-02-01"), D("2026-06-30"), False, id="R81-eerder-afgerond-niet"),
    ],
)
def test_r81_who_is_in_the_delivery(wi2021, aangemeld, afgerond, erin):
    uitkomst = in_levering(
        regime_wi2021=wi2021, aangemeld_op=aangemeld, afgerond_op=afgerond, jaar=2026, kwartaal=3
    )
    assert uitkomst.waarde is erin
    assert uitkomst.regel.id == "R81"


@pytest.mark.parametrize(
    ("van_toepassing", "gevuld", "bevinding"),
    [
        pytest.param(True, False, True, id="R82-ontbreekt-bevinding"),
        pytest.param(True, True, False, id="R82-gevuld-in-orde"),
        pytest.param(False, False, False, id="R82-niet-van-toepassing-leeg-in-orde"),
    ],
)
def test_r82_missing_mandatory_characteristic(van_toepassing, gevuld, bevinding):
    uitkomst = kenmerk_verplicht(van_toepassing=van_toepassing, gevuld=gevuld)
    assert uitkomst.waarde is bevinding
    assert uitkomst.regel.id == "R82"
