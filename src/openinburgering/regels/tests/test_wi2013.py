"""De oude wet: boete (R49), kwijtschelding (R50), termijn (R62), aflossen (R63)."""

from datetime import date
from decimal import Decimal

import pytest

from openinburgering.regels.wi2013 import (
    Pogingen,
    toets_wi2013_nieuwe_termijn,
    wi2013_aflossen_vanaf,
    wi2013_boete,
    wi2013_kwijtschelding,
    wi2013_termijn,
)

D = date.fromisoformat
P = Pogingen


@pytest.mark.parametrize(
    ("uren", "pogingen", "bedrag"),
    [
        pytest.param(200, P.NIET_ALLES_GEPROBEERD, 875, id="R49-domain-200-uur-niet-alles"),
        pytest.param(100, P.NIET_ALLES_GEPROBEERD, 1250, id="R49-maximum-1250"),
        pytest.param(149, P.ALLES_EENMAAL, 1000, id="R49-149-uur"),
        pytest.param(150, P.ALLES_EENMAAL, 625, id="R49-grens-150-uur"),
        pytest.param(299, P.GEZAKT_TWEEMAAL, 375, id="R49-299-uur"),
        pytest.param(300, P.GEZAKT_TWEEMAAL, None, id="R49-300-uur-geen-boete"),
        pytest.param(300, P.ALLES_EENMAAL, 250, id="R49-300-uur-eenmaal"),
    ],
)
def test_r49_boete(uren, pogingen, bedrag):
    resultaat = wi2013_boete(uren, pogingen)
    assert resultaat.waarde == (Decimal(bedrag) if bedrag is not None else None)
    assert resultaat.waarde is None or resultaat.waarde <= Decimal(1250)


@pytest.mark.parametrize(
    ("einde", "toegestaan"),
    [
        pytest.param(D("2027-06-01"), True, id="R49-nieuwe-termijn-2-jaar"),
        pytest.param(D("2027-06-02"), False, id="R49-nieuwe-termijn-langer"),
    ],
)
def test_r49_nieuwe_termijn(einde, toegestaan):
    assert toets_wi2013_nieuwe_termijn(D("2025-06-01"), einde).toegestaan is toegestaan


TERMIJN = wi2013_termijn(D("2019-06-01"))  # einde exclusief 01-06-2022


@pytest.mark.parametrize(
    ("kwargs", "percentage"),
    [
        pytest.param({"voldaan_op": D("2022-08-01"), "te_late_examens": 1}, 90, id="R50-domain"),
        pytest.param({"voldaan_op": D("2022-05-31")}, 100, id="R50-binnen-termijn"),
        pytest.param(
            {"voldaan_op": D("2022-06-01"), "te_late_examens": 1}, 90, id="R50-eerste-dag"
        ),
        pytest.param({"voldaan_op": D("2022-09-01"), "te_late_examens": 1}, 90, id="R50-3-maanden"),
        pytest.param({"voldaan_op": D("2022-09-02"), "te_late_examens": 1}, 60, id="R50-na-3-mnd"),
        pytest.param({"voldaan_op": D("2022-08-01"), "te_late_examens": 2}, 70, id="R50-twee-laat"),
        pytest.param({"voldaan_op": D("2022-11-01"), "te_late_examens": 2}, 40, id="R50-twee-5mnd"),
        pytest.param({"voldaan_op": D("2022-12-01"), "te_late_examens": 1}, 60, id="R50-6-maanden"),
        pytest.param({"voldaan_op": D("2022-12-02"), "te_late_examens": 1}, 0, id="R50-na-6-mnd"),
        pytest.param({"voldaan_op": D("2022-07-01"), "te_late_examens": 3}, 0, id="R50-drie-laat"),
        pytest.param({"voldaan_op": None}, 0, id="R50-niet-voldaan"),
        pytest.param({"voldaan_op": D("2022-05-01"), "asielmigrant": False}, 0, id="R50-gezin"),
        pytest.param({"voldaan_op": D("2022-05-01"), "boete_opgelegd": True}, 0, id="R50-boete"),
    ],
)
def test_r50_kwijtschelding(kwargs, percentage):
    resultaat = wi2013_kwijtschelding(**({"asielmigrant": True, "termijn": TERMIJN} | kwargs))
    assert resultaat.waarde == percentage
    assert resultaat.regel.id == "R50"


@pytest.mark.parametrize(
    ("begin", "einde"),
    [
        pytest.param(D("2019-06-01"), D("2022-06-01"), id="R62-drie-jaar-na-plicht"),
        pytest.param(D("2020-02-29"), D("2023-02-28"), id="R62-schrikkeldag"),
    ],
)
def test_r62_termijn(begin, einde):
    termijn = wi2013_termijn(begin)
    assert termijn.einde == einde and not termijn.einde_inclusief
    assert termijn.regel.id == "R62"


@pytest.mark.parametrize(
    ("begin", "aflossen"),
    [
        pytest.param(D("2019-06-01"), D("2022-12-01"), id="R63-zes-maanden-na-einde"),
        pytest.param(D("2019-08-31"), D("2023-02-28"), id="R63-einde-van-maand"),
    ],
)
def test_r63_aflossen(begin, aflossen):
    assert wi2013_aflossen_vanaf(wi2013_termijn(begin)).waarde == aflossen
