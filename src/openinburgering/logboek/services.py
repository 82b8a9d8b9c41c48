import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.utils import timezone

from openinburgering.accounts.context import Actor

from .models import Resultaat, Verwerking

_uitgesteld = threading.local()


def verwerkingen_vastleggen(
    *, actor: Actor, activiteit: str, pseudoniemen: Iterable[str], resultaat: str = Resultaat.OK
) -> None:
    """Write one record per person, in the caller's transaction, in one query.

    Inside :func:`verwerkingen_uitstellen` the records are collected instead; the caller of that
    block writes them.
    """
    nu = timezone.now()
    regels = [
        Verwerking(
            tijdstip=nu,
            gemeente=actor.gemeente,
            gebruiker=actor.user,
            actor=actor.label,
            actor_soort=actor.soort,
            betrokkene=pseudoniem,
            activiteit=activiteit,
            resultaat=resultaat,
        )
        for pseudoniem in dict.fromkeys(pseudoniemen)
    ]
    verzameld = getattr(_uitgesteld, "regels", None)
    if verzameld is not None:
        verzameld.extend(regels)
        return
    Verwerking.objects.bulk_create(regels)


@contextmanager
def verwerkingen_uitstellen() -> Iterator[list[Verwerking]]:
    """Collect the records this block asks for, for set-based processing of many people.

    Yields the list; the caller writes it with :func:`verwerkingen_opslaan` in the transaction
    that holds the processing itself, so a rolled-back batch leaves no records behind.
    """
    vorige = getattr(_uitgesteld, "regels", None)
    _uitgesteld.regels = []
    try:
        yield _uitgesteld.regels
    finally:
        _uitgesteld.regels = vorige


def verwerkingen_opslaan(regels: list[Verwerking]) -> None:
    """Write collected records (see :func:`verwerkingen_uitstellen`) in one query."""
    Verwerking.objects.bulk_create(regels)
