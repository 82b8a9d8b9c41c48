"""The portal's writes: a message from the newcomer, and the klantregisseur handling it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import dossierfeiten
from openinburgering.core.exceptions import Geweigerd
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .models import Bericht, BerichtStatus

logger = structlog.get_logger(__name__)


def inzage_vastleggen(*, inburgeraar: Inburgeraar, onderdeel: str, download: bool = False) -> None:
    """The newcomer read their own data: a record in the processing log with the newcomer as
    actor (``inburgeraar:portaal/<onderdeel>``), never the BSN (ADR 0086)."""
    verwerkingen_vastleggen(
        actor=Actor(gemeente=inburgeraar.gemeente, portaal=onderdeel),
        activiteit=Activiteit.EXPORTEREN if download else Activiteit.INZIEN,
        pseudoniemen=[inburgeraar.pseudoniem],
    )


@transaction.atomic
def bericht_versturen(
    *,
    inburgeraar: Inburgeraar,
    onderwerp: str,
    tekst: str,
    bijlage: bytes | None = None,
    bijlage_naam: str = "",
    bijlage_soort: str = "",
    extensie: str = "",
) -> Bericht:
    """Store the message (and its checked document) and put it on the worklist."""
    dossier = inburgeraar.dossier
    bericht = Bericht(
        gemeente=inburgeraar.gemeente, dossier=dossier, onderwerp=onderwerp, tekst=tekst
    )
    pad = None
    if bijlage is not None:
        relatief = Path("portaal") / inburgeraar.gemeente.code / f"{bericht.uuid}{extensie}"
        pad = Path(settings.PRIVATE_MEDIA_ROOT) / relatief
        bericht.bijlage_pad = str(relatief)
        bericht.bijlage_naam = bijlage_naam
        bericht.bijlage_soort = bijlage_soort
        bericht.bijlage_sha256 = hashlib.sha256(bijlage).hexdigest()
    bericht.save()
    dossierfeiten.gewijzigd(dossier)
    if pad is not None and bijlage is not None:
        # The file last: when writing fails, the transaction takes the message back with it.
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(bijlage)
    logger.info("portaal_bericht_ontvangen", bericht=str(bericht.uuid), bijlage=pad is not None)
    return bericht


@transaction.atomic
def bericht_afhandelen(*, actor: Actor, bericht: Bericht) -> Bericht:
    if bericht.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit bericht hoort niet bij deze gemeente."))
    bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if bericht.status != BerichtStatus.AFGEHANDELD:
        bericht.status = BerichtStatus.AFGEHANDELD
        bericht.afgehandeld_op = timezone.now()
        bericht.afgehandeld_door = actor.user
        bericht.save(update_fields=["status", "afgehandeld_op", "afgehandeld_door"])
        dossierfeiten.gewijzigd(bericht.dossier_id)
    return bericht


def bijlage_pad(bericht: Bericht) -> Path:
    basis = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    pad = (basis / bericht.bijlage_pad).resolve()
    if basis not in pad.parents:
        raise ValueError("path outside PRIVATE_MEDIA_ROOT")
    return pad
