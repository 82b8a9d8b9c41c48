"""DUO's decisions about a person, fetched on demand from the dossier ("Ophalen bij DUO"):
the extension requests with DUO's assessment (Verlenging API, R72), the fines DUO imposed
(Boete API, R73), and the inburgeringstermijn, so that a granted extension moves the term and
every deadline that hangs on it (ADR 0064).

DUO is asked before the transaction; a 5xx that comes back at once is asked once more. What DUO
answered is stored in one transaction with its timeline entries: nothing is half-saved. Whatever
goes wrong is a :class:`Ophaalfout` with a Dutch text (no BSN).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import transaction

import requests
import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core.teksten import vertaal as _
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron, Inburgeraar
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .client import Duo
from .fouten import DuoFout, DuoNietBereikbaar, DuoNietRelevant
from .models import DuoStand
from .services import duo_stand_bijwerken, signalen_bijwerken
from .verwerking import Opgehaald, boete_uitleg, nieuwe_boetes, raadplegen, verlengingen_uitleg

logger = structlog.get_logger(__name__)

#: What "Ophalen bij DUO" asks: the term too, because a granted extension changes it (R72).
VRAGEN = ("termijn", "verlengingen", "boetes")

#: A 5xx that came back at once is asked again after this many seconds (once). A time-out is
#: not: the caseworker is waiting, and the next click asks again.
HERHAAL_NA_SECONDEN = 0.5


class Ophaalfout(Exception):
    """DUO could not answer or refused; ``str()`` is a Dutch text without a BSN."""

    def __init__(self, melding: str, *, tijdelijk: bool = False):
        super().__init__(melding)
        self.melding = melding
        self.tijdelijk = tijdelijk


@dataclass(frozen=True)
class Opgehaaldresultaat:
    verlengingen: int
    boetes: int
    nieuwe_boetes: int
    uitleg: str


def _vragen(duo: Duo, bsn: str) -> Opgehaald:
    try:
        return raadplegen(duo, bsn, VRAGEN)
    except DuoNietBereikbaar as fout:
        if fout.status is None:
            raise
        time.sleep(HERHAAL_NA_SECONDEN)
        return raadplegen(duo, bsn, VRAGEN)


def ophalen(
    *, actor: Actor, inburgeraar: Inburgeraar, sessie: requests.Session | None = None
) -> Opgehaaldresultaat:
    """Ask DUO for the person's extension requests, fines and term, and store the answers."""
    duo = Duo(actor.gemeente, actor=actor, session=sessie)
    try:
        opgehaald = _vragen(duo, inburgeraar.bsn)
    except DuoNietRelevant:
        raise Ophaalfout(
            _(
                "DUO geeft deze gegevens niet aan deze gemeente: de persoon hoort niet (meer) bij "
                "de gemeente (R47)."
            )
        ) from None
    except DuoNietBereikbaar as fout:
        logger.warning("duo_besluiten_niet_bereikbaar", inburgeraar=str(inburgeraar.uuid))
        raise Ophaalfout(
            _(
                "DUO is nu niet bereikbaar: %(fout)s Er is niets veranderd; probeer het later "
                "opnieuw."
            )
            % {"fout": fout.melding},
            tijdelijk=True,
        ) from None
    except DuoFout as fout:
        logger.warning(
            "duo_besluiten_geweigerd", inburgeraar=str(inburgeraar.uuid), fout=type(fout).__name__
        )
        raise Ophaalfout(
            _("DUO gaf geen bruikbaar antwoord: %(fout)s Er is niets veranderd.")
            % {"fout": fout.melding}
        ) from None
    if all(getattr(opgehaald, vraag) is None for vraag in VRAGEN):
        raise Ophaalfout(
            _(
                "DUO kent deze persoon niet (geen termijn, verlengingsaanvragen of boetes). Er is "
                "niets veranderd."
            )
        )
    return opslaan(actor=actor, inburgeraar=inburgeraar, opgehaald=opgehaald)


@transaction.atomic
def opslaan(*, actor: Actor, inburgeraar: Inburgeraar, opgehaald: Opgehaald) -> Opgehaaldresultaat:
    """Store what DUO answered (term, extension requests, fines) with its timeline entries, all
    or nothing; a fine not seen before gets its own entry (R73)."""
    inburgeraar = (
        Inburgeraar.objects.select_for_update(of=("self",))
        .select_related("dossier")
        .get(pk=inburgeraar.pk)
    )
    stand = DuoStand.objects.filter(inburgeraar=inburgeraar).first()
    vorige = stand.gegevens if stand is not None else {}
    verlengingen = opgehaald.verlengingen or []
    boetes = opgehaald.boetes or []
    uitleg = verlengingen_uitleg(verlengingen, opgehaald.termijn)
    nieuw = nieuwe_boetes(boetes, vorige.get("boetes") or [])
    dossier = inburgeraar.dossier
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=dossier,
        soort="duo_besluiten",
        omschrijving=_(
            "Bij DUO opgehaald: verlengingsaanvragen (%(verlengingen)s) en boetes van DUO "
            "(%(boetes)s)."
        )
        % {"verlengingen": len(verlengingen), "boetes": len(boetes)}
        + " "
        + uitleg.uitleg,
        bron=Bron.DUO,
        actor=actor,
    )
    for boete in nieuw:
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="duo_boete",
            omschrijving=boete_uitleg(boete, inburgeraar.regime).uitleg,
            bron=Bron.DUO,
            actor=actor,
            gegevens={"duo_boete": boete.als_json()},
        )
    duo_stand_bijwerken(inburgeraar=inburgeraar, gegevens=opgehaald.als_json())
    # A granted extension moves the term: the deadline engine recomputes after the commit.
    signalen_bijwerken(dossier)
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.DUO_ONTVANGEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    logger.info(
        "duo_besluiten_opgehaald",
        dossier=str(dossier.uuid),
        verlengingen=len(verlengingen),
        boetes=len(boetes),
        nieuwe_boetes=len(nieuw),
    )
    return Opgehaaldresultaat(
        verlengingen=len(verlengingen),
        boetes=len(boetes),
        nieuwe_boetes=len(nieuw),
        uitleg=uitleg.uitleg,
    )
