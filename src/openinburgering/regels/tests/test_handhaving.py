"""Boetes van de gemeente (R30–R33, R53)."""

from datetime import date
from decimal import Decimal

import pytest

from openinburgering.regels.codes import Verplichting
from openinburgering.regels.handhaving import (
    ARTIKEL_22,
    ARTIKEL_23,
    intake_escalatie,
    sanctiegrondslag,
    toets_boete_niet_vervallen,
    toets_intakeboete,
    toets_pip_boete,
    vervaltermijn_boete,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("bedrag", "reden", "toegestaan"),
    [
        pytest.param(Decimal(250), "", True, id="R30-domain-250"),
        pytest.param(Decimal(300), "", False, id="R30-meer-dan-250"),
        pytest.param(Decimal(200), "", False, id="R30-domain-matiging-zonder-reden"),
        pytest.param(Decimal(200), "Geringe draagkracht", True, id="R30-matiging-met-reden"),
        pytest.param(Decimal(0), "reden", False, id="R30-nul-euro"),
    ],
)
def test_r30_intakeboete(bedrag, reden, toegestaan):
    uitkomst = toets_intakeboete(bedrag, matigingsreden=reden)
    assert uitkomst.toegestaan is toegestaan
    assert set(uitkomst.regel_ids) <= {"R30"}


@pytest.mark.parametrize(
    ("genegeerd", "waarschuwing", "oproep", "boete", "pip_ambtshalve"),
    [
        pytest.param(0, False, False, 0, False, id="R31-niets-genegeerd"),
        pytest.param(1, True, True, 0, False, id="R31-eerste-waarschuwing"),
        pytest.param(2, False, True, 250, False, id="R31-tweede-boete-250"),
        pytest.param(3, False, False, 250, True, id="R31-domain-derde-pip-zonder-inbreng"),
        pytest.param(5, False, False, 250, True, id="R31-meer-dan-drie"),
        pytest.param(-1, False, False, 0, False, id="R31-negatief-als-nul"),
    ],
)
def test_r31_escalatie(genegeerd, waarschuwing, oproep, boete, pip_ambtshalve):
    stap = intake_escalatie(genegeerd)
    assert (stap.waarschuwing, stap.nieuwe_oproep, stap.boete, stap.pip_zonder_inbreng) == (
        waarschuwing,
        oproep,
        Decimal(boete),
        pip_ambtshalve,
    )
    assert stap.regel.id == "R31" and stap.uitleg


@pytest.mark.parametrize(
    ("bedrag", "rapport", "zienswijze", "aantal"),
    [
        pytest.param(Decimal(900), True, True, 1, id="R32-domain-900"),
        pytest.param(Decimal(800), True, True, 0, id="R32-maximum-800"),
        pytest.param(Decimal(300), False, True, 1, id="R32-domain-zonder-rapport"),
        pytest.param(Decimal(300), True, False, 1, id="R32-zonder-zienswijze"),
        pytest.param(Decimal(-5), False, False, 3, id="R32-alles-fout"),
    ],
)
def test_r32_pip_boete(bedrag, rapport, zienswijze, aantal):
    uitkomst = toets_pip_boete(bedrag, rapport_opgemaakt=rapport, zienswijze_gevraagd=zienswijze)
    assert len(uitkomst.schendingen) == aantal
    assert set(uitkomst.regel_ids) <= {"R32"}


@pytest.mark.parametrize(
    ("verplichting", "artikel"),
    [
        pytest.param(Verplichting.ONTZORGEN_MACHTIGING, "Pw art. 18", id="R33-domain-ontzorgen"),
        pytest.param(Verplichting.PW_ARBEIDSINSCHAKELING, "Pw art. 18", id="R33-pw-werk"),
        pytest.param(Verplichting.BREDE_INTAKE, ARTIKEL_22, id="R33-intake-art-22"),
        pytest.param(Verplichting.MAP, ARTIKEL_23, id="R33-map-art-23"),
    ],
)
def test_r33_sanctiegrondslag(verplichting, artikel):
    assert sanctiegrondslag(verplichting).waarde == artikel


def test_r33_verkeerde_sanctie():
    from openinburgering.regels.handhaving import toets_sanctie

    assert toets_sanctie(Verplichting.PVT, ARTIKEL_23)
    uitkomst = toets_sanctie(Verplichting.ONTZORGEN_MACHTIGING, ARTIKEL_23)
    assert uitkomst.regel_ids == ("R33",)
    assert "Pw art. 18" in uitkomst.schendingen[0].melding


@pytest.mark.parametrize(
    ("overtreding", "artikel", "besluit", "opschorting", "toegestaan"),
    [
        pytest.param(D("2025-02-01"), ARTIKEL_22, D("2028-02-02"), (), False, id="R53-domain-3-jaar"),
        pytest.param(D("2025-02-01"), ARTIKEL_22, D("2028-02-01"), (), True, id="R53-laatste-dag"),
        pytest.param(D("2025-02-01"), ARTIKEL_23, D("2030-02-01"), (), True, id="R53-art23-5-jaar"),
        pytest.param(D("2025-02-01"), ARTIKEL_23, D("2030-02-02"), (), False, id="R53-art23-te-laat"),
        pytest.param(
            D("2025-02-01"), ARTIKEL_22, D("2028-03-02"),
            ((D("2025-06-01"), D("2025-06-30")),), True, id="R53-opgeschort-30-dagen",
        ),
        pytest.param(
            D("2025-02-01"), ARTIKEL_22, D("2028-03-03"),
            ((D("2025-06-01"), D("2025-06-30")),), False, id="R53-opgeschort-dag-te-laat",
        ),
    ],
)  # fmt: skip
def test_r53_verval(overtreding, artikel, besluit, opschorting, toegestaan):
    uitkomst = toets_boete_niet_vervallen(overtreding, artikel, besluit, opschorting)
    assert uitkomst.toegestaan is toegestaan


def test_r53_uitleg():
    termijn = vervaltermijn_boete(
        D("2025-02-01"), ARTIKEL_22, ((D("2025-06-01"), D("2025-06-30")),)
    )
    assert termijn.laatste_dag == D("2028-03-02")
    assert "30 dagen" in termijn.uitleg
