"""Sign-in with username and password (Django's ``ModelBackend``), with the signed-in user read
per request in one plain statement (ADR 0061).

``ModelBackend.get_user`` runs ``User.objects.get(pk=...)`` on every request: the ORM's work to
build and compile it cost five times the query. The row is the same, read by primary key, and
whether the user may still sign in is checked as Django does.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from openinburgering.core.lezen import een


class WachtwoordBackend(ModelBackend):
    def get_user(self, user_id):
        user = een(get_user_model(), pk=user_id)
        if user is None:
            return None
        return user if self.user_can_authenticate(user) else None
