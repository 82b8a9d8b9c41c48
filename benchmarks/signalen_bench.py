# ruff: noqa: E501
"""Benchmark of the deadline engine and the worklist (not part of `make test`).

    make bench-signalen                          # SQLite, 20,000 dossiers
    DATABASE_URL=postgres://... make bench-signalen BENCH_ARGS="--dossiers 1000000 --tenant 60000"

Prints absolute times and ratios to bare baselines measured in the same run on the same data:
- recompute: full recomputation vs. a bare chunked scan of the same dossier rows;
- worklist: p95 of one page for one user (60k-dossier tenant) vs. a bare one-query page.

On PostgreSQL the data are made in SQL (copies of one template row per table), so a million
dossiers take about a minute instead of a quarter of an hour through the ORM. The mix: a third
have a vastgesteld PIP and a closed intake, a third an open intake, a third nothing yet; SS139
dates spread over three years; one dossier in twelve is closed; two more timeline entries per
dossier so the SS139 lookup reads a realistic timeline table.
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

REST_GEMEENTEN = 16
CASELOAD_DEEL = 20  # the measured user is klantregisseur of one in 20 dossiers of the tenant


def _kloon(cursor, tabel: str, template_id: int, bron: str, vervang: dict[str, str]) -> None:
    """INSERT copies of one template row. ``bron`` is a FROM item with alias ``g``; ``vervang``
    maps columns to SQL expressions; every other column is copied from the template row."""
    cursor.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s AND column_name <> 'id'",
        [tabel],
    )
    kolommen = [r[0] for r in cursor.fetchall()]
    waarden = ", ".join(vervang.get(k, f"t.{k}") for k in kolommen)
    cursor.execute(
        f"INSERT INTO {tabel} ({', '.join(kolommen)}) SELECT {waarden} "
        f"FROM {tabel} t, {bron} WHERE t.id = {template_id}"
    )


def maak_data_postgres(n: int, tenant: int, groot, rest: list, user) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from openinburgering.inburgeraars.models import Dossier, Gebeurtenis, Inburgeraar
    from openinburgering.intake.models import BredeIntake
    from openinburgering.pip.models import PipVersie

    vandaag = date.today()
    with transaction.atomic():
        p = Inburgeraar.objects.create(
            gemeente=groot, bsn_versleuteld="x", bsn_hash="template", pseudoniem="template",
            voornamen="Test", achternaam="Template", geboortedatum=date(1980, 1, 1),
            doelgroep="Asielstatushouder",
        )  # fmt: skip
        d = Dossier.objects.create(gemeente=groot, inburgeraar=p, aangemeld_op=vandaag)
        e = Gebeurtenis.objects.create(
            dossier=d, bron="duo", soort="SS139", omschrijving="SS139", tijdstip=timezone.now()
        )
        v = PipVersie.objects.create(
            gemeente=groot, dossier=d, volgnummer=1, status="vastgesteld", leerroute="B",
            niveau="B1", dagtekening=vandaag, vastgesteld_op=timezone.now(),
            beschikking_pad="bench/geen.pdf",
        )  # fmt: skip
        i = BredeIntake.objects.create(gemeente=groot, dossier=d, gestart_op=vandaag)
    rest_ids = "ARRAY[" + ",".join(str(g.id) for g in rest) + "]"
    with connection.cursor() as c, transaction.atomic():
        _kloon(c, "inburgeraars_inburgeraar", p.id, f"generate_series(1, {n}) g", {
            "uuid": "gen_random_uuid()",
            "bsn_hash": "'h' || g",
            "pseudoniem": "'p' || g",
            "achternaam": "'Bench' || g",
            "geboortedatum": "date '1958-01-01' + (g * 37 % 16000)::int",
            "gemeente_id": f"CASE WHEN g <= {tenant} THEN {groot.id} ELSE ({rest_ids})[1 + g % {len(rest)}] END",
        })  # fmt: skip
        _kloon(c, "inburgeraars_dossier", d.id,
            f"(SELECT id, gemeente_id, row_number() OVER (ORDER BY id) AS nr FROM inburgeraars_inburgeraar WHERE id <> {p.id}) g", {
            "uuid": "gen_random_uuid()",
            "inburgeraar_id": "g.id",
            "gemeente_id": "g.gemeente_id",
            "status": "CASE WHEN g.nr % 12 = 0 THEN 'afgerond' ELSE 'aangemeld' END",
            "eindreden": "CASE WHEN g.nr % 12 = 0 THEN 'voldaan' ELSE '' END",
            "klantregisseur_id": f"CASE WHEN g.gemeente_id = {groot.id} AND g.nr % {CASELOAD_DEEL} = 0 THEN {user.id} ELSE NULL END",
        })  # fmt: skip
        dossiers = f"(SELECT id FROM inburgeraars_dossier WHERE id <> {d.id}) g"
        _kloon(c, "inburgeraars_gebeurtenis", e.id, dossiers, {
            "uuid": "gen_random_uuid()", "dossier_id": "g.id",
            "tijdstip": "now() - make_interval(days => (g.id * 7 % 1100)::int)",
        })  # fmt: skip
        for soort in ("aangemaakt", "notitie"):
            _kloon(c, "inburgeraars_gebeurtenis", e.id, dossiers, {
                "uuid": "gen_random_uuid()", "dossier_id": "g.id", "soort": f"'{soort}'",
                "omschrijving": f"'{soort}'", "bron": "'medewerker'",
                "tijdstip": "now() - make_interval(days => (g.id % 900)::int)",
            })  # fmt: skip
        _kloon(c, "pip_pipversie", v.id,
            f"(SELECT id, gemeente_id FROM inburgeraars_dossier WHERE id <> {d.id} AND id % 3 = 0) g", {
            "uuid": "gen_random_uuid()", "dossier_id": "g.id", "gemeente_id": "g.gemeente_id",
            "dagtekening": "current_date - (g.id * 7 % 1100)::int + 60",
        })  # fmt: skip
        _kloon(c, "intake_bredeintake", i.id,
            f"(SELECT id, gemeente_id FROM inburgeraars_dossier WHERE id <> {d.id} AND id % 3 <> 2) g", {
            "uuid": "gen_random_uuid()", "dossier_id": "g.id", "gemeente_id": "g.gemeente_id",
            "status": "CASE WHEN g.id % 3 = 0 THEN 'afgesloten' ELSE 'concept' END",
            "afgesloten_op": "CASE WHEN g.id % 3 = 0 THEN current_date ELSE NULL END",
        })  # fmt: skip
        for model, obj in (
            (BredeIntake, i),
            (PipVersie, v),
            (Gebeurtenis, e),
            (Dossier, d),
            (Inburgeraar, p),
        ):
            model.objects.filter(pk=obj.pk).delete()
    with connection.cursor() as c:
        c.execute("ANALYZE")


def maak_data_orm(n: int, tenant: int, groot, rest: list, user) -> None:
    from django.db import transaction
    from django.utils import timezone

    from openinburgering.inburgeraars.models import Dossier, Gebeurtenis, Inburgeraar

    vandaag = date.today()
    with transaction.atomic():
        for begin in range(0, n, 5000):
            k = min(5000, n - begin)
            personen = Inburgeraar.objects.bulk_create(
                Inburgeraar(
                    gemeente=groot if begin + i < tenant else rest[(begin + i) % len(rest)],
                    bsn_versleuteld="x", bsn_hash=f"h{begin + i}", pseudoniem=f"p{begin + i}",
                    voornamen="Test", achternaam=f"Bench{begin + i}",
                    geboortedatum=date(1958 + (begin + i) % 45, 1 + i % 12, 1 + i % 28),
                    doelgroep="Asielstatushouder",
                )
                for i in range(k)
            )  # fmt: skip
            dossiers = Dossier.objects.bulk_create(
                Dossier(
                    gemeente=p.gemeente, inburgeraar=p, aangemeld_op=vandaag,
                    klantregisseur=user if p.gemeente_id == groot.id and j % CASELOAD_DEEL == 0 else None,
                )
                for j, p in enumerate(personen)
            )  # fmt: skip
            Gebeurtenis.objects.bulk_create(
                Gebeurtenis(
                    dossier=d, bron="duo", soort="SS139", omschrijving="SS139",
                    tijdstip=timezone.make_aware(datetime.combine(vandaag - timedelta(days=d.id * 7 % 1100), datetime.min.time())),
                )
                for d in dossiers
            )  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=20_000)
    parser.add_argument(
        "--tenant", type=int, default=6_000, help="dossiers in the measured gemeente"
    )
    parser.add_argument("--herhalingen", type=int, default=200)
    parser.add_argument(
        "--opnieuw", action="store_true", help="drop the work items first (a first recompute)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from openinburgering.accounts.context import Actor
    from openinburgering.accounts.models import User
    from openinburgering.accounts.rollen import Rol
    from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
    from openinburgering.inburgeraars.models import Dossier, Inburgeraar
    from openinburgering.signalen import selectors
    from openinburgering.signalen.models import Signaal
    from openinburgering.signalen.services import CHUNK, signalen_herberekenen

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; dossiers: {args.dossiers:,}; tenant: {args.tenant:,}")
    groot = Gemeente.objects.get_or_create(
        code="8001", defaults={"naam": "Groot", "oin": "0" * 19 + "1"}
    )[0]
    rest = [
        Gemeente.objects.get_or_create(
            code=f"{8100 + k}", defaults={"naam": f"Rest {k}", "oin": f"{8100 + k:020d}"}
        )[0]
        for k in range(REST_GEMEENTEN)
    ]
    user, _ = User.objects.get_or_create(username="bench-klantregisseur")
    Lidmaatschap.objects.get_or_create(
        user=user, gemeente=groot, defaults={"rol": Rol.KLANTREGISSEUR}
    )
    if Dossier.objects.count() != args.dossiers:
        t = time.perf_counter()
        for model in (Signaal, Dossier, Inburgeraar):
            # Dossier's cascade takes the timeline, PIPs and intakes with it.
            if connection.vendor == "postgresql":
                with connection.cursor() as c:
                    c.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
            else:
                model.objects.all().delete()
        maker = maak_data_postgres if connection.vendor == "postgresql" else maak_data_orm
        maker(args.dossiers, args.tenant, groot, rest, user)
        print(f"data made in {time.perf_counter() - t:.1f} s")
        args.opnieuw = True
    if args.opnieuw:
        with connection.cursor() as c:
            c.execute(f"DELETE FROM {Signaal._meta.db_table}")

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

    # --- worklist page for one user vs. a bare one-query page ------------------------------------
    actor = Actor(gemeente=groot, user=user, rol=Rol.KLANTREGISSEUR)
    mijn = Signaal.objects.filter(gemeente=groot, toegewezen_aan=user, status="open").count()

    def p95(f):
        for _ in range(5):
            f()
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
        f"worklist page p95    {werk:8.2f} ms ({len(q.captured_queries)} query; {mijn:,} open items for this user)  bare {basis:.2f} ms  ratio {werk / basis:.1f}x"
    )


if __name__ == "__main__":
    main()
