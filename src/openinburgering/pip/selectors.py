"""Reads for the PIP and progress talks. The tenant filter is applied here, once; bezwaren are
read through ``besluiten``."""

from django.http import Http404
from django.utils.translation import gettext as _

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.workflow import Status, Weigering

from .models import GesprekStatus, PipStatus, PipVersie, Voortgangsgesprek


def _get(qs, uuid):
    try:
        return qs.get(uuid=uuid)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def pip_get(*, actor: Actor, uuid) -> PipVersie:
    return _get(
        PipVersie.objects.filter(gemeente=actor.gemeente).select_related(
            "dossier__inburgeraar", "dossier__gemeente", "dossier__klantregisseur", "beschikking"
        ),
        uuid,
    )


def pip_list(*, dossier):
    return list(
        PipVersie.objects.filter(dossier=dossier)
        .select_related("vastgesteld_door", "beschikking")
        .prefetch_related("beschikking__bezwaren")
        .order_by("-volgnummer")
    )


def pip_versies(*, actor: Actor, dossier):
    """Every PIP version of one dossier in the actor's gemeente, for a keyset page (newest
    first by id: the latest version first)."""
    return PipVersie.objects.filter(gemeente=actor.gemeente, dossier=dossier).select_related(
        "dossier__inburgeraar", "beschikking"
    )


def pip_bezwaren(*, actor: Actor, pip: PipVersie):
    """The bezwaren against this version's beschikking (none for a concept)."""
    from openinburgering.besluiten.models import Bezwaar

    return Bezwaar.objects.filter(
        gemeente=actor.gemeente, beschikking__pip_versie=pip, beschikking__isnull=False
    )


def gesprek_get(*, actor: Actor, uuid) -> Voortgangsgesprek:
    return _get(
        Voortgangsgesprek.objects.filter(gemeente=actor.gemeente).select_related(
            "dossier__inburgeraar", "pip_versie", "medewerker"
        ),
        uuid,
    )


def gesprek_list(*, dossier):
    return list(
        Voortgangsgesprek.objects.filter(dossier=dossier)
        .select_related("medewerker")
        .order_by("-gepland_op", "-id")
    )


def agenda(*, actor: Actor, vanaf, alleen_eigen: bool = True):
    """Planned progress talks in the gemeente (of the actor, by default), earliest first."""
    qs = Voortgangsgesprek.objects.filter(
        gemeente=actor.gemeente, status=GesprekStatus.GEPLAND, gepland_op__gte=vanaf
    ).select_related("dossier__inburgeraar", "medewerker")
    if alleen_eigen:
        qs = qs.filter(medewerker=actor.user)
    return qs.order_by("gepland_op", "id")


def vastgesteld_pip_vereist(dossier, naar: Status) -> Weigering | None:
    """A dossier gets "PIP vastgesteld" or "in uitvoering" only with a vastgesteld PIP, or its
    status would say so while the PIP page says there is none (registered in PipConfig.ready)."""
    if PipVersie.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).exists():
        return None
    return Weigering(
        _(
            "Eerst een vastgesteld PIP: de status ‘%(naar)s’ volgt uit het vaststellen van het "
            "PIP (PIP en beschikkingen)."
        )
        % {"naar": naar.label}
    )


def gesprek_api_list(*, actor: Actor, dossier):
    """One person's progress talks for the API's cursor pages (ADR 0076)."""
    return Voortgangsgesprek.objects.filter(
        gemeente=actor.gemeente, dossier=dossier
    ).select_related("dossier__inburgeraar", "pip_versie")
