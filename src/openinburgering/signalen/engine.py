"""From a dossier's facts to the deadlines it needs, by calling ``regels``; no rule lives here.

This is signalen's own source of the worklist; the others (DUO's work items, schools' reports,
begeleiding) are registered by their apps (``bronnen``).

The rule functions are pure functions of dates, so each is memoised per distinct input: a
recomputation over a million dossiers calls ``regels`` once per distinct date, not once per
dossier, and every deadline still comes from the one implementation of the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from uuid import UUID

from openinburgering.core.werklijst import Werkpunt
from openinburgering.regels import aow, intake, termijnen
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.leerroutes import ROUTES
from openinburgering.regels.pip import R24

from .models import Soort

#: How far ahead an item shows up on the worklist (policy, not law).
HORIZON_GESPREK = timedelta(days=14)
HORIZON_SCHAKELEN = timedelta(days=61)
HORIZON_TERMIJN_EINDE = timedelta(days=183)


@dataclass
class Feiten:
    """What the engine needs to know about one dossier (read in bulk by the service)."""

    dossier_id: int
    gemeente_id: int
    actief: bool
    klantregisseur_id: int | None
    geboortedatum: date | None
    #: Dates of DUO's notices that (re)start the 10-week PIP term (``regels.duo``): the first
    #: and the last are enough.
    ss139: tuple[date, ...] = ()
    #: A temporary exemption (SS109) not yet withdrawn: the duty is paused (R46).
    gepauzeerd: bool = False
    intake_status: str | None = None
    pip_dagtekeningen: tuple[date, ...] = ()
    huidige_leerroute: str = ""
    #: DUO's inburgeringstermijn as last given, extensions included: (start, einde exclusief,
    #: verlengingsgrond). It goes before our own count (R8, R42).
    duo_termijn: tuple[date, date, str] | None = None
    #: The PIP DUO knows (for a person who moved in: the previous gemeente's): (dagtekening,
    #: leerroute).
    duo_pip: tuple[date, str] | None = None
    concept_uuid: UUID | None = None
    #: (uuid, verzenddatum, adviescommissie, verdaagd)
    open_bezwaren: list[tuple[UUID, date, bool, bool]] = field(default_factory=list)
    #: (uuid, gepland_op)
    geplande_gesprekken: list[tuple[UUID, date]] = field(default_factory=list)


@lru_cache(maxsize=65536)
def _pip_termijn(ss139: tuple[date, ...]):
    return termijnen.pip_termijn(ss139)


@lru_cache(maxsize=65536)
def _intake_streefdatum(termijn):
    return intake.intake_streefdatum(termijn)


@lru_cache(maxsize=65536)
def _inburgeringstermijn(
    eerste_pip: date | None, duo_termijn: tuple[date, date, str] | None, duo_pip: date | None
):
    start, einde, grond = duo_termijn or (None, None, "")
    return termijnen.geldende_inburgeringstermijn(
        (eerste_pip,) if eerste_pip is not None else (),
        duo_startdatum=start,
        duo_einddatum=einde,
        verlengingsgrond=grond,
        pip_vorige_gemeente=duo_pip,
    )


@lru_cache(maxsize=65536)
def _schakeltermijn(start: date):
    return termijnen.schakeltermijn(start)


@lru_cache(maxsize=65536)
def _aow(geboortedatum: date):
    return aow.aow_signaaldatum(geboortedatum), aow.aow_datum(geboortedatum)


@lru_cache(maxsize=65536)
def _beslistermijn(verzonden: date, commissie: bool, verdaagd: bool):
    return termijnen.beslistermijn_bezwaar(verzonden, adviescommissie=commissie, verdaagd=verdaagd)


def gewenste_signalen(f: Feiten, peildatum: date) -> list[Werkpunt]:
    """Every deadline item this dossier should have on ``peildatum``."""
    if not f.actief:
        return []
    uit: list[Werkpunt] = []

    def maak(soort, deadline, regel, uitleg, object_uuid=None, titel="", uitleg_en=""):
        uit.append(
            Werkpunt(f.dossier_id, soort, deadline, regel, uitleg, titel, object_uuid, uitleg_en)
        )

    heeft_pip = bool(f.pip_dagtekeningen)
    termijn = _pip_termijn(tuple(sorted(set(f.ss139)))) if f.ss139 and not f.gepauzeerd else None

    if not heeft_pip:
        if termijn is not None:
            maak(Soort.PIP_TERMIJN, termijn.laatste_dag, termijn.regel.id, termijn.uitleg,
                 f.concept_uuid, uitleg_en=termijn.uitleg_en)  # fmt: skip
        elif f.concept_uuid is not None:
            maak(Soort.PIP_CONCEPT, None, "", "", f.concept_uuid)
        if f.intake_status != "afgesloten":
            soort = Soort.INTAKE_STARTEN if f.intake_status is None else Soort.INTAKE_AFRONDEN
            if termijn is not None:
                streef = _intake_streefdatum(termijn)
                maak(soort, streef.waarde, streef.regel.id, streef.uitleg,
                     uitleg_en=streef.uitleg_en)  # fmt: skip
            else:
                maak(soort, None, "", "")
    elif f.concept_uuid is not None:
        maak(Soort.PIP_CONCEPT, None, "", "", f.concept_uuid)

    # The term comes from DUO where DUO gave it (extensions included), else from the first PIP
    # in any gemeente: a person who moved in brings an earlier PIP (SS121).
    inburgeringstermijn = _inburgeringstermijn(
        min(f.pip_dagtekeningen) if heeft_pip else None,
        f.duo_termijn,
        f.duo_pip[0] if f.duo_pip else None,
    )
    if inburgeringstermijn is not None:
        leerroute = f.huidige_leerroute or (f.duo_pip[1] if f.duo_pip else "")
        route = Leerroute(leerroute) if leerroute in Leerroute.__members__.values() else None
        if route is not None and ROUTES[route].schakelen_mogelijk:
            schakel = _schakeltermijn(inburgeringstermijn.start)
            if schakel.laatste_dag - HORIZON_SCHAKELEN <= peildatum <= schakel.laatste_dag:
                maak(Soort.SCHAKELTERMIJN, schakel.laatste_dag, schakel.regel.id, schakel.uitleg,
                     uitleg_en=schakel.uitleg_en)  # fmt: skip
        einde = inburgeringstermijn.laatste_dag
        if einde - HORIZON_TERMIJN_EINDE <= peildatum:
            maak(Soort.TERMIJN_EINDE, einde, inburgeringstermijn.regel.id,
                 inburgeringstermijn.uitleg, uitleg_en=inburgeringstermijn.uitleg_en)  # fmt: skip

    for bezwaar_uuid, verzonden, commissie, verdaagd in f.open_bezwaren:
        beslis = _beslistermijn(verzonden, commissie, verdaagd)
        maak(Soort.BEZWAAR, beslis.laatste_dag, beslis.regel.id, beslis.uitleg, bezwaar_uuid,
             uitleg_en=beslis.uitleg_en)  # fmt: skip

    for gesprek_uuid, gepland in f.geplande_gesprekken:
        if gepland < peildatum:
            maak(Soort.GESPREK_GEMIST, gepland, R24.id,
                 "Het gesprek stond gepland maar er is geen verslag. Leg vast wat er gebeurde of "
                 "plan een nieuw gesprek.", gesprek_uuid,
                 uitleg_en="The talk was planned but there is no report. Record what happened "
                 "or plan a new talk.")  # fmt: skip
        elif gepland <= peildatum + HORIZON_GESPREK:
            maak(Soort.VOORTGANGSGESPREK, gepland, R24.id,
                 "Het PIP zegt hoe de voortgang wordt gevolgd; dit gesprek hoort daarbij.",
                 gesprek_uuid,
                 uitleg_en="The PIP says how progress is followed; this talk is part of it.",
                 )  # fmt: skip

    if f.geboortedatum is not None:
        signaal, aow_dag = _aow(f.geboortedatum)
        if signaal.waarde <= peildatum < aow_dag.waarde:
            maak(Soort.AOW, aow_dag.waarde, signaal.regel.id, signaal.uitleg,
                 uitleg_en=signaal.uitleg_en)  # fmt: skip
    return uit
