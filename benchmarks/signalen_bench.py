# ruff: noqa: E501
"""Benchmark of the deadline engine and the worklist (not part of `make test`).

    make bench-signalen                          # SQLite, 20,000 dossiers
    DATABASE_URL=postgres://... make bench-signalen BENCH_ARGS="--dossiers 1000000 --tenant 60000"

Prints absolute times and ratios to bare baselines measured in the same run on the same data:
- recompute: full recomputation vs. a bare chunked scan of the same dossier rows;
- worklist: p95 of one page for one user (60k-dossier tenant) vs. a bare one-query page.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openinburgering.conf.dev")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/oi-bench-signalen.sqlite3")
os.environ.setdefault("SECRET_KEY", "benchmark-only")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument(
        "--tenant", type=int, default=6_000, help="dossiers in the measured gemeente"
    )
    parser.add_argument("--herhalingen", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from openinburgering.accounts.context import Actor
    from openinburgering.accounts.models import User
    from openinburgering.accounts.rollen import Rol
    from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
    from openinburgering.inburgeraars.models import Dossier, Gebeurtenis, Inburgeraar
    from openinburgering.signalen import selectors
    from openinburgering.signalen.models import Signaal
    from openinburgering.signalen.services import CHUNK, signalen_herberekenen

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; dossiers: {args.dossiers:,}; tenant: {args.tenant:,}")
    if Dossier.objects.count() != args.dossiers:
        t = time.perf_counter()
        with transaction.atomic():
            Signaal.objects.all().delete()
            Gebeurtenis.objects.all().delete()
            Dossier.objects.all().delete()
            Inburgeraar.objects.all().delete()
            groot = Gemeente.objects.get_or_create(
                code="8001", defaults={"naam": "Groot", "oin": "0" * 19 + "1"}
            )[0]
            rest = Gemeente.objects.get_or_create(
                code="8002", defaults={"naam": "Rest", "oin": "0" * 19 + "2"}
            )[0]
            vandaag = date.today()
            for begin in range(0, args.dossiers, 5000):
                n = min(5000, args.dossiers - begin)
                personen = Inburgeraar.objects.bulk_create(
                    Inburgeraar(
                        gemeente=groot if begin + i < args.tenant else rest,
                        bsn_versleuteld="x", bsn_hash=f"h{begin + i}", pseudoniem=f"p{begin + i}",
                        voornamen="Test", achternaam=f"Bench{begin + i}",
                        geboortedatum=date(1960 + (begin + i) % 45, 1 + i % 12, 1 + i % 28),
                        doelgroep="Asielstatushouder",
                    )
                    for i in range(n)
                )  # fmt: skip
                dossiers = Dossier.objects.bulk_create(
                    Dossier(gemeente=p.gemeente, inburgeraar=p, aangemeld_op=vandaag)
                    for p in personen
                )
                Gebeurtenis.objects.bulk_create(
                    Gebeurtenis(
                        dossier=d, bron="duo", soort="SS139", omschrijving="SS139",
                        tijdstip=timezone.make_aware(datetime.combine(vandaag - timedelta(days=d.id % 90), datetime.min.time())),
                    )
                    for d in dossiers
                )  # fmt: skip
        print(f"data made in {time.perf_counter() - t:.1f} s")

    # --- recomputation vs. a bare chunked scan of the same rows -----------------------------------
    t = time.perf_counter()
    vanaf, rijen = 0, 0
    while True:
        deel = list(
            Dossier.objects.filter(id__gt=vanaf).order_by("id").values("id", "status")[:CHUNK]
        )
        if not deel:
            break
        vanaf, rijen = deel[-1]["id"], rijen + len(deel)
    kaal = time.perf_counter() - t
    t = time.perf_counter()
    eerste = signalen_herberekenen()
    volledig = time.perf_counter() - t
    t = time.perf_counter()
    tweede = signalen_herberekenen()
    opnieuw = time.perf_counter() - t
    print(f"bare scan            {kaal:8.2f} s  ({rijen:,} rows)")
    print(f"recompute (first)    {volledig:8.2f} s  ratio {volledig / kaal:6.1f}x  {eerste}")
    print(f"recompute (no-op)    {opnieuw:8.2f} s  ratio {opnieuw / kaal:6.1f}x  {tweede}")
    per_miljoen = volledig / args.dossiers * 1_000_000
    print(f"extrapolated to 1,000,000 dossiers: {per_miljoen / 60:.1f} min")

    # --- worklist page for one user vs. a bare one-query page ------------------------------------
    groot = Gemeente.objects.get(code="8001")
    user, _ = User.objects.get_or_create(username="bench-teamleider")
    Lidmaatschap.objects.get_or_create(user=user, gemeente=groot, defaults={"rol": Rol.TEAMLEIDER})
    Signaal.objects.filter(gemeente=groot, toegewezen_aan__isnull=True).update(toegewezen_aan=user)
    actor = Actor(gemeente=groot, user=user, rol=Rol.TEAMLEIDER)

    def p95(f):
        tijden = []
        for _ in range(args.herhalingen):
            t = time.perf_counter()
            f()
            tijden.append(time.perf_counter() - t)
        return statistics.quantiles(tijden, n=20)[18] * 1000

    def pagina():
        p = selectors.werklijst_pagina(selectors.signaal_list(actor=actor, tab="mijn"))
        return [s.dossier.inburgeraar.achternaam for s in p.items]

    def kaal_pagina():
        return list(Signaal.objects.filter(gemeente=groot).values_list("id", flat=True)[:26])

    with CaptureQueriesContext(connection) as q:
        pagina()
    werk, basis = p95(pagina), p95(kaal_pagina)
    print(
        f"worklist page p95    {werk:8.2f} ms ({len(q.captured_queries)} query)  bare {basis:.2f} ms  ratio {werk / basis:.1f}x"
    )


if __name__ == "__main__":
    main()
