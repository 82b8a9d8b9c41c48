"""Every read of the subscriptions for views. The tenant filter is applied here, once."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from openinburgering.accounts.context import Actor

from .models import Abonnement, Bezorging, BezorgStatus


def abonnement_list(*, actor: Actor) -> QuerySet[Abonnement]:
    return (
        Abonnement.objects.filter(gemeente=actor.gemeente)
        .annotate(
            wachtend=Count("bezorgingen", filter=Q(bezorgingen__status=BezorgStatus.WACHTEND)),
            dood=Count("bezorgingen", filter=Q(bezorgingen__status=BezorgStatus.DOOD)),
        )
        .order_by("naam", "id")
    )


def abonnement_get(*, actor: Actor, uuid) -> Abonnement:
    try:
        return Abonnement.objects.get(gemeente=actor.gemeente, uuid=uuid)
    except (Abonnement.DoesNotExist, ValueError, TypeError):
        # Another gemeente's subscription is indistinguishable from one that does not exist.
        raise Http404 from None


def bezorging_list(*, abonnement: Abonnement, status: str = "") -> QuerySet[Bezorging]:
    """The delivery log of one subscription (already checked against the actor), newest first."""
    qs = Bezorging.objects.filter(abonnement=abonnement).select_related("bericht")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-id")


def bezorging_tellingen(*, abonnement: Abonnement) -> dict[str, int]:
    rijen = (
        Bezorging.objects.filter(abonnement=abonnement)
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    tellingen = {status: 0 for status in BezorgStatus.values}
    tellingen.update({r["status"]: r["n"] for r in rijen})
    return tellingen


def bezorging_get(*, actor: Actor, uuid) -> Bezorging:
    try:
        return Bezorging.objects.select_related("abonnement", "bericht").get(
            abonnement__gemeente=actor.gemeente, uuid=uuid
        )
    except (Bezorging.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
