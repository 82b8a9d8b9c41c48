"""Writes of the DUO integration that other parts (and the UI) call: work items, DUO data, beheer.

Every function takes keyword-only arguments and runs in the caller's transaction or its own.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.keten import reacties
from openinburgering.core.teksten import velden_vullen

from .models import (
    DuoStand,
    IntegriteitsIncident,
    Werkitem,
    WerkitemStatus,
)

logger = structlog.get_logger(__name__)


def signalen_gebundeld():
    """Bundle what the domain apps do when the chain changes dossiers (the deadline engine's one
    recomputation for a batch); the apps register it in ``core.keten.reacties``."""
    return reacties.gebundeld()


def signalen_bijwerken(dossier) -> None:
    """Tell the domain apps that the chain changed this dossier (or its work items): the deadline
    engine, registered in ``core.keten.reacties``, recomputes it after the commit."""
    reacties.dossier_gewijzigd(dossier)


def werkitem_maken(
    *,
    gemeente,
    soort: str,
    titel: str,
    dossier=None,
    toelichting: str = "",
    deadline: date | None = None,
    regel: str = "",
    sleutel: str = "",
    notificatie=None,
    uitgaand_bericht=None,
    bsn: str = "",
) -> Werkitem:
    """A work item, not yet saved (set-based writers insert many at once)."""
    item = Werkitem(
        gemeente=gemeente,
        dossier=dossier,
        soort=soort,
        deadline=deadline,
        regel=regel,
        sleutel=sleutel,
        notificatie=notificatie,
        uitgaand_bericht=uitgaand_bericht,
    )
    # Titles are kept as msgids too, so each reader sees them in their own language.
    velden_vullen(item, titel=titel, toelichting=toelichting)
    item.titel = item.titel[:200]
    if bsn:
        item.zet_bsn(bsn)
    return item


def werkitem_aanmaken(**kwargs) -> Werkitem:
    """Create a work item (arguments of :func:`werkitem_maken`); with a ``sleutel`` an open item
    with the same key is returned instead (so processing the same fact twice gives one item)."""
    item = werkitem_maken(**kwargs)
    if item.sleutel:
        bestaand = Werkitem.objects.filter(
            gemeente=item.gemeente, sleutel=item.sleutel, status=WerkitemStatus.OPEN
        ).first()
        if bestaand is not None:
            return bestaand
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        # A concurrent writer created the same open item first.
        return Werkitem.objects.get(
            gemeente=item.gemeente, sleutel=item.sleutel, status=WerkitemStatus.OPEN
        )
    signalen_bijwerken(item.dossier)
    logger.info("duo_werkitem_aangemaakt", werkitem=str(item.uuid), soort=item.soort)
    return item


def werkitems_sluiten(*, dossier, soorten, afhandeling: str, door: str = "DUO-koppeling") -> int:
    """Close the open items of these kinds on a dossier (e.g. the clocks stop, R45)."""
    aantal = Werkitem.objects.filter(
        dossier=dossier, soort__in=list(soorten), status=WerkitemStatus.OPEN
    ).update(
        status=WerkitemStatus.AFGEHANDELD,
        afgehandeld_op=timezone.now(),
        afgehandeld_door=door,
        afhandeling=afhandeling,
    )
    if aantal:
        signalen_bijwerken(dossier)
    return aantal


@transaction.atomic
def werkitem_afhandelen(*, actor: Actor, werkitem: Werkitem, afhandeling: str = "") -> Werkitem:
    """A caseworker marks a work item as done."""
    bijgewerkt = Werkitem.objects.filter(pk=werkitem.pk, status=WerkitemStatus.OPEN).update(
        status=WerkitemStatus.AFGEHANDELD,
        afgehandeld_op=timezone.now(),
        afgehandeld_door=actor.label,
        afhandeling=afhandeling,
    )
    if not bijgewerkt:
        raise Geweigerd(_("Dit werkitem is al afgehandeld."))
    werkitem.refresh_from_db()
    signalen_bijwerken(werkitem.dossier)
    logger.info("duo_werkitem_afgehandeld", werkitem=str(werkitem.uuid))
    return werkitem


def _stand(oud: dict, nieuw: dict) -> dict:
    return {**oud, **nieuw, "opgehaald_op": timezone.now().isoformat()}


def duo_stand_bijwerken(*, inburgeraar, gegevens: dict) -> DuoStand:
    """Merge DUO's latest answers into the person's DUO data (JSON-safe values)."""
    stand, _nieuw = DuoStand.objects.select_for_update().get_or_create(inburgeraar=inburgeraar)
    stand.gegevens = _stand(stand.gegevens, gegevens)
    stand.save(update_fields=["gegevens", "bijgewerkt_op"])
    return stand


def duo_standen_aanmaken(*, standen: list[tuple]) -> None:
    """DUO's first answers about people new here, ``(inburgeraar, gegevens)``, in one insert."""
    DuoStand.objects.bulk_create(
        DuoStand(inburgeraar=inburgeraar, gegevens=_stand({}, gegevens))
        for inburgeraar, gegevens in standen
    )


@transaction.atomic
def incident_afhandelen(*, actor: Actor, incident: IntegriteitsIncident) -> None:
    IntegriteitsIncident.objects.filter(pk=incident.pk, afgehandeld_op__isnull=True).update(
        afgehandeld_op=timezone.now(), afgehandeld_door=actor.user
    )
    logger.info("duo_incident_afgehandeld", incident=str(incident.uuid))
