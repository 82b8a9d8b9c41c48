"""What the decision page links to, per kind of decision, registered by the app that decides.

The PIP app and the handhaving app each register how to find, for one of their beschikkingen,
the page it belongs to and its letter; this app knows neither of them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verwijzing:
    #: Link text back to where the decision was made ("Naar het PIP").
    label: str
    url: str
    #: The letter (PDF), when there is one.
    brief_url: str | None = None


_REGISTER: dict[str, Callable[[object], Verwijzing | None]] = {}


def registreer(soort: str, verwijzing: Callable[[object], Verwijzing | None]) -> None:
    _REGISTER[soort] = verwijzing


def verwijzing(beschikking) -> Verwijzing | None:
    functie = _REGISTER.get(beschikking.soort)
    return functie(beschikking) if functie else None
