"""Wie is plichtig (R1–R6), de AOW-leeftijd (R1) en het verantwoordelijke college (R56)."""

from dataclasses import replace
from datetime import date

import pytest

from openinburgering.regels.aow import aow_datum, leeftijd_op, toets_leeftijd, verjaardag
from openinburgering.regels.codes import Regime, Verblijfsdoel
from openinburgering.regels.plicht import (
    PlichtFeiten,
    begindatum_plicht,
    bepaal_plicht,
    bepaal_regime,
    is_eu_eer_zwitsers,
    toets_verantwoordelijk,
    verantwoordelijke_gemeente,
)

D = date.fromisoformat

SYRIER = PlichtFeiten(
    geboortedatum=D("1990-05-10"),
    nationaliteiten=("SY",),
    verblijfsdoel=Verblijfsdoel.ASIEL_BEPAALDE_TIJD,
    datum_bekendmaking_ind=D("2024-05-02"),
)


@pytest.mark.parametrize(
    ("geboortedatum", "peildatum", "plichtig"),
    [
        pytest.param(D("2007-06-15"), D("2025-05-20"), False, id="R1-17j11m-niet-plichtig"),
        pytest.param(D("2007-06-15"), D("2025-06-14"), False, id="R1-dag-voor-18e-verjaardag"),
        pytest.param(D("2007-06-15"), D("2025-06-15"), True, id="R1-op-18e-verjaardag-plichtig"),
        pytest.param(D("2008-02-29"), D("2026-02-27"), False, id="R1-schrikkeldag-nog-17"),
        pytest.param(D("2008-02-29"), D("2026-02-28"), True, id="R1-schrikkeldag-18-op-28-feb"),
        pytest.param(D("1961-03-10"), D("2028-03-10"), True, id="R1-67-in-2028-nog-plichtig"),
        pytest.param(D("1961-03-10"), D("2028-06-09"), True, id="R1-dag-voor-67j3m"),
        pytest.param(D("1961-03-10"), D("2028-06-10"), False, id="R1-op-67j3m-niet-plichtig"),
        pytest.param(D("1958-01-20"), D("2025-01-20"), False, id="R1-67-in-2025-einde-plicht"),
    ],
)
def test_r1_leeftijd(geboortedatum, peildatum, plichtig):
    uitkomst = toets_leeftijd(geboortedatum, peildatum)
    assert uitkomst.toegestaan is plichtig
    if not plichtig:
        assert uitkomst.regel_ids == ("R1",)
        assert uitkomst.schendingen[0].veld == "geboortedatum"


@pytest.mark.parametrize(
    ("geboortedatum", "aow"),
    [
        pytest.param(D("1940-05-05"), D("2005-05-05"), id="R1-voor-tabel-65"),
        pytest.param(D("1957-01-01"), D("2023-11-01"), id="R1-2023-66j10m"),
        pytest.param(D("1957-02-28"), D("2023-12-28"), id="R1-laatste-66j10m"),
        pytest.param(D("1957-03-01"), D("2024-03-01"), id="R1-sprong-naar-67"),
        pytest.param(D("1960-12-31"), D("2027-12-31"), id="R1-67-in-2027"),
        pytest.param(D("1961-01-01"), D("2028-04-01"), id="R1-67j3m-in-2028"),
        pytest.param(D("1964-09-30"), D("2031-12-30"), id="R1-laatste-jaar-tabel"),
        pytest.param(D("1960-11-30"), D("2027-11-30"), id="R1-einde-maand"),
    ],
)
def test_r1_aow_datum_uit_tabel(geboortedatum, aow):
    resultaat = aow_datum(geboortedatum)
    assert resultaat.waarde == aow
    assert resultaat.regel.id == "R1"
    assert "aanname" not in resultaat.uitleg


def test_r1_aow_na_tabel_is_aanname():
    resultaat = aow_datum(D("1970-06-15"))
    assert resultaat.waarde == D("2037-09-15")
    assert "aanname" in resultaat.uitleg and "assumption" in resultaat.uitleg_en


def test_leeftijd_op_en_verjaardag():
    assert leeftijd_op(D("2000-03-01"), D("2025-02-28")) == 24
    assert leeftijd_op(D("2000-03-01"), D("2025-03-01")) == 25
    assert verjaardag(D("2004-02-29"), 21) == D("2025-02-28")


def test_r1_verjaardag_schrikkeldag_andere_lezing(monkeypatch):
    from openinburgering.regels import aow

    monkeypatch.setattr(aow, "SCHRIKKELDAG_JARIG_OP_28_FEBRUARI", False)
    assert aow.verjaardag(D("2004-02-29"), 21) == D("2025-03-01")
    assert aow.verjaardag(D("2004-02-29"), 24) == D("2028-02-29")


@pytest.mark.parametrize(
    ("begin", "duo", "regime"),
    [
        pytest.param(D("2021-12-20"), None, Regime.WI2013, id="R2-dec-2021-wi2013"),
        pytest.param(D("2021-12-31"), None, Regime.WI2013, id="R2-dag-voor-grens"),
        pytest.param(D("2022-01-01"), None, Regime.WI2021, id="R2-op-grens-wi2021"),
        pytest.param(D("2022-01-03"), None, Regime.WI2021, id="R2-jan-2022-wi2021"),
        pytest.param(D("2022-03-01"), Regime.WI2013, Regime.WI2013, id="R2-duo-gaat-voor"),
    ],
)
def test_r2_regime(begin, duo, regime):
    resultaat = bepaal_regime(begin, duo)
    assert resultaat.waarde is regime
    assert resultaat.regel.id == "R2"


@pytest.mark.parametrize(
    ("wijziging", "plichtig", "regels", "regime"),
    [
        pytest.param({}, True, (), Regime.WI2021, id="R3-syrier-plichtig"),
        pytest.param({"nationaliteiten": ("PL",)}, False, ("R3",), None, id="R3-pool-geen-plicht"),
        pytest.param({"nationaliteiten": ("SY", "de")}, False, ("R3",), None, id="R3-dubbel-eu"),
        pytest.param({"nationaliteiten": ("CH",)}, False, ("R3",), None, id="R3-zwitser"),
        pytest.param({"eu_familielid": True}, False, ("R3",), None, id="R3-eu-familielid"),
        pytest.param(
            {"nationaliteiten": ("TR",), "verblijfsdoel": Verblijfsdoel.GEZINSVORMING,
             "datum_bekendmaking_ind": D("2023-03-01")},
            True, (), Regime.WI2021, id="R4-turks-gezin-2023-plichtig",
        ),
        pytest.param(
            {"nationaliteiten": ("TR",), "verblijfsdoel": Verblijfsdoel.GEZINSHERENIGING,
             "datum_bekendmaking_ind": D("2021-06-01")},
            False, ("R4",), None, id="R4-turks-gezin-2021-niet",
        ),
        pytest.param(
            {"nationaliteiten": ("TR",), "datum_bekendmaking_ind": D("2020-06-01")},
            True, (), Regime.WI2013, id="R4-turks-asiel-2020-wi2013",
        ),
        pytest.param(
            {"nationaliteiten": ("TR",), "datum_bekendmaking_ind": D("2020-05-01")},
            True, (), Regime.WI2013, id="R4-turks-asiel-op-1-mei-2020",
        ),
        pytest.param(
            {"nationaliteiten": ("TR",), "datum_bekendmaking_ind": D("2020-04-30")},
            False, ("R4",), None, id="R4-turks-asiel-voor-1-mei-2020",
        ),
        pytest.param(
            {"verblijfsdoel": Verblijfsdoel.STUDIE}, False, ("R5",), None, id="R5-studie"
        ),
        pytest.param(
            {"verblijfsdoel": Verblijfsdoel.KENNISMIGRANT}, False, ("R5",), None,
            id="R5-kennismigrant",
        ),
        pytest.param(
            {"verblijfsdoel": Verblijfsdoel.GEZINSVORMING}, True, (), Regime.WI2021,
            id="R5-gezinsvorming-niet-tijdelijk",
        ),
        pytest.param(
            {"datum_bekendmaking_ind": D("2025-07-01")}, False, ("R6",), None,
            id="R6-ind-datum-na-peildatum",
        ),
    ],
)  # fmt: skip
def test_r3_r4_r5_bepaal_plicht(wijziging, plichtig, regels, regime):
    bepaling = bepaal_plicht(replace(SYRIER, **wijziging), D("2025-06-01"))
    assert bepaling.plichtig is plichtig
    assert bepaling.redenen.regel_ids == regels
    if plichtig:
        assert bepaling.regime.waarde is regime
        assert bepaling.begindatum is not None and bepaling.aow_datum is not None
    else:
        assert bepaling.regime is None and bepaling.begindatum is None


def test_alle_redenen_samen():
    feiten = PlichtFeiten(
        geboortedatum=D("2008-01-01"),
        nationaliteiten=("PL",),
        verblijfsdoel=Verblijfsdoel.STUDIE,
        datum_bekendmaking_ind=D("2025-01-01"),
    )
    bepaling = bepaal_plicht(feiten, D("2025-06-01"))
    assert bepaling.redenen.regel_ids == ("R3", "R5", "R1")


@pytest.mark.parametrize(
    ("geboortedatum", "ind", "begin"),
    [
        pytest.param(D("1990-01-01"), D("2024-05-02"), D("2024-05-02"), id="R6-ind-datum"),
        pytest.param(D("2007-09-01"), D("2024-05-02"), D("2025-09-01"), id="R6-minderjarig-18"),
        pytest.param(None, D("2024-05-02"), D("2024-05-02"), id="R6-geboortedatum-onbekend"),
    ],
)
def test_r6_begindatum(geboortedatum, ind, begin):
    resultaat = begindatum_plicht(geboortedatum, ind)
    assert resultaat.waarde == begin
    assert resultaat.regel.id == "R6"


@pytest.mark.parametrize(
    ("wijziging", "plichtig"),
    [
        pytest.param({}, True, id="R1-onbekende-geboortedatum-plichtig-zoals-DUO-zei"),
        pytest.param({"nationaliteiten": ("DE",)}, False, id="R3-onbekende-geboortedatum-eu"),
    ],
)
def test_onbekende_geboortedatum_toetst_geen_leeftijd(wijziging, plichtig):
    """A person DUO announced has no date of birth yet: no age check, no AOW date (ADR 0041)."""
    feiten = replace(SYRIER, geboortedatum=None, **wijziging)
    bepaling = bepaal_plicht(feiten, peildatum=D("2025-01-01"))
    assert bepaling.plichtig is plichtig
    assert "R1" not in bepaling.redenen.regel_ids
    assert bepaling.aow_datum is None
    if plichtig:
        assert bepaling.begindatum.waarde == D("2024-05-02")
        assert "onbekend" in bepaling.begindatum.uitleg


def test_eu_lijst():
    assert is_eu_eer_zwitsers(["no"])
    assert is_eu_eer_zwitsers(["NL"])
    assert not is_eu_eer_zwitsers(["GB", "TR"])


@pytest.mark.parametrize(
    ("asiel", "woon", "huis", "eigen", "toegestaan"),
    [
        pytest.param(True, "0363", "0344", "0344", True, id="R56-asiel-koppelgemeente"),
        pytest.param(True, "0363", "0344", "0363", False, id="R56-asiel-niet-woongemeente"),
        pytest.param(False, "0363", "0344", "0363", True, id="R56-gezinsmigrant-woonplaats"),
        pytest.param(False, "0363", None, "0344", False, id="R56-gezinsmigrant-elders"),
        pytest.param(True, "0363", None, "0363", False, id="R56-asiel-nog-niet-gekoppeld"),
    ],
)
def test_r56_verantwoordelijk_college(asiel, woon, huis, eigen, toegestaan):
    uitkomst = toets_verantwoordelijk(
        eigen, tijdelijke_asielvergunning=asiel, woongemeente=woon, huisvestingsgemeente=huis
    )
    assert uitkomst.toegestaan is toegestaan
    if not toegestaan:
        assert uitkomst.regel_ids == ("R56",)
    bepaald = verantwoordelijke_gemeente(
        tijdelijke_asielvergunning=asiel, woongemeente=woon, huisvestingsgemeente=huis
    )
    assert bepaald.waarde == (huis if asiel else woon)


@pytest.mark.parametrize(
    ("geboortedatum", "signaal"),
    [
        pytest.param(D("1961-01-01"), D("2027-10-01"), id="R1-ss128-zes-maanden-voor-67j3m"),
        pytest.param(D("1958-08-31"), D("2025-02-28"), id="R1-ss128-einde-van-maand"),
    ],
)
def test_r1_aow_signaal(geboortedatum, signaal):
    from openinburgering.regels.aow import aow_signaaldatum

    resultaat = aow_signaaldatum(geboortedatum)
    assert resultaat.waarde == signaal
    assert "SS128" in resultaat.uitleg


@pytest.mark.parametrize(
    ("gezinslid", "plichtig"),
    [
        pytest.param(True, True, id="R4-turks-gezinslid-asielstatushouder-2020-wi2013"),
        pytest.param(False, False, id="R4-turks-gezinshereniging-regulier-2020-niet"),
    ],
)
def test_r4_turks_gezinslid_van_asielstatushouder(gezinslid, plichtig):
    feiten = replace(
        SYRIER,
        nationaliteiten=("TR",),
        verblijfsdoel=Verblijfsdoel.GEZINSHERENIGING,
        datum_bekendmaking_ind=D("2020-06-01"),
        gezinslid_van_asielstatushouder=gezinslid,
    )
    bepaling = bepaal_plicht(feiten, D("2021-06-01"))
    assert bepaling.plichtig is plichtig
    if plichtig:
        assert bepaling.regime.waarde is Regime.WI2013
