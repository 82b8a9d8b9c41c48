"""Row-level security in PostgreSQL: the second lock on tenant isolation (ADR 0056).

The first lock is the selectors' filter on the active gemeente. This one sits in the database:
every table whose model has a foreign key to ``Gemeente`` gets a policy that shows (and accepts)
a row only when its gemeente is in the per-connection setting ``openinburgering.gemeenten``.

- A request of a logged-in user sets it to the gemeenten the user is a member of (all of them,
  not only the active one: the 404 page offers to switch to the gemeente that owns the object);
  an API request sets it to its token's gemeente once the token is known.
- Unset, the policy lets every row through: tasks, management commands, migrations, DUO's
  notification endpoint and the login page keep today's behaviour (the ADR says why that is the
  safe default).
- The tables are found from the models, after every ``migrate`` (``post_migrate``), so a table
  a later migration of any app adds or moves is covered without a list to keep up.

On any other database than PostgreSQL every function here is a no-op.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Iterable
from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

import structlog

logger = structlog.get_logger(__name__)

INSTELLING = "openinburgering.gemeenten"
POLICY_PREFIX = "gemeente_isolatie_"
GEMEENTE_MODEL = "gemeenten.gemeente"

# Tables with a gemeente foreign key that get no policy, as "app_label.modelnaam" -> why
# (ADR 0056). Memberships and API tokens are not here: they are read before a request's
# restriction is set.
GEDEELD: dict[str, str] = {
    # Counts per month and group, no person (ADR 0068): the public council page reads them
    # (suppressed) for any gemeente, also for a visitor who is signed in elsewhere. The
    # dashboards filter on the user's gemeenten in their selector.
    "cijfers.kengetal": "geaggregeerde aantallen, openbaar via de raadsinformatie",
    "cijfers.bijwerking": "datum van de laatste berekening, openbaar via de raadsinformatie",
}

# The restriction applied to each open connection (the setting's value), so the end of the
# request knows whether to clear it and a reconnect in the middle of a request can restore it.
_beperking: weakref.WeakKeyDictionary[BaseDatabaseWrapper, str] = weakref.WeakKeyDictionary()


def _actief(connection: BaseDatabaseWrapper) -> bool:
    return connection.vendor == "postgresql"


# --- the tables ---------------------------------------------------------------------------


def gemeente_kolommen(model: type[models.Model]) -> list[models.ForeignKey]:
    """The model's own foreign keys to Gemeente (not those of a parent in multi-table
    inheritance: the parent's table has them)."""
    return [
        veld
        for veld in model._meta.local_fields
        if isinstance(veld, models.ForeignKey)
        and veld.related_model is not None
        and veld.related_model._meta.label_lower == GEMEENTE_MODEL
    ]


def tenant_modellen(app_registry: Any = global_apps) -> list[type[models.Model]]:
    """Every concrete model with a table and a direct foreign key to Gemeente, minus GEDEELD."""
    return [
        model
        for model in app_registry.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label_lower not in GEDEELD
        and gemeente_kolommen(model)
    ]


def policy_voorwaarde(model: type[models.Model], connection: BaseDatabaseWrapper) -> str:
    """The SQL condition of the model's policy."""
    quote = connection.ops.quote_name
    waarde = f"current_setting('{INSTELLING}', true)"
    # After RESET a custom setting reads '' (never set: NULL); both mean "no restriction".
    delen = [f"coalesce({waarde}, '') = ''"]
    for veld in gemeente_kolommen(model):
        soort = veld.target_field.rel_db_type(connection)
        delen.append(f"{quote(veld.column)} = ANY (string_to_array({waarde}, ',')::{soort}[])")
    return " OR ".join(delen)


def policy_naam(voorwaarde: str) -> str:
    # The name carries a hash of the condition: an unchanged policy is left alone (no lock on
    # the table at every migrate); a changed one is replaced.
    return POLICY_PREFIX + hashlib.sha256(voorwaarde.encode()).hexdigest()[:12]


def _tabellen_in_database(cursor) -> dict[str, tuple[bool, bool, list[str]]]:
    cursor.execute(
        """
        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
               coalesce(array_agg(p.polname) FILTER (WHERE p.polname IS NOT NULL), '{}')
        FROM pg_class c
        LEFT JOIN pg_policy p ON p.polrelid = c.oid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
        """
    )
    return {naam: (rls, force, list(policies)) for naam, rls, force, policies in cursor.fetchall()}


def policies_bijwerken(*, using: str = DEFAULT_DB_ALIAS, app_registry: Any = global_apps) -> int:
    """Give every tenant table its policy, ENABLE and FORCE row-level security, and take our
    policy off tables that no longer have a gemeente; idempotent. Returns the tables changed.

    FORCE because the application connects as the owner of its tables, and RLS does not apply
    to the owner otherwise.
    """
    connection = connections[using]
    if not _actief(connection):
        return 0
    quote = connection.ops.quote_name
    gewenst = {}
    for model in tenant_modellen(app_registry):
        voorwaarde = policy_voorwaarde(model, connection)
        gewenst[model._meta.db_table] = (policy_naam(voorwaarde), voorwaarde)
    gewijzigd = 0
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for tabel, (rls, force, policies) in _tabellen_in_database(cursor).items():
            eigen = [p for p in policies if p.startswith(POLICY_PREFIX)]
            if tabel in gewenst:
                naam, voorwaarde = gewenst[tabel]
                if rls and force and eigen == [naam]:
                    continue
                for oud in eigen:
                    cursor.execute(f"DROP POLICY {quote(oud)} ON {quote(tabel)}")
                cursor.execute(
                    f"CREATE POLICY {quote(naam)} ON {quote(tabel)} USING ({voorwaarde})"
                )
                cursor.execute(f"ALTER TABLE {quote(tabel)} ENABLE ROW LEVEL SECURITY")
                cursor.execute(f"ALTER TABLE {quote(tabel)} FORCE ROW LEVEL SECURITY")
                gewijzigd += 1
            elif eigen:
                # The model lost its gemeente (or became shared): without a policy a forced
                # table would show nothing at all, so RLS goes off unless someone else's policy
                # remains.
                for oud in eigen:
                    cursor.execute(f"DROP POLICY {quote(oud)} ON {quote(tabel)}")
                if len(eigen) == len(policies):
                    cursor.execute(f"ALTER TABLE {quote(tabel)} NO FORCE ROW LEVEL SECURITY")
                    cursor.execute(f"ALTER TABLE {quote(tabel)} DISABLE ROW LEVEL SECURITY")
                gewijzigd += 1
        cursor.execute("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
        omzeild = bool(cursor.fetchone()[0])
    logger.info("rijbeveiliging_bijgewerkt", tabellen=len(gewenst), gewijzigd=gewijzigd)
    if omzeild:
        # A superuser (or BYPASSRLS) never meets a policy, FORCE or not.
        logger.warning("rijbeveiliging_omzeild_door_databaserol")
    return gewijzigd


def na_migratie(sender, *, using: str = DEFAULT_DB_ALIAS, apps: Any = global_apps, **kwargs):
    """``post_migrate`` receiver. The signal is sent once per app with models, after the whole
    plan has run; we act once, for the app that holds Gemeente (core has no models, so it is
    never a sender). ``flush`` sends it too, without a plan: it empties tables and keeps
    their policies, so there is nothing to do."""
    if sender.label == GEMEENTE_MODEL.split(".")[0] and "plan" in kwargs:
        policies_bijwerken(using=using, app_registry=apps)


# --- the setting, per request -------------------------------------------------------------


def _zet(connection: BaseDatabaseWrapper, waarde: str) -> None:
    # On the driver's cursor, as Django sets the time zone of a new connection: infrastructure,
    # not a query of the page (query counts in tests stay as they are).
    connection.ensure_connection()
    with connection.wrap_database_errors, connection.connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [INSTELLING, waarde])


def beperk_tot(gemeente_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> None:
    """From now on this connection sees only rows of these gemeenten, until :func:`opheffen`.

    With no ids at all nothing is restricted (unset means "no restriction"); callers restrict
    only when they know the tenant.
    """
    connection = connections[using]
    if not _actief(connection):
        return
    waarde = ",".join(str(int(i)) for i in sorted(set(gemeente_ids)))
    if not waarde:
        return
    _zet(connection, waarde)
    _beperking[connection] = waarde


def opheffen(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Clear the restriction of this connection, if any (the connection is reused)."""
    connection = connections[using]
    if _beperking.pop(connection, None) is None or connection.connection is None:
        return
    try:
        with connection.wrap_database_errors, connection.connection.cursor() as cursor:
            cursor.execute(f"RESET {INSTELLING}")
    except DatabaseError:
        # A connection that cannot clear its setting must not serve anyone else.
        logger.warning("rijbeveiliging_opheffen_mislukt")
        if not connection.in_atomic_block:
            connection.close()
        else:
            raise


def bij_nieuwe_verbinding(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    """``connection_created``: a reconnect in the middle of a request keeps its restriction."""
    waarde = _beperking.get(connection)
    if waarde and _actief(connection):
        _zet(connection, waarde)


class RijbeveiligingMiddleware:
    """Restrict the database to the logged-in user's gemeenten for the length of the request.

    After ``ActieveGemeenteMiddleware``, which puts ``request.lidmaatschappen`` on the request.
    A user with no membership (a school's staff, or nobody yet) is not restricted here: their
    views filter on their own organisation. API requests are restricted by the token
    authentication, once the token is known.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lidmaatschappen = getattr(request, "lidmaatschappen", None) or []
        try:
            if lidmaatschappen:
                beperk_tot(lm.gemeente_id for lm in lidmaatschappen)
            return self.get_response(request)
        finally:
            opheffen()
