"""The simulator's clock, the fictional BSN generator and the date helpers."""

import random
import time
from datetime import date

import pytest

from openinburgering.duo_simulator.bsn import genereer_bsn, is_geldig_bsn
from openinburgering.duo_simulator.datums import jaren_erbij, maanden_erbij


def test_fixed_scaled_and_real_clock(simulator):
    assert simulator.sim("GET", "/klok").json["vandaag"] == "2026-06-01"
    stand = simulator.sim("POST", "/klok", {"vandaag": "2026-06-01", "factor": 86400 * 20}).json
    assert stand["factor"] == 86400 * 20
    time.sleep(0.12)
    assert simulator.sim("GET", "/klok").json["vandaag"] >= "2026-06-03"
    echt = simulator.sim("POST", "/klok", {"vandaag": None}).json
    assert echt["vandaag"] == date.today().isoformat()
    assert simulator.sim("POST", "/klok", {"vandaag": "1-6-2026"}).status == 400


def test_clock_drives_the_rules(simulator):
    """A date that is 'in the future' depends on the simulator's today."""
    pip = {"gemeenteOin": "00000001001111111000", "dagtekeningPip": "2026-01-15", "leerroute": "B"}
    bsn = simulator.persoon(pip=pip)
    body = {"datumOndertekeningPvt": "2026-07-01"}
    assert simulator.duo("PUT", f"/personen/{bsn}/pvt", body).status == 403
    simulator.klok("2026-07-01")
    assert simulator.duo("PUT", f"/personen/{bsn}/pvt", body).status == 200


def test_generated_bsns_pass_the_11_proef_and_are_in_the_test_range():
    rng = random.Random(1)
    bsns = {genereer_bsn(rng) for _ in range(200)}
    assert len(bsns) > 190
    assert all(is_geldig_bsn(b) and b.startswith("9999") for b in bsns)


@pytest.mark.parametrize(
    ("waarde", "geldig"),
    [("111222333", True), ("123456782", True), ("123456789", False), ("000000000", False),
     ("12345678", False), ("12345678a", False)],
)  # fmt: skip
def test_11_proef(waarde, geldig):
    assert is_geldig_bsn(waarde) is geldig


def test_person_seed_refuses_invalid_bsn(simulator):
    antwoord = simulator.sim("POST", "/personen", {"bsn": "123456789"})
    assert antwoord.status == 400
    assert "11-proef" in antwoord.json["fout"]


@pytest.mark.parametrize(
    ("begin", "maanden", "uit"),
    [(date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2029, 1, 16), -2, date(2028, 11, 16)),
     (date(2026, 12, 15), 1, date(2027, 1, 15))],
)  # fmt: skip
def test_maanden_erbij(begin, maanden, uit):
    assert maanden_erbij(begin, maanden) == uit


def test_jaren_erbij_leap_day():
    assert jaren_erbij(date(2028, 2, 29), 3) == date(2031, 3, 1)
    assert jaren_erbij(date(2026, 3, 15), 3) == date(2029, 3, 15)
