"""Every read of inburgeraars and dossiers. The tenant filter is applied here, once."""

import re

from django.db.models import Q
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools

from .models import Gebeurtenis, Inburgeraar

#: The kenmerk of a letter (brieven): gemeentecode-year-sequence.
KENMERK = re.compile(r"\d{4}-\d{4}-\d{6}")


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
        if KENMERK.fullmatch(zoekterm):
            # Someone calls with the kenmerk of a letter: find the dossier it went to.
            from openinburgering.brieven.models import Briefkenmerk

            treffers |= Q(
                dossier__in=Briefkenmerk.objects.filter(
                    gemeente=actor.gemeente, kenmerk=zoekterm
                ).values("dossier")
            )
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
