"""The read-replica router (ADR 0057): list reads go to the replica, a write never does, nor a
read after a write or inside a transaction. The replica is a second SQLite database here."""

from django.db import connections, router, transaction

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.core.replica import REPLICA, ReplicaRouter, van_replica
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars import selectors
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.logboek.models import Verwerking

ROUTER = "openinburgering.core.replica.ReplicaRouter"


@pytest.fixture
def replica(settings, tmp_path, db, gemeente_a):
    """A ``replica`` alias on its own SQLite file with the tables a caseload read needs, and
    a log of every statement that reaches it."""
    from openinburgering.accounts.models import User

    alias = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "r.sqlite3")}
    connections.settings[REPLICA] = connections.configure_settings(
        {"default": {**connections.settings["default"]}, REPLICA: alias}
    )[REPLICA]
    settings.DATABASE_ROUTERS = [ROUTER]
    verbinding = connections[REPLICA]
    # Connected here: Django's test case refuses a first connection to an alias it was not
    # told about when the test started.
    verbinding.connect()
    with verbinding.schema_editor() as schema:
        for model in (Gemeente, User, Inburgeraar, Dossier, Verwerking):
            schema.create_model(model)
    gemeente_a.save(using=REPLICA, force_insert=True)
    statements: list[str] = []

    def noteren(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with verbinding.execute_wrapper(noteren):
        yield statements
    verbinding.close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


def _alleen_op_replica(gemeente) -> Inburgeraar:
    """A person only the replica has, so a read shows where it went."""
    persoon = Inburgeraar(
        gemeente=gemeente, achternaam="Replicatest", voornamen="Rita", doelgroep="Asielstatushouder"
    )
    persoon.zet_bsn(nieuw_bsn())
    persoon.save(using=REPLICA)
    Dossier(gemeente=gemeente, inburgeraar=persoon, aangemeld_op="2026-01-05").save(using=REPLICA)
    return persoon


def _namen(actor) -> set[str]:
    return {p.achternaam for p in selectors.inburgeraar_list(actor=actor)}


def test_without_a_replica_everything_goes_to_default(settings, db):
    settings.DATABASE_ROUTERS = [ROUTER]
    with van_replica():
        assert router.db_for_read(Inburgeraar) == "default"
        assert router.db_for_write(Inburgeraar) == "default"


def test_list_reads_in_the_block_go_to_the_replica_and_others_do_not(replica, gemeente_a):
    maak_inburgeraar(gemeente_a, achternaam="Primair")
    _alleen_op_replica(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    assert _namen(actor) == {"Primair"}, "outside the block: default"
    with van_replica():
        assert _namen(actor) == {"Replicatest"}
    assert any(s.startswith("SELECT") for s in replica)


def test_a_write_in_the_block_never_reaches_the_replica_and_later_reads_follow_it(
    replica, gemeente_a
):
    _alleen_op_replica(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    with van_replica():
        assert _namen(actor) == {"Replicatest"}
        replica.clear()
        nieuw = maak_inburgeraar(gemeente_a, achternaam="Nieuw")
        assert replica == [], "no statement of the write went to the replica"
        # Read-your-writes: after a write the block reads from the primary.
        assert _namen(actor) == {"Nieuw"}
    assert replica == []
    assert Inburgeraar.objects.using("default").filter(pk=nieuw.pk).exists()
    assert not Inburgeraar.objects.using(REPLICA).filter(achternaam="Nieuw").exists()
    assert not Verwerking.objects.using(REPLICA).exists()


def test_a_read_inside_a_transaction_opened_in_the_block_stays_on_default(replica, gemeente_a):
    maak_inburgeraar(gemeente_a, achternaam="Primair")
    _alleen_op_replica(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    with van_replica():
        with transaction.atomic():
            assert _namen(actor) == {"Primair"}
        assert _namen(actor) == {"Replicatest"}


def test_writes_and_migrations_never_target_the_replica():
    r = ReplicaRouter()
    with van_replica():
        assert r.db_for_write(Inburgeraar) == "default"
    assert r.allow_migrate(REPLICA, "inburgeraars") is False
    assert r.allow_migrate("default", "inburgeraars") is True
