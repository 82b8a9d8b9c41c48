"""Every read of inburgeraars and dossiers. The tenant filter is applied here, once."""

from django.db.models import Q
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools

from . import zoeken
from .models import Gebeurtenis, Inburgeraar


def _van_gemeente(actor: Actor):
    return Inburgeraar.objects.filter(gemeente=actor.gemeente)


def inburgeraar_list(*, actor: Actor, zoekterm: str = "", status: str = "", doelgroep: str = ""):
    qs = _van_gemeente(actor).select_related("dossier", "dossier__klantregisseur")
    zoekterm = zoekterm.strip()
    if zoekterm:
        treffers = (
            Q(achternaam__icontains=zoekterm)
            | Q(voornamen__icontains=zoekterm)
            | Q(vnummer__iexact=zoekterm)
        )
        # Other apps' matches (a letter's kenmerk, from brieven), registered in ``zoeken``.
        if (extra := zoeken.extra_treffers(actor, zoekterm)) is not None:
            treffers |= extra
        qs = qs.filter(treffers)
    if status:
        qs = qs.filter(dossier__status=status)
    if doelgroep:
        qs = qs.filter(doelgroep=doelgroep)
    return qs


def inburgeraar_zoek_bsn(*, actor: Actor, bsn: str):
    return inburgeraar_list(actor=actor).filter(bsn_hash=bsn_tools.zoekhash(bsn))


def inburgeraar_get(*, actor: Actor, uuid) -> Inburgeraar:
    try:
        return (
            _van_gemeente(actor).select_related("dossier", "dossier__klantregisseur").get(uuid=uuid)
        )
    except (Inburgeraar.DoesNotExist, ValueError, TypeError):
        # Another gemeente's person is indistinguishable from one that does not exist.
        raise Http404 from None


def gebeurtenis_list(*, dossier, limiet: int = 200):
    return Gebeurtenis.objects.filter(dossier=dossier).select_related("actor")[:limiet]
