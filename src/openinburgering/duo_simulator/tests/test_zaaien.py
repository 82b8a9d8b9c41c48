"""Seeding what DUO knows before a demo (POST /_sim/zaaien and ``--zaai``)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from openinburgering.duo_simulator.bsn import genereer_bsn

from .conftest import GEMEENTE_A

# The package's folder, whatever the caller's working directory or PYTHONPATH.
OMGEVING = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
GEMEENTE = {"oin": GEMEENTE_A, "gemeentecode": "9001", "naam": "Demodam"}


def _persoon(**velden) -> dict:
    return {
        "bsn": genereer_bsn(),
        "woongemeenteOin": GEMEENTE_A,
        "plichtBegindatum": "2026-01-01",
        "vestigingsdatum": "2026-01-10",
        "doelgroep": "Asielstatushouder",
        **velden,
    }


def test_seeded_people_are_known_to_duo_with_their_gemeentecode(simulator):
    personen = [
        _persoon(vNummer=1234567890),
        _persoon(plichtig=False, plichtEinddatum="2026-05-01"),
    ]
    antwoord = simulator.sim("POST", "/zaaien", {"gemeenten": [GEMEENTE], "personen": personen})
    assert antwoord.status == 200
    assert antwoord.json == {"gemeenten": 1, "nieuw": 2, "alBekend": 0}
    plicht = simulator.duo("GET", f"/personen/{personen[0]['bsn']}/inburgeringsplicht")
    assert plicht.status == 200
    assert plicht.json["begindatum"] == "2026-01-01"
    registratie = simulator.duo(
        "POST",
        f"/personen/{personen[0]['bsn']}/PIP",
        {"dagtekeningPip": "2026-02-01", "leerroute": "B"},
    )
    assert registratie.status == 201
    assert (
        simulator.duo("GET", f"/personen/{personen[0]['bsn']}/PIP").json["gemeentecode"] == "9001"
    )


def test_seeding_again_keeps_what_duo_received_since(simulator):
    persoon = _persoon()
    simulator.sim("POST", "/zaaien", {"gemeenten": [GEMEENTE], "personen": [persoon]})
    simulator.duo(
        "POST",
        f"/personen/{persoon['bsn']}/PIP",
        {"dagtekeningPip": "2026-02-01", "leerroute": "B"},
    )
    antwoord = simulator.sim("POST", "/zaaien", {"gemeenten": [GEMEENTE], "personen": [persoon]})
    assert antwoord.json == {"gemeenten": 1, "nieuw": 0, "alBekend": 1}
    assert simulator.staat(persoon["bsn"])["pips"]


def test_one_bad_person_stores_nothing(simulator):
    goed = _persoon()
    for fout in (
        {**_persoon(), "bsn": "123456789"},
        {**_persoon(), "onbekendVeld": 1},
        goed,  # the same BSN twice
    ):
        antwoord = simulator.sim("POST", "/zaaien", {"personen": [goed, fout]})
        assert antwoord.status == 400, fout
        assert antwoord.json["fout"]
    assert simulator.sim("GET", f"/personen/{goed['bsn']}").status == 404
    assert simulator.sim("POST", "/zaaien", [goed]).status == 400
    assert simulator.sim("POST", "/zaaien", {"gemeenten": [{"oin": "1"}]}).status == 400


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_zaai_file_is_read_before_the_port_opens(tmp_path):
    persoon = _persoon()
    zaai = tmp_path / "demo.json"
    zaai.write_text(json.dumps({"gemeenten": [GEMEENTE], "personen": [persoon]}))
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "openinburgering.duo_simulator", "--port", str(poort), "--stil",
         "--db", str(tmp_path / "sim.sqlite3"), "--zaai", str(zaai), "--reset"],
        env=OMGEVING, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        einde = time.monotonic() + 30
        while True:
            try:
                url = f"http://127.0.0.1:{poort}/_sim/personen/{persoon['bsn']}"
                with urllib.request.urlopen(url, timeout=2) as antwoord:
                    staat = json.load(antwoord)
                break
            except OSError:
                assert proces.poll() is None, proces.stderr.read()
                assert time.monotonic() < einde, "the simulator did not start"
                time.sleep(0.2)
        # Answering at all means the seeding is done: it happens before the server listens.
        assert staat["woongemeenteOin"] == GEMEENTE_A
    finally:
        proces.terminate()
        _, stderr = proces.communicate(timeout=10)
    assert "1 personen gezaaid" in stderr


def test_unreadable_zaai_file_stops_with_a_clear_message(tmp_path):
    zaai = tmp_path / "kapot.json"
    zaai.write_text("{niet json")
    proces = subprocess.run(
        [sys.executable, "-m", "openinburgering.duo_simulator", "--port", str(_vrije_poort()),
         "--db", str(tmp_path / "sim.sqlite3"), "--zaai", str(zaai)],
        env=OMGEVING, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proces.returncode == 1
    assert "kan" in proces.stderr and "niet inlezen" in proces.stderr
