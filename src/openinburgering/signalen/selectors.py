"""Reads for the worklist. The tenant filter is applied here, once."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.core.werklijst import bronnen

from .models import Signaal, SignaalStatus


class Tab:
    MIJN = "mijn"
    TEAM = "team"
    NIET_TOEGEWEZEN = "niet_toegewezen"


def signaal_list(*, actor: Actor, tab: str = Tab.MIJN, soort: str = "", doelgroep: str = ""):
    """Open work items of the actor's gemeente, or of a regional team's gemeenten
    (``Actor.regio``), most urgent first (by ``sorteerdatum``, id)."""
    tenants = actor.tenants
    tenant = {"gemeente__in": tenants} if len(tenants) > 1 else {"gemeente": tenants[0]}
    qs = Signaal.objects.filter(**tenant, status=SignaalStatus.OPEN).select_related(
        "dossier__inburgeraar", "toegewezen_aan"
    )
    if tab == Tab.MIJN:
        qs = qs.filter(toegewezen_aan=actor.user)
    elif tab == Tab.NIET_TOEGEWEZEN:
        qs = qs.filter(toegewezen_aan__isnull=True)
    else:
        qs = qs.filter(toegewezen_aan__isnull=False)
    if soort:
        qs = qs.filter(soort=soort)
    if doelgroep:
        qs = qs.filter(dossier__inburgeraar__doelgroep=doelgroep)
    return qs


def signaal_list_voor_ids(*, actor: Actor, uuids):
    return list(
        Signaal.objects.filter(
            gemeente=actor.gemeente, status=SignaalStatus.OPEN, uuid__in=list(uuids)
        ).select_related("dossier__inburgeraar")
    )


def signaal_list_voor_dossier(*, actor: Actor, dossier):
    if dossier.gemeente_id != actor.gemeente.id:
        raise Http404
    return list(
        Signaal.objects.filter(dossier=dossier, status=SignaalStatus.OPEN)
        .select_related("toegewezen_aan")
        .order_by("sorteerdatum", "id")
    )


@dataclass
class Pagina:
    items: list
    volgende: str | None
    vorige: str | None


def _cursor(item) -> str:
    return f"{item.sorteerdatum.isoformat()}_{item.id:x}"


def _lees(cursor: str | None):
    try:
        datum, pk = (cursor or "").split("_")
        return date.fromisoformat(datum), int(pk, 16)
    except ValueError:
        return None


def werklijst_pagina(qs, *, na: str | None = None, voor: str | None = None, grootte: int = 25):
    """Keyset pagination on (sorteerdatum, id): one query per page, whatever the depth."""
    na_key, voor_key = _lees(na), _lees(voor)
    if voor_key is not None:
        d, pk = voor_key
        items = list(
            qs.filter(Q(sorteerdatum__lt=d) | Q(sorteerdatum=d, id__lt=pk)).order_by(
                "-sorteerdatum", "-id"
            )[: grootte + 1]
        )
        meer = len(items) > grootte
        items = list(reversed(items[:grootte]))
        return Pagina(
            items,
            _cursor(items[-1]) if items else None,
            _cursor(items[0]) if meer and items else None,
        )
    if na_key is not None:
        d, pk = na_key
        qs = qs.filter(Q(sorteerdatum__gt=d) | Q(sorteerdatum=d, id__gt=pk))
    items = list(qs.order_by("sorteerdatum", "id")[: grootte + 1])
    meer = len(items) > grootte
    items = items[:grootte]
    return Pagina(
        items,
        _cursor(items[-1]) if meer else None,
        _cursor(items[0]) if na_key is not None and items else None,
    )


def titelteksten(signalen) -> dict:
    """For items on a page whose source keeps a stored title text (``core.teksten``; DUO's work
    items, schools' reports): that text per object, so the title shows in the reader's language.
    One query per such source with items on the page."""
    gevonden: dict = {}
    gemeenten = {s.gemeente_id for s in signalen}
    for bron in bronnen():
        if bron.titelteksten is None:
            continue
        uuids = [s.object_uuid for s in signalen if s.soort in bron.soorten and s.object_uuid]
        if uuids:
            gevonden.update(bron.titelteksten(uuids, gemeenten))
    return gevonden


def werklijst_api(
    *, actor: Actor, soort: str = "", doelgroep: str = "", toegewezen: bool | None = None,
    inburgeraar: str = "",
) -> QuerySet[Signaal]:  # fmt: skip
    """Every open work item of the actor's gemeente (the API: a system has no "mine")."""
    qs = Signaal.objects.filter(gemeente=actor.gemeente, status=SignaalStatus.OPEN).select_related(
        "dossier__inburgeraar"
    )
    if soort:
        qs = qs.filter(soort=soort)
    if doelgroep:
        qs = qs.filter(dossier__inburgeraar__doelgroep=doelgroep)
    if toegewezen is not None:
        qs = qs.filter(toegewezen_aan__isnull=not toegewezen)
    if inburgeraar:
        try:
            qs = qs.filter(dossier__inburgeraar__uuid=UUID(inburgeraar))
        except ValueError:
            return qs.none()
    return qs
