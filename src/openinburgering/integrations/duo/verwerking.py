"""Processing a stored DUO notification: ask DUO, update the dossier, explain, create work items.

What an event means (close the dossier, pause the duty, start the PIP clock, a task, which of
DUO's APIs to consult, or that DUO does not send it yet) is ``regels.duo``'s alone
(``gevolg_van_gebeurtenis``). Here, per event, is how DUO's answers are explained on the timeline
and which of the integration's own work items follow; then the generic part of the meaning is
applied, and then the reactions the domain apps registered (``core.keten.reacties``, ADR 0050):
this module imports no domain app. DUO is asked *before* the transaction; all changes and the new
status of the notification are written in one transaction with the notification row locked, so
processing twice has one effect.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy, gettext_noop

import requests
import structlog
from stdnum.nl import bsn as stdnum_bsn

from openinburgering.accounts.context import Actor
from openinburgering.core import brp
from openinburgering.core import bsn as bsn_tools
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.keten import reacties
from openinburgering.core.teksten import Tekst
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron, Dossier, Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.logboek.models import Activiteit, Doel
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import codes as regelcodes
from openinburgering.regels import duo_besluiten, termijnen
from openinburgering.regels.duo import gevolg_van_gebeurtenis, taak_termijn
from openinburgering.regels.intake import beoordeel_lbt
from openinburgering.regels.plicht import bepaal_regime

from . import data
from .client import Duo
from .fouten import DuoFout, DuoNietBereikbaar, DuoNietGevonden
from .herhaling import backoff, opgeven_na
from .models import (
    Notificatie,
    NotificatieStatus,
    Werkitem,
    WerkitemSoort,
)
from .services import (
    duo_stand_bijwerken,
    signalen_bijwerken,
    werkitem_aanmaken,
    werkitem_maken,
    werkitems_sluiten,
)

logger = structlog.get_logger(__name__)

G = regelcodes.Gebeurtenis

#: The dossier closes with this end reason (R45).
EINDREDEN = {
    G.SS106: Eindreden.VOLDAAN,
    G.SS107: Eindreden.VRIJGESTELD,
    G.SS108: Eindreden.ONTHEVEN,
    G.SS110: Eindreden.PLICHT_VERVALLEN,
    G.SS111: Eindreden.OVERLEDEN,
}

OPEN_STATUSSEN = (NotificatieStatus.ONTVANGEN, NotificatieStatus.OPNIEUW)

#: Work items tied to the running duty: they lapse when the duty ends (R45). Items about data
#: (names, DUO's refusals, differences) stay open.
KLOK_SOORTEN = (
    WerkitemSoort.BREDE_INTAKE,
    WerkitemSoort.PIP_TERMIJN,
    WerkitemSoort.PIP_NIEUWE_GEMEENTE,
    WerkitemSoort.LEERROUTE_HERVATTEN,
    WerkitemSoort.PIP_ONTBREEKT,
    WerkitemSoort.DOELGROEP_GEWIJZIGD,
    WerkitemSoort.AOW_LEEFTIJD,
    WerkitemSoort.LBT_UITSLAG,
    WerkitemSoort.TERMIJN_VERLENGD,
    WerkitemSoort.BESLUIT_DUO,
    WerkitemSoort.PLICHT_GEPAUZEERD,
    WerkitemSoort.LEERROUTE_TE_LAAT,
    WerkitemSoort.AANBOD_ONTBREEKT,
    WerkitemSoort.OPLEIDINGSCONTRACT,
    WerkitemSoort.ADVIES_ONTHEFFING,
    WerkitemSoort.OPLEIDING_BEEINDIGD,
)


def _actor(gemeente) -> Actor:
    return Actor(gemeente=gemeente, systeem="DUO-koppeling")


def _datum(waarde: date | None) -> str:
    return date_format(waarde, "d-m-Y") if waarde else "–"


# --- what to ask DUO --------------------------------------------------------------------------


@dataclass
class Opgehaald:
    """DUO's answers for one notification (``None``: DUO has no such data, 404)."""

    plicht: data.Inburgeringsplicht | None = None
    doelgroep: data.Doelgroep | None = None
    termijn: data.Inburgeringstermijn | None = None
    pip: data.Pip | None = None
    vrijstellingen: list[data.Vrijstelling] | None = None
    ontheffingen: list[data.Ontheffing] | None = None
    examennummer: data.Examennummer | None = None
    lbt_resultaten: list[data.LbtResultaat] | None = None
    examenresultaten: list[data.Examenresultaat] | None = None
    gratis_pogingen: list[data.GratisPogingen] | None = None
    verlengingen: list[data.Verlengingsaanvraag] | None = None
    boetes: list[data.BoeteBijDuo] | None = None
    gevraagd: tuple[str, ...] = ()

    def als_json(self) -> dict:
        uit = {}
        for naam in self.gevraagd:
            waarde = getattr(self, naam)
            if isinstance(waarde, list):
                uit[naam] = [w.als_json() for w in waarde]
            else:
                uit[naam] = waarde.als_json() if waarde is not None else None
        return uit


VRAGEN: dict[str, Callable[[Duo, str], object]] = {
    "plicht": lambda duo, bsn: duo.plicht.plicht(bsn=bsn),
    "doelgroep": lambda duo, bsn: duo.plicht.doelgroep(bsn=bsn),
    "termijn": lambda duo, bsn: duo.termijn.termijn(bsn=bsn),
    "pip": lambda duo, bsn: duo.pip.pip(bsn=bsn),
    "vrijstellingen": lambda duo, bsn: duo.vrijstelling.vrijstellingen(bsn=bsn),
    "ontheffingen": lambda duo, bsn: duo.ontheffing.ontheffingen(bsn=bsn),
    "examennummer": lambda duo, bsn: duo.lbt.examennummer(bsn=bsn),
    "lbt_resultaten": lambda duo, bsn: duo.lbt.resultaten(bsn=bsn),
    "examenresultaten": lambda duo, bsn: duo.examen.resultaten(bsn=bsn),
    "gratis_pogingen": lambda duo, bsn: duo.examen.gratis_pogingen(bsn=bsn),
    "verlengingen": lambda duo, bsn: duo.verlenging.verlengingen(bsn=bsn),
    "boetes": lambda duo, bsn: duo.boete.boetes(bsn=bsn),
}

#: DUO's API names in ``regels.duo.Gevolg.raadplegen`` and what we then ask.
API_VRAGEN = {
    "Inburgeringsplicht": ("plicht", "doelgroep"),
    "Inburgeringstermijn": ("termijn",),
    "PIP": ("pip",),
    "Vrijstelling": ("vrijstellingen",),
    "Ontheffing": ("ontheffingen",),
    "Verlenging": ("verlengingen",),
    "Boete": ("boetes",),
}


def raadplegen(duo: Duo, bsn: str, vragen: tuple[str, ...]) -> Opgehaald:
    """Ask DUO; a 404 is an answer (no data). DuoNietBereikbaar etc. propagate."""
    opgehaald = Opgehaald(gevraagd=vragen)
    for vraag in vragen:
        try:
            setattr(opgehaald, vraag, VRAGEN[vraag](duo, bsn))
        except DuoNietGevonden:
            setattr(opgehaald, vraag, None)
    return opgehaald


# --- per event ----------------------------------------------------------------------------------


@dataclass
class Verzameling:
    """What set-based processing (:mod:`.nieuwe_personen`) collects to insert per batch."""

    gebeurtenissen: list[Gebeurtenis] = field(default_factory=list)
    werkitems: list[Werkitem] = field(default_factory=list)


@dataclass
class Context:
    notificatie: Notificatie
    gebeurtenis: regelcodes.Gebeurtenis
    bsn: str
    opgehaald: Opgehaald
    actor: Actor
    inburgeraar: Inburgeraar | None = None
    nieuw: bool = False
    #: Earlier DUO data of the person (before this notification).
    vorige_stand: dict = field(default_factory=dict)
    resultaat: list[str] = field(default_factory=list)
    #: Set when many new people are processed at once: entries and items are collected here and
    #: inserted together instead of one by one.
    verzameling: Verzameling | None = None
    #: What the BRP said about a person new here (ADR 0062), or why it could not say.
    brp: brp.BrpPersoon | None = None
    brp_fout: brp.BrpFout | None = None

    @property
    def gemeente(self):
        return self.notificatie.gemeente

    @property
    def dossier(self) -> Dossier:
        return self.inburgeraar.dossier

    @property
    def meldingsdatum(self) -> date:
        return timezone.localdate(self.notificatie.registratie_datum_tijd)

    def tijdlijn(self, omschrijving: str, **gegevens) -> None:
        gebeurtenis = self._gebeurtenis(omschrijving, gegevens)
        if self.verzameling is not None:
            self.verzameling.gebeurtenissen.append(gebeurtenis)
        else:
            gebeurtenis.save(force_insert=True)
        self.resultaat.append(omschrijving)

    def _gebeurtenis(self, omschrijving: str, gegevens: dict) -> Gebeurtenis:
        return inburgeraar_services.gebeurtenis_maken(
            dossier=self.dossier,
            soort=self.gebeurtenis.value,
            omschrijving=omschrijving,
            bron=Bron.DUO,
            actor=self.actor,
            tijdstip=self.notificatie.registratie_datum_tijd,
            gegevens={
                "gebeurtenis": self.gebeurtenis.value,
                "notificatie": str(self.notificatie.uuid),
                **gegevens,
            },
        )

    def werkitem(self, soort: str, titel: str, **kwargs) -> Werkitem:
        velden = {
            "gemeente": self.gemeente,
            "dossier": self.dossier,
            "soort": soort,
            "titel": titel,
            "notificatie": self.notificatie,
            "sleutel": kwargs.pop("sleutel", f"notificatie:{self.notificatie.uuid}:{soort}"),
            **kwargs,
        }
        if self.verzameling is None:
            return werkitem_aanmaken(**velden)
        # A new dossier has no open items yet, so no key can be taken.
        item = werkitem_maken(**velden)
        self.verzameling.werkitems.append(item)
        return item


@dataclass(frozen=True)
class Aanpak:
    vragen: tuple[str, ...]
    verwerk: Callable[[Context], None]


def _plicht_tekst(plicht: data.Inburgeringsplicht | None) -> str:
    if plicht is None:
        return _("DUO gaf geen gegevens over de inburgeringsplicht.")
    if plicht.indicator:
        return _("Volgens DUO inburgeringsplichtig sinds %(datum)s.") % {
            "datum": _datum(plicht.begindatum)
        }
    return _("Volgens DUO geen inburgeringsplicht (meer): %(reden)s.") % {
        "reden": plicht.reden_geen_plicht or _("reden niet opgegeven")
    }


def _doelgroep_bijwerken(ctx: Context) -> str:
    """Take DUO's doelgroep onto the person; returns the old doelgroep if it changed."""
    doelgroep = ctx.opgehaald.doelgroep
    if doelgroep is None or not doelgroep.indeling or ctx.nieuw:
        return ""
    wijzigingen = {}
    if doelgroep.indeling != ctx.inburgeraar.doelgroep:
        wijzigingen["doelgroep"] = doelgroep.indeling
    if (
        doelgroep.gedetailleerde_doelgroep
        and doelgroep.gedetailleerde_doelgroep != ctx.inburgeraar.gedetailleerde_doelgroep
    ):
        wijzigingen["gedetailleerde_doelgroep"] = doelgroep.gedetailleerde_doelgroep
    if not wijzigingen:
        return ""
    oud = ctx.inburgeraar.doelgroep
    ctx.inburgeraar = inburgeraar_services.inburgeraar_wijzigen(
        actor=ctx.actor, inburgeraar=ctx.inburgeraar, versie=None, **wijzigingen
    )
    return oud if "doelgroep" in wijzigingen else ""


def verwerk_plichtig(ctx: Context) -> None:
    """SS101: the person has the duty to integrate."""
    ctx.tijdlijn(
        _("DUO meldt: deze persoon is inburgeringsplichtig.")
        + " "
        + _plicht_tekst(ctx.opgehaald.plicht)
    )
    # The intake to plan is the deadline engine's item (it derives it from the dossier).
    _doelgroep_bijwerken(ctx)


def verwerk_aow(ctx: Context) -> None:
    """SS128: the duty ends within 6 months (AOW age)."""
    plicht = ctx.opgehaald.plicht
    einde = plicht.einddatum if plicht else None
    ctx.tijdlijn(
        _(
            "DUO meldt: deze persoon bereikt binnen 6 maanden de AOW-leeftijd; de "
            "inburgeringsplicht eindigt dan (%(datum)s)."
        )
        % {"datum": _datum(einde)}
    )
    ctx.werkitem(
        WerkitemSoort.AOW_LEEFTIJD,
        _("AOW-leeftijd nadert: traject afronden of beëindigen"),
        toelichting=_("De plicht eindigt volgens DUO op %(datum)s.") % {"datum": _datum(einde)},
        deadline=einde,
        regel="R1",
    )


def verwerk_pip_termijn(ctx: Context) -> None:
    """SS139: the 10-week term to set the PIP started (again, e.g. after leaving the COA); the
    clock itself is the deadline engine's reaction to ``regels.duo``'s ``pip_termijn_starten``."""
    _doelgroep_bijwerken(ctx)


def verwerk_vrijstelling_ingetrokken_zonder_pip(ctx: Context) -> None:
    """SS129: temporary exemption withdrawn, no PIP yet: the 10-week clock restarts (R46)."""
    ctx.tijdlijn(
        _("DUO meldt: de tijdelijke vrijstelling is ingetrokken. Er is nog geen PIP.")
        + " "
        + _plicht_tekst(ctx.opgehaald.plicht)
    )


def verwerk_vrijstelling_ingetrokken_met_pip(ctx: Context) -> None:
    """SS130: temporary exemption withdrawn, PIP known: continue on the existing route (R46)."""
    termijn = ctx.opgehaald.termijn
    pip = ctx.opgehaald.pip
    tekst = _("DUO meldt: de tijdelijke vrijstelling is ingetrokken; de inburgering gaat verder.")
    if pip is not None:
        tekst += " " + _("Leerroute volgens het PIP: %(route)s.") % {
            "route": Tekst(regelcodes.Leerroute(pip.leerroute).label)
        }
    if termijn is not None:
        tekst += " " + _("De inburgeringstermijn loopt nu tot %(datum)s (exclusief).") % {
            "datum": _datum(termijn.einddatum)
        }
    ctx.tijdlijn(tekst)
    gevolg = gevolg_van_gebeurtenis(ctx.gebeurtenis)
    ctx.werkitem(
        WerkitemSoort.LEERROUTE_HERVATTEN,
        Tekst(gevolg.taak) if gevolg.taak else _("Leerroute hervatten"),
        regel=gevolg.regel.id if gevolg.regel else "",
    )


def verwerk_gevestigd_zonder_pip(ctx: Context) -> None:
    """SS120: settled in this gemeente, no PIP yet."""
    ctx.tijdlijn(
        _("DUO meldt: deze persoon heeft zich in deze gemeente gevestigd en heeft nog geen PIP.")
        + " "
        + _plicht_tekst(ctx.opgehaald.plicht)
    )
    _doelgroep_bijwerken(ctx)


def verwerk_gevestigd_met_pip(ctx: Context) -> None:
    """SS121: settled here with the PIP of the previous gemeente."""
    pip = ctx.opgehaald.pip
    termijn = ctx.opgehaald.termijn
    if pip is not None:
        route = regelcodes.Leerroute(pip.leerroute)
        tekst = _(
            "DUO meldt: deze persoon is uit een andere gemeente (%(code)s) hierheen verhuisd, met "
            "een PIP van %(datum)s in de %(route)s."
        ) % {
            "code": pip.gemeentecode,
            "datum": _datum(pip.dagtekening),
            "route": Tekst(route.label),
        }
        toelichting = _(
            "Het vorige PIP (gemeente %(code)s, %(datum)s): leerroute %(route)s%(niveau)s. Na een "
            "verhuizing blijft de leerroute gelijk, tenzij er een schakelbesluit is (R22)."
        ) % {
            "code": pip.gemeentecode,
            "datum": _datum(pip.dagtekening),
            "route": Tekst(route.label),
            "niveau": f", niveau {pip.niveau}" if pip.niveau else "",
        }
    else:
        tekst = _(
            "DUO meldt: deze persoon is met een PIP uit een andere gemeente hierheen verhuisd."
        )
        toelichting = _("DUO gaf het vorige PIP niet terug; vraag het na bij DUO.")
    if termijn is not None:
        tekst += " " + _("De inburgeringstermijn loopt tot %(datum)s (exclusief).") % {
            "datum": _datum(termijn.einddatum)
        }
    ctx.tijdlijn(
        tekst, vorig_pip=pip.als_json() if pip else None, termijn=termijn and termijn.als_json()
    )
    _doelgroep_bijwerken(ctx)
    ctx.werkitem(
        WerkitemSoort.PIP_NIEUWE_GEMEENTE,
        _("Nieuwe inwoner met PIP van een andere gemeente: PIP overnemen of opnieuw vaststellen"),
        toelichting=toelichting,
        regel="R22",
    )


def verwerk_doelgroep(ctx: Context) -> None:
    """SS124 (asiel → gezins-/overige migrant) and SS125 (the reverse)."""
    oud = _doelgroep_bijwerken(ctx)
    nieuw = ctx.opgehaald.doelgroep.indeling if ctx.opgehaald.doelgroep else ""
    ctx.tijdlijn(
        _("DUO meldt een andere doelgroep: %(oud)s → %(nieuw)s.")
        % {"oud": oud or ctx.inburgeraar.doelgroep, "nieuw": nieuw or _("onbekend")}
    )
    ctx.werkitem(
        WerkitemSoort.DOELGROEP_GEWIJZIGD,
        _("Doelgroep gewijzigd: PIP, aanbod en begeleiding nakijken"),
        toelichting=_(
            "Een inburgeringsaanbod en maatschappelijke begeleiding horen alleen bij "
            "asielstatushouders (R36)."
        ),
        regel="R36",
    )


def verwerk_tijdelijke_vrijstelling(ctx: Context) -> None:
    """SS109: temporary exemption granted; the duty pauses (R46)."""
    tijdelijk = [v for v in ctx.opgehaald.vrijstellingen or [] if v.soort == "tijdelijk"]
    if tijdelijk:
        v = tijdelijk[-1]
        tekst = _(
            "DUO meldt een tijdelijke vrijstelling (%(reden)s) van %(van)s tot %(tot)s; de "
            "inburgeringsplicht staat zolang stil."
        ) % {
            "reden": Tekst(regelcodes.RedenVrijstelling(v.reden).label)
            if v.reden in regelcodes.RedenVrijstelling.__members__.values()
            else v.reden,
            "van": _datum(v.startdatum),
            "tot": _datum(v.einddatum),
        }
    else:
        tekst = _("DUO meldt een tijdelijke vrijstelling; de inburgeringsplicht staat stil.")
    ctx.tijdlijn(tekst)
    ctx.werkitem(
        WerkitemSoort.PLICHT_GEPAUZEERD,
        _("Tijdelijke vrijstelling: lopende afspraken pauzeren"),
        regel="R46",
    )


def verwerk_einde(ctx: Context) -> None:
    """SS106–SS108, SS110, SS111: the duty is over. Closing the dossier and stopping the clocks
    is what ``regels.duo`` says these events mean (R45, :func:`reageren`)."""
    teksten = {
        G.SS106: _("DUO meldt: de inburgeringsplicht is voldaan (diploma)."),
        G.SS107: _("DUO meldt: de inburgeringsplicht is voldaan door een volledige vrijstelling."),
        G.SS108: _("DUO meldt: de inburgeringsplicht is voldaan door een volledige ontheffing."),
        G.SS110: _("DUO meldt: de inburgeringsplicht is vervallen."),
        G.SS111: _("DUO meldt: deze persoon is overleden."),
    }
    tekst = teksten[ctx.gebeurtenis]
    plicht = ctx.opgehaald.plicht
    if plicht is not None and plicht.reden_geen_plicht and ctx.gebeurtenis is not G.SS111:
        tekst += " " + _("Reden volgens DUO: %(reden)s.") % {"reden": plicht.reden_geen_plicht}
    ctx.tijdlijn(tekst)


def verwerk_lbt_aangemeld(ctx: Context) -> None:
    """SS137: registered for the leerbaarheidstoets."""
    nummer = ctx.opgehaald.examennummer
    ctx.tijdlijn(
        _("DUO meldt: aangemeld voor de leerbaarheidstoets (examennummer %(nummer)s).")
        % {"nummer": nummer.examennummer if nummer else "–"}
    )


def verwerk_lbt_uitslag(ctx: Context) -> None:
    """SS131: the leerbaarheidstoets was taken; R28 decides whether the outcome needs review."""
    resultaten = sorted(ctx.opgehaald.lbt_resultaten or [], key=lambda r: r.datum_afname)
    if not resultaten:
        ctx.tijdlijn(_("DUO meldt een uitslag van de leerbaarheidstoets, maar gaf geen uitslag."))
        return
    laatste = resultaten[-1]
    beoordeling = beoordeel_lbt(
        behaalde_score=laatste.behaalde_score,
        benodigde_score=laatste.benodigde_score,
        datum_afname=laatste.datum_afname,
        resultaat=regelcodes.LeerbaarheidstoetsResultaat(laatste.resultaat),
    )
    ctx.tijdlijn(
        _(
            "Uitslag leerbaarheidstoets van %(datum)s: %(resultaat)s (score %(score)s, nodig "
            "%(nodig)s)."
        )
        % {
            "datum": _datum(laatste.datum_afname),
            "resultaat": laatste.resultaat,
            "score": laatste.behaalde_score,
            "nodig": laatste.benodigde_score,
        },
        lbt=laatste.als_json(),
    )
    # The brede intake takes the result over: its reaction (``lbt_uitslag_overnemen``).
    ctx.werkitem(
        WerkitemSoort.LBT_UITSLAG,
        _("Uitslag leerbaarheidstoets opnieuw bekijken")
        if beoordeling.herbeoordelen
        else _("Uitslag leerbaarheidstoets verwerken in het PIP"),
        toelichting=beoordeling.uitleg,
        regel=beoordeling.regel.id,
    )


def verwerk_termijn(ctx: Context) -> None:
    """SS102 (term started), SS103/SS104 (extended ex officio / on request)."""
    termijn = ctx.opgehaald.termijn
    if termijn is None:
        ctx.tijdlijn(
            _("DUO meldt een wijziging van de inburgeringstermijn, maar gaf geen termijn.")
        )
        return
    uitleg = termijnen.inburgeringstermijn_van_duo(
        termijn.startdatum, termijn.einddatum, verlengingsgrond=termijn.verlengingsgrondomschrijving
    )
    if ctx.gebeurtenis is G.SS102:
        tekst = _(
            "DUO meldt: de inburgeringstermijn is begonnen op %(start)s en loopt tot %(eind)s."
        )
    elif ctx.gebeurtenis is G.SS103:
        tekst = _("DUO heeft de inburgeringstermijn ambtshalve verlengd tot %(eind)s.")
    else:
        tekst = _("DUO heeft de inburgeringstermijn op verzoek verlengd tot %(eind)s.")
    ctx.tijdlijn(
        tekst % {"start": _datum(termijn.startdatum), "eind": _datum(uitleg.laatste_dag)}
        + " "
        + uitleg.uitleg
        + _verlengingen_tijdlijn(ctx),
        termijn=termijn.als_json(),
    )
    boetes_tijdlijn(ctx)
    if ctx.gebeurtenis is not G.SS102:
        ctx.werkitem(
            WerkitemSoort.TERMIJN_VERLENGD,
            _("Termijn verlengd: planning en PIP-afspraken aanpassen"),
            toelichting=uitleg.uitleg,
            regel=uitleg.regel.id,
        )


def _termijn_verlengd(termijn: data.Inburgeringstermijn | None) -> bool:
    """Does DUO's term run longer than the standard three years (R42)?"""
    if termijn is None:
        return False
    return (
        termijnen.inburgeringstermijn_van_duo(termijn.startdatum, termijn.einddatum).regel.id
        == "R42"
    )


def verlengingen_uitleg(
    aanvragen: list[data.Verlengingsaanvraag], termijn: data.Inburgeringstermijn | None
) -> duo_besluiten.VerlengingStand:
    """R72 over DUO's answers: what the extension requests mean for the term."""
    return duo_besluiten.beoordeel_verlengingen(
        [
            duo_besluiten.Verlengingsaanvraag(
                ontvangstdatum=a.ontvangstdatum,
                beoordeling=a.beoordeling_aanvraag,
                datum_beoordeling=a.datum_beoordeling,
            )
            for a in aanvragen
        ],
        termijn_verlengd=_termijn_verlengd(termijn),
    )


def _verlengingen_tijdlijn(ctx: Context) -> str:
    """The sentence about DUO's extension requests (R72), when DUO was asked for them."""
    if "verlengingen" not in ctx.opgehaald.gevraagd:
        return ""
    uitleg = verlengingen_uitleg(ctx.opgehaald.verlengingen or [], ctx.opgehaald.termijn)
    return " " + uitleg.uitleg


def nieuwe_boetes(boetes: list[data.BoeteBijDuo], eerder_opgeslagen: list[dict]) -> list:
    """DUO's fines not in what DUO said before (the same amount and date count once each)."""
    eerder = Counter((b.get("bedrag"), b.get("datum")) for b in eerder_opgeslagen)
    nieuw = []
    for boete in sorted(boetes, key=lambda b: b.datum):
        sleutel = (boete.bedrag, boete.datum.isoformat())
        if eerder[sleutel]:
            eerder[sleutel] -= 1
        else:
            nieuw.append(boete)
    return nieuw


def boete_uitleg(boete: data.BoeteBijDuo, regime: str) -> duo_besluiten.DuoBoeteUitleg:
    """R73 for one of DUO's fines, under the law the person falls under (R2)."""
    return duo_besluiten.leg_duo_boete_uit(
        bedrag=Decimal(boete.bedrag),
        datum=boete.datum,
        regime=regelcodes.Regime(regime or regelcodes.Regime.WI2021),
    )


def boetes_tijdlijn(ctx: Context) -> None:
    """A fine DUO imposed (R73) that is new here: on the timeline, labelled as DUO's."""
    if "boetes" not in ctx.opgehaald.gevraagd:
        return
    for boete in nieuwe_boetes(ctx.opgehaald.boetes or [], ctx.vorige_stand.get("boetes") or []):
        uitleg = boete_uitleg(boete, ctx.inburgeraar.regime)
        ctx.tijdlijn(uitleg.uitleg, duo_boete=boete.als_json())


BESLUITEN = {
    G.SS113: gettext_lazy(
        "DUO heeft een verzoek om verlenging van de inburgeringstermijn afgewezen."
    ),
    G.SS114: gettext_lazy("DUO heeft een verzoek om volledige vrijstelling afgewezen."),
    G.SS115: gettext_lazy("DUO heeft een verzoek om tijdelijke vrijstelling afgewezen."),
    G.SS116: gettext_lazy("DUO heeft een verzoek om gedeeltelijke vrijstelling afgewezen."),
    G.SS117: gettext_lazy("DUO heeft een gedeeltelijke vrijstelling toegekend."),
    G.SS118: gettext_lazy("DUO heeft een verzoek om ontheffing afgewezen."),
    G.SS119: gettext_lazy("DUO heeft een gedeeltelijke ontheffing toegekend."),
}


def verwerk_besluit(ctx: Context) -> None:
    """SS113–SS119: DUO decided on a request (extension, exemption, release)."""
    tekst = str(BESLUITEN[ctx.gebeurtenis])
    details = [
        _("vrijstelling %(onderdeel)s: %(oordeel)s")
        % {"onderdeel": v.examenonderdeel or v.reden, "oordeel": v.oordeel}
        for v in ctx.opgehaald.vrijstellingen or []
        if v.soort == "gedeeltelijk"
    ]
    details += [
        _("ontheffing %(soort)s (%(grond)s%(onderdeel)s): %(oordeel)s")
        % {
            "soort": o.soort,
            "grond": o.grond,
            "onderdeel": f", {o.examenonderdeel}" if o.examenonderdeel else "",
            "oordeel": o.oordeel,
        }
        for o in ctx.opgehaald.ontheffingen or []
    ]
    if ctx.opgehaald.termijn is not None and ctx.gebeurtenis is G.SS113:
        details.append(
            _("de termijn blijft eindigen op %(datum)s (exclusief)")
            % {"datum": _datum(ctx.opgehaald.termijn.einddatum)}
        )
    if details:
        tekst += " " + _("Volgens DUO: %(details)s.") % {"details": "; ".join(details)}
    tekst += _verlengingen_tijdlijn(ctx)
    ctx.tijdlijn(tekst)
    ctx.werkitem(
        WerkitemSoort.BESLUIT_DUO,
        _("Besluit van DUO bespreken met de inburgeraar"),
        toelichting=tekst,
    )


def verwerk_examen(ctx: Context) -> None:
    """SS199: an exam result is known."""
    resultaten = ctx.opgehaald.examenresultaten or []
    gezien = {
        (r["examendatum"], r["onderdeel"], r["resultaat"])
        for r in ctx.vorige_stand.get("examenresultaten") or []
    }
    nieuw = [
        r for r in resultaten if (r.examendatum.isoformat(), r.onderdeel, r.resultaat) not in gezien
    ] or sorted(resultaten, key=lambda r: r.examendatum)[-1:]
    if not nieuw:
        ctx.tijdlijn(_("DUO meldt een examenresultaat, maar gaf geen resultaat."))
        return
    tegoed = {p.onderdeel: p.tegoed for p in ctx.opgehaald.gratis_pogingen or []}
    for r in sorted(nieuw, key=lambda r: (r.examendatum, r.onderdeel)):
        onderdeel = (
            Tekst(regelcodes.Examenonderdeel(r.onderdeel).label)
            if r.onderdeel in regelcodes.Examenonderdeel.__members__.values()
            else r.onderdeel
        )
        tekst = _("Examenresultaat %(onderdeel)s%(niveau)s van %(datum)s: %(resultaat)s.") % {
            "onderdeel": onderdeel,
            "niveau": f" ({r.niveau})" if r.niveau else "",
            "datum": _datum(r.examendatum),
            "resultaat": r.resultaat,
        }
        if r.reden_geen_resultaat:
            tekst += " " + _("Reden: %(reden)s.") % {"reden": r.reden_geen_resultaat}
        if r.onderdeel in tegoed:
            tekst += " " + _("Gratis pogingen over: %(aantal)s.") % {"aantal": tegoed[r.onderdeel]}
        ctx.tijdlijn(tekst, examenresultaat=r.als_json())
    # The route's exam overview follows DUO's answer: its reaction (``examenuitslag_overnemen``).


def verwerk_pip_ontbreekt(ctx: Context) -> None:
    """SS132: a course contract reached DUO before there is a PIP (R54, Wi2021 art. 11(2))."""
    gevolg = gevolg_van_gebeurtenis(ctx.gebeurtenis)
    ctx.tijdlijn(
        _(
            "DUO meldt: er is een cursuscontract binnengekomen terwijl er nog geen PIP is. Zonder "
            "PIP is er geen leerroute en geen aanbod."
        )
    )
    ctx.werkitem(
        WerkitemSoort.PIP_ONTBREEKT,
        Tekst(gevolg.taak),
        toelichting=_("Stel het PIP vast; een cursus hoort bij de leerroute uit het PIP."),
        regel=gevolg.regel.id if gevolg.regel else "",
    )


def verwerk_verlenging_aangevraagd(ctx: Context) -> None:
    """SS112: the person asked DUO to extend the term; DUO decides (SS104 or SS113)."""
    tekst = _(
        "DUO meldt: de inburgeraar heeft DUO gevraagd de inburgeringstermijn te verlengen. DUO "
        "beslist over het verzoek."
    )
    termijn = ctx.opgehaald.termijn
    if termijn is not None:
        tekst += " " + _("De inburgeringstermijn loopt nu tot %(datum)s (exclusief).") % {
            "datum": _datum(termijn.einddatum)
        }
    tekst += _verlengingen_tijdlijn(ctx)
    ctx.tijdlijn(tekst, termijn=termijn.als_json() if termijn else None)


#: DUO's attentiesignalen (R71): the timeline text, the kind of work item and its explanation;
#: the item's title is the task ``regels.duo`` names, its deadline follows from R71.
SIGNALEN: dict[regelcodes.Gebeurtenis, tuple[str, str, str]] = {
    G.SS122: (
        gettext_noop("DUO meldt: deze persoon is naar een andere gemeente vertrokken."),
        WerkitemSoort.VERTROKKEN,
        gettext_noop(
            "DUO vraagt de oude gemeente aan te vullen wat DUO nog mist (uren, MAP, PVT), zodat "
            "de nieuwe gemeente de inburgering kan hervatten. Sluit het dossier af en draag het "
            "over met ‘Dossier afsluiten en overdragen’ op de kaart Verhuizing (R76)."
        ),
    ),
    G.SS123: (
        gettext_noop("DUO meldt: deze persoon is uit Nederland vertrokken."),
        WerkitemSoort.VERTROKKEN,
        gettext_noop(
            "DUO vraagt de gemeente aan te vullen wat DUO nog mist (uren, MAP, PVT), zodat de "
            "inburgering bij terugkeer kan worden hervat. Na meer dan een jaar buiten Nederland "
            "vervalt de plicht; DUO meldt dat dan (SS110)."
        ),
    ),
    G.SS126: (
        gettext_noop(
            "DUO meldt: de termijn van 10 weken om de leerroute vast te stellen is verstreken en "
            "er is nog geen leerroute."
        ),
        WerkitemSoort.LEERROUTE_TE_LAAT,
        gettext_noop("Stel het PIP met de leerroute zo snel mogelijk vast."),
    ),
    G.SS127: (
        gettext_noop(
            "DUO meldt: er is een leerroute, maar DUO heeft nog geen inburgeringsaanbod ontvangen."
        ),
        WerkitemSoort.AANBOD_ONTBREEKT,
        gettext_noop("Doe de asielstatushouder het inburgeringsaanbod en meld het aan DUO."),
    ),
    G.SS133: (
        gettext_noop(
            "DUO meldt: er is een opleidingscontract binnengekomen met een taalniveau dat niet "
            "past bij de leerroute."
        ),
        WerkitemSoort.OPLEIDINGSCONTRACT,
        "",
    ),
    G.SS134: (
        gettext_noop(
            "DUO meldt: er is een opleidingscontract van een niet verwachte soort binnengekomen."
        ),
        WerkitemSoort.OPLEIDINGSCONTRACT,
        "",
    ),
    G.SS135: (
        gettext_noop(
            "DUO meldt: er is een opleidingscontract binnengekomen met een te hoog taalniveau "
            "voor de Z-route."
        ),
        WerkitemSoort.OPLEIDINGSCONTRACT,
        "",
    ),
    G.SS136: (
        gettext_noop(
            "DUO meldt: er is een opleidingscontract voor een taalschakeltraject binnengekomen, "
            "terwijl de leerroute geen onderwijsroute is."
        ),
        WerkitemSoort.OPLEIDINGSCONTRACT,
        "",
    ),
    G.SS140: (
        gettext_noop(
            "DUO vraagt de gemeente om advies over een verzoek om ontheffing wegens bijzondere "
            "individuele omstandigheden (BIO)."
        ),
        WerkitemSoort.ADVIES_ONTHEFFING,
        gettext_noop(
            "Geef DUO advies over de inspanningen en de omstandigheden van de inburgeraar."
        ),
    ),
    G.SS141: (
        gettext_noop(
            "DUO meldt: de tekst voor het certificaat van de Z-route staat klaar in het Portal "
            "Inburgering."
        ),
        WerkitemSoort.CERTIFICAAT_ZROUTE,
        gettext_noop("Download de tekst en reik het certificaat uit aan de inburgeraar."),
    ),
    G.SS142: (
        gettext_noop(
            "DUO meldt: de inburgeraar is uitgeschreven bij een niet-vrijstellende opleiding."
        ),
        WerkitemSoort.OPLEIDING_BEEINDIGD,
        gettext_noop(
            "Neem zo nodig contact op met de inburgeraar en herzie het PIP. Wie tijdens de "
            "termijn een niet-vrijstellende opleiding volgde, is niet verwijtbaar (R43)."
        ),
    ),
}

#: One explanation for all course contracts that do not fit (SS133–SS136).
CONTRACT_NAKIJKEN = gettext_noop(
    "Ga met de taalaanbieder na of het contract klopt. Past het niet bij het PIP, laat dan het "
    "contract aanpassen of herzie het PIP."
)

#: Why the task has its deadline, per rule that sets it (R71).
TERMIJN_UITLEG = {
    "R9": gettext_noop(
        "De termijn van 10 weken voor de leerroute is voorbij: de taak is meteen te laat (R9)."
    ),
    "R47": gettext_noop(
        "Uiterlijk %(datum)s: tot dan mag deze gemeente nog gegevens met DUO uitwisselen (R47)."
    ),
    "R55": gettext_noop(
        "Het aanbod moet uiterlijk %(datum)s starten (R55). Start het later, dan heeft de "
        "inburgeraar voor verlenging een verklaring van de gemeente nodig."
    ),
    "R71": gettext_noop("Geen wettelijke termijn: beoordelen uiterlijk %(datum)s (R71)."),
}


def verwerk_attentiesignaal(ctx: Context) -> None:
    """DUO's attentiesignalen (SS122, SS123, SS126, SS127, SS133–SS136, SS140–SS142): explain
    the signal on the timeline and open the task ``regels.duo`` names, with the deadline R71
    gives (R9, R47, R55 where a law sets one)."""
    gevolg = gevolg_van_gebeurtenis(ctx.gebeurtenis)
    tijdlijntekst, soort, uitleg = SIGNALEN[ctx.gebeurtenis]
    ctx.tijdlijn(_(tijdlijntekst))
    pip = ctx.opgehaald.pip
    leerroute = (
        regelcodes.Leerroute(pip.leerroute)
        if pip is not None and pip.leerroute in regelcodes.Leerroute.__members__.values()
        else None
    )
    termijn = taak_termijn(
        gevolg,
        ctx.meldingsdatum,
        pip_dagtekening=pip.dagtekening if pip is not None else None,
        leerroute=leerroute,
    )
    toelichting = _(uitleg or CONTRACT_NAKIJKEN)
    if termijn is not None:
        toelichting += " " + _(TERMIJN_UITLEG[termijn.regel.id]) % {"datum": termijn.laatste_dag}
    ctx.werkitem(
        soort,
        Tekst(gevolg.taak),
        toelichting=toelichting,
        deadline=termijn.laatste_dag if termijn is not None else None,
        regel=termijn.regel.id if termijn is not None else "",
    )


#: The caseworker's tasks that ``regels.duo`` names (pure Python, so Dutch only): here for the
#: translation catalogue; they are shown through ``Tekst`` in the reader's language.
TAKEN = (
    gettext_noop("Leerroute hervatten; nieuwe termijn ophalen"),
    gettext_noop("PIP ontbreekt"),
    gettext_noop("Gegevens bij DUO aanvullen en het dossier overdragen"),
    gettext_noop("Termijn voor de leerroute verstreken: PIP vaststellen"),
    gettext_noop("Inburgeringsaanbod doen en aan DUO melden"),
    gettext_noop("Opleidingscontract nakijken"),
    gettext_noop("Advies aan DUO geven over de ontheffing (BIO)"),
    gettext_noop("Certificaat Z-route downloaden en uitreiken"),
    gettext_noop("Contact opnemen en het PIP zo nodig herzien"),
)

#: Texts earlier versions stored on work items this module no longer makes (the deadline engine
#: derives the 10-week and intake items now): kept in the catalogue so those stored items still
#: read in the reader's language.
EERDER_OPGESLAGEN = (
    gettext_noop("PIP vaststellen uiterlijk %(datum)s"),
    gettext_noop("Vervangen: DUO startte de termijn opnieuw."),
    gettext_noop("DUO meldde dat deze persoon inburgeringsplichtig is."),
    gettext_noop("Nieuwe inwoner: brede intake plannen"),
)

#: Per event DUO sends: the answers the explanation needs beyond what ``regels.duo`` says to
#: consult (``raadplegen``), and the handler that explains the event on the timeline and opens the
#: integration's work items. What the event means (clock, pause, closing, the domain apps'
#: reactions, or that DUO does not send it yet) is not here: :func:`reageren` reads it from
#: ``regels.duo``.
AANPAK: dict[regelcodes.Gebeurtenis, Aanpak] = {
    G.SS101: Aanpak(("examenresultaten",), verwerk_plichtig),
    G.SS102: Aanpak((), verwerk_termijn),
    G.SS103: Aanpak((), verwerk_termijn),
    G.SS104: Aanpak((), verwerk_termijn),
    G.SS106: Aanpak((), verwerk_einde),
    G.SS107: Aanpak((), verwerk_einde),
    G.SS108: Aanpak((), verwerk_einde),
    G.SS109: Aanpak((), verwerk_tijdelijke_vrijstelling),
    G.SS110: Aanpak((), verwerk_einde),
    G.SS111: Aanpak((), verwerk_einde),
    G.SS112: Aanpak((), verwerk_verlenging_aangevraagd),
    G.SS113: Aanpak((), verwerk_besluit),
    G.SS114: Aanpak((), verwerk_besluit),
    G.SS115: Aanpak((), verwerk_besluit),
    G.SS116: Aanpak((), verwerk_besluit),
    G.SS117: Aanpak((), verwerk_besluit),
    G.SS118: Aanpak((), verwerk_besluit),
    G.SS119: Aanpak((), verwerk_besluit),
    G.SS120: Aanpak((), verwerk_gevestigd_zonder_pip),
    G.SS121: Aanpak((), verwerk_gevestigd_met_pip),
    G.SS122: Aanpak((), verwerk_attentiesignaal),
    G.SS123: Aanpak((), verwerk_attentiesignaal),
    G.SS124: Aanpak(("doelgroep",), verwerk_doelgroep),
    G.SS125: Aanpak(("doelgroep",), verwerk_doelgroep),
    G.SS126: Aanpak((), verwerk_attentiesignaal),
    G.SS127: Aanpak((), verwerk_attentiesignaal),
    G.SS128: Aanpak(("plicht",), verwerk_aow),
    G.SS129: Aanpak((), verwerk_vrijstelling_ingetrokken_zonder_pip),
    G.SS130: Aanpak((), verwerk_vrijstelling_ingetrokken_met_pip),
    G.SS131: Aanpak(("lbt_resultaten",), verwerk_lbt_uitslag),
    G.SS132: Aanpak((), verwerk_pip_ontbreekt),
    G.SS133: Aanpak((), verwerk_attentiesignaal),
    G.SS134: Aanpak((), verwerk_attentiesignaal),
    G.SS135: Aanpak((), verwerk_attentiesignaal),
    G.SS136: Aanpak((), verwerk_attentiesignaal),
    G.SS137: Aanpak(("examennummer",), verwerk_lbt_aangemeld),
    G.SS139: Aanpak((), verwerk_pip_termijn),
    G.SS140: Aanpak((), verwerk_attentiesignaal),
    G.SS141: Aanpak((), verwerk_attentiesignaal),
    G.SS142: Aanpak((), verwerk_attentiesignaal),
    G.SS199: Aanpak(("examenresultaten", "gratis_pogingen"), verwerk_examen),
}


def vragen_voor(gebeurtenis: regelcodes.Gebeurtenis, nieuw_mogelijk: bool) -> tuple[str, ...]:
    """What regels says to consult, plus our table's extra questions, plus plicht+doelgroep to
    create a person."""
    vragen = []
    for api in gevolg_van_gebeurtenis(gebeurtenis).raadplegen:
        vragen.extend(API_VRAGEN.get(api, ()))
    vragen.extend(AANPAK[gebeurtenis].vragen)
    if nieuw_mogelijk:
        vragen.extend(("plicht", "doelgroep"))
    return tuple(dict.fromkeys(vragen))


def reageren(ctx: Context) -> None:
    """The event's explanation, then what ``regels.duo`` says the event means: first the generic
    part on the dossier (pause the duty, R46; stop the clocks and close the dossier, R45), then
    the reactions the domain apps registered for the event (e.g. the deadline engine starts the
    10-week clock, R9, R10, R46). All in the caller's transaction."""
    gevolg = gevolg_van_gebeurtenis(ctx.gebeurtenis)
    AANPAK[ctx.gebeurtenis].verwerk(ctx)
    if gevolg.plicht_pauzeren:
        werkitems_sluiten(
            dossier=ctx.dossier,
            soorten=[WerkitemSoort.PIP_TERMIJN],
            afhandeling=_("Gepauzeerd: tijdelijke vrijstelling (R46)."),
        )
    if gevolg.klokken_stoppen:
        werkitems_sluiten(
            dossier=ctx.dossier,
            soorten=KLOK_SOORTEN,
            afhandeling=_("Vervallen: de inburgeringsplicht is voorbij (R45)."),
        )
    if gevolg.dossier_sluiten and ctx.dossier.status != Status.AFGEROND:
        inburgeraar_services.dossier_status_wijzigen(
            actor=ctx.actor,
            dossier=ctx.dossier,
            naar=Status.AFGEROND,
            eindreden=EINDREDEN[ctx.gebeurtenis],
        )
    if reacties.reacties_voor(ctx.gebeurtenis):
        reacties.reageren(_duo_gebeurtenis(ctx, gevolg))


def _duo_gebeurtenis(ctx: Context, gevolg) -> reacties.DuoGebeurtenis:
    """The event as the domain apps see it: DUO's answers as small typed values."""
    opgehaald = ctx.opgehaald
    lbt = sorted(opgehaald.lbt_resultaten or [], key=lambda r: r.datum_afname)
    return reacties.DuoGebeurtenis(
        gebeurtenis=ctx.gebeurtenis,
        gevolg=gevolg,
        inburgeraar=ctx.inburgeraar,
        actor=ctx.actor,
        tijdstip=ctx.notificatie.registratie_datum_tijd,
        meldingsdatum=ctx.meldingsdatum,
        nieuw=ctx.nieuw,
        tijdlijn=ctx.tijdlijn,
        lbt_uitslag=reacties.LbtUitslag(
            resultaat=lbt[-1].resultaat,
            behaalde_score=lbt[-1].behaalde_score,
            benodigde_score=lbt[-1].benodigde_score,
            datum_afname=lbt[-1].datum_afname,
        )
        if lbt
        else None,
        examenuitslagen=tuple(
            reacties.Examenuitslag(
                onderdeel=r.onderdeel,
                niveau=r.niveau or "",
                examendatum=r.examendatum,
                resultaat=r.resultaat,
                reden_geen_resultaat=r.reden_geen_resultaat or "",
            )
            for r in opgehaald.examenresultaten or []
        ),
        gratis_pogingen=tuple(
            reacties.GratisPogingen(onderdeel=p.onderdeel, tegoed=p.tegoed)
            for p in opgehaald.gratis_pogingen or []
        ),
    )


# --- the task's body ----------------------------------------------------------------------------


def _afsluiten(notificatie_id: int, status: str, resultaat: str, inburgeraar=None) -> str:
    with transaction.atomic():
        notificatie = Notificatie.objects.select_for_update().get(pk=notificatie_id)
        if notificatie.status not in OPEN_STATUSSEN:
            return notificatie.status
        notificatie.status = status
        notificatie.resultaat = resultaat
        notificatie.verwerkt_op = timezone.now()
        notificatie.volgende_poging_op = None
        if inburgeraar is not None:
            notificatie.inburgeraar = inburgeraar
        notificatie.save()
    logger.info("duo_notificatie_afgesloten", notificatie=str(notificatie.uuid), status=status)
    return status


def _later_opnieuw(notificatie: Notificatie, fout: DuoFout) -> str:
    nu = timezone.now()
    if nu >= opgeven_na(notificatie.ontvangen_op):
        return _afsluiten(
            notificatie.pk,
            NotificatieStatus.MISLUKT,
            _("DUO bleef onbereikbaar; opgegeven na %(dagen)s dagen. %(fout)s")
            % {"dagen": settings.DUO_OUTBOX_OPGEVEN_NA_DAGEN, "fout": fout.melding},
        )
    with transaction.atomic():
        rij = Notificatie.objects.select_for_update().get(pk=notificatie.pk)
        if rij.status not in OPEN_STATUSSEN:
            return rij.status
        rij.status = NotificatieStatus.OPNIEUW
        rij.pogingen += 1
        rij.volgende_poging_op = nu + backoff(rij.pogingen)
        rij.resultaat = fout.melding
        rij.save(update_fields=["status", "pogingen", "volgende_poging_op", "resultaat"])
    logger.warning(
        "duo_notificatie_later_opnieuw", notificatie=str(notificatie.uuid), poging=rij.pogingen
    )
    return NotificatieStatus.OPNIEUW


def _zoek_persoon(notificatie: Notificatie) -> tuple[str, Inburgeraar | None]:
    if notificatie.bsn_hash:
        inburgeraar = (
            Inburgeraar.objects.filter(gemeente=notificatie.gemeente, bsn_hash=notificatie.bsn_hash)
            .select_related("dossier")
            .first()
        )
        return notificatie.bsn, inburgeraar
    inburgeraar = (
        Inburgeraar.objects.filter(gemeente=notificatie.gemeente, vnummer=notificatie.vnummer)
        .select_related("dossier")
        .first()
        if notificatie.vnummer
        else None
    )
    return (inburgeraar.bsn if inburgeraar else ""), inburgeraar


def _mislukt_met_werkitem(notificatie: Notificatie, inburgeraar, melding: str) -> str:
    with transaction.atomic():
        if inburgeraar is not None:
            werkitem_aanmaken(
                gemeente=notificatie.gemeente,
                dossier=inburgeraar.dossier,
                soort=WerkitemSoort.VERWERKING_MISLUKT,
                titel=_("Notificatie %(id)s van DUO kon niet worden verwerkt")
                % {"id": notificatie.gebeurtenis_id},
                toelichting=melding,
                notificatie=notificatie,
                sleutel=f"notificatie:{notificatie.uuid}:mislukt",
            )
        return _afsluiten(notificatie.pk, NotificatieStatus.MISLUKT, melding, inburgeraar)


def notificatie_verwerken(
    *, notificatie_id: int, sessie: requests.Session | None = None, _herhaling: bool = False
) -> str:
    """Process one notification; safe to call any number of times.

    An unexpected error never loses the notification: it is tried again later (with backoff)
    and shows on the beheer page with the kind of error (never its text: that may hold data).
    """
    notificatie = Notificatie.objects.select_related("gemeente").get(pk=notificatie_id)
    if notificatie.status not in OPEN_STATUSSEN:
        return notificatie.status
    try:
        return _verwerken(notificatie, sessie=sessie, _herhaling=_herhaling)
    except Exception as exc:  # noqa: BLE001 - kept for a retry, see docstring
        logger.error(
            "duo_notificatie_onverwachte_fout",
            notificatie=str(notificatie.uuid),
            fout=type(exc).__name__,
            # Where it came from, never the message (it may hold personal data).
            module=getattr(exc, "name", None) or type(exc).__module__,
            waar=fout_plaats(exc),
        )
        return _later_opnieuw(
            notificatie,
            DuoNietBereikbaar(
                _("Onverwachte fout bij het verwerken (%(soort)s).") % {"soort": type(exc).__name__}
            ),
        )


def fout_plaats(exc: BaseException) -> str:
    """The deepest frame of our own code in the traceback: ``module:function:line``."""
    waar, tb = "", exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if "openinburgering" in code.co_filename:
            waar = f"{tb.tb_frame.f_globals.get('__name__')}:{code.co_name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return waar


def ingehaald_tijdstip(datum: date) -> datetime:
    """When a caught-up event happened: DUO's list gives a date only, so the start of that day in
    Dutch time (ADR 0063)."""
    return timezone.make_aware(
        datetime.combine(datum, datetime.min.time()), timezone.get_default_timezone()
    )


def al_ingehaald(notificatie: Notificatie, duo: Duo, bsn: str) -> bool:
    """Is this notification from DUO an event we already caught up from DUO's list (ADR 0063)?

    Only asked when a caught-up notification of the same event on the same day exists; then DUO's
    list says how many such events there are. More notifications than DUO's events: this one came
    late, after its event was caught up."""
    if notificatie.ingehaald or not notificatie.bsn_hash:
        return False
    datum = timezone.localdate(notificatie.registratie_datum_tijd)
    begin = ingehaald_tijdstip(datum)
    zelfde = Notificatie.objects.filter(
        gemeente=notificatie.gemeente,
        bsn_hash=notificatie.bsn_hash,
        gebeurtenis_id=notificatie.gebeurtenis_id,
        registratie_datum_tijd__gte=begin,
        registratie_datum_tijd__lt=ingehaald_tijdstip(datum + timedelta(days=1)),
    )
    if not zelfde.filter(ingehaald=True, registratie_datum_tijd=begin).exists():
        return False
    try:
        bij_duo = sum(
            1
            for g in duo.gebeurtenis.gebeurtenissen(bsn=bsn)
            if (g.id, g.datum) == (notificatie.gebeurtenis_id, datum)
        )
    except DuoFout as fout:
        if isinstance(fout, DuoNietBereikbaar):
            raise
        # Without DUO's list we cannot tell: process it, as before the catch-up existed.
        return False
    return zelfde.count() > bij_duo


def bsn_bruikbaar(bsn: str) -> bool:
    """Can DUO be asked about this BSN? The endpoint accepts any nine digits (DUO's contract);
    only a BSN that passes the 11-proef is used."""
    return bsn.isascii() and stdnum_bsn.is_valid(bsn)


def _verwerken(
    notificatie: Notificatie, *, sessie: requests.Session | None, _herhaling: bool
) -> str:
    notificatie_id = notificatie.pk
    try:
        gebeurtenis = regelcodes.Gebeurtenis(notificatie.gebeurtenis_id)
    except ValueError:
        gebeurtenis = None
    if gebeurtenis is None or gevolg_van_gebeurtenis(gebeurtenis).gepland:
        return _afsluiten(
            notificatie.pk,
            NotificatieStatus.ONBEKEND,
            _("Gebeurtenis %(id)s kent deze applicatie (nog) niet; bewaard voor de beheerder.")
            % {"id": notificatie.gebeurtenis_id},
        )

    bsn, inburgeraar = _zoek_persoon(notificatie)
    if not bsn:
        return _afsluiten(
            notificatie.pk,
            NotificatieStatus.MISLUKT,
            _("Alleen een V-nummer dat hier niet bekend is, en DUO's API's vragen een BSN."),
        )
    if not bsn_bruikbaar(bsn):
        return _afsluiten(
            notificatie.pk,
            NotificatieStatus.MISLUKT,
            _("Het BSN in de notificatie voldoet niet aan de 11-proef."),
        )

    gevolg = gevolg_van_gebeurtenis(gebeurtenis)
    if inburgeraar is None and (gevolg.dossier_sluiten or gevolg.alleen_bij_dossier):
        return _afsluiten(
            notificatie.pk,
            NotificatieStatus.VERWERKT,
            _("Deze persoon is niet bekend in deze gemeente; er is geen dossier om te sluiten.")
            if gevolg.dossier_sluiten
            else _(
                "Deze persoon is niet bekend in deze gemeente; er is geen dossier om bij te werken."
            ),
        )

    duo = Duo(notificatie.gemeente, notificatie=notificatie, session=sessie)
    try:
        if inburgeraar is not None and al_ingehaald(notificatie, duo, bsn):
            return _afsluiten(
                notificatie.pk,
                NotificatieStatus.VERWERKT,
                _(
                    "Deze notificatie kwam pas binnen nadat dezelfde gebeurtenis uit DUO's lijst "
                    "was ingehaald; niet nog eens verwerkt."
                ),
                inburgeraar,
            )
        opgehaald = raadplegen(duo, bsn, vragen_voor(gebeurtenis, inburgeraar is None))
    except DuoNietBereikbaar as fout:
        return _later_opnieuw(notificatie, fout)
    except DuoFout as fout:
        return _mislukt_met_werkitem(notificatie, inburgeraar, fout.melding)
    # A person new here: name, birth date and address from the BRP, asked before the
    # transaction as DUO is. The BRP being down never holds up DUO's notification.
    brp_antwoord: tuple[brp.BrpPersoon | None, brp.BrpFout | None] = (None, None)
    if inburgeraar is None:
        personen, brp_fout = brp_raadplegen(notificatie.gemeente, [bsn])
        brp_antwoord = (personen.get(bsn), brp_fout or _niet_in_brp(personen, bsn))

    try:
        with transaction.atomic():
            rij = (
                Notificatie.objects.select_for_update(of=("self",))
                .select_related("gemeente")
                .get(pk=notificatie.pk)
            )
            if rij.status not in OPEN_STATUSSEN:
                return rij.status
            ctx = _toepassen(rij, gebeurtenis, bsn, opgehaald, brp_antwoord)
            rij.status = NotificatieStatus.VERWERKT
            rij.verwerkt_op = timezone.now()
            rij.volgende_poging_op = None
            rij.inburgeraar = ctx.inburgeraar
            rij.resultaat = " ".join(ctx.resultaat)[:2000]
            rij.save()
    except (ValidationError, Geweigerd, Conflict) as fout:
        _bsn, nu_bekend = _zoek_persoon(notificatie)
        if not _herhaling and (isinstance(fout, Conflict) or (inburgeraar is None and nu_bekend)):
            # Someone else changed or created the person at the same moment: once more.
            return notificatie_verwerken(
                notificatie_id=notificatie_id, sessie=sessie, _herhaling=True
            )
        melding = fout.message if hasattr(fout, "message") else "; ".join(fout.messages)
        return _mislukt_met_werkitem(notificatie, nu_bekend, melding)
    logger.info(
        "duo_notificatie_verwerkt",
        notificatie=str(notificatie.uuid),
        gebeurtenis=gebeurtenis.value,
        inburgeraar=str(ctx.inburgeraar.uuid),
        nieuw=ctx.nieuw,
    )
    return NotificatieStatus.VERWERKT


def _toepassen(
    notificatie, gebeurtenis, bsn, opgehaald: Opgehaald, brp_antwoord=(None, None)
) -> Context:
    actor = _actor(notificatie.gemeente)
    inburgeraar = (
        Inburgeraar.objects.select_for_update(of=("self",))
        .filter(gemeente=notificatie.gemeente, bsn_hash=bsn_tools.zoekhash(bsn))
        .select_related("dossier")
        .first()
    )
    ctx = Context(
        notificatie=notificatie,
        gebeurtenis=gebeurtenis,
        bsn=bsn,
        opgehaald=opgehaald,
        actor=actor,
        inburgeraar=inburgeraar,
        brp=brp_antwoord[0],
        brp_fout=brp_antwoord[1],
    )
    if inburgeraar is None:
        ctx.inburgeraar = _aanmaken(ctx)
        ctx.nieuw = True
    elif hasattr(inburgeraar, "duo_stand"):
        ctx.vorige_stand = inburgeraar.duo_stand.gegevens
    gevolg = gevolg_van_gebeurtenis(gebeurtenis)
    # A person new here whom the BRP reports deceased was closed at once (ADR 0065): that is no
    # event at a closed dossier to look into.
    if (
        ctx.dossier.status == Status.AFGEROND
        and not ctx.nieuw
        and not (gevolg.dossier_sluiten or gevolg.ook_bij_afgerond_dossier)
    ):
        ctx.tijdlijn(
            _("DUO meldt %(id)s terwijl dit dossier is afgerond.") % {"id": gebeurtenis.value}
        )
        ctx.werkitem(
            WerkitemSoort.VERWERKING_MISLUKT,
            _("DUO meldt een gebeurtenis bij een afgerond dossier: beoordelen"),
            toelichting=_(
                "Een afgerond dossier gaat niet opnieuw open. Beoordeel of er iets moet gebeuren."
            ),
        )
    else:
        reageren(ctx)
    if notificatie.vnummer and not ctx.inburgeraar.vnummer:
        ctx.inburgeraar = inburgeraar_services.inburgeraar_wijzigen(
            actor=actor, inburgeraar=ctx.inburgeraar, versie=None, vnummer=notificatie.vnummer
        )
    duo_stand_bijwerken(inburgeraar=ctx.inburgeraar, gegevens=opgehaald.als_json())
    signalen_bijwerken(ctx.dossier)
    # DUO's answers were taken into the dossier; the questions themselves are logged by the
    # client (``duo_opgevraagd``).
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.DUO_ONTVANGEN, pseudoniemen=[ctx.inburgeraar.pseudoniem]
    )
    return ctx


def nieuwe_persoon_velden(
    notificatie: Notificatie, opgehaald: Opgehaald, brp_persoon: brp.BrpPersoon | None = None
) -> dict:
    """The fields of a person DUO announces, from DUO's answers (regime from R2), with name,
    birth date and address from the BRP when it answered (ADR 0062).

    DUO gives no name or date of birth: without the BRP they stay empty (never invented values,
    ADR 0041) until the caseworker fills them in; :func:`persoonsgegevens_vragen` asks for that.
    """
    doelgroep = opgehaald.doelgroep
    plicht = opgehaald.plicht
    if doelgroep is None or not doelgroep.indeling:
        raise Geweigerd(
            _("DUO gaf geen doelgroep; zonder doelgroep kan het dossier niet worden aangemaakt.")
        )
    velden = {
        "doelgroep": doelgroep.indeling,
        "gedetailleerde_doelgroep": doelgroep.gedetailleerde_doelgroep,
        "vnummer": notificatie.vnummer,
    }
    if plicht is not None and plicht.begindatum is not None:
        regime = bepaal_regime(plicht.begindatum, regelcodes.Regime.WI2021)
        velden["regime"] = regime.waarde.value
    if brp_persoon is not None:
        velden.update(brp_persoon.persoonsgegevens)
    return velden


#: Until this moment (``time.monotonic``) this process does not ask the BRP for people DUO
#: announces: it did not answer just now (``BRP_PAUZE_NA_STORING``).
_brp_stil_tot = 0.0


def brp_raadplegen(
    gemeente, bsns: list[str]
) -> tuple[dict[str, brp.BrpPersoon], brp.BrpFout | None]:
    """Ask the BRP about people DUO announced (one request per 20); ({}, None) without a BRP.

    A BRP that did not answer is skipped for a while, so that a hanging BRP (time-outs and
    retries for every person) never holds up DUO's inbox; the people come in without and are
    asked for again later (``integrations.brp``).
    """
    global _brp_stil_tot
    if not bsns or not brp.aan():
        return {}, None
    if time.monotonic() < _brp_stil_tot:
        return {}, brp.BrpFout(
            _("De BRP antwoordde kort geleden niet; later opnieuw."), tijdelijk=True
        )
    try:
        return brp.brp().raadplegen(
            actor=_actor(gemeente), bsns=bsns, doel=Doel.AANMELDING_DUO
        ), None
    except brp.BrpFout as fout:
        if fout.tijdelijk:
            _brp_stil_tot = time.monotonic() + settings.BRP_PAUZE_NA_STORING
        return {}, fout


def _niet_in_brp(personen: dict, bsn: str) -> brp.BrpFout | None:
    if bsn in personen or not brp.aan():
        return None
    return brp.BrpNietGevonden(_("De BRP kent dit BSN niet."))


def brp_vastleggen(ctx: Context) -> None:
    """The BRP's markers (confidentiality, address under investigation, death) for a person
    just created from its answer, or the failed read, to be tried again (ADR 0062)."""
    if ctx.brp is not None:
        brp.brp().aangemeld(actor=ctx.actor, personen=[(ctx.inburgeraar, ctx.brp)], fouten=[])
    elif ctx.brp_fout is not None:
        brp.brp().aangemeld(actor=ctx.actor, personen=[], fouten=[(ctx.inburgeraar, ctx.brp_fout)])


def persoonsgegevens_vragen(ctx: Context) -> None:
    """The work item that asks the caseworker for the name and date of birth (ADR 0041), when
    the BRP did not give them (ADR 0062)."""
    if ctx.inburgeraar is not None and ctx.inburgeraar.persoonsgegevens_compleet:
        return
    toelichting = _(
        "DUO meldde deze persoon, maar DUO geeft geen naam of geboortedatum door. Vul ze aan "
        "uit de BRP via ‘Gegevens wijzigen’. Tot dan kunnen er geen brieven worden gemaakt "
        "en kan er geen PIP worden vastgesteld."
    )
    if ctx.brp_fout is not None:
        toelichting = _(
            "DUO meldde deze persoon, maar DUO geeft geen naam of geboortedatum door, en de BRP "
            "gaf ze niet: %(fout)s Gebruik ‘Opnieuw ophalen uit de BRP’ op het dossier (na een "
            "storing probeert de koppeling het ook zelf opnieuw) of vul ze aan via ‘Gegevens "
            "wijzigen’. Tot dan kunnen er geen brieven worden gemaakt en kan er geen PIP worden "
            "vastgesteld."
        ) % {"fout": ctx.brp_fout.melding}
    elif ctx.brp is not None:
        toelichting = _(
            "DUO meldde deze persoon; de BRP kent geen volledige naam of geboortedatum (een "
            "geboortedatum kan daar deels onbekend zijn). Vul ze aan via ‘Gegevens wijzigen’. Tot "
            "dan kunnen er geen brieven worden gemaakt en kan er geen PIP worden vastgesteld."
        )
    ctx.werkitem(
        WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN,
        _("Naam en geboortedatum aanvullen"),
        toelichting=toelichting,
        sleutel=f"dossier:{ctx.dossier.uuid}:persoonsgegevens",
    )


def _bestaand(ctx: Context) -> set[str]:
    return set(
        Inburgeraar.objects.filter(
            gemeente=ctx.gemeente, bsn_hash=bsn_tools.zoekhash(ctx.bsn)
        ).values_list("bsn_hash", flat=True)
    )


def _aanmaken(ctx: Context) -> Inburgeraar:
    """A person DUO announces: create the inburgeraar and dossier."""
    try:
        inburgeraar = inburgeraar_services.inburgeraar_aanmaken(
            actor=ctx.actor,
            bsn=ctx.bsn,
            aangemeld_op=ctx.meldingsdatum,
            **nieuwe_persoon_velden(ctx.notificatie, ctx.opgehaald, ctx.brp),
        )
    except ValidationError:
        if ctx.brp is None or bsn_tools.zoekhash(ctx.bsn) in _bestaand(ctx):
            raise
        # The BRP's values do not fit the dossier: the person is created as without the BRP,
        # and the caseworker completes them (the BRP never holds up DUO's notification).
        ctx.brp, ctx.brp_fout = (
            None,
            brp.BrpFout(
                _("De gegevens uit de BRP passen niet in het dossier; vul ze met de hand aan.")
            ),
        )
        inburgeraar = inburgeraar_services.inburgeraar_aanmaken(
            actor=ctx.actor,
            bsn=ctx.bsn,
            aangemeld_op=ctx.meldingsdatum,
            **nieuwe_persoon_velden(ctx.notificatie, ctx.opgehaald),
        )
    # ``inburgeraar.dossier`` is cached by the create (the reverse side of the one-to-one).
    ctx.inburgeraar = inburgeraar
    persoonsgegevens_vragen(ctx)
    brp_vastleggen(ctx)
    return inburgeraar
