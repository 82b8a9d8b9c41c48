# ruff: noqa: E501
"""``make bench-dashboards``: the steering dashboards and the council page (ADR 0068).

    DATABASE_URL=postgres://... make bench-dashboards                          # 1,000,000 dossiers
    DATABASE_URL=postgres://... make bench-dashboards BENCH_ARGS="--dossiers 50000"
    make bench-dashboards BENCH_ARGS="--dossiers 2000 --seconden 3"           # SQLite: does it run?

The data are those of ``make bench-lijsten`` (``lijsten_bench``: the same tenants ``groot``,
``gemengd`` and ``klein``); a database that already holds ``--dossiers`` dossiers is reused, so
run this after bench-lijsten on the same database. Then the worker's job, timed: every
gemeente's figures computed into the ``Kengetal`` table (``cijfers_bijwerken``), as the daily
task does it. Without PostgreSQL the data are made through the ORM (slow: for a small check).

Measured through gunicorn (production settings, DEBUG off) with locust at 1 and 16 connections,
next to a bare one-query view in the same run: the three dashboard pages of a beleidsmedewerker
of each tenant shape, a filtered page (a year and a doelgroep), a regional user's page over all
three tenants, a CSV export, and the public council page with its suppression. Prints
p50/p95/p99, requests per second, errors and the ratio of p95 to the bare view's.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO / "src"), str(BENCH)]

import lijsten_bench  # noqa: E402  (sets the settings module and the benchmark's environment)

GOAL = "p95 <= 300 ms per dashboard page (issue 17)"


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
        "--niet-berekenen", action="store_true", help="reuse the figures already computed"
    )
    args = parser.parse_args()
    args.groot = args.groot or round(args.dossiers * 0.06)
    args.gemengd = args.gemengd or round(args.dossiers * 0.017)
    args.klein = min(args.klein, max(args.dossiers // 10, 1))
    postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    if not postgres:
        os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/oi-bench-dashboards.sqlite3")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    import signalen_bench

    from openinburgering.accounts.models import User
    from openinburgering.accounts.rollen import Rol
    from openinburgering.cijfers.models import Bijwerking, Kengetal
    from openinburgering.cijfers.services import alle_kengetallen_bijwerken
    from openinburgering.conftest import _ingelogd
    from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
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
    makers = User.objects.get_or_create(username="bench-groot")[0]
    Lidmaatschap.objects.get_or_create(
        user=makers, gemeente=groot, defaults={"rol": Rol.KLANTREGISSEUR}
    )
    print(f"database: {connection.vendor}; dossiers: {args.dossiers:,}", flush=True)
    if Dossier.objects.count() != args.dossiers:
        t = time.perf_counter()
        if postgres:
            with connection.cursor() as c:
                for model in (Signaal, Dossier, Inburgeraar):
                    c.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
            signalen_bench.maak_data_postgres(args.dossiers, args.groot, groot, rest, makers)
            with connection.cursor() as c:
                lijsten_bench.tenants_maken(
                    c,
                    groot=groot,
                    gemengd=(gemengd, args.gemengd),
                    klein=(klein, args.klein),
                    rest=rest,
                )
        else:
            Signaal.objects.all().delete()
            Dossier.objects.all().delete()
            Inburgeraar.objects.all().delete()
            signalen_bench.maak_data_orm(args.dossiers, args.groot, groot, rest, makers)
            # The mixed and the small tenant: every other and every tenth person of the rest.
            ids = list(
                Inburgeraar.objects.exclude(gemeente=groot)
                .order_by("id")
                .values_list("id", flat=True)
            )
            for gemeente, deel in (
                (gemengd, ids[: args.gemengd]),
                (klein, ids[args.gemengd : args.gemengd + args.klein]),
            ):
                Inburgeraar.objects.filter(id__in=deel).update(gemeente=gemeente)
                Dossier.objects.filter(inburgeraar_id__in=deel).update(gemeente=gemeente)
        print(f"data made in {time.perf_counter() - t:.1f} s", flush=True)
        t = time.perf_counter()
        Signaal.objects.all().delete()
        signalen_herberekenen()
        print(f"worklist computed in {time.perf_counter() - t:.1f} s", flush=True)

    if not args.niet_berekenen or not Bijwerking.objects.exists():
        t = time.perf_counter()
        uitkomsten = alle_kengetallen_bijwerken()
        duur = time.perf_counter() - t
        langste = max(uitkomsten, key=lambda u: u.seconden)
        print(
            f"figures computed (the worker's daily job) for {len(uitkomsten)} gemeenten in {duur:.1f} s; "
            f"longest: {langste.gemeente} ({langste.dossiers:,} dossiers) {langste.seconden:.1f} s; "
            f"{Kengetal.objects.count():,} rows",
            flush=True,
        )

    # A beleidsmedewerker per tenant, and a regional one who works for all three.
    koppen = {}
    for naam, gemeente in [*vormen.items(), ("regio", None)]:
        user = User.objects.get_or_create(username=f"bench-beleid-{naam}")[0]
        for g in [gemeente] if gemeente else vormen.values():
            Lidmaatschap.objects.get_or_create(
                user=user, gemeente=g, defaults={"rol": Rol.BELEIDSMEDEWERKER}
            )
        from django.test import Client

        client = Client()
        _ingelogd(client, user)
        koppen[naam] = {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        }
        print(
            f"tenant {naam:8} {Dossier.objects.filter(gemeente__in=[gemeente] if gemeente else vormen.values()).count():>9,} dossiers",
            flush=True,
        )

    def get(pad, headers):
        return {"methode": "GET", "pad": pad, "headers": headers}

    jaar = time.localtime().tm_year - 1
    scenarios: list[tuple[str, list[dict]]] = [("bare one-query view", [get("/bench/kaal", {})])]
    for naam in vormen:
        scenarios += [
            (f"dashboard instroom {naam}", [get("/cijfers/", koppen[naam])]),
            (f"dashboard route {naam}", [get("/cijfers/route/", koppen[naam])]),
            (f"dashboard werk {naam}", [get("/cijfers/werk/", koppen[naam])]),
        ]
    scenarios += [
        (
            "dashboard filtered groot",
            [
                get(
                    f"/cijfers/route/?periode={jaar}&doelgroep=Asielstatushouder&leerroute=B",
                    koppen["groot"],
                )
            ],
        ),
        ("dashboard regional (3 tenants)", [get("/cijfers/?gemeente=alle", koppen["regio"])]),
        ("CSV export groot", [get("/cijfers/export/trechter.csv", koppen["groot"])]),
        ("council page groot (public)", [get(f"/raadsinformatie/{groot.code}/", {})]),
        ("council page klein (public)", [get(f"/raadsinformatie/{klein.code}/", {})]),
    ]

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(BENCH)])}
    poort = lijsten_bench.vrije_poort()
    host = f"http://127.0.0.1:{poort}"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "openinburgering.wsgi:application", "--bind", f"127.0.0.1:{poort}",
         "--workers", str(args.workers), "--log-level", "warning"],
        env=env, cwd=str(REPO),
    )  # fmt: skip

    def laden(spec: dict) -> dict:
        import json

        uit = subprocess.run(
            [sys.executable, str(BENCH / "lijsten_locust.py"), json.dumps({"host": host, **spec})],
            env=env, cwd=str(REPO), capture_output=True, text=True, check=True,
        )  # fmt: skip
        return json.loads(uit.stdout.strip().splitlines()[-1])

    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        # Both workers up and the first request served (imports, connections) before measuring.
        import urllib.request

        for _ in range(2 * args.workers):
            urllib.request.urlopen(f"{host}/bench/kaal", timeout=60).read()
        verbindingen = [int(v) for v in args.verbindingen.split(",")]
        resultaten: dict[tuple[str, int], dict] = {}
        for naam, verzoeken in scenarios:
            for n in verbindingen:
                resultaten[naam, n] = laden(
                    {
                        "gebruikers": n,
                        "seconden": args.seconden,
                        "opwarmen": args.opwarmen,
                        "verzoeken": verzoeken,
                    }
                )["totaal"]
                print(f"  measured {naam} at {n}", flush=True)
        belasting = os.getloadavg()
        print()
        print(f"gunicorn: {args.workers} sync workers, DEBUG off; {args.seconden:.0f} s per measurement; "
              f"{os.cpu_count()} CPUs shared by server, database and load; load average {belasting[0]:.1f}")  # fmt: skip
        print(
            f"{'scenario':32} {'conns':>5} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'p95/bare':>8} {'goal':>5}"
        )
        for naam, _ in scenarios:
            for n in verbindingen:
                r, kaal = resultaten[naam, n], resultaten["bare one-query view", n]
                doel = (
                    ""
                    if naam.startswith("bare")
                    else ("ok" if r["p95"] <= 300 and not r["fouten"] else "MISS")
                )
                print(
                    f"{naam:32} {n:>5} {r['per_seconde']:8.1f} {r['p50']:7.0f} {r['p95']:7.0f} {r['p99']:7.0f} {r['fouten']:>6} "
                    f"{r['p95'] / max(kaal['p95'], 1):7.1f}x {doel:>5}"
                )
        print(f"goal: {GOAL}")
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=15)
        except subprocess.TimeoutExpired:
            gunicorn.kill()


if __name__ == "__main__":
    main()
