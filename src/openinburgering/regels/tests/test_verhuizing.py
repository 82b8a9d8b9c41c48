"""Verhuizing: welk PIP geldt (R75), wat mee gaat (R76), welk bestand in mag (R77)."""

from datetime import date

import pytest

from openinburgering.regels.codes import Leerroute
from openinburgering.regels.verhuizing import (
    OVERDRACHT_SCHEMAVERSIE,
    VorigPip,
    geldend_pip_na_verhuizing,
    mag_overdragen,
    toets_overdrachtsbestand,
)

D = date.fromisoformat
VORIG = VorigPip(dagtekening=D("2026-03-02"), leerroute=Leerroute.B1_ROUTE, gemeentecode="0001")


@pytest.mark.parametrize(
    ("vorig", "eigen", "verwacht"),
    [
        pytest.param(VORIG, None, "vorige_gemeente", id="R75-domain-vorig-pip-geldt-tot-nieuw"),
        pytest.param(VORIG, D("2026-11-02"), "eigen", id="R75-nieuw-pip-geldt"),
        pytest.param(None, None, "geen", id="R75-geen-pip"),
    ],
)
def test_r75_geldend_pip(vorig, eigen, verwacht):
    resultaat = geldend_pip_na_verhuizing(vorig=vorig, eigen_dagtekening=eigen)
    assert resultaat.waarde == verwacht
    assert resultaat.regel.id == "R75"
    if verwacht == "vorige_gemeente":
        assert "02-03-2026" in resultaat.uitleg and "B1-route" in resultaat.uitleg


@pytest.mark.parametrize(
    ("veld", "mee"),
    [
        pytest.param("taal_en_opleiding", True, id="R76-opleiding-gaat-mee"),
        pytest.param("gezondheid", False, id="R76-domain-gezondheid-blijft"),
        pytest.param("financien", False, id="R76-financien-blijft"),
    ],
)
def test_r76_wat_mee_gaat(veld, mee):
    assert mag_overdragen(veld) is mee


@pytest.mark.parametrize(
    ("kwargs", "toegestaan", "aantal"),
    [
        pytest.param({}, True, 0, id="R77-eigen-bestand-mag"),
        pytest.param({"naar_gemeentecode": "0003"}, False, 1, id="R77-andere-ontvanger"),
        pytest.param({"van_gemeentecode": "0002"}, False, 1, id="R77-van-zichzelf"),
        pytest.param({"zelfde_persoon": False}, False, 1, id="R77-domain-ander-bsn"),
        pytest.param({"schemaversie": 2}, False, 1, id="R77-onbekende-versie"),
        pytest.param(
            {"schemaversie": "1", "zelfde_persoon": False}, False, 2, id="R77-alle-redenen"
        ),
    ],
)
def test_r77_overdrachtsbestand(kwargs, toegestaan, aantal):
    argumenten = {
        "schemaversie": OVERDRACHT_SCHEMAVERSIE,
        "naar_gemeentecode": "0002",
        "van_gemeentecode": "0001",
        "eigen_gemeentecode": "0002",
        "zelfde_persoon": True,
        **kwargs,
    }
    uitkomst = toets_overdrachtsbestand(**argumenten)
    assert uitkomst.toegestaan is toegestaan
    assert len(uitkomst.schendingen) == aantal
    assert set(uitkomst.regel_ids) <= {"R77"}
