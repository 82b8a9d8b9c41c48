"""More ways to find a person on the caseload, registered by the app that knows them (ADR 0051).

The caseload search matches names and the V-nummer itself. Another app may add a match for
what it owns (``brieven``: the kenmerk of a letter someone calls about) without inburgeraars
importing it: a function of the actor and the search term that returns a filter on
``Inburgeraar``, or ``None`` when the term is not its kind.
"""

from collections.abc import Callable

from django.db.models import Q

from openinburgering.accounts.context import Actor

Zoeker = Callable[[Actor, str], Q | None]

_ZOEKERS: dict[str, Zoeker] = {}


def zoeker_registreren(naam: str, zoeker: Zoeker) -> None:
    """Register (or replace, by name) a match. Call from the owning app's ``ready``."""
    _ZOEKERS[naam] = zoeker


def extra_treffers(actor: Actor, zoekterm: str) -> Q | None:
    """The registered matches for this term, or-ed together; ``None`` when none applies."""
    treffers = None
    for zoeker in _ZOEKERS.values():
        q = zoeker(actor, zoekterm)
        if q is not None:
            treffers = q if treffers is None else treffers | q
    return treffers
