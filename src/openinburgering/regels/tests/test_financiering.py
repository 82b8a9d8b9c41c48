"""Money: cohort, Wi2013 money, the source of a cost, course costs, the SiSa date (R90–R94)."""

from datetime import date

import pytest

from openinburgering.regels.codes import Doelgroep, Regime
from openinburgering.regels.financiering import (
    WI2013_BEDRAG_PER_STATUSHOUDER_CENT,
    Bekostigingsbron,
    Kostensoort,
    bekostigingsbron,
    cohort,
    sisa_termijn,
    telt_voor_wi2013_middelen,
    toets_kostensoort,
    wi2013_middelen,
)

ASIEL = Doelgroep.ASIELSTATUSHOUDER.value
GEZIN = Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT.value


def test_r90_cohort_is_the_year_the_duty_started():
    uit = cohort(begindatum_plicht=date(2024, 12, 31), aangemeld_op=date(2025, 1, 20))
    assert uit.waarde == 2024 and uit.regel.id == "R90"
    assert "31-12-2024" in uit.uitleg


def test_r90_without_a_start_the_registration_year_counts():
    uit = cohort(begindatum_plicht=None, aangemeld_op=date(2025, 3, 1))
    assert uit.waarde == 2025
    assert "onbekend" in uit.uitleg


def test_r90_nothing_known_no_cohort():
    assert cohort(begindatum_plicht=None).waarde is None


@pytest.mark.parametrize(
    ("regime", "doelgroep", "telt"),
    [
        pytest.param(Regime.WI2013.value, ASIEL, True, id="R91-statushouder-wi2013"),
        pytest.param(Regime.WI2013.value, GEZIN, False, id="R91-gezinsmigrant-niet"),
        pytest.param(Regime.WI2021.value, ASIEL, False, id="R91-wi2021-niet"),
    ],
)
def test_r91_who_counts_for_the_wi2013_money(regime, doelgroep, telt):
    assert telt_voor_wi2013_middelen(regime=regime, doelgroep=doelgroep) is telt


def test_r91_2370_euro_per_status_holder():
    assert WI2013_BEDRAG_PER_STATUSHOUDER_CENT == 237_000
    uit = wi2013_middelen(3)
    assert uit.waarde == 711_000 and uit.regel.id == "R91"
    assert "€ 2.370" in uit.uitleg and "€ 2,370" in uit.uitleg_en
    assert wi2013_middelen(0).waarde == 0


def test_r91_a_negative_number_of_people_is_a_programming_error():
    with pytest.raises(ValueError, match="negatief"):
        wi2013_middelen(-1)


@pytest.mark.parametrize(
    ("soort", "regime", "bron"),
    [
        pytest.param("cursus", "Wi2021", Bekostigingsbron.SPUK, id="R92-cursus-spuk"),
        pytest.param("tolk", "Wi2021", Bekostigingsbron.SPUK, id="R92-tolk-spuk"),
        pytest.param("pvt", "Wi2021", Bekostigingsbron.SPUK, id="R92-pvt-wi2021-spuk"),
        pytest.param("pvt", "Wi2013", Bekostigingsbron.WI2013, id="R92-pvt-wi2013"),
        pytest.param("begeleiding", "Wi2013", Bekostigingsbron.WI2013, id="R92-begeleiding-2013"),
        pytest.param("map", "Wi2013", Bekostigingsbron.SPUK, id="R92-map-wi2013-spuk"),
        pytest.param(
            "ontzorgen_administratie",
            "Wi2021",
            Bekostigingsbron.ALGEMENE_UITKERING,
            id="R92-ontzorgen-algemene-uitkering",
        ),
    ],
)
def test_r92_source_of_each_category(soort, regime, bron):
    uit = bekostigingsbron(soort=soort, regime=regime)
    assert uit.waarde == bron and uit.regel.id == "R92"


def test_r92_an_unknown_category_is_refused():
    uit = toets_kostensoort(soort="taxi", regime="Wi2021", doelgroep=ASIEL)
    assert not uit and uit.regel_ids == ("R92",)
    assert "Onbekende kostensoort" in uit.meldingen[0]
    assert uit.voor_veld("soort")


@pytest.mark.parametrize(
    ("regime", "doelgroep", "toegestaan"),
    [
        pytest.param("Wi2021", ASIEL, True, id="R93-asiel-wi2021-mag"),
        pytest.param("Wi2021", GEZIN, False, id="R93-gezinsmigrant-niet"),
        pytest.param("Wi2013", ASIEL, False, id="R93-wi2013-niet"),
    ],
)
def test_r93_course_costs_only_for_asylum_wi2021(regime, doelgroep, toegestaan):
    uit = toets_kostensoort(soort=Kostensoort.CURSUS.value, regime=regime, doelgroep=doelgroep)
    assert bool(uit) is toegestaan
    if not toegestaan:
        assert uit.regel_ids == ("R93",)


def test_r93_other_categories_for_anyone():
    assert toets_kostensoort(soort="tolk", regime="Wi2013", doelgroep=GEZIN)


def test_r94_sisa_by_15_july_of_the_next_year():
    uit = sisa_termijn(2026)
    assert uit.waarde == date(2027, 7, 15) and uit.regel.id == "R94"
    assert "15-07-2027" in uit.uitleg
