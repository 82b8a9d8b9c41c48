"""Sign-in with username and password (Django's ``ModelBackend``), with the signed-in user read
per request in one plain statement (ADR 0061).

``ModelBackend.get_user`` runs ``User.objects.get(pk=...)`` on every request: the ORM's work to
build and compile it cost five times the query. The row is the same, read by primary key, and
whether the user may still sign in is checked as Django does.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router


@cache
def _kolommen(model) -> tuple[str, ...]:
    return tuple(veld.attname for veld in model._meta.concrete_fields)


class WachtwoordBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        alias = router.db_for_read(model)
        verbinding = connections[alias]
        qn = verbinding.ops.quote_name
        velden = _kolommen(model)
        with verbinding.cursor() as cursor:
            cursor.execute(
                f"SELECT {', '.join(qn(model._meta.get_field(v).column) for v in velden)} "  # noqa: S608 - names from the model, the value is a parameter
                f"FROM {qn(model._meta.db_table)} WHERE {qn(model._meta.pk.column)} = %s",
                [user_id],
            )
            rij = cursor.fetchone()
        if rij is None:
            return None
        user = model.from_db(alias, velden, rij)
        return user if self.user_can_authenticate(user) else None
