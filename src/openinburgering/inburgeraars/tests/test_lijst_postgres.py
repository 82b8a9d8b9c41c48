"""The caseload's plan does not depend on where a tenant's rows sit (ADR 0057, issue 14).

A bulk-imported gemeente holds the oldest ids, 20,000 younger rows of another gemeente follow.
On PostgreSQL the first and a deep page of either read a few dozen index entries: no walk down
a primary key past the other tenant's rows (``Rows Removed by Filter``)."""

import re

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars import selectors

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

BULK, ANDER = 2_000, 20_000


@pytest.fixture(autouse=True)
def _alleen_op_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def _kopieer(cursor, tabel: str, sjabloon: int, bron: str, vervang: dict[str, str]) -> None:
    """Copies of one row, ``vervang`` maps columns to SQL over the FROM item ``g``."""
    cursor.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s AND column_name <> 'id'",
        [tabel],
    )
    kolommen = [r[0] for r in cursor.fetchall()]
    waarden = ", ".join(vervang.get(k, f"t.{k}") for k in kolommen)
    cursor.execute(
        f"INSERT INTO {tabel} ({', '.join(kolommen)}) SELECT {waarden} "
        f"FROM {tabel} t, {bron} WHERE t.id = {sjabloon}"
    )


def _personen(sjabloon, aantal: int, begin: int) -> None:
    with connection.cursor() as c:
        _kopieer(c, "inburgeraars_inburgeraar", sjabloon.pk, f"generate_series({begin}, {begin + aantal - 1}) g", {
            "uuid": "gen_random_uuid()", "bsn_hash": "'h' || g", "pseudoniem": "'p' || g",
        })  # fmt: skip
        _kopieer(c, "inburgeraars_dossier", sjabloon.dossier.pk,
            "(SELECT id, row_number() OVER (ORDER BY id) AS nr FROM inburgeraars_inburgeraar i "
            "WHERE NOT EXISTS (SELECT 1 FROM inburgeraars_dossier d WHERE d.inburgeraar_id = i.id)) g", {
            "uuid": "gen_random_uuid()", "inburgeraar_id": "g.id",
            "status": "CASE WHEN g.nr % 10 = 0 THEN 'intake' ELSE 'aangemeld' END",
        })  # fmt: skip


def _overgeslagen(actor, **kwargs) -> int:
    """The most rows any step of the page's plan read and threw away."""
    # Client-side binding, for SQL with its values in it to EXPLAIN; the prepared statement
    # (core.voorbereid) is planned per execution with its values too (PostgreSQL keeps a
    # custom plan for it: a generic plan cannot know the LIMIT), so the plan is this one.
    with override_settings(DB_PREPARED_STATEMENTS=False), CaptureQueriesContext(connection) as q:
        selectors.inburgeraar_pagina(actor=actor, **kwargs)
    with connection.cursor() as c:
        c.execute("EXPLAIN (ANALYZE) " + q.captured_queries[-1]["sql"])
        plan = "\n".join(r[0] for r in c.fetchall())
    return max((int(n) for n in re.findall(r"Rows Removed by Filter: (\d+)", plan)), default=0)


def test_every_page_reads_one_index_range_whatever_the_tenants_ids(
    gemeente_a, gemeente_b, inburgeraar_factory
):
    _personen(inburgeraar_factory(gemeente_a), BULK, 1)
    _personen(inburgeraar_factory(gemeente_b), ANDER, BULK + 1)
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE inburgeraars_inburgeraar")
        c.execute("VACUUM ANALYZE inburgeraars_dossier")
    for gemeente in (gemeente_a, gemeente_b):
        actor = Actor(gemeente=gemeente, systeem="test")
        for filters in ({"status": "aangemeld"}, {"status": "intake"}, {}):
            pagina = selectors.inburgeraar_pagina(actor=actor, **filters)
            for _ in range(3):
                pagina = selectors.inburgeraar_pagina(actor=actor, na=pagina.volgende, **filters)
            for na in (None, pagina.volgende):
                assert _overgeslagen(actor, na=na, **filters) < 100, (gemeente.code, filters, na)


def test_a_list_of_dossiers_in_their_own_order_reads_one_index_range(
    gemeente_a, gemeente_b, inburgeraar_factory
):
    """The pseudonymised facts (statistiek/feiten, ADR 0091) page dossiers by their own id,
    with and without a status: the (gemeente, id) and (gemeente, status, id) indexes."""
    from openinburgering.core.pagination import keyset_pagina
    from openinburgering.inburgeraars.models import Dossier

    _personen(inburgeraar_factory(gemeente_a), BULK, 1)
    _personen(inburgeraar_factory(gemeente_b), ANDER, BULK + 1)
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE inburgeraars_dossier")
    for gemeente in (gemeente_a, gemeente_b):
        for filters in ({"status": "aangemeld"}, {}):
            qs = Dossier.objects.filter(gemeente=gemeente, **filters)
            pagina = keyset_pagina(qs)
            for na in (None, pagina.volgende):
                with CaptureQueriesContext(connection) as q:
                    assert keyset_pagina(qs, na=na).items
                with connection.cursor() as c:
                    c.execute("EXPLAIN (ANALYZE) " + q.captured_queries[-1]["sql"])
                    plan = "\n".join(r[0] for r in c.fetchall())
                overgeslagen = re.findall(r"Rows Removed by Filter: (\d+)", plan)
                assert max(map(int, overgeslagen), default=0) < 100, (gemeente.code, filters, plan)
