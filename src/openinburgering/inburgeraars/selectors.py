"""Every read of inburgeraars and dossiers. The tenant filter is applied here, once."""

from typing import Any

from django.db.models import Count, F, Q
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.core.lezen import een
from openinburgering.core.pagination import Pagina, Sleutels, keyset_pagina, keyset_rijen

from . import zoeken
from .models import Dossier, Gebeurtenis, Inburgeraar


def _van_gemeente(actor: Actor, *, ook_dossier: bool = False):
    """The tenant filter, applied here once; ``ook_dossier`` puts it on the joined dossier too.

    The tenants are the active gemeente, or a regional team's gemeenten (``Actor.regio``).

    On the dossier side it is what lets PostgreSQL read the caseload filtered on status as one
    range of the ``(gemeente, status, inburgeraar)`` index, whatever ids the tenant's rows have
    (ADR 0057). A dossier always belongs to its person's gemeente (``services``).
    """
    tenants = actor.tenants
    if len(tenants) > 1:
        qs = Inburgeraar.objects.filter(gemeente__in=tenants)
        return qs.filter(dossier__gemeente__in=tenants) if ook_dossier else qs
    qs = Inburgeraar.objects.filter(gemeente=tenants[0])
    return qs.filter(dossier__gemeente=tenants[0]) if ook_dossier else qs


def lijst_ook_begrenzen(*, status: str = "") -> tuple[str, ...]:
    """The columns a caseload cursor bounds besides the primary key (``keyset_pagina(ook=)``).

    Filtered on status the list joins the dossier, and the cursor must bound that side of the
    join too; unfiltered, the dossier is read per row by its unique key and needs no bound.
    """
    return ("dossier__inburgeraar",) if status else ()


def lijst_sleutels(
    *, actor: Actor, zoekterm: str = "", status: str = "", doelgroep: str = ""
) -> Sleutels | None:
    """Where a caseload page's keys come from: one range of one composite index (ADR 0057).

    The tenant's dossiers with the status (index ``gemeente, status, inburgeraar``), or the
    tenant's persons, of one doelgroep or all (``gemeente, doelgroep, id`` / ``gemeente, id``).
    The tenant is the index's first column, a filter ``core.pagination`` writes so that only
    that index can serve it (see ``Sleutels``). ``None`` when the filters span both tables or
    search names: then the page is the bounded join itself.
    """
    if zoekterm.strip() or (status and doelgroep):
        return None
    # A regional team's combined list: one range per gemeente (core.pagination).
    ids = tuple(g.pk for g in actor.tenants)
    tenant = ("gemeente_id", ids if len(ids) > 1 else ids[0])
    if status:
        return Sleutels(Dossier.objects.all(), "inburgeraar_id", index=(tenant, ("status", status)))
    if doelgroep:
        return Sleutels(Inburgeraar.objects.all(), "id", index=(tenant, ("doelgroep", doelgroep)))
    return Sleutels(Inburgeraar.objects.all(), "id", index=(tenant,))


def inburgeraar_list(*, actor: Actor, zoekterm: str = "", status: str = "", doelgroep: str = ""):
    qs = _van_gemeente(actor, ook_dossier=bool(status)).select_related(
        "dossier", "dossier__klantregisseur"
    )
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


def inburgeraar_pagina_query(
    *, actor: Actor, zoekterm: str = "", status: str = "", doelgroep: str = ""
) -> tuple:
    """What ``keyset_pagina`` pages through for these filters: ``(rows, sleutels, ook)``.

    With page keys from one index range (:func:`lijst_sleutels`) the rows are fetched by primary
    key and carry no filter of their own: a second copy of the tenant, status or cursor filter
    would let the planner read all of the tenant's rows to join 26 keys, and with the tenant's
    rows at the oldest ids it underestimates how many that are.
    """
    filters = {"zoekterm": zoekterm, "status": status, "doelgroep": doelgroep}
    sleutels = lijst_sleutels(actor=actor, **filters)
    if sleutels is not None:
        # The keys carry the tenant filter (one range of its index); the rows are fetched by
        # primary key among those keys only.
        rijen = Inburgeraar.objects.select_related("dossier", "dossier__klantregisseur")
        return rijen, sleutels, ()
    return inburgeraar_list(actor=actor, **filters), None, lijst_ook_begrenzen(status=status)


def inburgeraar_pagina(
    *,
    actor: Actor,
    na: str | None = None,
    voor: str | None = None,
    grootte: int = 25,
    zoekterm: str = "",
    status: str = "",
    doelgroep: str = "",
    velden: tuple[str, ...] = (),
) -> Pagina:
    """One page of the caseload, newest first: one query, whatever the depth (ADR 0057).

    With ``velden`` the page's items are rows of those values (``core.pagination.keyset_rijen``)
    instead of persons: a person has thirty columns and three model instances per row, a list
    row needs ten values (ADR 0061).
    """
    rijen, sleutels, ook = inburgeraar_pagina_query(
        actor=actor, zoekterm=zoekterm, status=status, doelgroep=doelgroep
    )
    if velden:
        return keyset_rijen(
            rijen, velden=velden, na=na, voor=voor, grootte=grootte, ook=ook, sleutels=sleutels
        )
    return keyset_pagina(rijen, na=na, voor=voor, grootte=grootte, ook=ook, sleutels=sleutels)


def inburgeraar_zoek_bsn(*, actor: Actor, bsn: str):
    return inburgeraar_list(actor=actor).filter(bsn_hash=bsn_tools.zoekhash(bsn))


def bsn_treffers(*, actor: Actor, bsn: str) -> list[tuple[Any, str]]:
    """The uuid and pseudonym of whoever has this BSN in the actor's gemeenten: what a search
    on the screen needs to go to the dossier and log the read, and nothing more."""
    if len(actor.tenants) == 1:
        # One row by the (gemeente, BSN hash) unique key, with a statement compiled and
        # planned once (core.lezen); the tenant filter is that key.
        persoon = een(
            Inburgeraar, gemeente_id=actor.tenants[0].pk, bsn_hash=bsn_tools.zoekhash(bsn)
        )
        return [] if persoon is None else [(persoon.uuid, persoon.pseudoniem)]
    return list(inburgeraar_zoek_bsn(actor=actor, bsn=bsn).values_list("uuid", "pseudoniem"))


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


def gebeurtenissen(*, actor: Actor, dossier):
    """The timeline of one dossier of the actor's gemeente, for a keyset page (the API)."""
    return Gebeurtenis.objects.filter(dossier=dossier, dossier__gemeente=actor.gemeente)


def dossier_tellingen(*, actor: Actor) -> list[dict[str, Any]]:
    """How many dossiers of the actor's gemeente per status and doelgroep: counts only, no
    person (the API's ``statistiek`` scope, for a data warehouse). One grouped query."""
    return [
        dict(rij)
        for rij in Dossier.objects.filter(gemeente=actor.gemeente)
        .values("status", "eindreden", doelgroep=F("inburgeraar__doelgroep"))
        .annotate(aantal=Count("id"))
        .order_by("status", "doelgroep", "eindreden")
    ]
