from django.db.models import Prefetch
from django.http import Http404

from openinburgering.accounts.context import Actor

from .models import Handhavingsstap, Handhavingszaak


def zaak_list(*, actor: Actor, dossier):
    return list(
        Handhavingszaak.objects.filter(gemeente=actor.gemeente, dossier=dossier).prefetch_related(
            Prefetch(
                "stappen",
                queryset=Handhavingsstap.objects.select_related("beschikking").order_by(
                    "datum", "id"
                ),
            )
        )
    )


def zaak_get(*, actor: Actor, uuid) -> Handhavingszaak:
    try:
        return (
            Handhavingszaak.objects.filter(gemeente=actor.gemeente)
            .select_related("dossier__inburgeraar", "gemeente")
            .prefetch_related(
                Prefetch(
                    "stappen",
                    queryset=Handhavingsstap.objects.select_related("beschikking").order_by(
                        "datum", "id"
                    ),
                )
            )
            .get(uuid=uuid)
        )
    except (Handhavingszaak.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def stap_get(*, actor: Actor, uuid) -> Handhavingsstap:
    try:
        return Handhavingsstap.objects.select_related("zaak__dossier__inburgeraar").get(
            zaak__gemeente=actor.gemeente, uuid=uuid
        )
    except (Handhavingsstap.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def zaak_api_list(*, actor: Actor, dossier=None, status: str = ""):
    """The gemeente's cases (or one person's) for the API's cursor pages (ADR 0076), with their
    steps in one more query."""
    qs = (
        Handhavingszaak.objects.filter(gemeente=actor.gemeente)
        .select_related("dossier__inburgeraar")
        .prefetch_related(
            Prefetch(
                "stappen",
                queryset=Handhavingsstap.objects.select_related("beschikking").order_by(
                    "datum", "id"
                ),
            )
        )
    )
    if dossier is not None:
        qs = qs.filter(dossier=dossier)
    if status:
        qs = qs.filter(status=status)
    return qs
