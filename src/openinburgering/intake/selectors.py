"""Reads for the brede intake; the tenant filter (the actor's gemeente) is applied here."""

from django.http import Http404

from openinburgering.accounts.context import Actor

from .models import BredeIntake, Handhavingsstap, Intakegesprek


def stap_get(*, actor: Actor, uuid) -> Handhavingsstap:
    """A step of the actor's gemeente; any other is a 404."""
    try:
        return Handhavingsstap.objects.select_related(
            "intake__dossier__inburgeraar", "intake__gemeente"
        ).get(intake__gemeente=actor.gemeente, uuid=uuid)
    except (Handhavingsstap.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def intake_zaken(*, actor: Actor, dossier) -> list:
    """The art. 22 handhaving zaken of this person (the fines for not cooperating)."""
    from openinburgering.handhaving.models import Handhavingszaak
    from openinburgering.regels.handhaving import ARTIKEL_22

    return list(
        Handhavingszaak.objects.filter(
            gemeente=actor.gemeente, dossier=dossier, artikel=ARTIKEL_22
        ).order_by("aangemaakt_op", "id")
    )


def intake_van_dossier(*, actor: Actor, dossier) -> BredeIntake:
    """The brede intake of a dossier of the actor's gemeente; none (yet) is a 404."""
    try:
        return BredeIntake.objects.select_related("dossier__inburgeraar").get(
            gemeente=actor.gemeente, dossier=dossier
        )
    except BredeIntake.DoesNotExist:
        raise Http404 from None


def intakegesprekken(*, actor: Actor, intake: BredeIntake):
    """The meetings of one intake, for a keyset page."""
    return Intakegesprek.objects.filter(intake=intake, intake__gemeente=actor.gemeente)
