"""Migration operations for a large instance (ADR 0093).

``IndexToevoegen`` is Django's ``AddIndex``, except that on PostgreSQL a table larger than
``GELIJKTIJDIG_VANAF`` gets its index with ``CREATE INDEX CONCURRENTLY``: a plain build holds a
lock that blocks every write to the table until it is done, and on a national instance the
processing log (written by every page view) or the dossiers take minutes. A concurrent build
cannot run inside a transaction, so a migration with this operation sets ``atomic = False``;
inside a transaction anyway (a test that migrates in one) it builds the plain way. A small table
is built the plain way too: that takes milliseconds, and a concurrent build waits for every
older transaction in the database first.
"""

from django.db import migrations

#: From this size (the table's bytes on disk) an index is built concurrently. A plain build of
#: a table this size takes about a second on modest hardware; below it, the lock is brief.
GELIJKTIJDIG_VANAF = 32 * 1024 * 1024


def gelijktijdig(schema_editor, model) -> bool:
    """Whether this index build runs concurrently (see the module docstring)."""
    verbinding = schema_editor.connection
    if verbinding.vendor != "postgresql" or verbinding.in_atomic_block:
        return False
    # A cursor of its own, not schema_editor.execute: ``sqlmigrate`` collects what that runs.
    with verbinding.cursor() as cursor:
        cursor.execute(
            "SELECT COALESCE(pg_relation_size(to_regclass(%s)), 0)",
            [verbinding.ops.quote_name(model._meta.db_table)],
        )
        (grootte,) = cursor.fetchone()
    return grootte >= GELIJKTIJDIG_VANAF


class IndexToevoegen(migrations.AddIndex):
    """``AddIndex`` that keeps a large table writable while it builds (PostgreSQL)."""

    def describe(self) -> str:
        return super().describe() + " (concurrently on a large table)"

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        model = to_state.apps.get_model(app_label, self.model_name)
        self._uitvoeren(schema_editor, model, schema_editor.add_index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        model = from_state.apps.get_model(app_label, self.model_name)
        self._uitvoeren(schema_editor, model, schema_editor.remove_index)

    def _uitvoeren(self, schema_editor, model, actie) -> None:
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if gelijktijdig(schema_editor, model):
            actie(model, self.index, concurrently=True)
        else:
            # Only PostgreSQL's schema editor knows ``concurrently``.
            actie(model, self.index)
