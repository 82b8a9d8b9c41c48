"""Reads for beschikkingen and bezwaren. The tenant filter is applied here, once."""

from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from openinburgering.accounts.context import Actor

from .models import Beschikking, Bezwaar


def _beschikkingen(actor: Actor) -> QuerySet[Beschikking]:
    return Beschikking.objects.filter(gemeente=actor.gemeente)


def beschikking_get(*, actor: Actor, uuid: UUID | str) -> Beschikking:
    try:
        return (
            _beschikkingen(actor)
            .select_related("dossier__inburgeraar", "gemeente")
            .prefetch_related(
                Prefetch("bezwaren", queryset=Bezwaar.objects.order_by("ontvangen_op", "id"))
            )
            .get(uuid=uuid)
        )
    except (Beschikking.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def beschikking_list(*, actor: Actor, dossier) -> list[Beschikking]:
    """The decisions about one person, newest first, each with its bezwaren."""
    return list(
        _beschikkingen(actor)
        .filter(dossier=dossier)
        .prefetch_related("bezwaren")
        .order_by("-datum", "-id")
    )


def bezwaar_get(*, actor: Actor, uuid: UUID | str) -> Bezwaar:
    try:
        return Bezwaar.objects.select_related(
            "beschikking__dossier__inburgeraar", "beschikking__gemeente"
        ).get(beschikking__in=_beschikkingen(actor), uuid=uuid)
    except (Bezwaar.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
