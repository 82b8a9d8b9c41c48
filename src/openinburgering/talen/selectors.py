"""Reads of the portal language."""

from __future__ import annotations

from openinburgering.inburgeraars.models import Inburgeraar

from .models import Taalvoorkeur


def opgeslagen_taal(*, inburgeraar: Inburgeraar) -> str | None:
    """The language the newcomer chose in the portal, or ``None`` if they never chose one."""
    return (
        Taalvoorkeur.objects.filter(inburgeraar=inburgeraar, gemeente_id=inburgeraar.gemeente_id)
        .values_list("taal", flat=True)
        .first()
    )
