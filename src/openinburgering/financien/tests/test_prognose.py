"""The forecast (ADR 0083) and the euro notation: pure arithmetic in whole cents."""

from datetime import date

import pytest

from openinburgering.financien.prognose import (
    VENSTER_MAANDEN,
    _afgerond,
    euro,
    prognose,
    resterende_maanden,
    venster,
)


def test_the_months_still_to_come_count_the_current_month():
    assert resterende_maanden(2026, date(2026, 12, 7)) == 1
    assert resterende_maanden(2026, date(2026, 1, 31)) == 12
    assert resterende_maanden(2025, date(2026, 6, 1)) == 0
    assert resterende_maanden(2027, date(2026, 6, 1)) == 12


def test_the_window_is_the_full_months_before_this_one():
    assert VENSTER_MAANDEN == 3
    assert venster(date(2026, 12, 7)) == (date(2026, 9, 1), date(2026, 12, 1))
    assert venster(date(2026, 2, 15)) == (date(2025, 11, 1), date(2026, 2, 1))


def test_the_pace_per_person_times_todays_caseload():
    # 3 months, 10 persons, € 3.000 booked: € 100 per person per month. Today 20 persons,
    # 1 month to go: € 2.000 more.
    uit = prognose(
        jaar=2026, peildatum=date(2026, 12, 7), geboekt_cent=5_000_00,
        venster_cent=3_000_00, caseload_venster=10, caseload=20,
    )  # fmt: skip
    assert uit.per_persoon_per_maand_cent == 100_00
    assert uit.bedrag_cent == 5_000_00 + 2_000_00
    assert uit.resterende_maanden == 1 and uit.caseload == 20


def test_a_closed_year_is_what_was_booked():
    uit = prognose(
        jaar=2025, peildatum=date(2026, 3, 1), geboekt_cent=123_45,
        venster_cent=999_99, caseload_venster=3, caseload=3,
    )  # fmt: skip
    assert uit.bedrag_cent == 123_45


def test_without_anyone_in_the_window_nothing_is_forecast():
    uit = prognose(
        jaar=2026, peildatum=date(2026, 6, 1), geboekt_cent=10_00,
        venster_cent=0, caseload_venster=0, caseload=5,
    )  # fmt: skip
    assert uit.bedrag_cent == 10_00 and uit.per_persoon_per_maand_cent == 0


def test_rounding_half_away_from_zero_in_integers():
    assert _afgerond(5, 2) == 3
    assert _afgerond(-5, 2) == -3
    assert _afgerond(4, 3) == 1
    with pytest.raises(ValueError):
        _afgerond(1, 0)


@pytest.mark.parametrize(
    ("cent", "tekst"),
    [(0, "€ 0,00"), (5, "€ 0,05"), (237_000, "€ 2.370,00"), (-123_456_78, "-€ 123.456,78")],
)
def test_euro_in_dutch_notation(cent, tekst):
    assert euro(cent) == tekst
