"""Who may call an API view: a gemeente's token with the scope the view's area asks (ADR 0074).

Every API view declares ``bereik = "<area>"`` (an area of ``accounts.bereiken.GEBIEDEN``). GET,
HEAD and OPTIONS need ``<area>:lezen``, the other methods ``<area>:schrijven``; a view may name
exceptions per method in ``bereik_acties`` (``{"POST": "lezen"}`` for a search by POST). A view
without a known area is refused (fail closed), and a test walks every API route to prove none
lacks one.
"""

from django.utils.translation import gettext as _

from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from openinburgering.accounts import bereiken


def vereist_bereik(view, methode: str) -> str | None:
    """The scope ``methode`` on ``view`` needs; None if the view names no known area."""
    gebied = getattr(view, "bereik", None)
    if gebied not in bereiken.GEBIEDEN:
        return None
    return bereiken.vereist(gebied, methode, getattr(view, "bereik_acties", None))


class HeeftBereik(BasePermission):
    """A gemeente's token whose scopes include what the view's area and the method ask."""

    def has_permission(self, request, view):
        token = request.auth
        if token is None or not hasattr(token, "gemeente"):
            return False
        if not hasattr(view, request.method.lower()):
            return True  # a method the view does not have: DRF answers 405, as without scopes
        nodig = vereist_bereik(view, request.method)
        if nodig is None:
            raise PermissionDenied(
                _("Deze bewerking hoort bij geen bereik; niemand mag hem gebruiken."),
                code="bereik",
            )
        if nodig not in (token.bereiken or ()):
            raise PermissionDenied(
                _("Dit token heeft het bereik ‘%(bereik)s’ niet.") % {"bereik": nodig},
                code="bereik",
            )
        return True


class HeeftGemeenteToken(HeeftBereik):
    """The name the API views use; the scope check is part of it, so no view can skip it."""
