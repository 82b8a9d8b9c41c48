"""``make bench-duo-achterstand``: the time to process a backlog of DUO notifications against
the DUO simulator, on PostgreSQL, with the production inbox workers (``duo_inbox_verwerken``).

What is measured: ``--aantal`` SS139 notifications for people DUO announces to one gemeente,
already received (in the inbox, as the endpoint leaves them). Then ``--workers``
``duo_inbox_verwerken --tot-leeg`` processes work the inbox empty: each notification asks the
simulator (Inburgeringsplicht and doelgroep, over HTTP), creates the inburgeraar and dossier,
the timeline entries, the work item, the DUO state and the processing-log records (per batch of
100, set-based: ADR 0044), and the deadline engine recomputes each batch's dossiers. The
baseline, measured in the same run with the same number of workers, is the inbox itself: the
same claim loop over the same rows, marking each processed and doing nothing else. The
simulator runs as its own process, as in ``make demo``.

PostgreSQL: a throwaway cluster (``initdb``/``pg_ctl``, PostgreSQL's defaults) unless
``DATABASE_URL`` is set (then a scratch database ``<name>_bench_duo`` next to it, dropped
afterwards). The cluster must run autovacuum: the tables grow from nothing to 100,000 people
during the run, and without fresh statistics the planner keeps plans made for empty tables (on
this machine's own cluster autovacuum is off; the benchmark warns).
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from duo_notificaties import DUO_OIN, GEMEENTE_OIN, REPO, Postgres, bsn_reeks, vrije_poort  # noqa: E402

GEMEENTECODE = "9999"
SPECS = REPO / "src" / "openinburgering" / "specs" / "duo-m2m"


def _simulator_personen(poort: int, bsns: list[str], threads: int = 4) -> None:
    """Tell the simulator about every person (DUO knows them; we do not yet)."""
    fouten = []

    def draad(deel: list[str]) -> None:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        for i, bsn in enumerate(deel):
            body = {
                "bsn": bsn,
                "naam": f"Bench Persoon {i}",
                "gedetailleerdeDoelgroep": "Asielstatushouder" if i % 4 else "Gezinsvormer",
                "woongemeenteOin": GEMEENTE_OIN,
                "gemeentecode": GEMEENTECODE,
                "plichtBegindatum": "2026-09-01",
                "datumKennisgeving": "2026-09-01",
                "vestigingsdatum": "2026-09-05",
            }
            verbinding.request(
                "POST", "/_sim/personen", json.dumps(body), {"Content-Type": "application/json"}
            )
            antwoord = verbinding.getresponse()
            antwoord.read()
            if antwoord.status not in (200, 201):
                fouten.append(antwoord.status)
        verbinding.close()

    delen = [bsns[k::threads] for k in range(threads)]
    draden = [threading.Thread(target=draad, args=(d,)) for d in delen]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    if fouten:
        sys.exit(f"simulator weigerde {len(fouten)} personen (eerste: {fouten[0]})")


def _wacht_op_poort(poort: int) -> None:
    import socket

    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"niets luistert op poort {poort}")


def _workers(commando: list[str], env: dict, aantal: int) -> float:
    """Run ``aantal`` worker processes until the inbox is empty; seconds taken."""
    begin = time.perf_counter()
    processen = [
        subprocess.Popen(commando, env=env, stdout=subprocess.DEVNULL) for _ in range(aantal)
    ]
    for p in processen:
        p.wait()
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aantal", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--sim-specs",
        action="store_true",
        help="let the simulator validate every request against DUO's specs (costs this machine's "
        "CPU, which DUO's own servers would spend)",
    )
    args = parser.parse_args()

    pg = Postgres()
    simulator = None
    tmp = tempfile.mkdtemp(prefix="oi-bench-sim-")
    try:
        database_url = pg.start()
        sim_poort = vrije_poort()
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
            "DUO_API_ROOT": f"http://127.0.0.1:{sim_poort}",
        }
        manage = [sys.executable, str(REPO / "src" / "manage.py")]
        print("Database migreren …", flush=True)
        subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True)
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as c:
            if c.execute("SHOW autovacuum").fetchone()[0] != "on":
                print(
                    "WAARSCHUWING: autovacuum staat uit op dit cluster; de planner ziet de "
                    "groei van de tabellen niet. Draai zonder DATABASE_URL (wegwerpcluster)."
                )
        subprocess.run(
            [*manage, "gemeente_aanmaken", "--code", GEMEENTECODE, "--naam", "Benchstad"]
            + ["--oin", GEMEENTE_OIN],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        simulator = subprocess.Popen(
            [sys.executable, "-m", "openinburgering.duo_simulator", "--port", str(sim_poort),
             "--db", f"{tmp}/sim.sqlite3", "--reset", "--stil", "--duo-oin", DUO_OIN,
             "--specs", str(SPECS if args.sim_specs else Path(tmp) / "geen-specs")],
            env=env,
        )  # fmt: skip
        _wacht_op_poort(sim_poort)
        verbinding = http.client.HTTPConnection("127.0.0.1", sim_poort, timeout=30)
        verbinding.request(
            "POST",
            "/_sim/gemeenten",
            json.dumps({"oin": GEMEENTE_OIN, "gemeentecode": GEMEENTECODE, "naam": "Benchstad"}),
            {"Content-Type": "application/json"},
        )
        verbinding.getresponse().read()
        bsns = bsn_reeks(args.aantal)
        t = time.perf_counter()
        _simulator_personen(sim_poort, bsns)
        print(f"{args.aantal:,} personen bij de simulator in {time.perf_counter() - t:.0f} s")

        t = time.perf_counter()
        subprocess.run(
            [sys.executable, str(REPO / "benchmarks" / "duo_achterstand_vullen.py"),
             str(args.aantal)],
            env=env, input="\n".join(bsns), text=True, check=True,
        )  # fmt: skip
        print(f"achterstand klaargezet in {time.perf_counter() - t:.0f} s", flush=True)

        kaal = [sys.executable, str(REPO / "benchmarks" / "duo_achterstand_kaal.py")]
        basis = _workers(kaal, env, args.workers)
        subprocess.run([*kaal, "terug"], env=env, check=True)
        print(f"basis: kale inbox over {args.aantal:,} berichten in {basis:.1f} s", flush=True)
        stop = threading.Event()
        begin = time.perf_counter()

        def voortgang() -> None:
            import psycopg

            with psycopg.connect(database_url, autocommit=True) as c:
                while not stop.wait(15):
                    klaar = c.execute(
                        "SELECT count(*) FROM duo_notificatie WHERE status <> 'ontvangen'"
                    ).fetchone()[0]
                    duur = time.perf_counter() - begin
                    print(f"  {klaar:>8,} van {args.aantal:,} verwerkt na {duur:5.0f} s "
                          f"({klaar / duur:6.1f}/s)", flush=True)  # fmt: skip

        draad = threading.Thread(target=voortgang, daemon=True)
        draad.start()
        duur = _workers([*manage, "duo_inbox_verwerken", "--tot-leeg"], env, args.workers)
        stop.set()
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as c:
            per_status = dict(
                c.execute("SELECT status, count(*) FROM duo_notificatie GROUP BY status").fetchall()
            )
            dossiers = c.execute("SELECT count(*) FROM inburgeraars_dossier").fetchone()[0]
        per_bericht = duur / args.aantal
        basis_per_bericht = basis / args.aantal
        print()
        print(
            f"{args.workers} workers; {os.cpu_count()} CPUs shared by workers, database and "
            f"the DUO simulator (spec validation {'on' if args.sim_specs else 'off'})"
        )
        print(f"{'meting':34} {'tijd':>10} {'per bericht':>12} {'per seconde':>12}")
        print(
            f"{'achterstand van ' + format(args.aantal, ',') + ' SS139':34} {duur:9.1f}s "
            f"{per_bericht * 1000:10.2f}ms {args.aantal / duur:12.1f}"
        )
        print(
            f"{'kale inbox (alleen afvinken)':34} {basis:9.1f}s {basis_per_bericht * 1000:10.2f}ms "
            f"{args.aantal / basis:12.1f}"
        )
        print(f"ratio per bericht: {per_bericht / basis_per_bericht:.1f}x")
        print(f"doorgerekend naar 100.000 berichten: {per_bericht * 100_000 / 60:.1f} min")
        print(f"statussen: {per_status}; dossiers aangemaakt: {dossiers:,}")
    finally:
        if simulator is not None:
            simulator.terminate()
            simulator.wait(timeout=15)
        pg.stop()


if __name__ == "__main__":
    main()
