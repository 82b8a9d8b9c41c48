"""Leerroutes: afschalen (R21), Z-route-uren (R41), examens in de Z-route (R59), MAP (R25)."""

from datetime import date

import pytest

from openinburgering.regels.codes import Examenniveau, Examenonderdeel, Leerroute
from openinburgering.regels.leerroutes import (
    ROUTES,
    map_verplicht,
    toets_afschalen,
    toets_examen_in_zroute,
    toets_zroute_afronding,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("route", "uren", "fysiek", "onhaalbaar", "inspanning", "aantal"),
    [
        pytest.param("B", 550, 400, True, True, 1, id="R21-domain-550-uur"),
        pytest.param("B", 620, 320, True, True, 0, id="R21-domain-620-waarvan-320-fysiek"),
        pytest.param("Z", 620, 320, True, True, 1, id="R21-domain-z-route"),
        pytest.param("O", 700, 700, True, True, 1, id="R21-onderwijsroute"),
        pytest.param("B", 599, 599, True, True, 1, id="R21-dag-voor-grens-599"),
        pytest.param("B", 600, 300, True, True, 0, id="R21-precies-600-en-helft"),
        pytest.param("B", 620, 309, True, True, 1, id="R21-minder-dan-helft-fysiek"),
        pytest.param("B", 800, 800, False, True, 1, id="R21-b1-nog-haalbaar"),
        pytest.param("B", 800, 800, True, False, 1, id="R21-onvoldoende-inspanning"),
        pytest.param("Z", 100, 10, False, False, 5, id="R21-alles-fout-vijf-meldingen"),
    ],
)
def test_r21_afschalen(route, uren, fysiek, onhaalbaar, inspanning, aantal):
    uitkomst = toets_afschalen(
        leerroute=Leerroute(route),
        lesuren=uren,
        lesuren_fysiek=fysiek,
        b1_onhaalbaar_binnen_termijn=onhaalbaar,
        voldoende_inspanning=inspanning,
    )
    assert len(uitkomst.schendingen) == aantal
    assert set(uitkomst.regel_ids) <= {"R21"}


@pytest.mark.parametrize(
    ("taal", "participatie", "intake", "velden"),
    [
        pytest.param(820, 700, 0, ("participatieuren",), id="R41-domain-1520-uur"),
        pytest.param(800, 800, 0, (), id="R41-precies-800-plus-800"),
        pytest.param(799, 900, 0, ("taaluren",), id="R41-799-taaluren"),
        pytest.param(820, 700, 80, (), id="R41-intake-participatie-telt-mee"),
        pytest.param(500, 500, 0, ("taaluren", "participatieuren"), id="R41-beide-te-weinig"),
    ],
)
def test_r41_zroute_afronding(taal, participatie, intake, velden):
    uitkomst = toets_zroute_afronding(
        taaluren=taal, participatieuren=participatie, participatieuren_brede_intake=intake
    )
    assert tuple(s.veld for s in uitkomst.schendingen) == velden


@pytest.mark.parametrize(
    ("onderdeel", "niveau", "peildatum", "haalbaar", "aantal"),
    [
        pytest.param("KNM", None, D("2022-12-31"), True, 1, id="R59-knm-voor-2023"),
        pytest.param("KNM", None, D("2023-01-01"), True, 0, id="R59-knm-vanaf-2023"),
        pytest.param("KNM", None, D("2024-05-01"), False, 1, id="R59-knm-gemeente-niet-eens"),
        pytest.param("LE", "A2", D("2022-06-01"), False, 0, id="R59-lezen-a2-mag"),
        pytest.param("SP", "B1", D("2024-06-01"), True, 1, id="R59-spreken-b1-niet"),
        pytest.param("SC", None, D("2024-06-01"), True, 1, id="R59-zonder-niveau-niet"),
    ],
)
def test_r59_examen_in_zroute(onderdeel, niveau, peildatum, haalbaar, aantal):
    uitkomst = toets_examen_in_zroute(
        onderdeel=Examenonderdeel(onderdeel),
        niveau=Examenniveau(niveau) if niveau else None,
        peildatum=peildatum,
        gemeente_acht_haalbaar=haalbaar,
    )
    assert len(uitkomst.schendingen) == aantal
    assert set(uitkomst.regel_ids) <= {"R59"}


@pytest.mark.parametrize(
    ("route", "verplicht"),
    [
        pytest.param(Leerroute.B1_ROUTE, True, id="R25-b1-route-met-map"),
        pytest.param(Leerroute.Z_ROUTE, True, id="R25-z-route-met-map"),
        pytest.param(Leerroute.ONDERWIJSROUTE, False, id="R25-onderwijsroute-zonder-map"),
    ],
)
def test_r25_map_per_route(route, verplicht):
    assert map_verplicht(route) is verplicht
    assert ROUTES[route].pvt_verplicht
