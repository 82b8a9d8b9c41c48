"""The set-up talks: `make help` names every target and variable, `make demo` announces its steps
and `make demo-reset` never touches a database someone configured. Runs the real `make`."""

import os
import re
import shutil
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[4]
MAKEFILE = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")


def _make(*args: str, **env: str) -> subprocess.CompletedProcess:
    assert shutil.which("make"), "make is one of the README's three requirements"
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    omgeving.pop("DATABASE_URL", None)
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO_ROOT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**omgeving, **env},
    )


def test_help_lists_every_target_with_a_dutch_line():
    uit = _make("help")
    assert uit.returncode == 0, uit.stderr
    doelen = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.MULTILINE))
    assert {"demo", "test", "demo-reset", "demo-scenario", "help"} <= doelen
    beschreven = dict(re.findall(r"^  make (\S+) +(\S.*)$", uit.stdout, re.MULTILINE))
    assert set(beschreven) == doelen
    assert "opnieuw" in beschreven["demo-reset"]


def test_help_lists_every_variable_on_one_line():
    uit = _make("help")
    regels = uit.stdout.split("Variabelen", 1)[1].splitlines()[1:]
    variabelen = {r.split()[0]: r for r in regels if r.strip()}
    toewijzingen = set(re.findall(r"^([A-Z_]+) \?=", MAKEFILE, re.MULTILINE))
    verplicht = {"PORT", "SIMULATOR_PORT", "PYTHON", "PYTEST_ARGS", "BENCH_ARGS", "DATABASE_URL"}
    assert verplicht | toewijzingen <= set(variabelen)
    for naam, regel in variabelen.items():
        assert regel.startswith(f"  {naam} ") and len(regel.split(maxsplit=1)[1]) > 20, regel


def test_demo_announces_its_four_steps_in_order():
    uit = _make("-n", "demo", "PORT=8123", "SIMULATOR_PORT=8124")
    assert uit.returncode == 0, uit.stderr
    stappen = re.findall(r"==> (\d)/4 (\w+)", uit.stdout)
    assert stappen == [("1", "Installeren"), ("2", "Database"), ("3", "Demodata"), ("4", "Starten")]
    assert "demo_run --port 8123 --simulator-port 8124" in uit.stdout


def test_demo_reset_removes_the_sqlite_demo_and_the_simulators_state_then_starts_over():
    uit = _make("-n", "demo-reset", "DUO_SIMULATOR_DB=/tmp/elders/sim.sqlite3")
    assert uit.returncode == 0, uit.stderr
    assert "rm -f var/openinburgering.sqlite3 " in uit.stdout
    assert "rm -f /tmp/elders/sim.sqlite3 " in uit.stdout
    assert "==> 1/4 Installeren" in uit.stdout  # and then the demo itself, from the start


def test_demo_reset_refuses_when_a_database_url_is_set():
    uit = _make("demo-reset", DATABASE_URL="postgres://iemand@db.example/echt")
    assert uit.returncode != 0
    assert "DATABASE_URL is gezet" in uit.stdout
