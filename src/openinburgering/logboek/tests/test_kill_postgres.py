"""Kill test (ADR 0057): the processing log of a read is written in one insert at the end of the
request, before the answer leaves the process. A gunicorn server on PostgreSQL is killed with
SIGKILL the moment a 200 arrives; every such answer has its records."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings as django_settings
from django.db import connection

import pytest

from openinburgering.gemeenten.services import apitoken_aanmaken
from openinburgering.logboek.models import Activiteit, Verwerking

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPO_ROOT = Path(__file__).resolve().parents[4]
KILLS = 6


@pytest.fixture(autouse=True)
def _alleen_op_postgres():
    # As the DUO crash tests: CI runs this file with DATABASE_URL on PostgreSQL.
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict:
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openinburgering.conf.test",
        "DATABASE_URL": f"postgres://{db['USER']}{wachtwoord}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SECRET_KEY": django_settings.SECRET_KEY,
        "BSN_ENCRYPTION_KEY": django_settings.BSN_ENCRYPTION_KEY,
        "BSN_HASH_KEY": django_settings.BSN_HASH_KEY,
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "LOG_LEVEL": "WARNING",
    }


def _start(poort: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "openinburgering.wsgi", "--workers", "1"]
        + ["--bind", f"127.0.0.1:{poort}"],
        env=_env(),
        cwd=str(REPO_ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes master and worker
    )
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    os.killpg(server.pid, signal.SIGKILL)
    raise AssertionError("gunicorn did not start")


def _kill(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGKILL)
    server.wait()


def test_no_record_is_lost_when_the_server_dies_right_after_a_200(
    gemeente_a, inburgeraar_factory, foutverslag
):
    personen = [inburgeraar_factory(gemeente_a) for _ in range(KILLS)]
    _, sleutel = apitoken_aanmaken(gemeente=gemeente_a, naam="kill-test")
    Verwerking.objects.all().delete()
    gemist: list[int] = []
    for nummer, persoon in enumerate(personen):
        poort = _vrije_poort()
        server = _start(poort)
        try:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
            # A list and a dossier in turn: both reads whose records the request collects.
            pad = f"/api/v1/inburgeraars/{persoon.uuid}" if nummer % 2 else "/api/v1/inburgeraars"
            verbinding.request("GET", pad, headers={"Authorization": f"Token {sleutel}"})
            antwoord = verbinding.getresponse()
            # The status line is in: kill before anything else can happen in the process.
            status = antwoord.status
            _kill(server)
        finally:
            if server.poll() is None:
                _kill(server)
        assert status == 200
        activiteit = Activiteit.INZIEN if nummer % 2 else Activiteit.LIJST
        gelogd = set(
            Verwerking.objects.filter(activiteit=activiteit).values_list("betrokkene", flat=True)
        )
        verwacht = {persoon.pseudoniem} if nummer % 2 else {p.pseudoniem for p in personen}
        if not verwacht <= gelogd:
            gemist.append(nummer)
    assert not gemist, f"requests answered 200 without their records: {gemist}"
    assert Verwerking.objects.filter(activiteit=Activiteit.INZIEN).count() == KILLS // 2
    foutverslag(
        "Verwerkingenlogboek met SIGKILL na een 200",
        kills=KILLS,
        verzoeken_zonder_verslag=len(gemist),
        verslagen_inzien=Verwerking.objects.filter(activiteit=Activiteit.INZIEN).count(),
    )
