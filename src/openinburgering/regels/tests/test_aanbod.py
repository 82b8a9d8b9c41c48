"""Inburgeringsaanbod (R36–R38, R54, R55)."""

from dataclasses import replace
from datetime import date

import pytest

from openinburgering.regels.aanbod import (
    Aanbod,
    Instelling,
    aanbod_starttermijn,
    registreer_aanbod,
    toets_aanbod,
    verklaring_aanbod_nodig,
)
from openinburgering.regels.codes import Doelgroep, Leerroute
from openinburgering.regels.termijnen import inburgeringstermijn

D = date.fromisoformat

BOW = Instelling("0000000001", keurmerk_bow=True)
TST = Instelling("0000000002", keurmerk_tst=True)
AANBOD = Aanbod(BOW, D("2025-02-01"), D("2025-02-03"), D("2026-02-03"))
ASIEL = Doelgroep.ASIELSTATUSHOUDER
GEZIN = Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT
B, OND = Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE
PIP_DATUM = D("2025-01-15")


@pytest.mark.parametrize(
    ("aanbod", "doelgroep", "route", "pip_datum", "regels"),
    [
        pytest.param(AANBOD, ASIEL, B, PIP_DATUM, (), id="R36-asiel-met-pip-toegestaan"),
        pytest.param(AANBOD, GEZIN, B, PIP_DATUM, ("R36",), id="R36-domain-gezinsmigrant"),
        pytest.param(AANBOD, ASIEL, None, None, ("R54",), id="R54-domain-zonder-pip"),
        pytest.param(
            replace(AANBOD, datum_inburgeringsaanbod=None, verwachte_startdatum=None),
            ASIEL, None, None, ("R54",), id="R54-zonder-pip-ook-zonder-datums",
        ),
        pytest.param(AANBOD, ASIEL, OND, PIP_DATUM, ("R37",), id="R37-domain-o-zonder-tst"),
        pytest.param(replace(AANBOD, instelling=TST), ASIEL, OND, PIP_DATUM, (), id="R37-o-met-tst"),
        pytest.param(
            replace(AANBOD, instelling=TST), ASIEL, B, PIP_DATUM, ("R37",), id="R37-b-zonder-bow"
        ),
        pytest.param(
            replace(AANBOD, datum_inburgeringsaanbod=D("2025-01-14")), ASIEL, B, PIP_DATUM,
            ("R38",), id="R38-voor-huidig-pip",
        ),
        pytest.param(
            replace(AANBOD, datum_inburgeringsaanbod=D("2025-01-15"),
                    verwachte_startdatum=D("2025-01-16")),
            ASIEL, B, PIP_DATUM, ("R38",), id="R38-op-pipdag-maar-voor-termijnstart",
        ),
        pytest.param(
            replace(AANBOD, verwachte_startdatum=D("2028-01-16")), ASIEL, B, PIP_DATUM,
            ("R38",), id="R38-na-einde-termijn",
        ),
        pytest.param(
            replace(AANBOD, verwachte_startdatum=D("2025-01-31")), ASIEL, B, PIP_DATUM,
            ("R38",), id="R38-start-voor-inschrijving",
        ),
        pytest.param(
            replace(AANBOD, verwachte_einddatum=D("2025-02-03")), ASIEL, B, PIP_DATUM,
            ("R38",), id="R38-einde-niet-na-start",
        ),
    ],
)  # fmt: skip
def test_toets_aanbod(aanbod, doelgroep, route, pip_datum, regels):
    termijn = inburgeringstermijn([pip_datum]) if pip_datum else None
    uitkomst = toets_aanbod(
        aanbod,
        doelgroep=doelgroep,
        leerroute=route,
        huidige_pip_dagtekening=pip_datum,
        termijn=termijn,
    )
    assert uitkomst.regel_ids == regels


def test_r38_een_aanbod_per_instelling():
    eerste = registreer_aanbod({}, AANBOD)
    tweede = registreer_aanbod(eerste, replace(AANBOD, verwachte_startdatum=D("2025-03-01")))
    assert list(tweede) == ["0000000001"]
    assert tweede["0000000001"].verwachte_startdatum == D("2025-03-01")
    derde = registreer_aanbod(tweede, replace(AANBOD, instelling=TST))
    assert len(derde) == 2
    assert len(eerste) == 1  # invoer niet gewijzigd


@pytest.mark.parametrize(
    ("route", "laatste"),
    [
        pytest.param(B, D("2025-04-15"), id="R55-domain-3-maanden"),
        pytest.param(OND, D("2025-07-15"), id="R55-onderwijsroute-6-maanden"),
    ],
)
def test_r55_starttermijn(route, laatste):
    termijn = aanbod_starttermijn(PIP_DATUM, route)
    assert termijn.laatste_dag == laatste
    assert termijn.regel.id == "R55"


@pytest.mark.parametrize(
    ("doelgroep", "route", "start", "peildatum", "nodig"),
    [
        pytest.param(ASIEL, B, None, D("2025-04-16"), True, id="R55-domain-geen-start-taak"),
        pytest.param(ASIEL, B, None, D("2025-04-15"), False, id="R55-laatste-dag-nog-niet"),
        pytest.param(ASIEL, B, D("2025-04-10"), D("2025-06-01"), False, id="R55-op-tijd-gestart"),
        pytest.param(ASIEL, B, D("2025-04-16"), D("2025-06-01"), True, id="R55-te-laat-gestart"),
        pytest.param(ASIEL, B, D("2025-05-01"), D("2025-04-20"), True, id="R55-gepland-te-laat"),
        pytest.param(ASIEL, OND, None, D("2025-05-01"), False, id="R55-onderwijsroute-6-mnd"),
        pytest.param(GEZIN, B, None, D("2025-06-01"), False, id="R55-gezinsmigrant-nooit"),
    ],
)
def test_r55_verklaring(doelgroep, route, start, peildatum, nodig):
    resultaat = verklaring_aanbod_nodig(
        doelgroep=doelgroep,
        pip_dagtekening=PIP_DATUM,
        leerroute=route,
        cursus_startdatum=start,
        peildatum=peildatum,
    )
    assert resultaat.waarde is nodig
    assert resultaat.regel.id == "R55"
    if nodig:
        assert "verklaring" in resultaat.uitleg


@pytest.mark.parametrize(
    ("per_route", "brede_intake", "verwacht"),
    [
        pytest.param({"B": 120.5, "O": 0}, 0, 120, id="R68-halve-uren-naar-beneden"),
        pytest.param({"B": 300, "Z": 250}, 0, 550, id="R68-eerdere-route-telt-mee"),
        pytest.param({"B": 100}, 40, 100, id="R68-domain-brede-intake-telt-niet"),
        pytest.param({}, 0, 0, id="R68-nog-geen-uren"),
        pytest.param({"O": 12000}, 0, 9999, id="R68-maximum-van-duo"),
    ],
)
def test_gevolgde_taaluren_voor_duo(per_route, brede_intake, verwacht):
    from openinburgering.regels.aanbod import gevolgde_taaluren_voor_duo

    resultaat = gevolgde_taaluren_voor_duo(per_route, uren_brede_intake=brede_intake)
    assert resultaat.waarde == verwacht
    assert resultaat.regel.id == "R68"
    assert str(verwacht) in resultaat.uitleg
