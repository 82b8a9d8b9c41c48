"""Set-based processing of the notifications in a batch that announce a person new here.

Most of a backlog from DUO (a gemeente that joins, DUO re-sending after an outage) announces
people this gemeente does not know yet: SS139, SS101, SS120 and SS121. One by one, each costs
some thirty statements; here a batch creates its people, dossiers, timeline entries, work items,
DUO data and processing-log records with one insert per table. What an event means stays in one
place: :func:`.verwerking.reageren` (the explanation, ``regels.duo``'s meaning, the apps'
registered reactions) runs unchanged, on a ``Context`` that collects what it writes instead of
writing it; a reaction writes its timeline entry through the event it gets, so it is collected
too.

Anything that does not fit is left to the one-by-one path, which runs after this one in the same
transaction: a person we already know, a second notification about the same person in the batch
(order per person is kept), an invalid BSN, DUO refusing or not answering, DUO's data being
incomplete, or a concurrent writer creating the same person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_noop

import requests
import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import brp
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.teksten import vertaal as _
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import (
    verwerkingen_opslaan,
    verwerkingen_uitstellen,
    verwerkingen_vastleggen,
)
from openinburgering.regels import codes as regelcodes

from .client import Duo
from .fouten import DuoFout, DuoNietBereikbaar
from .models import Notificatie, NotificatieStatus, Werkitem
from .services import duo_standen_aanmaken, signalen_bijwerken
from .verwerking import (
    OPEN_STATUSSEN,
    Context,
    Opgehaald,
    Verzameling,
    _niet_in_brp,
    brp_raadplegen,
    bsn_bruikbaar,
    fout_plaats,
    nieuwe_persoon_velden,
    persoonsgegevens_vragen,
    raadplegen,
    reageren,
    vragen_voor,
)

logger = structlog.get_logger(__name__)

G = regelcodes.Gebeurtenis

NIET_PASSEND = gettext_noop(
    "De gegevens uit de BRP passen niet in het dossier; vul ze met de hand aan."
)

#: Events whose handling of a person new here only adds timeline entries and work items.
AANKONDIGINGEN = frozenset({G.SS101, G.SS120, G.SS121, G.SS139})
_AANKONDIGING_IDS = frozenset(g.value for g in AANKONDIGINGEN)


@dataclass
class Kandidaat:
    notificatie: Notificatie
    gebeurtenis: regelcodes.Gebeurtenis
    bsn: str
    actor: Actor
    opgehaald: Opgehaald | None = None
    inburgeraar: Inburgeraar | None = None
    brp: brp.BrpPersoon | None = None
    brp_fout: brp.BrpFout | None = None


def nieuwe_personen_verwerken(
    *, notificaties: list[Notificatie], sessie: requests.Session | None = None
) -> set[int]:
    """Process the claimed notifications that announce a new person, set-based.

    Call inside the batch's transaction, with the notifications locked. Returns the ids of the
    notifications processed here; the others are for :func:`.verwerking.notificatie_verwerken`.
    """
    kandidaten = _kandidaten(notificaties)
    if not kandidaten:
        return set()
    try:
        with transaction.atomic(), verwerkingen_uitstellen() as logregels:
            kandidaten = _voorbereiden(_brp_raadplegen(_raadplegen(kandidaten, sessie)))
            _opslaan(kandidaten)
            verwerkingen_opslaan(logregels)
    except IntegrityError:
        # Someone created one of these people at the same moment: one by one sorts it out.
        logger.warning("duo_nieuwe_personen_een_voor_een", aantal=len(kandidaten))
        return set()
    except Exception as exc:  # noqa: BLE001 - the one-by-one path retries and reports each
        # Never a batch that fails again on every round and blocks the inbox: the savepoint is
        # rolled back, and each notification gets the one-by-one path's own error handling.
        logger.error("duo_nieuwe_personen_fout", fout=type(exc).__name__, waar=fout_plaats(exc))
        return set()
    for k in kandidaten:
        logger.info(
            "duo_notificatie_verwerkt",
            notificatie=str(k.notificatie.uuid),
            gebeurtenis=k.gebeurtenis.value,
            inburgeraar=str(k.inburgeraar.uuid),
            nieuw=True,
        )
    return {k.notificatie.pk for k in kandidaten}


def _kandidaten(notificaties: list[Notificatie]) -> list[Kandidaat]:
    """The first notification about each person in the batch, if it announces someone new."""
    gezien: set[tuple] = set()
    eerste = []
    for notificatie in sorted(notificaties, key=lambda n: n.pk):
        sleutels = {
            ("bsn", notificatie.gemeente_id, notificatie.bsn_hash),
            ("vnummer", notificatie.gemeente_id, notificatie.vnummer),
        }
        sleutels = {s for s in sleutels if s[2]}
        eerder = sleutels & gezien
        gezien |= sleutels
        if eerder or not notificatie.bsn_hash or notificatie.status not in OPEN_STATUSSEN:
            continue
        if notificatie.gebeurtenis_id in _AANKONDIGING_IDS:
            eerste.append(notificatie)
    if not eerste:
        return []
    bekend = set(
        Inburgeraar.objects.filter(
            gemeente_id__in={n.gemeente_id for n in eerste},
            bsn_hash__in=[n.bsn_hash for n in eerste],
        ).values_list("gemeente_id", "bsn_hash")
    )
    actors: dict[int, Actor] = {}
    kandidaten = []
    for notificatie in eerste:
        if (notificatie.gemeente_id, notificatie.bsn_hash) in bekend:
            continue
        bsn = notificatie.bsn
        if not bsn_bruikbaar(bsn):
            continue
        if notificatie.gemeente_id not in actors:
            actors[notificatie.gemeente_id] = Actor(
                gemeente=notificatie.gemeente, systeem="DUO-koppeling"
            )
        kandidaten.append(
            Kandidaat(
                notificatie=notificatie,
                gebeurtenis=G(notificatie.gebeurtenis_id),
                bsn=bsn,
                actor=actors[notificatie.gemeente_id],
            )
        )
    return kandidaten


def _raadplegen(kandidaten: list[Kandidaat], sessie) -> list[Kandidaat]:
    """Ask DUO about each person, over the batch's one connection."""
    beantwoord = []
    for k in kandidaten:
        duo = Duo(k.notificatie.gemeente, notificatie=k.notificatie, actor=k.actor, session=sessie)
        try:
            k.opgehaald = raadplegen(duo, k.bsn, vragen_voor(k.gebeurtenis, True))
        except DuoNietBereikbaar:
            # The one-by-one path meets the outage at the next notification and plans a retry.
            break
        except DuoFout:
            # The one-by-one path asks again and records DUO's refusal with a work item.
            continue
        beantwoord.append(k)
    return beantwoord


def _brp_raadplegen(kandidaten: list[Kandidaat]) -> list[Kandidaat]:
    """Name, birth date and address from the BRP, 20 people per request, per gemeente (ADR
    0062). The BRP being down leaves the people as DUO announced them, with a retry."""
    per_gemeente: dict[int, list[Kandidaat]] = {}
    for k in kandidaten:
        per_gemeente.setdefault(k.notificatie.gemeente_id, []).append(k)
    for groep in per_gemeente.values():
        personen, fout = brp_raadplegen(groep[0].notificatie.gemeente, [k.bsn for k in groep])
        for k in groep:
            k.brp = personen.get(k.bsn)
            k.brp_fout = fout or _niet_in_brp(personen, k.bsn)
    return kandidaten


def _voorbereiden(kandidaten: list[Kandidaat]) -> list[Kandidaat]:
    """The new inburgeraars, checked but not saved; refusals are for the one-by-one path."""
    klaar = []
    for k in kandidaten:
        try:
            try:
                k.inburgeraar = inburgeraar_services.inburgeraar_voorbereiden(
                    actor=k.actor,
                    bsn=k.bsn,
                    **nieuwe_persoon_velden(k.notificatie, k.opgehaald, k.brp),
                )
            except ValidationError:
                if k.brp is None:
                    raise
                # The BRP's values do not fit: as without the BRP (the one-by-one path does
                # the same), so the caseworker completes them.
                k.brp = None
                k.brp_fout = brp.BrpFout(_(NIET_PASSEND))
                k.inburgeraar = inburgeraar_services.inburgeraar_voorbereiden(
                    actor=k.actor, bsn=k.bsn, **nieuwe_persoon_velden(k.notificatie, k.opgehaald)
                )
        except (Geweigerd, ValidationError):
            continue
        klaar.append(k)
    return klaar


def _opslaan(kandidaten: list[Kandidaat]) -> None:
    if not kandidaten:
        return
    per_gemeente: dict[int, list[Kandidaat]] = {}
    for k in kandidaten:
        per_gemeente.setdefault(k.notificatie.gemeente_id, []).append(k)
    for groep in per_gemeente.values():
        inburgeraar_services.inburgeraars_aanmaken(
            actor=groep[0].actor,
            nieuw=[
                (k.inburgeraar, timezone.localdate(k.notificatie.registratie_datum_tijd))
                for k in groep
            ],
        )
    verzameling = Verzameling()
    nu = timezone.now()
    for k in kandidaten:
        ctx = Context(
            notificatie=k.notificatie,
            gebeurtenis=k.gebeurtenis,
            bsn=k.bsn,
            opgehaald=k.opgehaald,
            actor=k.actor,
            inburgeraar=k.inburgeraar,
            nieuw=True,
            verzameling=verzameling,
            brp=k.brp,
            brp_fout=k.brp_fout,
        )
        persoonsgegevens_vragen(ctx)
        reageren(ctx)
        signalen_bijwerken(ctx.dossier)
        verwerkingen_vastleggen(
            actor=k.actor,
            activiteit=Activiteit.DUO_ONTVANGEN,
            pseudoniemen=[k.inburgeraar.pseudoniem],
        )
        k.notificatie.resultaat = " ".join(ctx.resultaat)[:2000]
    Gebeurtenis.objects.bulk_create(verzameling.gebeurtenissen)
    Werkitem.objects.bulk_create(verzameling.werkitems)
    if brp.aan():
        for groep in per_gemeente.values():
            brp.brp().aangemeld(
                actor=groep[0].actor,
                personen=[(k.inburgeraar, k.brp) for k in groep if k.brp is not None],
                fouten=[(k.inburgeraar, k.brp_fout) for k in groep if k.brp_fout is not None],
            )
    duo_standen_aanmaken(standen=[(k.inburgeraar, k.opgehaald.als_json()) for k in kandidaten])
    notificaties = [k.notificatie for k in kandidaten]
    # What all share in one UPDATE (the person found by the BSN hash), the texts in a second
    # one: bulk_update over five fields would build a CASE per row and field.
    Notificatie.objects.filter(pk__in=[n.pk for n in notificaties]).update(
        status=NotificatieStatus.VERWERKT,
        verwerkt_op=nu,
        volgende_poging_op=None,
        inburgeraar=Subquery(
            Inburgeraar.objects.filter(
                gemeente_id=OuterRef("gemeente_id"), bsn_hash=OuterRef("bsn_hash")
            ).values("pk")[:1]
        ),
    )
    Notificatie.objects.bulk_update(notificaties, ["resultaat"])
    for k in kandidaten:
        k.notificatie.status = NotificatieStatus.VERWERKT
        k.notificatie.inburgeraar = k.inburgeraar
