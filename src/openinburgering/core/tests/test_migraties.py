"""A large table gets its new index concurrently, a small one or one inside a transaction the
plain way (core.migraties, ADR 0093). PostgreSQL only: SQLite has no concurrent build."""

from io import StringIO

from django.core.management import call_command
from django.db import connection, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

import pytest

from openinburgering.core import migraties

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

INDEX = "test_dossier_aangemeld_idx"


@pytest.fixture(autouse=True)
def _alleen_op_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    # A concurrent build waits for older transactions in the database; none should be open,
    # and if one is, the test fails within seconds instead of hanging.
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '20s'")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET lock_timeout")


def _toestanden():
    executor = MigrationExecutor(connection)
    voor = executor.loader.project_state(("inburgeraars", "0009_dossiers_per_gemeente_op_id"))
    operatie = migraties.IndexToevoegen(
        model_name="dossier", index=models.Index(fields=["gemeente", "aangemeld_op"], name=INDEX)
    )
    na = voor.clone()
    operatie.state_forwards("inburgeraars", na)
    return operatie, voor, na


def _index_geldig() -> bool | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s",
            [INDEX],
        )
        rij = cursor.fetchone()
    return None if rij is None else rij[0]


def test_a_large_table_gets_its_index_concurrently_and_loses_it_the_same_way(monkeypatch):
    monkeypatch.setattr(migraties, "GELIJKTIJDIG_VANAF", 0)  # every table counts as large
    operatie, voor, na = _toestanden()
    with CaptureQueriesContext(connection) as sql, connection.schema_editor(atomic=False) as e:
        operatie.database_forwards("inburgeraars", e, voor, na)
    assert any(f'CREATE INDEX CONCURRENTLY "{INDEX}"' in q["sql"] for q in sql.captured_queries)
    assert _index_geldig() is True
    with CaptureQueriesContext(connection) as sql, connection.schema_editor(atomic=False) as e:
        operatie.database_backwards("inburgeraars", e, na, voor)
    assert any(
        f'DROP INDEX CONCURRENTLY IF EXISTS "{INDEX}"' in q["sql"] for q in sql.captured_queries
    )
    assert _index_geldig() is None


def test_a_small_table_or_a_transaction_builds_the_plain_way(monkeypatch):
    operatie, voor, na = _toestanden()
    # Small: the test database's dossiers are far under the threshold.
    with CaptureQueriesContext(connection) as sql, connection.schema_editor(atomic=False) as e:
        operatie.database_forwards("inburgeraars", e, voor, na)
    gebouwd = [q["sql"] for q in sql.captured_queries if INDEX in q["sql"]]
    assert gebouwd and not any("CONCURRENTLY" in q for q in gebouwd)
    with connection.schema_editor(atomic=False) as e:
        operatie.database_backwards("inburgeraars", e, na, voor)
    # Inside a transaction even a large table (which a concurrent build refuses).
    monkeypatch.setattr(migraties, "GELIJKTIJDIG_VANAF", 0)
    with transaction.atomic():
        with CaptureQueriesContext(connection) as sql, connection.schema_editor() as e:
            operatie.database_forwards("inburgeraars", e, voor, na)
        assert _index_geldig() is True
        transaction.set_rollback(True)
    assert not any("CONCURRENTLY" in q["sql"] for q in sql.captured_queries)
    assert _index_geldig() is None


def test_the_new_indexes_of_the_scale_migrations_are_shown_concurrent_on_a_large_instance(
    monkeypatch,
):
    monkeypatch.setattr(migraties, "GELIJKTIJDIG_VANAF", 0)
    for app, migratie, index in (
        ("inburgeraars", "0009", "dossier_gemeente_status_idx"),
        ("logboek", "0006", "logboek_betrokkene_idx"),
        ("taalaanbieders", "0005", "verwijzing_gemeente_id_idx"),
        ("handhaving", "0005", "zaak_gemeente_id_idx"),
    ):
        uit = StringIO()
        call_command("sqlmigrate", app, migratie, stdout=uit)
        assert f'CREATE INDEX CONCURRENTLY "{index}"' in uit.getvalue(), (app, migratie)
        assert "BEGIN;" not in uit.getvalue()  # atomic = False: no transaction around it
