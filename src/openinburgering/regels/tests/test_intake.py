"""Brede intake en leerbaarheidstoets (R26–R28, R52)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from openinburgering.regels.codes import LeerbaarheidstoetsResultaat
from openinburgering.regels.intake import (
    IntakeVerslag,
    beoordeel_lbt,
    intake_streefdatum,
    lbt_cesuur,
    lbt_vrijgesteld,
    lees_score,
    toets_intake_afsluiten,
    toets_intake_op_schema,
)
from openinburgering.regels.termijnen import pip_termijn

D = date.fromisoformat
L = LeerbaarheidstoetsResultaat

VOLLEDIG = IntakeVerslag(
    leerbaarheidstoets_gedaan=True,
    onderwijs_herkomst="Middelbare school, 10 jaar",
    werkervaring_herkomst="Kapper, 5 jaar",
    persoonlijke_omstandigheden="Gehuwd, 2 kinderen",
    gezondheid="Geen bijzonderheden",
)
VANDAAG = D("2025-06-01")


@pytest.mark.parametrize(
    ("wijziging", "velden"),
    [
        pytest.param({}, (), id="R26-volledig-verslag"),
        pytest.param({"gezondheid": ""}, ("gezondheid",), id="R26-domain-zonder-gezondheid"),
        pytest.param(
            {"onderwijs_herkomst": "", "werkervaring_herkomst": " "},
            ("onderwijs_herkomst", "werkervaring_herkomst"), id="R26-herkomst-ontbreekt",
        ),
        pytest.param(
            {"leerbaarheidstoets_gedaan": False}, ("leerbaarheidstoets_gedaan",),
            id="R27-toets-niet-gedaan",
        ),
        pytest.param(
            {"leerbaarheidstoets_gedaan": False, "visuele_beperking": True}, (),
            id="R27-domain-visuele-beperking",
        ),
        pytest.param(
            {"leerbaarheidstoets_gedaan": False, "auditieve_beperking_kan_toets_niet_maken": True},
            (), id="R27-auditieve-beperking",
        ),
    ],
)  # fmt: skip
def test_r26_r27_intake_afsluiten(wijziging, velden):
    uitkomst = toets_intake_afsluiten(replace(VOLLEDIG, **wijziging), VANDAAG)
    assert tuple(s.veld for s in uitkomst.schendingen) == velden


@pytest.mark.parametrize(
    ("verslag", "peildatum", "vrij"),
    [
        pytest.param(IntakeVerslag(visuele_beperking=True), VANDAAG, True, id="R27-visueel-vrij"),
        pytest.param(IntakeVerslag(), VANDAAG, False, id="R27-zonder-beperking-verplicht"),
        pytest.param(
            IntakeVerslag(visuele_beperking=True), D("2021-12-31"), False, id="R27-voor-wi2021"
        ),
    ],
)
def test_r27_vrijgesteld(verslag, peildatum, vrij):
    assert lbt_vrijgesteld(verslag, peildatum).waarde is vrij


@pytest.mark.parametrize(
    ("behaald", "benodigd", "afname", "resultaat", "haalbaar", "herzien", "nodig"),
    [
        pytest.param("29,00", "31,00", D("2023-03-01"), L.NIET_HAALBAAR, False, True, 31,
                     id="R28-domain-29-voor-wijziging-review"),
        pytest.param("28,00", "28,00", D("2023-04-12"), None, True, False, 28,
                     id="R28-28-op-wijzigingsdatum"),
        pytest.param("30,00", None, D("2023-04-11"), None, False, True, 31,
                     id="R28-zonder-duo-score-dag-voor-wijziging"),
        pytest.param("30,00", None, D("2023-04-12"), None, True, False, 28,
                     id="R28-zonder-duo-score-op-wijziging"),
        pytest.param("27,00", "31,00", D("2022-06-01"), None, False, False, 31,
                     id="R28-27-geen-review"),
        pytest.param("31,00", "31,00", D("2022-06-01"), None, True, False, 31,
                     id="R28-31-haalbaar-oud"),
        pytest.param(Decimal("32.5"), 30, D("2024-01-01"), None, True, False, 30,
                     id="R28-duo-score-gaat-voor-cesuur"),
        pytest.param(None, "28,00", D("2024-01-01"), L.HAALBAAR, True, False, 28,
                     id="R28-geen-score-duo-uitslag"),
        pytest.param(None, None, D("2024-01-01"), L.ONBEKEND, None, False, 28,
                     id="R28-onbekend"),
        pytest.param("abc", None, D("2024-01-01"), None, None, False, 28,
                     id="R28-onleesbare-score"),
    ],
)  # fmt: skip
def test_r28_lbt(behaald, benodigd, afname, resultaat, haalbaar, herzien, nodig):
    beoordeling = beoordeel_lbt(
        behaalde_score=behaald, benodigde_score=benodigd, datum_afname=afname, resultaat=resultaat
    )
    assert beoordeling.haalbaar is haalbaar
    assert beoordeling.herbeoordelen is herzien
    assert beoordeling.benodigde_score == Decimal(nodig)
    assert beoordeling.regel.id == "R28"
    if herzien:
        assert "opnieuw" in beoordeling.uitleg


def test_r28_cesuur_en_score():
    assert lbt_cesuur(D("2023-04-11")) == 31 and lbt_cesuur(D("2023-04-12")) == 28
    assert lees_score("28,00") == Decimal("28.00")
    assert lees_score(None) is None


TERMIJN = pip_termijn([D("2025-01-06")])  # laatste dag 17-03-2025


@pytest.mark.parametrize(
    ("gesloten", "peildatum", "toegestaan"),
    [
        pytest.param(False, D("2025-03-04"), False, id="R52-domain-open-op-4-maart"),
        pytest.param(False, D("2025-03-03"), True, id="R52-open-op-streefdatum"),
        pytest.param(True, D("2025-03-10"), True, id="R52-gesloten"),
    ],
)
def test_r52_intake_op_schema(gesloten, peildatum, toegestaan):
    uitkomst = toets_intake_op_schema(TERMIJN, intake_gesloten=gesloten, peildatum=peildatum)
    assert uitkomst.toegestaan is toegestaan
    assert intake_streefdatum(TERMIJN).waarde == D("2025-03-03")
