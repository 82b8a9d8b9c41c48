"""MAP/PVT-datums (R39), verwijtbaarheid (R40, R43) en examens (R44)."""

from datetime import date

import pytest

from openinburgering.regels.codes import JaNee, NietVrijstellendOnderwijs, RedenGeenResultaat
from openinburgering.regels.participatie import (
    Onderwijsperiode,
    examen_zonder_resultaat,
    niet_verwijtbaar_door_onderwijs,
    toets_afrondingsdatum,
    toets_verwijtbaar,
)
from openinburgering.regels.termijnen import inburgeringstermijn

D = date.fromisoformat


@pytest.mark.parametrize(
    ("datum", "extra", "aantal"),
    [
        pytest.param(D("2025-06-02"), {}, 1, id="R39-domain-pvt-morgen"),
        pytest.param(D("2025-06-01"), {}, 0, id="R39-vandaag-mag"),
        pytest.param(D("2025-03-14"), {}, 1, id="R39-dag-voor-termijnstart"),
        pytest.param(D("2025-03-15"), {}, 0, id="R39-op-termijnstart"),
        pytest.param(D("2025-05-02"), {"zroute_afronding": D("2025-05-01")}, 1, id="R39-na-z-route"),
        pytest.param(D("2025-05-01"), {"zroute_afronding": D("2025-05-01")}, 0, id="R39-op-z-route"),
        pytest.param(None, {"zroute_afronding": D("2025-05-01")}, 1, id="R39-leeg-na-z-route"),
        pytest.param(None, {}, 0, id="R39-leeg-mag-zonder-z-route"),
        pytest.param(D("2025-05-01"), {"eigen_huidig_pip": False}, 1, id="R39-pip-andere-gemeente"),
        pytest.param(
            D("2025-05-01"), {"eerder_doorgegeven_door_andere_gemeente": True}, 1,
            id="R39-andere-gemeente-gaf-door",
        ),
        pytest.param(D("2025-05-01"), {"termijn_start": None}, 1, id="R39-nog-geen-termijn"),
    ],
)  # fmt: skip
def test_r39_afrondingsdatum(datum, extra, aantal):
    kwargs = {"termijn_start": D("2025-03-15"), "peildatum": D("2025-06-01")} | extra
    uitkomst = toets_afrondingsdatum(datum, onderdeel="PVT", **kwargs)
    assert len(uitkomst.schendingen) == aantal
    assert set(uitkomst.regel_ids) <= {"R39"}


TERMIJN = inburgeringstermijn([D("2022-03-14")])  # 15-03-2022 t/m 14-03-2025, einde 15-03-2025


@pytest.mark.parametrize(
    ("flag", "afgerond", "peildatum", "toegestaan"),
    [
        pytest.param(JaNee.NEE, None, D("2024-10-15"), False, id="R40-domain-nee-5-maanden-voor"),
        pytest.param(JaNee.NEE, None, D("2025-01-15"), True, id="R40-nee-precies-2-maanden"),
        pytest.param(JaNee.NEE, None, D("2025-01-14"), False, id="R40-nee-2-maanden-plus-dag"),
        pytest.param(JaNee.NEE, None, D("2025-04-01"), True, id="R40-nee-na-overschrijding"),
        pytest.param(JaNee.JA, None, D("2025-03-14"), False, id="R40-ja-op-laatste-dag"),
        pytest.param(JaNee.JA, None, D("2025-03-15"), True, id="R40-ja-na-overschrijding"),
        pytest.param(JaNee.NEE, D("2024-12-01"), D("2025-01-20"), False, id="R40-op-tijd-klaar"),
        pytest.param(None, None, D("2025-03-15"), False, id="R40-verplicht-na-overschrijding"),
        pytest.param(None, None, D("2025-03-14"), True, id="R40-leeg-voor-einde"),
        pytest.param(None, D("2025-03-14"), D("2025-04-01"), True, id="R40-leeg-op-tijd-klaar"),
        pytest.param(JaNee.JA, D("2025-04-01"), D("2025-05-01"), True, id="R40-te-laat-klaar-ja"),
    ],
)
def test_r40_verwijtbaar(flag, afgerond, peildatum, toegestaan):
    uitkomst = toets_verwijtbaar(
        flag, termijn=TERMIJN, afrondingsdatum=afgerond, peildatum=peildatum
    )
    assert uitkomst.toegestaan is toegestaan
    if not toegestaan:
        assert uitkomst.regel_ids == ("R40",)


NVO = NietVrijstellendOnderwijs


@pytest.mark.parametrize(
    ("onderwijs", "peildatum", "niet_verwijtbaar"),
    [
        pytest.param(
            [Onderwijsperiode(NVO.MBO_ENTREE, D("2023-09-01"), D("2024-07-01"))], D("2025-04-01"),
            True, id="R43-domain-entree-tijdens-termijn",
        ),
        pytest.param(
            [Onderwijsperiode(NVO.PRAKTIJKONDERWIJS, D("2021-09-01"), None)], D("2025-04-01"),
            True, id="R43-praktijkonderwijs-loopt-nog",
        ),
        pytest.param(
            [Onderwijsperiode(NVO.MBO_ENTREE, D("2022-04-01"), D("2022-12-01"))], D("2022-12-31"),
            False, id="R43-voor-2023-geldt-niet",
        ),
        pytest.param(
            [Onderwijsperiode(NVO.ANDERS, D("2023-09-01"), D("2024-07-01"))], D("2025-04-01"),
            False, id="R43-ander-onderwijs-telt-niet",
        ),
        pytest.param(
            [Onderwijsperiode(NVO.VSO_ARBEIDSMARKT, D("2020-09-01"), D("2022-03-14"))],
            D("2025-04-01"), False, id="R43-voor-start-termijn",
        ),
        pytest.param([], D("2025-04-01"), False, id="R43-geen-onderwijs"),
    ],
)  # fmt: skip
def test_r43_niet_vrijstellend_onderwijs(onderwijs, peildatum, niet_verwijtbaar):
    resultaat = niet_verwijtbaar_door_onderwijs(onderwijs, termijn=TERMIJN, peildatum=peildatum)
    assert resultaat.waarde is niet_verwijtbaar
    assert resultaat.regel.id == "R43"


NIET = RedenGeenResultaat.NIETVERWIJTBAAR
WEL = RedenGeenResultaat.VERWIJTBAAR


@pytest.mark.parametrize(
    ("afgemeld", "ziek", "overmacht", "reden"),
    [
        pytest.param(D("2025-05-17"), False, False, NIET, id="R44-domain-15-dagen-voor"),
        pytest.param(D("2025-05-18"), False, False, NIET, id="R44-precies-14-dagen"),
        pytest.param(D("2025-05-19"), False, False, WEL, id="R44-13-dagen-verwijtbaar"),
        pytest.param(None, False, False, WEL, id="R44-niet-afgemeld"),
        pytest.param(None, True, False, NIET, id="R44-ziek-tijdens-examen"),
        pytest.param(D("2025-05-30"), False, True, NIET, id="R44-overmacht-duo"),
    ],
)
def test_r44_examen(afgemeld, ziek, overmacht, reden):
    resultaat = examen_zonder_resultaat(
        examendatum=D("2025-06-01"),
        afmelddatum=afgemeld,
        ziek_tijdens_examen=ziek,
        overmacht_duo=overmacht,
    )
    assert resultaat.waarde is reden
    assert resultaat.regel.id == "R44"
