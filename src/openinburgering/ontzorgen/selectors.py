"""Reads for ontzorgen; the tenant filter applied here once."""

from django.http import Http404

from openinburgering.accounts.context import Actor

from .models import Betaalrun, Betaling, Bijstandimport, Ontzorgbesluit


def _get(qs, **kwargs):
    try:
        return qs.get(**kwargs)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        # Another gemeente's object is indistinguishable from one that does not exist.
        raise Http404 from None


def besluit_get(*, actor: Actor, uuid) -> Ontzorgbesluit:
    return _get(
        Ontzorgbesluit.objects.filter(gemeente=actor.gemeente).select_related(
            "dossier__inburgeraar", "bijstandsperiode"
        ),
        uuid=uuid,
    )


def import_get(*, actor: Actor, uuid) -> Bijstandimport:
    return _get(Bijstandimport.objects.filter(gemeente=actor.gemeente), uuid=uuid)


def run_get(*, actor: Actor, uuid) -> Betaalrun:
    return _get(Betaalrun.objects.filter(gemeente=actor.gemeente), uuid=uuid)


def runs(*, actor: Actor):
    return Betaalrun.objects.filter(gemeente=actor.gemeente).select_related(
        "gemaakt_door", "goedgekeurd_door"
    )


def betalingen(*, run: Betaalrun):
    """The run's lines with everything a row shows: a fixed number of queries."""
    return run.betalingen.select_related("vaste_last", "dossier__inburgeraar").order_by("id")


def betaling_get(*, actor: Actor, uuid) -> Betaling:
    return _get(
        Betaling.objects.filter(gemeente=actor.gemeente).select_related("dossier__inburgeraar"),
        uuid=uuid,
    )
