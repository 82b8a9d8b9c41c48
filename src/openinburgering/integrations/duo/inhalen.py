"""Catching up on DUO's events: what DUO recorded for a person but never notified (ADR 0063).

DUO's Gebeurtenis API lists, per person, every event DUO recorded: its id (the ``gebeurtenisId``
of a notification), DUO's description and the date; no time, and no identity of its own. Per
person with an open dossier here, batch by batch, we count per (event id, date) how many events
DUO recorded and how many notifications our inbox holds for the person (sent by DUO, or caught up
before). Each one short is stored in the inbox as a notification marked ``ingehaald``, through the
same intake as DUO's own (:func:`.intake.notificatie_ontvangen`), and the inbox then processes it
like any other, once.

The inbox's idempotency key is ``(bron, berichtId)``. A caught-up event gets a berichtId derived
from DUO's event: the gemeente, the person (keyed hash, never the BSN), the event id, the date and
its place among the same events of that day. Storing it twice, by two runs at once, is one row.

Events dated before the dossier was opened here, or after the person left (SS122, SS123), are
not ours to process. DUO unreachable stops the round: what was stored is whole (one transaction
per person), the rest is tried on the next round.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

import requests
import structlog

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.inburgeraars.workflow import Status

from .client import Duo
from .data import GebeurtenisBijDuo
from .fouten import DuoFout, DuoNietBereikbaar, DuoNietGevonden, DuoNietRelevant
from .intake import NotificatieVerzoek, notificatie_ontvangen
from .models import Notificatie
from .verwerking import bsn_bruikbaar, ingehaald_tijdstip

logger = structlog.get_logger(__name__)

#: Dossiers per batch: one query for the notifications we hold of all of them.
INHAAL_BATCH = 100

#: Fixed: the berichtId of a caught-up event must be the same on every run.
NAAMRUIMTE = uuid.UUID("5f1d0c2e-7a43-4b8e-9c61-0b6f3d2a9e47")

#: The events after which DUO's later events about the person are another gemeente's (R71).
VERTREK = frozenset({"SS122", "SS123"})

#: The inbox takes only what DUO's Notificatie API allows as ``gebeurtenisId``.
_GEBEURTENIS_ID = re.compile(r"^[0-9A-Z]{1,6}$")


@dataclass
class Inhaalronde:
    """What one round did, for the log and the command's output."""

    personen: int = 0
    ingehaald: int = 0
    fouten: int = 0
    #: DUO was unreachable: the round stopped, the rest waits for the next one.
    onderbroken: bool = False

    def als_dict(self) -> dict:
        return {
            "personen": self.personen,
            "ingehaald": self.ingehaald,
            "fouten": self.fouten,
            "onderbroken": self.onderbroken,
        }


@dataclass(frozen=True)
class Gemist:
    """One event DUO recorded that our inbox does not hold."""

    gebeurtenis_id: str
    datum: date
    #: Its place among the events with the same id on the same day (1, 2, …).
    volgnummer: int


def bericht_id(*, gemeente, bsn_hash: str, gemist: Gemist) -> uuid.UUID:
    """The berichtId of a caught-up event: the same for the same event of DUO, every run."""
    return uuid.uuid5(
        NAAMRUIMTE,
        f"{gemeente.oin}|{bsn_hash}|{gemist.gebeurtenis_id}|{gemist.datum.isoformat()}|"
        f"{gemist.volgnummer}",
    )


def gemist(lijst: list[GebeurtenisBijDuo], ontvangen: Counter, *, vanaf: date) -> list[Gemist]:
    """The events of DUO's list that our inbox lacks, by date (DUO's order within a day).

    ``ontvangen`` counts our notifications per (event id, date). Events before ``vanaf`` (the
    dossier was opened) and after the person left (the last SS122/SS123) are left out: DUO's list
    does not say which gemeente an event went to, and after a departure it is the next one's.
    """
    vertrek = max((g.datum for g in lijst if g.id in VERTREK), default=None)
    gezien: Counter = Counter()
    uit = []
    for g in sorted(lijst, key=lambda g: g.datum):
        if g.datum < vanaf or (vertrek is not None and g.datum > vertrek):
            continue
        if not _GEBEURTENIS_ID.match(g.id):
            logger.warning("duo_inhalen_onbekend_id", lengte=len(g.id))
            continue
        sleutel = (g.id, g.datum)
        gezien[sleutel] += 1
        if gezien[sleutel] > ontvangen[sleutel]:
            uit.append(Gemist(g.id, g.datum, gezien[sleutel]))
    return uit


def _ontvangen(gemeente, inburgeraars: list[Inburgeraar]) -> dict[int, Counter]:
    """Per person of the batch: our notifications counted per (event id, Dutch date); one query."""
    op_hash = {i.bsn_hash: i.pk for i in inburgeraars if i.bsn_hash}
    ids = {i.pk for i in inburgeraars}
    tellingen: dict[int, Counter] = {i.pk: Counter() for i in inburgeraars}
    rijen = (
        Notificatie.objects.filter(gemeente=gemeente)
        .filter(Q(bsn_hash__in=list(op_hash)) | Q(inburgeraar_id__in=list(ids)))
        .values_list("bsn_hash", "inburgeraar_id", "gebeurtenis_id", "registratie_datum_tijd")
    )
    for bsn_hash, inburgeraar_id, gebeurtenis_id, moment in rijen:
        pk = op_hash.get(bsn_hash) or (inburgeraar_id if inburgeraar_id in ids else None)
        if pk is not None:
            tellingen[pk][(gebeurtenis_id, timezone.localdate(moment))] += 1
    return tellingen


def _opslaan(gemeente, inburgeraar: Inburgeraar, bsn: str, lijst: list[Gemist]) -> int:
    """Store the missed events of one person in the inbox, all or none."""
    nieuw = 0
    with transaction.atomic():
        for item in lijst:
            verzoek = NotificatieVerzoek(
                bron=settings.DUO_OIN,
                doel=gemeente.oin,
                bericht_id=bericht_id(
                    gemeente=gemeente, bsn_hash=inburgeraar.bsn_hash, gemist=item
                ),
                registratie_datum_tijd=ingehaald_tijdstip(item.datum),
                gebeurtenis_id=item.gebeurtenis_id,
                bsn=bsn,
                # DUO's list names no V-nummer; the same event must give the same message.
                vnummer="",
            )
            ontvangst = notificatie_ontvangen(gemeente=gemeente, verzoek=verzoek, ingehaald=True)
            nieuw += ontvangst.nieuw
    return nieuw


def gebeurtenissen_inhalen(
    *, gemeente, batch: int = INHAAL_BATCH, sessie: requests.Session | None = None
) -> Inhaalronde:
    """One round for one gemeente: every person with an open dossier, batch by batch."""
    ronde = Inhaalronde()
    actor = Actor(gemeente=gemeente, systeem="DUO-inhaalslag")
    duo = Duo(gemeente, session=sessie, actor=actor)
    na = 0
    while True:
        dossiers = list(
            Dossier.objects.filter(gemeente=gemeente, pk__gt=na)
            .exclude(status=Status.AFGEROND)
            .select_related("inburgeraar")
            .order_by("pk")[:batch]
        )
        if not dossiers:
            break
        na = dossiers[-1].pk
        ontvangen = _ontvangen(gemeente, [d.inburgeraar for d in dossiers])
        for dossier in dossiers:
            inburgeraar = dossier.inburgeraar
            bsn = inburgeraar.bsn
            if not bsn_bruikbaar(bsn):
                continue
            try:
                lijst = duo.gebeurtenis.gebeurtenissen(bsn=bsn)
            except DuoNietBereikbaar:
                ronde.fouten += 1
                ronde.onderbroken = True
                logger.warning("duo_inhalen_onderbroken", gemeente=gemeente.code, **_tel(ronde))
                return ronde
            except (DuoNietGevonden, DuoNietRelevant):
                continue
            except DuoFout as fout:
                ronde.fouten += 1
                logger.warning(
                    "duo_inhalen_persoon_mislukt",
                    dossier=str(dossier.uuid),
                    fout=type(fout).__name__,
                )
                continue
            ronde.personen += 1
            ontbrekend = gemist(lijst, ontvangen[inburgeraar.pk], vanaf=dossier.aangemeld_op)
            if ontbrekend:
                aantal = _opslaan(gemeente, inburgeraar, bsn, ontbrekend)
                ronde.ingehaald += aantal
                if aantal:
                    logger.info(
                        "duo_gebeurtenissen_ingehaald", dossier=str(dossier.uuid), aantal=aantal
                    )
    logger.info("duo_inhalen_klaar", gemeente=gemeente.code, **_tel(ronde))
    return ronde


def _tel(ronde: Inhaalronde) -> dict:
    return {"personen": ronde.personen, "ingehaald": ronde.ingehaald, "fouten": ronde.fouten}
