"""Row-level security (ADR 0056), on PostgreSQL: a query without a tenant filter, in a request,
still sees only the gemeenten of whoever asks; outside a request everything stays visible.

The tests connect as production does: as the owner of the tables, not as a superuser (a
superuser never meets a policy). CI runs them on PostgreSQL; on SQLite there is nothing to test.
"""

import uuid

from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

import pytest

from openinburgering.accounts.tests.factories import UserFactory
from openinburgering.core import rijbeveiliging
from openinburgering.gemeenten.models import Lidmaatschap
from openinburgering.logboek.models import Verwerking

from .rijbeveiliging_urls import gemeenten_per_tabel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.urls("openinburgering.core.tests.rijbeveiliging_urls"),
]

# Tables the scenario below fills for both gemeenten: enough to show the policy works across apps.
GEVULD = {
    "inburgeraars.Inburgeraar",
    "inburgeraars.Dossier",
    "gemeenten.Lidmaatschap",
    "gemeenten.ApiToken",
    "logboek.Verwerking",
}


@pytest.fixture(autouse=True)
def _alleen_op_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


@pytest.fixture
def als_eigenaar(db):
    """Connect as production does: a role that owns every table and is no superuser.

    CI connects as the superuser ``postgres``: then a fresh role takes over the tables, all in
    the test's transaction, so the rollback at the end undoes the role and the ownership. A
    run that already connects as such a role (``DATABASE_URL`` with another user) uses it.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            yield None
            return
        rol = f"oi_rls_{uuid.uuid4().hex[:12]}"
        cursor.execute(f"CREATE ROLE {rol} NOSUPERUSER NOBYPASSRLS")
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        for (tabel,) in cursor.fetchall():
            cursor.execute(f"ALTER TABLE {quote(tabel)} OWNER TO {rol}")
        cursor.execute(f"SET ROLE {rol}")
    yield rol
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")


@pytest.fixture
def twee_gemeenten(
    als_eigenaar, gemeente_a, gemeente_b, inburgeraar_factory, api_client, medewerker
):
    """Persons, dossiers, processing-log records, members and tokens in both gemeenten; made
    outside a request, so with no restriction."""
    for gemeente in (gemeente_a, gemeente_b):
        inburgeraar_factory(gemeente)
        inburgeraar_factory(gemeente)
        medewerker("teamleider", gemeente)
    return api_client(gemeente_a), api_client(gemeente_b)


def _instelling():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s, true)", [rijbeveiliging.INSTELLING])
        return cursor.fetchone()[0]


def _alles_van(gezien, *gemeenten):
    """Every table shows exactly these gemeenten, and the filled tables show them all."""
    ids = sorted(g.id for g in gemeenten)
    te_veel = {label: rij for label, rij in gezien.items() if not set(rij) <= set(ids)}
    assert not te_veel, f"rows of another gemeente seen: {te_veel}"
    for label in GEVULD:
        assert gezien[label] == ids, label


def test_the_scenario_fills_both_gemeenten_and_outside_a_request_all_is_visible(
    twee_gemeenten, gemeente_a, gemeente_b
):
    # As a task or management command sees the database: no request, no restriction.
    _alles_van(gemeenten_per_tabel(), gemeente_a, gemeente_b)
    assert not _instelling()


def test_an_unfiltered_query_in_a_users_request_sees_only_their_gemeente(
    twee_gemeenten, gemeente_a, gemeente_b, medewerker, inloggen
):
    client = inloggen(medewerker("klantregisseur", gemeente_a))

    response = client.get("/rls/ongefilterd/")

    assert response.status_code == 200
    _alles_van(response.json(), gemeente_a)
    # The request is over: the connection (reused by whatever comes next) is unrestricted.
    assert not _instelling()
    _alles_van(gemeenten_per_tabel(), gemeente_a, gemeente_b)


def test_a_member_of_two_gemeenten_sees_both_and_no_third(
    twee_gemeenten, gemeente_a, gemeente_b, maak_gemeente, inburgeraar_factory, medewerker, inloggen
):
    """All memberships, not only the active gemeente: the 404 page looks up which of the user's
    gemeenten owns an object, to offer the switch."""
    derde = maak_gemeente(code="0003", naam="Cederdal")
    inburgeraar_factory(derde)
    client = inloggen(medewerker("teamleider", gemeente_a, gemeente_b))

    gezien = client.get("/rls/ongefilterd/").json()

    _alles_van(gezien, gemeente_a, gemeente_b)
    assert derde.id not in gezien["inburgeraars.Inburgeraar"]


def test_an_api_request_sees_only_its_tokens_gemeente(twee_gemeenten, gemeente_a, gemeente_b):
    client_a, client_b = twee_gemeenten

    antwoord_a = client_a.get("/api/v1/rls-ongefilterd/")
    antwoord_b = client_b.get("/api/v1/rls-ongefilterd/")

    assert antwoord_a.status_code == antwoord_b.status_code == 200
    _alles_van(antwoord_a.json(), gemeente_a)
    _alles_van(antwoord_b.json(), gemeente_b)
    assert not _instelling()


def test_the_next_request_on_the_same_connection_sees_its_own_gemeente_only(
    twee_gemeenten, gemeente_a, gemeente_b, medewerker, inloggen
):
    """One connection serves request after request (persistent connections): nothing carries
    over from one to the next."""
    client_a = inloggen(medewerker("klantregisseur", gemeente_a))
    client_b = inloggen(medewerker("klantregisseur", gemeente_b))
    pid = connection.connection.info.backend_pid

    eerste = client_a.get("/rls/ongefilterd/").json()
    tweede = client_b.get("/rls/ongefilterd/").json()
    derde = client_a.get("/rls/ongefilterd/").json()

    assert connection.connection.info.backend_pid == pid
    _alles_van(eerste, gemeente_a)
    _alles_van(tweede, gemeente_b)
    _alles_van(derde, gemeente_a)


def test_a_user_without_membership_is_not_restricted(
    twee_gemeenten, gemeente_a, gemeente_b, inloggen
):
    """School staff belong to no gemeente; their views filter on their school (ADR 0056)."""
    client = inloggen(UserFactory())

    _alles_van(client.get("/rls/ongefilterd/").json(), gemeente_a, gemeente_b)


def test_a_restricted_connection_cannot_write_a_row_for_another_gemeente(
    twee_gemeenten, gemeente_a, gemeente_b
):
    rijbeveiliging.beperk_tot([gemeente_a.id])
    try:
        with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic():
            Verwerking.objects.create(
                tijdstip=timezone.now(), gemeente=gemeente_b, actor="test", actor_soort="test",
                betrokkene="pseudoniem", activiteit="inzien",
            )  # fmt: skip
        # Nor move one of its own rows there, nor touch the other's rows.
        with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic():
            Lidmaatschap.objects.filter(gemeente=gemeente_a).update(gemeente=gemeente_b)
        assert Lidmaatschap.objects.filter(gemeente=gemeente_b).delete()[0] == 0
    finally:
        rijbeveiliging.opheffen()
    assert Lidmaatschap.objects.filter(gemeente=gemeente_b).exists()


def test_the_deadline_engine_inserts_work_items_under_the_policy(
    twee_gemeenten, gemeente_a, gemeente_b
):
    """The engine's bulk insert (COPY into a temporary table, then INSERT … SELECT) works on a
    restricted connection as the owner, and sees and writes only the gemeente it may."""
    from openinburgering.signalen.models import Signaal
    from openinburgering.signalen.services import signalen_herberekenen

    rijbeveiliging.beperk_tot([gemeente_a.id])
    try:
        signalen_herberekenen()
        gezien = set(Signaal.objects.values_list("gemeente_id", flat=True))
    finally:
        rijbeveiliging.opheffen()
    assert gezien == {gemeente_a.id}
    assert not Signaal.objects.filter(gemeente=gemeente_b).exists()


def test_every_model_with_a_gemeente_has_its_policy_enabled_and_forced(db):
    modellen = rijbeveiliging.tenant_modellen()
    assert {m._meta.label for m in modellen} >= GEVULD
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, p.polname
            FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid
            WHERE c.relnamespace = current_schema()::regnamespace
            """
        )
        in_database = {rij[0]: rij[1:] for rij in cursor.fetchall()}
    ontbreekt = []
    for model in modellen:
        naam = rijbeveiliging.policy_naam(rijbeveiliging.policy_voorwaarde(model, connection))
        if in_database.get(model._meta.db_table) != (True, True, naam):
            ontbreekt.append(model._meta.label)
    assert not ontbreekt, f"no (current) row-level security policy: {ontbreekt}"
    # Every knowingly shared table is a model with a gemeente that says why, and has no policy.
    alle = {m._meta.label_lower: m for m in apps.get_models(include_auto_created=True)}
    for label, reden in rijbeveiliging.GEDEELD.items():
        assert label in alle and rijbeveiliging.gemeente_kolommen(alle[label]), label
        assert reden.strip(), label
        assert alle[label]._meta.db_table not in in_database, label


def test_the_policies_follow_the_models_and_are_idempotent(db):
    assert rijbeveiliging.policies_bijwerken() == 0

    class ZonderVerwerking:
        @staticmethod
        def get_models(include_auto_created=False):
            return [m for m in apps.get_models(include_auto_created) if m is not Verwerking]

    # A model that loses its gemeente loses its policy, and its table is readable again.
    assert rijbeveiliging.policies_bijwerken(app_registry=ZonderVerwerking) == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = %s",
            [Verwerking._meta.db_table],
        )
        assert cursor.fetchone() == (False, False)
    assert rijbeveiliging.policies_bijwerken() == 1
    assert rijbeveiliging.policies_bijwerken() == 0
