# ruff: noqa: E501
"""``make bench-lijsten``: lists, searches and dossier pages on a national instance (ADR 0057).

    DATABASE_URL=postgres://... make bench-lijsten                          # 1,000,000 dossiers
    DATABASE_URL=postgres://... make bench-lijsten BENCH_ARGS="--dossiers 50000"
    DATABASE_URL=postgres://... make bench-lijsten BENCH_ARGS="--mix"      # + 10 minutes mixed load

The data are made in SQL as ``make bench-signalen`` makes them (``signalen_bench``), then
reshaped into tenants of three shapes: ``groot`` (bulk-imported at go-live: the oldest ids,
6% of the dossiers, 60,000 of a million), ``gemengd`` (1.7%, 17,000 of a million, ids mixed
with everyone else's) and ``klein`` (500, mixed). The database is reused when it already holds
``--dossiers`` dossiers.

Measured through gunicorn (production settings, DEBUG off, ``--workers`` sync workers) with
locust at 1 and 16 connections, each next to a bare one-query view in the same run: the
caseload filtered on status (UI and API) on page 1 and on a page 90% deep, for every shape; the
search by BSN (UI and API), the dossier page and the worklist. Prints p50/p95/p99, requests
per second, errors, the ratio of p95 to the bare view's and throughput as a share of its, and
the CPU per request of the web server (gunicorn and its workers) and of the database (every
PostgreSQL process), read from ``/proc`` (approximate: warm-up included). ``--alleen caseload,BSN``
measures only the scenarios whose name holds one of those words, next to the bare view.
``--mix`` adds a mixed caseworker load (list, dossier, search, save a form) for
``--mix-minuten`` (default 10) and prints p50/p95/p99 and errors per kind of request.
"""

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO / "src"), str(BENCH)]
os.environ["DJANGO_SETTINGS_MODULE"] = "lijsten_bench_settings"
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
# Production refuses to start without the BSN keys. Fixed, benchmark-only keys: a database made
# in one run is read by the next, so its ciphertexts and search hashes must stay readable.
os.environ.setdefault("BSN_ENCRYPTION_KEY", "YmVuY2htYXJrLW9ubHktYnNuLWtleS0zMi1ieXRlcyE=")
os.environ.setdefault("BSN_HASH_KEY", "benchmark-only-bsn-hash-key-" + "x" * 20)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

STATUS = "aangemeld"
GOALS = "P1 p95 <= 50 ms at 1 and <= 100 ms at 16 and >= 20% of bare throughput; P3 p95 <= 30 ms at 16; P4 deep <= 1.5x page 1"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _processortijd(pids) -> float:
    """Seconds of CPU (user + system) of these processes so far (Linux ``/proc``)."""
    totaal = 0
    for pid in pids:
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += int(velden[11]) + int(velden[12])
    return totaal / os.sysconf("SC_CLK_TCK")


def _processen() -> dict[int, tuple[int, str]]:
    """Every process: pid -> (parent pid, name)."""
    uit = {}
    for pad in Path("/proc").iterdir():
        if pad.name.isdigit():
            try:
                stat = (pad / "stat").read_text()
            except OSError:
                continue
            naam = stat[stat.index("(") + 1 : stat.rindex(")")]
            uit[int(pad.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), naam)
    return uit


def processortijden(gunicorn_pid: int) -> dict[str, float]:
    """CPU seconds so far of the web server (gunicorn and its workers) and of the database
    (every PostgreSQL process), to split a request's cost between them."""
    processen = _processen()
    web = [gunicorn_pid] + [p for p, (ouder, _) in processen.items() if ouder == gunicorn_pid]
    database = [p for p, (_, naam) in processen.items() if naam.startswith("postgres")]
    return {"web": _processortijd(web), "database": _processortijd(database)}


def tenants_maken(c, *, groot, gemengd, klein, rest) -> None:
    """Move persons of the ``rest`` gemeenten (ids mixed) to the mixed and the small tenant;
    every row that carries a gemeente follows its person."""
    c.execute("SELECT count(*) FROM inburgeraars_inburgeraar WHERE gemeente_id <> %s", [groot.id])
    overig = c.fetchone()[0]
    rest_ids = [g.id for g in rest]
    for gemeente, aantal, rest_nr in ((gemengd[0], gemengd[1], 0), (klein[0], klein[1], 1)):
        stap = max(2, overig // max(aantal, 1))
        c.execute(
            "UPDATE inburgeraars_inburgeraar SET gemeente_id = %s WHERE id IN ("
            " SELECT id FROM inburgeraars_inburgeraar WHERE gemeente_id = ANY(%s)"
            " AND id %% %s = %s ORDER BY id LIMIT %s)",
            [gemeente.id, rest_ids, stap, rest_nr, aantal],
        )
    c.execute(
        "UPDATE inburgeraars_dossier d SET gemeente_id = i.gemeente_id FROM inburgeraars_inburgeraar i "
        "WHERE d.inburgeraar_id = i.id AND d.gemeente_id <> i.gemeente_id"
    )
    for tabel in ("pip_pipversie", "intake_bredeintake"):
        c.execute(
            f"UPDATE {tabel} x SET gemeente_id = d.gemeente_id FROM inburgeraars_dossier d "
            "WHERE x.dossier_id = d.id AND x.gemeente_id <> d.gemeente_id"
        )
    # As autovacuum leaves a table that is mostly read: statistics and the visibility map.
    c.execute("VACUUM ANALYZE")


def main() -> None:  # noqa: C901, PLR0915 - one script, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument(
        "--groot", type=int, help="bulk-imported tenant (default 6%% of --dossiers)"
    )
    parser.add_argument("--gemengd", type=int, help="mixed-id tenant (default 1.7%% of --dossiers)")
    parser.add_argument("--klein", type=int, default=500, help="small mixed-id tenant")
    parser.add_argument("--seconden", type=float, default=10.0, help="per measurement")
    parser.add_argument("--opwarmen", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--verbindingen", default="1,16", help="concurrent connections")
    parser.add_argument(
        "--alleen",
        default="",
        help="only the scenarios whose name contains one of these (comma-separated)",
    )
    parser.add_argument("--mix", action="store_true", help="also the mixed caseworker load")
    parser.add_argument("--mix-minuten", type=float, default=10.0)
    parser.add_argument("--mix-gebruikers", type=int, default=16)
    args = parser.parse_args()
    args.groot = args.groot or round(args.dossiers * 0.06)
    args.gemengd = args.gemengd or round(args.dossiers * 0.017)
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("make bench-lijsten needs PostgreSQL: DATABASE_URL=postgres://...")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    import signalen_bench
    from duo_notificaties import bsn_reeks

    from openinburgering.accounts.models import User
    from openinburgering.accounts.rollen import Rol
    from openinburgering.core import bsn as bsn_tools
    from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
    from openinburgering.gemeenten.services import apitoken_aanmaken
    from openinburgering.inburgeraars.models import Dossier, Inburgeraar
    from openinburgering.signalen.models import Signaal
    from openinburgering.signalen.services import signalen_herberekenen

    call_command("migrate", verbosity=0)
    groot = Gemeente.objects.get_or_create(
        code="8001", defaults={"naam": "Groot", "oin": "0" * 19 + "1"}
    )[0]
    rest = [
        Gemeente.objects.get_or_create(
            code=f"{8100 + k}", defaults={"naam": f"Rest {k}", "oin": f"{8100 + k:020d}"}
        )[0]
        for k in range(signalen_bench.REST_GEMEENTEN)
    ]
    gemengd = Gemeente.objects.get_or_create(
        code="8002", defaults={"naam": "Gemengd", "oin": "0" * 19 + "2"}
    )[0]
    klein = Gemeente.objects.get_or_create(
        code="8003", defaults={"naam": "Klein", "oin": "0" * 19 + "3"}
    )[0]
    vormen = {"groot": groot, "gemengd": gemengd, "klein": klein}
    users = {}
    for naam, gemeente in vormen.items():
        users[naam] = User.objects.get_or_create(username=f"bench-{naam}")[0]
        Lidmaatschap.objects.get_or_create(
            user=users[naam], gemeente=gemeente, defaults={"rol": Rol.KLANTREGISSEUR}
        )
    # A regional team (a centrumgemeente's): one user in all three tenants, one combined list.
    users["regio"] = User.objects.get_or_create(username="bench-regio")[0]
    for gemeente in vormen.values():
        Lidmaatschap.objects.get_or_create(
            user=users["regio"], gemeente=gemeente, defaults={"rol": Rol.KLANTREGISSEUR}
        )
    print(f"database: PostgreSQL; dossiers: {args.dossiers:,}", flush=True)
    if Dossier.objects.count() != args.dossiers:
        t = time.perf_counter()
        with connection.cursor() as c:
            for model in (Signaal, Dossier, Inburgeraar):
                c.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
        signalen_bench.maak_data_postgres(args.dossiers, args.groot, groot, rest, users["groot"])
        with connection.cursor() as c:
            tenants_maken(
                c,
                groot=groot,
                gemengd=(gemengd, args.gemengd),
                klein=(klein, args.klein),
                rest=rest,
            )
            # One fictional BSN's ciphertext for everyone the pages show (they show it masked).
            c.execute(
                "UPDATE inburgeraars_inburgeraar SET bsn_versleuteld = %s WHERE gemeente_id = ANY(%s)",
                [bsn_tools.versleutel(bsn_reeks(1)[0]), [g.id for g in vormen.values()]],
            )
        print(f"data made in {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        Signaal.objects.all().delete()
        signalen_herberekenen()
        print(f"worklist computed in {time.perf_counter() - t:.1f} s", flush=True)

    # Fictional BSNs that search finds: 20 persons per tenant get one.
    bsns = iter(bsn_reeks(200))
    zoekbaar: dict[str, list[str]] = {}
    for naam, gemeente in vormen.items():
        zoekbaar[naam] = []
        for persoon in Inburgeraar.objects.filter(gemeente=gemeente).order_by("id")[:20]:
            bsn = next(bsns)
            Inburgeraar.objects.filter(pk=persoon.pk).update(
                bsn_hash=bsn_tools.zoekhash(bsn), bsn_versleuteld=bsn_tools.versleutel(bsn)
            )
            zoekbaar[naam].append(bsn)
    csrf = secrets.token_hex(16)  # 32 characters from [0-9a-f], as Django's CSRF secret
    ui, api, diep_na = {}, {}, {}
    with connection.cursor() as c:
        for naam, gemeente in vormen.items():
            aantal = Dossier.objects.filter(gemeente=gemeente, status=STATUS).count()
            c.execute(
                "SELECT i.id FROM inburgeraars_inburgeraar i JOIN inburgeraars_dossier d ON d.inburgeraar_id = i.id "
                "WHERE i.gemeente_id = %s AND d.status = %s ORDER BY i.id DESC OFFSET %s LIMIT 1",
                [gemeente.id, STATUS, int(aantal * 0.9)],
            )
            diep_na[naam] = format(c.fetchone()[0], "x")
            client = Client()
            from openinburgering.conftest import _ingelogd

            _ingelogd(client, users[naam])
            sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
            ui[naam] = {
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={sessie}; {settings.CSRF_COOKIE_NAME}={csrf}"
            }
            api[naam] = {
                "Authorization": f"Token {apitoken_aanmaken(gemeente=gemeente, naam=f'bench-{naam}-{time.time_ns()}')[1]}"
            }
            print(
                f"tenant {naam:8} {Inburgeraar.objects.filter(gemeente=gemeente).count():>9,} dossiers, {aantal:,} '{STATUS}'",
                flush=True,
            )
    regio_client = Client()
    from openinburgering.conftest import _ingelogd as _regio_ingelogd

    _regio_ingelogd(regio_client, users["regio"])
    ui["regio"] = {
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={regio_client.cookies[settings.SESSION_COOKIE_NAME].value}; {settings.CSRF_COOKIE_NAME}={csrf}"
    }
    dossiers = [
        str(u)
        for u in Inburgeraar.objects.filter(gemeente=groot)
        .order_by("-id")
        .values_list("uuid", flat=True)[:200]
    ]

    def get(pad, headers, naam=""):
        return {"methode": "GET", "pad": pad, "headers": headers, "naam": naam}

    scenarios: list[tuple[str, list[dict]]] = [("bare one-query view", [get("/bench/kaal", {})])]
    for naam in vormen:
        scenarios += [
            (f"caseload UI {naam}", [get(f"/inburgeraars/?status={STATUS}", ui[naam])]),
            (
                f"caseload UI {naam} deep",
                [get(f"/inburgeraars/?status={STATUS}&na={diep_na[naam]}", ui[naam])],
            ),
            (f"caseload API {naam}", [get(f"/api/v1/inburgeraars?status={STATUS}", api[naam])]),
            (
                f"caseload API {naam} deep",
                [get(f"/api/v1/inburgeraars?status={STATUS}&cursor=n{diep_na[naam]}", api[naam])],
            ),
        ]
    scenarios += [
        (
            "caseload UI regio (3 tenants)",
            [get(f"/inburgeraars/?status={STATUS}&gemeente=alle", ui["regio"])],
        ),
        (
            "BSN search UI groot",
            [
                {
                    "methode": "POST",
                    "pad": "/inburgeraars/zoeken/",
                    "data": {"bsn": b, "csrfmiddlewaretoken": csrf},
                    "headers": {**ui["groot"], "Content-Type": "application/x-www-form-urlencoded"},
                }
                for b in zoekbaar["groot"]
            ],
        ),
        (
            "BSN search API groot",
            [
                {
                    "methode": "POST",
                    "pad": "/api/v1/inburgeraars/_zoek",
                    "data": json.dumps({"bsn": b}),
                    "headers": {**api["groot"], "Content-Type": "application/json"},
                }
                for b in zoekbaar["groot"]
            ],
        ),
        ("dossier page groot", [get(f"/inburgeraars/{u}/", ui["groot"]) for u in dossiers[:50]]),
        ("worklist groot", [get("/werklijst/", ui["groot"])]),
    ]

    if args.alleen:
        delen = args.alleen.split(",")
        scenarios = scenarios[:1] + [s for s in scenarios[1:] if any(d in s[0] for d in delen)]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(BENCH)]),
    }
    poort = vrije_poort()
    host = f"http://127.0.0.1:{poort}"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "openinburgering.wsgi:application", "--bind", f"127.0.0.1:{poort}",
         "--workers", str(args.workers), "--log-level", "warning"],
        env=env, cwd=str(REPO),
    )  # fmt: skip

    def laden(spec: dict) -> dict:
        voor = processortijden(gunicorn.pid)
        uit = subprocess.run(
            [sys.executable, str(BENCH / "lijsten_locust.py"), json.dumps({"host": host, **spec})],
            env=env, cwd=str(REPO), capture_output=True, text=True, check=True,
        )  # fmt: skip
        na = processortijden(gunicorn.pid)
        r = json.loads(uit.stdout.strip().splitlines()[-1])
        # Per request, over warm-up and measurement together (the CPU counters can't tell them
        # apart): the share of the two cores each side costs.
        verzoeken = max(
            r["totaal"]["n"] * (spec["seconden"] + spec["opwarmen"]) / spec["seconden"], 1
        )
        r["totaal"]["cpu_web_ms"] = 1000 * (na["web"] - voor["web"]) / verzoeken
        r["totaal"]["cpu_db_ms"] = 1000 * (na["database"] - voor["database"]) / verzoeken
        return r

    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        verbindingen = [int(v) for v in args.verbindingen.split(",")]
        resultaten: dict[tuple[str, int], dict] = {}
        for naam, verzoeken in scenarios:
            for n in verbindingen:
                r = laden(
                    {
                        "gebruikers": n,
                        "seconden": args.seconden,
                        "opwarmen": args.opwarmen,
                        "verzoeken": verzoeken,
                    }
                )
                resultaten[naam, n] = r["totaal"]
                print(f"  measured {naam} at {n}", flush=True)
        belasting = os.getloadavg()
        print()
        print(f"gunicorn: {args.workers} sync workers, DEBUG off; {args.seconden:.0f} s per measurement; "
              f"{os.cpu_count()} CPUs shared by server, database and load; load average {belasting[0]:.1f}")  # fmt: skip
        kop = f"{'scenario':32} {'conns':>5} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'p95/bare':>8} {'thr/bare':>8} {'cpu web':>8} {'cpu db':>7}"
        print(kop)
        for naam, _ in scenarios:
            for n in verbindingen:
                r, kaal = resultaten[naam, n], resultaten["bare one-query view", n]
                print(
                    f"{naam:32} {n:>5} {r['per_seconde']:8.1f} {r['p50']:7.0f} {r['p95']:7.0f} {r['p99']:7.0f} {r['fouten']:>6} "
                    f"{r['p95'] / max(kaal['p95'], 1):7.1f}x {100 * r['per_seconde'] / max(kaal['per_seconde'], 1e-9):7.1f}% "
                    f"{r['cpu_web_ms']:6.2f}ms {r['cpu_db_ms']:5.2f}ms"
                )
        print()
        for soort in ("UI", "API"):
            for naam in vormen:
                for n in verbindingen:
                    if (f"caseload {soort} {naam} deep", n) not in resultaten:
                        continue
                    eerste, diep = (
                        resultaten[f"caseload {soort} {naam}", n],
                        resultaten[f"caseload {soort} {naam} deep", n],
                    )
                    print(
                        f"deep page / page 1 (p95), {soort} {naam} at {n}: {diep['p95'] / max(eerste['p95'], 1):.2f}x"
                    )
        print(f"goals: {GOALS}")

        if args.mix:
            formulieren = [
                {"methode": "POST", "pad": f"/inburgeraars/{p.uuid}/wijzigen/",
                 "headers": {**ui["groot"], "Content-Type": "application/x-www-form-urlencoded"},
                 "data": {"voornamen": p.voornamen or "Test", "achternaam": p.achternaam or "Bench",
                          "geboortedatum": (p.geboortedatum or __import__("datetime").date(1980, 1, 1)).strftime("%d-%m-%Y"),
                          "doelgroep": p.doelgroep, "regime": p.regime, "csrfmiddlewaretoken": csrf}}
                for p in Inburgeraar.objects.filter(gemeente=groot).order_by("-id")[200:200 + args.mix_gebruikers]
            ]  # fmt: skip
            mix = {
                "lijsten": [get(f"/inburgeraars/?status={STATUS}", ui["groot"]), get("/inburgeraars/", ui["groot"]),
                            get(f"/inburgeraars/?status={STATUS}&na={diep_na['groot']}", ui["groot"])],
                "dossiers": [get(f"/inburgeraars/{u}/", ui["groot"]) for u in dossiers],
                "zoeken": [s for n, s in scenarios if n == "BSN search UI groot"][0],
                "formulieren": formulieren,
            }  # fmt: skip
            print(
                f"\nmixed caseworker load: {args.mix_gebruikers} users, {args.mix_minuten:g} minutes ...",
                flush=True,
            )
            r = laden(
                {
                    "gebruikers": args.mix_gebruikers,
                    "seconden": args.mix_minuten * 60,
                    "opwarmen": args.opwarmen,
                    "mix": mix,
                }
            )
            print(
                f"{'request':20} {'n':>8} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}"
            )
            for naam, s in sorted(r["per_soort"].items()) + [("total", r["totaal"])]:
                print(
                    f"{naam:20} {s['n']:>8} {s['per_seconde']:8.1f} {s['p50']:7.0f} {s['p95']:7.0f} {s['p99']:7.0f} {s['fouten']:>6}"
                )
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=15)
        except subprocess.TimeoutExpired:
            gunicorn.kill()


if __name__ == "__main__":
    main()
