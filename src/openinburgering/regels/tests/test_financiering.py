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


@pytest.mark.parametrize(
    ("begin", "aangemeld", "verwacht", "tekst"),
    [
        pytest.param(
            date(2024, 12, 31), date(2025, 1, 20), 2024, "31-12-2024", id="R90-plichtjaar"
        ),
        pytest.param(None, date(2025, 3, 1), 2025, "onbekend", id="R90-zonder-begin-aanmelding"),
        pytest.param(None, None, None, "geen cohort", id="R90-niets-bekend"),
    ],
)
def test_r90_cohort_is_the_year_the_duty_started(begin, aangemeld, verwacht, tekst):
    uit = cohort(begindatum_plicht=begin, aangemeld_op=aangemeld)
    assert uit.waarde == verwacht and uit.regel.id == "R90"
    assert tekst in uit.uitleg


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


@pytest.mark.parametrize(
    ("jaar", "uiterlijk"),
    [
        pytest.param(2026, date(2027, 7, 15), id="R94-2026-in-2027"),
        pytest.param(2022, date(2023, 7, 15), id="R94-eerste-wi2021-jaar"),
    ],
)
def test_r94_sisa_by_15_july_of_the_next_year(jaar, uiterlijk):
    uit = sisa_termijn(jaar)
    assert uit.waarde == uiterlijk and uit.regel.id == "R94"
    assert uiterlijk.strftime("%d-%m-%Y") in uit.uitleg
