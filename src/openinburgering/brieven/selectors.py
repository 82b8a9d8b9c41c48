"""Reads of letters' kenmerken. The tenant filter is applied here, once."""

import re

from django.db.models import Q

from openinburgering.accounts.context import Actor

from .models import Briefkenmerk

#: The kenmerk of a letter: gemeentecode-year-sequence.
KENMERK = re.compile(r"[0-9]{4}-[0-9]{4}-[0-9]{6}")


def kenmerk_treffers(actor: Actor, zoekterm: str) -> Q | None:
    """For the caseload search (``inburgeraars.zoeken``): someone calls with the kenmerk of a
    letter, so match the person whose dossier it went to; ``None`` if the term is no kenmerk."""
    if not KENMERK.fullmatch(zoekterm):
        return None
    return Q(
        dossier__in=Briefkenmerk.objects.filter(gemeente=actor.gemeente, kenmerk=zoekterm).values(
            "dossier"
        )
    )
