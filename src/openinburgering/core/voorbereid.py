"""A cursor whose statements PostgreSQL plans once per connection (ADR 0061).

Django's PostgreSQL cursors bind their parameters in the client: the server parses and plans
every statement anew. For the caseload's rows that planning cost more than running the query
(0.5 against 0.4 ms, on every page). Django turns psycopg's automatic preparing off; this
cursor binds on the server and prepares each statement it runs, which psycopg keeps per
connection (the last hundred), so the server plans it once. Only for the few statements every
request runs, written once per shape: the caseload's rows, the session, the user or token,
the processing log's insert.

Off with ``DB_PREPARED_STATEMENTS=false``, for a connection pooler in transaction mode that
cannot keep a prepared statement with its connection (PgBouncer before 1.21 or without
``max_prepared_statements``). Elsewhere than on PostgreSQL this is Django's own cursor.
"""

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper


def _cursorklasse():
    import psycopg

    class VoorbereidCursor(psycopg.Cursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return VoorbereidCursor


_klasse = None
#: psycopg's own default; any number lets an explicit prepare through (ours prepare at once).
PREPARE_THRESHOLD = 5


def cursor(verbinding: BaseDatabaseWrapper):
    """A cursor on ``verbinding`` that goes through Django's wrappers (query logging, execute
    wrappers, error translation) and, on PostgreSQL, binds on the server."""
    if verbinding.vendor != "postgresql" or not settings.DB_PREPARED_STATEMENTS:
        return verbinding.cursor()
    global _klasse  # noqa: PLW0603 - made on first use: psycopg is only there with PostgreSQL
    if _klasse is None:
        _klasse = _cursorklasse()
    # As BaseDatabaseWrapper._cursor, with psycopg's server-binding cursor in place of the
    # backend's client-binding one.
    verbinding.close_if_health_check_failed()
    verbinding.ensure_connection()
    verbinding.validate_thread_sharing()
    with verbinding.wrap_database_errors:
        psycopg_verbinding = verbinding.connection
        # Django sets it to None, which makes psycopg refuse even an explicit prepare. The
        # backend's own client-binding cursors never prepare, whatever its value.
        if psycopg_verbinding.prepare_threshold is None:
            psycopg_verbinding.prepare_threshold = PREPARE_THRESHOLD
        ruw = _klasse(psycopg_verbinding)
    if verbinding.queries_logged:
        return verbinding.make_debug_cursor(ruw)
    return verbinding.make_cursor(ruw)
