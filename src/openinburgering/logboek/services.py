from collections.abc import Iterable

from django.utils import timezone

from openinburgering.accounts.context import Actor

from .models import Resultaat, Verwerking


def verwerkingen_vastleggen(
    *, actor: Actor, activiteit: str, pseudoniemen: Iterable[str], resultaat: str = Resultaat.OK
) -> None:
    """Write one record per person, in the caller's transaction, in one query."""
    nu = timezone.now()
    Verwerking.objects.bulk_create(
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
    )
