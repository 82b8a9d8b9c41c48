"""``make bench-duo``: DUO notifications accepted and persisted per second, with gunicorn on
PostgreSQL, next to a bare Django view in the same run (printed as a ratio).

What is measured: ``POST /duo/v1/notificaties`` with a unique berichtId each time, answered 201
after the notification is committed (BSN encrypted, processing-log record; the row is the inbox
entry that ``duo_inbox_verwerken`` processes later, not run here). The baseline
``POST /bench/kaal`` is a Django view that reads the body and answers 201 without touching the
database, behind the same gunicorn and middleware. Load comes from client processes on the same
machine, so absolute numbers depend on the machine; the ratio is the useful figure.

PostgreSQL: ``DATABASE_URL`` (a ``postgres://`` URL; a scratch database ``<name>_bench_duo`` is
created next to it and dropped afterwards), or else a throwaway cluster is started with the
local ``initdb``/``pg_ctl`` (as in ``.ci/run``).

Options: ``--seconden`` per phase (default 10), ``--clients`` processes (default 2),
``--threads`` per client (default 4: eight requests in flight, as a sender that wants answers
within 50 ms would keep), ``--workers`` gunicorn workers (default: CPUs), ``--gunicorn-threads``
(default 8). The disk's rate of ``fdatasync`` (``pg_test_fsync``) is printed as well: every
accepted notification is one commit, and concurrent commits share a flush.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import glob
import http.client
import json
import multiprocessing
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
DUO_OIN = "00000001800866472000"
GEMEENTE_OIN = "00000001999999999000"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bsn_reeks(aantal: int) -> list[str]:
    """Fictional 11-proef-valid BSNs (never printed)."""
    uit, rng = [], random.Random(2021)
    while len(uit) < aantal:
        cijfers = [rng.randint(0, 9) for _ in range(8)]
        som = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True))
        controle = som % 11
        if controle < 10 and (cijfers[0] or cijfers[1]):
            uit.append("".join(map(str, cijfers)) + str(controle))
    return uit


# --- PostgreSQL -----------------------------------------------------------------------------


class Postgres:
    def __init__(self):
        self.stop_commando: list[str] | None = None
        self.tmp: str | None = None
        self.beheer_url = ""
        self.url = ""

    def start(self) -> str:
        bestaand = os.environ.get("DATABASE_URL", "")
        if bestaand.startswith(("postgres://", "postgresql://")):
            delen = urlsplit(bestaand)
            naam = (delen.path.lstrip("/") or "openinburgering") + "_bench_duo"
            self.beheer_url = urlunsplit(delen._replace(path="/postgres"))
            self.url = urlunsplit(delen._replace(path="/" + naam))
            self._database(naam, opnieuw=True)
            return self.url
        bin_map = self._bin_map()
        self.tmp = tempfile.mkdtemp(prefix="oi-bench-pg-")
        poort = vrije_poort()
        als = []
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
            als = ["runuser", "-u", "postgres", "--"]
        subprocess.run(
            [*als, f"{bin_map}/initdb", "-D", f"{self.tmp}/data", "-U", "postgres", "--auth=trust"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [
                *als,
                f"{bin_map}/pg_ctl",
                "-D",
                f"{self.tmp}/data",
                "-o",
                f"-p {poort} -k {self.tmp} -c max_connections=200",
                "-l",
                f"{self.tmp}/log",
                "-w",
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.stop_commando = [*als, f"{bin_map}/pg_ctl", "-D", f"{self.tmp}/data"]
        self.stop_commando += ["-m", "fast", "stop"]
        self.beheer_url = f"postgres://postgres@127.0.0.1:{poort}/postgres"
        self.url = f"postgres://postgres@127.0.0.1:{poort}/oi_bench_duo"
        self._database("oi_bench_duo", opnieuw=True)
        return self.url

    @staticmethod
    def _bin_map() -> str:
        initdb = shutil.which("initdb")
        if initdb:
            return str(Path(initdb).resolve().parent)
        kandidaten = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not kandidaten:
            sys.exit("Geen PostgreSQL: zet DATABASE_URL of installeer postgresql (initdb/pg_ctl).")
        return str(Path(kandidaten[-1]).parent)

    def _database(self, naam: str, *, opnieuw: bool = False, weg: bool = False) -> None:
        import psycopg

        with psycopg.connect(self.beheer_url, autocommit=True) as verbinding:
            verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
            if opnieuw and not weg:
                verbinding.execute(f'CREATE DATABASE "{naam}"')

    def stop(self) -> None:
        if self.url:
            with contextlib.suppress(Exception):
                self._database(urlsplit(self.url).path.lstrip("/"), weg=True)
        if self.stop_commando:
            subprocess.run(self.stop_commando, check=False, stdout=subprocess.DEVNULL)
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


# --- load -----------------------------------------------------------------------------------


def _client(args) -> tuple[int, int, list[float]]:
    """One client process: ``threads`` keep-alive connections for ``seconden`` seconds."""
    poort, pad, seconden, threads, bsns, gemeente_oin, start_op = args
    while time.time() < start_op:
        time.sleep(0.01)
    einde = start_op + seconden
    ok, fout, tijden = 0, 0, []
    slot = threading.Lock()

    def draad(nummer: int) -> None:
        nonlocal ok, fout
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        eigen_ok = eigen_fout = 0
        eigen_tijden = []
        i = nummer
        while time.time() < einde:
            i += threads
            body = json.dumps(
                {
                    "registratieDatumTijd": "2026-06-01T10:00:00+02:00",
                    "gebeurtenisId": "SS139",
                    "bsn": bsns[i % len(bsns)],
                }
            )
            koppen = {
                "Content-Type": "application/json",
                "bron": DUO_OIN,
                "doel": gemeente_oin,
                "berichtId": str(uuid.uuid4()),
            }
            begin = time.perf_counter()
            try:
                verbinding.request("POST", pad, body=body, headers=koppen)
                antwoord = verbinding.getresponse()
                antwoord.read()
                status = antwoord.status
            except (OSError, http.client.HTTPException):
                verbinding.close()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
                status = 0
            eigen_tijden.append(time.perf_counter() - begin)
            if status == 201:
                eigen_ok += 1
            else:
                eigen_fout += 1
        verbinding.close()
        with slot:
            ok += eigen_ok
            fout += eigen_fout
            tijden.extend(eigen_tijden)

    draden = [threading.Thread(target=draad, args=(n,)) for n in range(threads)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return ok, fout, tijden


def meten(poort: int, pad: str, *, seconden: float, clients: int, threads: int, bsns) -> dict:
    start_op = time.time() + 0.5
    with multiprocessing.Pool(clients) as pool:
        uitkomsten = pool.map(
            _client,
            [(poort, pad, seconden, threads, bsns, GEMEENTE_OIN, start_op)] * clients,
        )
    ok = sum(u[0] for u in uitkomsten)
    fout = sum(u[1] for u in uitkomsten)
    tijden = sorted(t for u in uitkomsten for t in u[2])

    def p(q):
        return tijden[min(len(tijden) - 1, int(q * len(tijden)))] * 1000 if tijden else 0.0

    return {
        "pad": pad,
        "ok": ok,
        "fout": fout,
        "per_seconde": ok / seconden,
        "p50": p(0.50),
        "p95": p(0.95),
        "p99": p(0.99),
        "gemiddeld": statistics.fmean(tijden) * 1000 if tijden else 0.0,
    }


# --- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconden", type=float, default=10.0)
    parser.add_argument("--opwarmen", type=float, default=2.0)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--gunicorn-threads", type=int, default=8)
    args = parser.parse_args()

    pg = Postgres()
    gunicorn = None
    try:
        database_url = pg.start()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "duo_bench_settings",
            "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO / "benchmarks")]),
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            # Production settings start only with their own BSN keys (ADR 0054).
            "BSN_ENCRYPTION_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
            "BSN_HASH_KEY": secrets.token_urlsafe(32),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DUO_OIN": DUO_OIN,
            "DB_CONN_MAX_AGE": "600",
        }
        manage = [sys.executable, str(REPO / "src" / "manage.py")]
        print("Database migreren …", flush=True)
        subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True)
        subprocess.run(
            [*manage, "gemeente_aanmaken", "--code", "9999", "--naam", "Benchstad"]
            + ["--oin", GEMEENTE_OIN],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        poort = vrije_poort()
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "openinburgering.wsgi:application",
                "--bind",
                f"127.0.0.1:{poort}",
                "--workers",
                str(args.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(args.gunicorn_threads),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=str(REPO),
        )
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        bsns = bsn_reeks(5000)
        opties = {"clients": args.clients, "threads": args.threads, "bsns": bsns}
        for pad in ("/bench/kaal", "/duo/v1/notificaties"):
            meten(poort, pad, seconden=args.opwarmen, **opties)
        with _psycopg(database_url) as verbinding:
            voor = verbinding.execute("SELECT count(*) FROM duo_notificatie").fetchone()[0]
        kaal = meten(poort, "/bench/kaal", seconden=args.seconden, **opties)
        notificaties = meten(poort, "/duo/v1/notificaties", seconden=args.seconden, **opties)
        with _psycopg(database_url) as verbinding:
            na = verbinding.execute("SELECT count(*) FROM duo_notificatie").fetchone()[0]
        opgeslagen = na - voor
        print()
        print(
            f"gunicorn: {args.workers} workers x {args.gunicorn_threads} threads; load: "
            f"{args.clients} processes x {args.threads} connections; {args.seconden:.0f} s per "
            f"phase; {os.cpu_count()} CPUs shared by server, database and load"
        )
        kop = ("endpoint", "201/s", "p50 ms", "p95 ms", "p99 ms", "errors")
        print(f"{kop[0]:28} {kop[1]:>9} {kop[2]:>8} {kop[3]:>8} {kop[4]:>8} {kop[5]:>7}")
        for r in (kaal, notificaties):
            print(
                f"{r['pad']:28} {r['per_seconde']:9.1f} {r['p50']:8.1f} {r['p95']:8.1f} "
                f"{r['p99']:8.1f} {r['fout']:7d}"
            )
        print()
        print(
            f"ratio notificaties / kale view (doorvoer): "
            f"{notificaties['per_seconde'] / kaal['per_seconde']:.2f}"
        )
        latentie = notificaties["p50"] / kaal["p50"]
        print(f"ratio p50-latency notificaties / kale view: {latentie:.2f}")
        print(
            f"persisted: {opgeslagen} notificaties for {notificaties['ok']} answers 201 "
            f"({'all persisted' if opgeslagen >= notificaties['ok'] else 'MISSING'})"
        )
        doel = notificaties["per_seconde"] >= 500 and notificaties["p99"] <= 50
        print(f"goal (>= 500/s with p99 <= 50 ms): {'met' if doel else 'not met'}")
        schijf = fsync_per_seconde()
        if schijf:
            print(f"disk: {schijf:.0f} fdatasync/s one at a time (pg_test_fsync)")
        if opgeslagen < notificaties["ok"]:
            sys.exit(1)
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=15)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        pg.stop()


def fsync_per_seconde() -> float | None:
    """This disk's serial fdatasync rate, the ceiling for commits that do not share a flush."""
    kandidaten = [
        shutil.which("pg_test_fsync"),
        *glob.glob("/usr/lib/postgresql/*/bin/pg_test_fsync"),
    ]
    commando = next((k for k in kandidaten if k), None)
    if commando is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        uit = subprocess.run(
            [commando, "-s", "2", "-f", f"{tmp}/fsync.test"], capture_output=True, text=True
        ).stdout
    for regel in uit.splitlines():
        delen = regel.split()
        if delen[:1] == ["fdatasync"] and len(delen) >= 2:
            return float(delen[1].replace(",", ""))
    return None


def _psycopg(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


if __name__ == "__main__":
    main()
