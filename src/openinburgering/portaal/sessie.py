"""The newcomer's portal session: who signed in with DigiD, when, and at which level.

Not a Django login: a newcomer is no user of this system (no row in the staff user table, no
roles). The session holds the person's id, never the BSN, and ends on the same rules as a staff
session: after ``SESSION_COOKIE_AGE`` idle seconds and ``SESSION_ABSOLUTE_TIMEOUT`` in all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

SLEUTEL = "portaal"
#: The last activity is written at most this often, as for staff (ADR 0061).
ACTIVITEIT_SCHRIJVEN_NA = timedelta(seconds=60)


@dataclass(frozen=True)
class Aangemeld:
    inburgeraar_id: int
    niveau: str


def aanmelden(request, *, inburgeraar_id: int, niveau: str) -> None:
    # A new session key: an id planted before the login is worth nothing after it.
    request.session.cycle_key()
    nu = timezone.now().isoformat()
    request.session[SLEUTEL] = {
        "inburgeraar": inburgeraar_id,
        "niveau": niveau,
        "login": nu,
        "laatst": nu,
    }


def afmelden(request) -> None:
    request.session.pop(SLEUTEL, None)
    request.session.cycle_key()


def huidige(request) -> tuple[str, Aangemeld | None]:
    """("ok", who), ("verlopen", None) after a timeout (the session is cleared), or ("geen",
    None) when nobody signed in."""
    gegevens = request.session.get(SLEUTEL)
    if not gegevens:
        return "geen", None
    nu = timezone.now()
    login = datetime.fromisoformat(gegevens["login"])
    laatst = datetime.fromisoformat(gegevens["laatst"])
    if nu - login > settings.SESSION_ABSOLUTE_TIMEOUT or nu - laatst > timedelta(
        seconds=settings.SESSION_COOKIE_AGE
    ):
        request.session.pop(SLEUTEL, None)
        return "verlopen", None
    if nu - laatst >= ACTIVITEIT_SCHRIJVEN_NA:
        request.session[SLEUTEL] = {**gegevens, "laatst": nu.isoformat()}
    return "ok", Aangemeld(gegevens["inburgeraar"], gegevens["niveau"])
