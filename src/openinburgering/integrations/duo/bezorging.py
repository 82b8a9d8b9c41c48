"""Delivering the outbox to DUO (ADR 6).

- One message at a time, each in its own transaction, taken with ``SELECT … FOR UPDATE SKIP
  LOCKED`` on PostgreSQL, so any number of workers can run side by side. A worker that dies
  mid-message rolls back: the message stays ``wachtend`` and is sent again, with the same
  ``berichtId`` and body (DUO applies a ``berichtId`` once).
- Order per person: a message waits while an older message with the same ``volgorde_sleutel``
  is still ``wachtend``; only ``bezorgd``, ``afgewezen`` or ``dood`` lets the next one go.
- DUO unreachable (connection, timeout, 408/429/5xx): try again after an exponential backoff with
  jitter, capped at ``DUO_OUTBOX_MAX_BACKOFF_SECONDS``; after ``DUO_OUTBOX_OPGEVEN_NA_DAGEN`` the
  message goes to ``dood``, which a beheerder sees and can offer again.
- DUO refuses (4xx with ``fouttekst``): ``afgewezen``, with DUO's reasons in a work item on the
  dossier.

On SQLite (demo) there is no ``SKIP LOCKED``: the row is read without a lock and one worker is
assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

import requests
import structlog

from openinburgering.core import publicatie
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron

from .client import Duo
from .fouten import DuoAfwijzing, DuoFout, DuoNietGevonden
from .herhaling import backoff, opgeven_na
from .models import (
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
    WerkitemSoort,
)
from .services import werkitem_aanmaken

logger = structlog.get_logger(__name__)

#: A link to a contact person waits this long for DUO's id of that contact person.
WACHT_OP_CONTACTPERSOON_SECONDEN = 5


@dataclass
class Resultaat:
    bezorgd: int = 0
    afgewezen: int = 0
    opnieuw: int = 0
    dood: int = 0
    fouten: list[str] = field(default_factory=list)

    @property
    def verwerkt(self) -> int:
        return self.bezorgd + self.afgewezen + self.opnieuw + self.dood


def _kandidaten(nu):
    """Due messages that are at the head of their queue.

    A queue is the person (``bsn_hash``; every writer of the outbox fills it, whatever
    ``volgorde_sleutel`` it chose) or, for messages without a person, ``volgorde_sleutel``.
    """
    eerder = UitgaandBericht.objects.filter(status=UitgaandStatus.WACHTEND, pk__lt=OuterRef("pk"))
    eerder_zelfde_persoon = eerder.filter(bsn_hash=OuterRef("bsn_hash")).exclude(bsn_hash="")
    eerder_zelfde_sleutel = eerder.filter(volgorde_sleutel=OuterRef("volgorde_sleutel"))
    return (
        UitgaandBericht.objects.filter(status=UitgaandStatus.WACHTEND, volgende_poging_op__lte=nu)
        .exclude(Exists(eerder_zelfde_persoon))
        .exclude(Exists(eerder_zelfde_sleutel))
        .order_by("pk")
    )


def _versturen(bericht: UitgaandBericht, duo: Duo) -> None:
    """Send with the client of the API; raises DuoFout. Contact person ids come from DUO."""
    soort = MeldingSoort(bericht.soort)
    inhoud, bericht_id = bericht.inhoud, bericht.bericht_id
    parameters = bericht.pad_parameters or {}
    cp = bericht.contactpersoon
    bsn = bericht.bsn
    match soort:
        case MeldingSoort.PIP_REGISTREREN:
            duo.pip.registreren(bsn=bsn, pip=inhoud, bericht_id=bericht_id)
        case MeldingSoort.PIP_VERWIJDEREN:
            duo.pip.verwijderen(bsn=bsn, bericht_id=bericht_id)
        case MeldingSoort.AANBOD_REGISTREREN:
            duo.aanbod.registreren(
                bsn=bsn,
                instellingsnummer=parameters["instellingsnummer"],
                aanbod=inhoud,
                bericht_id=bericht_id,
            )
        case MeldingSoort.AANBOD_VERWIJDEREN:
            duo.aanbod.verwijderen(
                bsn=bsn, instellingsnummer=parameters["instellingsnummer"], bericht_id=bericht_id
            )
        case (
            MeldingSoort.UREN_TAALLES_KNM_BREDE_INTAKE
            | MeldingSoort.UREN_PARTICIPATIEACTIVITEITEN
            | MeldingSoort.UREN_PARTICIPATIE_TAALLES
        ):
            uren_soort = soort.value.removeprefix("uren_")
            duo.uren.melden(bsn=bsn, soort=uren_soort, uren=inhoud["uren"], bericht_id=bericht_id)
        case MeldingSoort.MAP:
            duo.map_pvt_zroute.map_melden(bsn=bsn, resultaat=inhoud, bericht_id=bericht_id)
        case MeldingSoort.PVT:
            duo.map_pvt_zroute.pvt_melden(bsn=bsn, resultaat=inhoud, bericht_id=bericht_id)
        case MeldingSoort.ZROUTE:
            duo.map_pvt_zroute.zroute_melden(bsn=bsn, resultaat=inhoud, bericht_id=bericht_id)
        case MeldingSoort.CONTACTPERSOON_AANMAKEN:
            antwoord = duo.contactpersoon.aanmaken(gegevens=inhoud, bericht_id=bericht_id)
            type(cp).objects.filter(pk=cp.pk).update(duo_id=antwoord.id)
        case MeldingSoort.CONTACTPERSOON_WIJZIGEN:
            duo.contactpersoon.wijzigen(id=cp.duo_id, gegevens=inhoud, bericht_id=bericht_id)
        case MeldingSoort.CONTACTPERSOON_VERWIJDEREN:
            duo.contactpersoon.verwijderen(id=cp.duo_id, bericht_id=bericht_id)
        case MeldingSoort.CONTACTPERSOON_KOPPELEN:
            duo.contactpersoon.koppelen(id=cp.duo_id, bsn=bsn, bericht_id=bericht_id)
        case MeldingSoort.CONTACTPERSOON_ONTKOPPELEN:
            duo.contactpersoon.ontkoppelen(id=cp.duo_id, bsn=bsn, bericht_id=bericht_id)
        case MeldingSoort.LBT_OVERGESLAGEN:
            duo.lbt.examennummer_verwijderen(bsn=bsn, bericht_id=bericht_id)


def _contactpersoon_nog_niet_bij_duo(bericht: UitgaandBericht) -> bool:
    return (
        bericht.contactpersoon_id is not None
        and bericht.soort != MeldingSoort.CONTACTPERSOON_AANMAKEN
        and bericht.contactpersoon.duo_id is None
    )


def _tijdlijn(bericht: UitgaandBericht, omschrijving: str) -> None:
    if bericht.inburgeraar_id is None:
        return
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=bericht.inburgeraar.dossier,
        soort="duo_melding",
        omschrijving=omschrijving,
        bron=Bron.DUO,
        gegevens={"uitgaand_bericht": str(bericht.uuid), "status": bericht.status},
    )


def _werkitem(bericht: UitgaandBericht, soort: str, titel: str, toelichting: str) -> None:
    werkitem_aanmaken(
        gemeente=bericht.gemeente,
        dossier=bericht.inburgeraar.dossier if bericht.inburgeraar_id else None,
        soort=soort,
        titel=titel,
        toelichting=toelichting,
        uitgaand_bericht=bericht,
        sleutel=f"uitgaand:{bericht.uuid}:{soort}",
    )


def _afhandelen(bericht: UitgaandBericht, fout: DuoFout | None, resultaat: Resultaat) -> None:
    """Record the outcome of one attempt (inside the message's transaction)."""
    nu = timezone.now()
    label = MeldingSoort(bericht.soort).label
    bericht.pogingen += 1
    bericht.laatste_poging_op = nu
    bericht.laatste_statuscode = fout.status if fout else 200
    if fout is None:
        bericht.status = UitgaandStatus.BEZORGD
        bericht.afgerond_op = nu
        bericht.laatste_fout = ""
        resultaat.bezorgd += 1
        _tijdlijn(bericht, _("DUO heeft de melding ontvangen: %(soort)s.") % {"soort": label})
    elif isinstance(fout, DuoAfwijzing | DuoNietGevonden):
        bericht.status = UitgaandStatus.AFGEWEZEN
        bericht.afgerond_op = nu
        bericht.laatste_fout = fout.melding
        bericht.fouten = list(getattr(fout, "meldingen", ())) or [fout.melding]
        resultaat.afgewezen += 1
        _tijdlijn(
            bericht,
            _("DUO wees de melding af: %(soort)s. %(fout)s")
            % {"soort": label, "fout": fout.melding},
        )
        # Other systems of the gemeente hear of the refusal (ADR 0072): UUIDs only.
        persoon = bericht.inburgeraar if bericht.inburgeraar_id else None
        publicatie.publiceren(
            publicatie.Feit(
                gemeente_id=bericht.gemeente_id,
                soort=publicatie.Soort.DUO_AFWIJZING,
                onderwerp=bericht.uuid,
                dossier=persoon.dossier.uuid if persoon else None,
                inburgeraar=persoon.uuid if persoon else None,
                objecten={"duoBericht": bericht.uuid},
            )
        )
        _werkitem(
            bericht,
            WerkitemSoort.DUO_AFWIJZING,
            _("DUO wees de melding '%(soort)s' af") % {"soort": label},
            "\n".join(bericht.fouten),
        )
    elif nu >= opgeven_na(bericht.opnieuw_aangeboden_op or bericht.aangemaakt_op):
        bericht.status = UitgaandStatus.DOOD
        bericht.afgerond_op = nu
        bericht.laatste_fout = fout.melding
        resultaat.dood += 1
        _tijdlijn(
            bericht,
            _("De melding '%(soort)s' kon niet bij DUO worden bezorgd; de beheerder is ingelicht.")
            % {"soort": label},
        )
        _werkitem(
            bericht,
            WerkitemSoort.DUO_NIET_BEZORGD,
            _("Melding '%(soort)s' niet bezorgd bij DUO") % {"soort": label},
            _("Na %(pogingen)s pogingen opgegeven: %(fout)s")
            % {"pogingen": bericht.pogingen, "fout": fout.melding},
        )
    else:
        bericht.volgende_poging_op = nu + backoff(bericht.pogingen)
        bericht.laatste_fout = fout.melding
        resultaat.opnieuw += 1
    bericht.save()
    logger.info(
        "duo_melding_poging",
        uitgaand_bericht=str(bericht.uuid),
        bericht_id=str(bericht.bericht_id),
        soort=bericht.soort,
        status=bericht.status,
        poging=bericht.pogingen,
        statuscode=bericht.laatste_statuscode,
    )


def _een_bezorgen(bericht: UitgaandBericht, sessie, resultaat: Resultaat) -> None:
    if _contactpersoon_nog_niet_bij_duo(bericht):
        # The contact person is not at DUO yet (its POST is still on its way): wait, no attempt.
        bericht.volgende_poging_op = timezone.now() + timedelta(
            seconds=WACHT_OP_CONTACTPERSOON_SECONDEN
        )
        bericht.save(update_fields=["volgende_poging_op"])
        return
    try:
        _versturen(bericht, Duo(bericht.gemeente, session=sessie))
    except DuoFout as fout:
        _afhandelen(bericht, fout, resultaat)
    else:
        _afhandelen(bericht, None, resultaat)


def bezorgen(*, limiet: int = 200, sessie: requests.Session | None = None) -> Resultaat:
    """Deliver up to ``limiet`` due messages; returns what happened. Safe to run in parallel."""
    resultaat = Resultaat()
    sessie = sessie or requests.Session()
    vergrendelen = connection.features.has_select_for_update_skip_locked
    for _poging in range(limiet):
        nu = timezone.now()
        if vergrendelen:
            with transaction.atomic():
                bericht = (
                    _kandidaten(nu)
                    .select_for_update(skip_locked=True, of=("self",))
                    .select_related("gemeente", "inburgeraar__dossier", "contactpersoon")
                    .first()
                )
                if bericht is None:
                    break
                _een_bezorgen(bericht, sessie, resultaat)
        else:
            bericht = (
                _kandidaten(nu)
                .select_related("gemeente", "inburgeraar__dossier", "contactpersoon")
                .first()
            )
            if bericht is None:
                break
            with transaction.atomic():
                _een_bezorgen(bericht, sessie, resultaat)
    if resultaat.verwerkt:
        logger.info(
            "duo_outbox_ronde",
            bezorgd=resultaat.bezorgd,
            afgewezen=resultaat.afgewezen,
            opnieuw=resultaat.opnieuw,
            dood=resultaat.dood,
        )
    return resultaat


@transaction.atomic
def opnieuw_aanbieden(*, actor, bericht: UitgaandBericht) -> UitgaandBericht:
    """A beheerder offers a refused or given-up message again: same berichtId, same body."""
    from openinburgering.core.exceptions import Geweigerd

    from . import tasks

    nu = timezone.now()
    bijgewerkt = UitgaandBericht.objects.filter(
        pk=bericht.pk,
        gemeente=actor.gemeente,
        status__in=[UitgaandStatus.DOOD, UitgaandStatus.AFGEWEZEN],
    ).update(
        status=UitgaandStatus.WACHTEND,
        pogingen=0,
        volgende_poging_op=nu,
        opnieuw_aangeboden_op=nu,
        afgerond_op=None,
        laatste_fout="",
        fouten=[],
        afgehandeld_door=actor.label,
    )
    if not bijgewerkt:
        raise Geweigerd(
            _("Alleen een afgewezen of niet bezorgd bericht kan opnieuw worden verstuurd.")
        )
    bericht.refresh_from_db()
    transaction.on_commit(lambda: tasks.uitgaande_berichten_bezorgen.enqueue())
    logger.info("duo_melding_opnieuw_aangeboden", uitgaand_bericht=str(bericht.uuid))
    return bericht


@transaction.atomic
def portal_ingevoerd(*, actor, bericht: UitgaandBericht) -> UitgaandBericht:
    """A caseworker entered the message in the Portal Inburgering by hand."""
    from openinburgering.core.exceptions import Geweigerd

    bijgewerkt = UitgaandBericht.objects.filter(
        pk=bericht.pk, gemeente=actor.gemeente, status=UitgaandStatus.PORTAL_TE_DOEN
    ).update(
        status=UitgaandStatus.PORTAL_INGEVOERD,
        afgerond_op=timezone.now(),
        afgehandeld_door=actor.label,
    )
    if not bijgewerkt:
        raise Geweigerd(_("Dit bericht staat niet (meer) op de lijst voor het Portal."))
    bericht.refresh_from_db()
    if bericht.inburgeraar_id:
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=bericht.inburgeraar.dossier,
            soort="duo_melding",
            omschrijving=_("Ingevoerd in het Portal Inburgering: %(soort)s.")
            % {"soort": MeldingSoort(bericht.soort).label},
            bron=Bron.MEDEWERKER,
            actor=actor,
            gegevens={"uitgaand_bericht": str(bericht.uuid)},
        )
    return bericht
