"""What the portal shows one newcomer: only their own records, never internal notes.

Every function takes the newcomer's own ``Inburgeraar`` (from the portal session) and reads
through it; an object is found only among that person's own, so another person's id is a 404 by
construction. What is left out on purpose: reports of talks, intake notes (health, finances),
enforcement reports, the caseworker's reasoning, and anything still a draft (ADR 0086).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openinburgering.core.keten.raadplegen import inburgeringstermijn
from openinburgering.core.keten.uitgaand import KetenNietIngericht
from openinburgering.handhaving.models import Handhavingsstap as Boetestap
from openinburgering.handhaving.models import StapSoort as BoeteStapSoort
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.inburgeraars.workflow import Status
from openinburgering.intake.models import MET_AFSPRAAK, BredeIntake, Handhavingsstap, IntakeStatus
from openinburgering.pip.models import GesprekStatus, PipStatus, PipVersie, Voortgangsgesprek
from openinburgering.regels.codes import Leerroute
from openinburgering.taalaanbieders.codes import ACTIEF
from openinburgering.taalaanbieders.models import Examendatum, InstellingContact, Verwijzing
from openinburgering.traject.models import (
    Afronding,
    DeelnameStatus,
    ExamenUitslag,
    MapActiviteit,
    Onderdeel,
    PvtBijeenkomst,
)

from .models import Bericht


def inburgeraar_voor_bsn(bsn: str) -> Inburgeraar | None:
    """The person record for a BSN from DigiD: the open dossier, else the latest one. A BSN
    without a record gives None (the portal says so and shows nothing)."""
    from openinburgering.core import bsn as bsn_tools

    kandidaten = list(
        Inburgeraar.objects.filter(bsn_hash=bsn_tools.zoekhash(bsn))
        .select_related("dossier", "gemeente")
        .order_by("-aangemaakt_op", "-id")
    )
    open_ = [i for i in kandidaten if _dossier(i) and i.dossier.status != Status.AFGEROND]
    gekozen = open_ or kandidaten
    return gekozen[0] if gekozen else None


def _dossier(inburgeraar: Inburgeraar) -> Dossier | None:
    try:
        return inburgeraar.dossier
    except Dossier.DoesNotExist:
        return None


def eigen_inburgeraar(inburgeraar_id: int) -> Inburgeraar | None:
    return (
        Inburgeraar.objects.select_related("gemeente", "dossier__klantregisseur")
        .filter(pk=inburgeraar_id)
        .first()
    )


# --- the plan ---------------------------------------------------------------------------------

ROUTE_UITLEG = {
    Leerroute.B1_ROUTE.value: (
        gettext_lazy(
            "U leert Nederlands tot niveau B1. U gaat naar een taalschool. "
            "U doet ook de PVT en de MAP."
        )
    ),
    Leerroute.ONDERWIJSROUTE.value: (
        gettext_lazy(
            "U leert Nederlands om daarna een opleiding te doen. U gaat naar een taalschool."
        )
    ),
    Leerroute.Z_ROUTE.value: (
        gettext_lazy(
            "U leert meedoen in Nederland, op uw eigen manier. U leert ook Nederlands. "
            "U doet de PVT en de MAP."
        )
    ),
}


@dataclass
class Stap:
    titel: str
    klaar: bool
    wanneer: date | None = None
    uitleg: str = ""


@dataclass
class Overzicht:
    inburgeraar: Inburgeraar
    pip: PipVersie | None
    route_uitleg: str
    stappen: list[Stap] = field(default_factory=list)
    volgende: Stap | None = None


def overzicht(inburgeraar: Inburgeraar) -> Overzicht:
    dossier = _dossier(inburgeraar)
    pip = (
        PipVersie.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).first()
        if dossier
        else None
    )
    intake = BredeIntake.objects.filter(dossier=dossier).first() if dossier else None
    afrondingen = {a.onderdeel: a for a in Afronding.objects.filter(dossier=dossier)}
    verwijzing = _school(inburgeraar)
    geslaagd = (
        ExamenUitslag.objects.filter(dossier=dossier, resultaat="Geslaagd").exists()
        if dossier
        else False
    )
    stappen = [
        Stap(
            _("U bent aangemeld bij de gemeente"),
            True,
            dossier.aangemeld_op if dossier else None,
        ),
        Stap(
            _("Gesprek over uw situatie (brede intake)"),
            intake is not None and intake.status == IntakeStatus.AFGESLOTEN,
            intake.afgesloten_op if intake else None,
            _("We praten over uw taal, werk, gezondheid en gezin."),
        ),
        Stap(
            _("Uw plan is klaar (PIP)"),
            pip is not None,
            pip.dagtekening if pip else None,
            _("In het plan staat wat u gaat doen en wat de gemeente doet."),
        ),
        Stap(
            _("U gaat naar school"),
            verwijzing is not None and verwijzing.intake_bevestigd_op is not None,
            verwijzing.intake_bevestigd_op if verwijzing else None,
        ),
        Stap(
            _("Participatieverklaring (PVT)"),
            bool(afrondingen.get(Onderdeel.PVT) and afrondingen[Onderdeel.PVT].datum),
            afrondingen[Onderdeel.PVT].datum if Onderdeel.PVT in afrondingen else None,
            _("U leert over de regels en waarden in Nederland."),
        ),
        Stap(
            _("Werk en meedoen (MAP)"),
            bool(afrondingen.get(Onderdeel.MAP) and afrondingen[Onderdeel.MAP].datum),
            afrondingen[Onderdeel.MAP].datum if Onderdeel.MAP in afrondingen else None,
            _("U leert over werk in Nederland."),
        ),
        Stap(_("Examen gehaald"), geslaagd),
    ]
    route = ROUTE_UITLEG.get(pip.leerroute, "") if pip else ""
    return Overzicht(
        inburgeraar=inburgeraar,
        pip=pip,
        route_uitleg=str(route),
        stappen=stappen,
        volgende=next((s for s in stappen if not s.klaar), None),
    )


# --- appointments -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Afspraak:
    uuid: UUID
    soort: str
    titel: str
    begin: datetime | date
    einde: datetime | date | None = None
    plaats: str = ""

    @property
    def dag(self) -> date:
        return (
            timezone.localtime(self.begin).date()
            if isinstance(self.begin, datetime)
            else self.begin
        )


def _om(dag: date, tijd: time) -> datetime:
    return timezone.make_aware(datetime.combine(dag, tijd))


def afspraken(inburgeraar: Inburgeraar) -> list[Afspraak]:
    """Intake meetings, progress talks, PVT sessions and MAP activities, soonest first."""
    dossier = _dossier(inburgeraar)
    if dossier is None:
        return []
    uit: list[Afspraak] = []
    gemeente_adres = inburgeraar.gemeente.adres
    uit.extend(
        Afspraak(
            stap.uuid,
            "intake",
            _("Gesprek over uw situatie (brede intake)"),
            stap.afspraak_op,
            None,
            stap.afspraak_plaats,
        )
        for stap in Handhavingsstap.objects.filter(
            intake__dossier=dossier, soort__in=MET_AFSPRAAK, afspraak_op__isnull=False
        )
        if stap.afspraak_op is not None
    )
    uit.extend(
        Afspraak(
            gesprek.uuid,
            "gesprek",
            _("Gesprek over hoe het gaat"),
            gesprek.gepland_op,
            None,
            gemeente_adres,
        )
        for gesprek in Voortgangsgesprek.objects.filter(
            dossier=dossier, status=GesprekStatus.GEPLAND
        )
    )
    uit.extend(
        Afspraak(
            b.uuid,
            "pvt",
            _("Participatieverklaring (PVT): %(onderwerp)s") % {"onderwerp": b.onderwerp},
            _om(b.datum, b.begintijd),
            _om(b.datum, b.eindtijd),
            b.groep.locatie,
        )
        for b in PvtBijeenkomst.objects.filter(
            groep__deelnames__dossier=dossier, groep__deelnames__status=DeelnameStatus.UITGENODIGD
        ).select_related("groep")
    )
    uit.extend(
        Afspraak(
            a.uuid,
            "map",
            _("Werk en meedoen (MAP): %(wat)s") % {"wat": a.omschrijving},
            a.datum,
        )
        for a in MapActiviteit.objects.filter(dossier=dossier)
    )
    return sorted(uit, key=lambda a: (a.dag, str(a.uuid)))


def afspraak(inburgeraar: Inburgeraar, uuid: UUID) -> Afspraak | None:
    return next((a for a in afspraken(inburgeraar) if a.uuid == uuid), None)


# --- deadlines --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Termijn:
    titel: str
    datum: date
    uitleg: str = ""


def termijnen(inburgeraar: Inburgeraar) -> list[Termijn]:
    """End of the integration term, exam dates, and answers asked of the newcomer."""
    dossier = _dossier(inburgeraar)
    if dossier is None:
        return []
    uit: list[Termijn] = []
    besloten = list(
        PipVersie.objects.filter(dossier=dossier)
        .exclude(status=PipStatus.CONCEPT)
        .select_related("beschikking")
    )
    try:
        termijn = inburgeringstermijn(
            inburgeraar, pip_dagtekeningen=[p.dagtekening for p in besloten if p.dagtekening]
        )
    except KetenNietIngericht:
        termijn = None
    if termijn is not None:
        uit.append(
            Termijn(
                _("Einde van uw inburgeringstermijn"),
                termijn.laatste_dag,
                _("Vóór deze datum moet u klaar zijn met inburgeren."),
            )
        )
    uit.extend(
        Termijn(
            _("Examen %(onderdeel)s") % {"onderdeel": examen.get_onderdeel_display()},
            examen.datum,
            _("Uw school heeft deze datum doorgegeven."),
        )
        for examen in Examendatum.objects.filter(verwijzing__inburgeraar=inburgeraar)
    )
    uit.extend(
        Termijn(
            _("Uw reactie op onze brief"),
            stap.zienswijze_uiterlijk,
            _("Wij vragen u om te reageren. U kunt ons een bericht sturen."),
        )
        for stap in Boetestap.objects.filter(
            zaak__dossier=dossier,
            soort=BoeteStapSoort.VOORNEMEN,
            zienswijze_uiterlijk__isnull=False,
        )
        if stap.zienswijze_uiterlijk is not None
    )
    vandaag = timezone.localdate()
    uit.extend(
        Termijn(
            _("Bezwaar maken tegen uw plan (PIP)"),
            pip.beschikking.bezwaar_uiterlijk,
            _("Bent u het niet eens met uw plan? Dan kunt u tot deze datum bezwaar maken."),
        )
        for pip in besloten
        if pip.beschikking is not None and pip.beschikking.bezwaar_uiterlijk >= vandaag
    )
    return sorted(uit, key=lambda t: t.datum)


# --- school and contact -----------------------------------------------------------------------


def _school(inburgeraar: Inburgeraar) -> Verwijzing | None:
    return (
        Verwijzing.objects.filter(inburgeraar=inburgeraar, status__in=ACTIEF)
        .select_related("instelling")
        .order_by("-verwezen_op")
        .first()
    )


def contact(inburgeraar: Inburgeraar) -> dict[str, Any]:
    dossier = _dossier(inburgeraar)
    verwijzing = _school(inburgeraar)
    school_contact = (
        InstellingContact.objects.filter(
            gemeente=inburgeraar.gemeente, instelling=verwijzing.instelling
        ).first()
        if verwijzing
        else None
    )
    regisseur = dossier.klantregisseur if dossier else None
    return {
        "gemeente": inburgeraar.gemeente,
        "klantregisseur": (regisseur.get_full_name() or "") if regisseur else "",
        "verwijzing": verwijzing,
        "school_contact": school_contact,
    }


# --- letters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brief:
    uuid: UUID
    titel: str
    datum: date
    pad: str
    bestandsnaam: str


def brieven(inburgeraar: Inburgeraar) -> list[Brief]:
    """The letters and beschikkingen that were sent: PIPs, intake letters, enforcement letters."""
    dossier = _dossier(inburgeraar)
    if dossier is None:
        return []
    uit: list[Brief] = []
    uit.extend(
        Brief(
            pip.uuid,
            _("Uw plan (PIP), versie %(nr)s") % {"nr": pip.volgnummer},
            pip.vastgestelde_dagtekening,
            pip.beschikking_pad,
            f"pip-{pip.volgnummer}.pdf",
        )
        for pip in (
            PipVersie.objects.filter(dossier=dossier)
            .exclude(status=PipStatus.CONCEPT)
            .exclude(beschikking_pad="")
        )
    )
    uit.extend(
        Brief(
            stap.uuid,
            stap.get_soort_display(),
            stap.datum,
            stap.brief_pad,
            f"brief-{stap.datum:%Y%m%d}.pdf",
        )
        for stap in Handhavingsstap.objects.filter(intake__dossier=dossier).exclude(brief_pad="")
    )
    uit.extend(
        Brief(
            stap.uuid,
            stap.get_soort_display(),
            stap.datum,
            stap.brief_pad,
            f"brief-{stap.datum:%Y%m%d}.pdf",
        )
        for stap in Boetestap.objects.filter(zaak__dossier=dossier).exclude(brief_pad="")
    )
    return sorted(uit, key=lambda b: b.datum, reverse=True)


def brief(inburgeraar: Inburgeraar, uuid: UUID) -> Brief | None:
    return next((b for b in brieven(inburgeraar) if b.uuid == uuid), None)


# --- messages ---------------------------------------------------------------------------------


def eigen_berichten(inburgeraar: Inburgeraar) -> list[Bericht]:
    dossier = _dossier(inburgeraar)
    return list(Bericht.objects.filter(dossier=dossier)[:20]) if dossier else []
