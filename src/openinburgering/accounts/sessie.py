"""The database session store, read with one plain statement (ADR 0061).

Django's store reads the session through the ORM (``Session.objects.get``): building and
compiling that query cost five times the query itself, on every request of a signed-in user.
Same table, same columns, same expiry condition; writing stays Django's.
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

from openinburgering.core import voorbereid


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        verbinding = connections[router.db_for_read(model)]
        qn = verbinding.ops.quote_name
        tabel = qn(model._meta.db_table)
        with voorbereid.cursor(verbinding) as cursor:
            cursor.execute(
                f"SELECT {qn('session_data')}, {qn('expire_date')} FROM {tabel} "  # noqa: S608 - names from the model, values are parameters
                f"WHERE {qn('session_key')} = %s AND {qn('expire_date')} > %s",
                [self.session_key, timezone.now()],
            )
            rij = cursor.fetchone()
        if rij is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=rij[0], expire_date=rij[1])
