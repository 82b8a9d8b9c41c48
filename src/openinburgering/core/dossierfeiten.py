"""A domain app says "this dossier's facts changed"; whoever derives work from them listens.

The deadline engine (``signalen``) reads the facts of intake, PIP and the rest; those apps must
not import it back (ADR 0051). So the hook lives here, in the foundation: the app that changed a
fact calls :func:`gewijzigd` inside its transaction, and ``signalen`` registers, from its
``AppConfig.ready``, what to do about it (recompute the dossier once the change is committed).
"""

from collections.abc import Callable
from typing import Any

_luisteraars: dict[str, Callable[[int], None]] = {}


def luisteraar_registreren(naam: str, luisteraar: Callable[[int], None]) -> None:
    """Register (or replace, by name) what happens when a dossier's facts change. The
    luisteraar gets the dossier's id and runs inside the caller's transaction."""
    _luisteraars[naam] = luisteraar


def gewijzigd(dossier: Any) -> None:
    """Call from a service that changed a dossier's facts (a ``Dossier`` or its id)."""
    dossier_id = dossier.pk if hasattr(dossier, "pk") else dossier
    for luisteraar in _luisteraars.values():
        luisteraar(dossier_id)
