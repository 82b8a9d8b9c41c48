"""Writes for the PIP: drafts, vaststellen (a beschikking with its letter), changes, progress
talks; bezwaar against a PIP goes through ``besluiten`` like any decision's. Every legal check
calls ``regels``; a refusal carries every violated rule."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering import brieven
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.besluiten import services as besluiten
from openinburgering.besluiten.models import Beschikking, Soort
from openinburgering.brieven import samenvattingen, teksten
from openinburgering.core import dossierfeiten, publicatie
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.keten import raadplegen, uitgaand
from openinburgering.core.teksten import Tekst, keuze
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.workflow import Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import leerroutes, plicht, termijnen
from openinburgering.regels import pip as regels_pip
from openinburgering.regels.base import Termijn, Uitkomst
from openinburgering.regels.codes import Alfabetisering, Doelgroep, Leerroute, Niveau

from .models import (
    GesprekStatus,
    PipStatus,
    PipVersie,
    Voortgangsgesprek,
    Wijzigingsreden,
)

logger = structlog.get_logger(__name__)

INHOUD = (
    "dagtekening",
    "leerroute",
    "niveau",
    "geschatte_intensiteit_b1_route",
    "mag_opleiding_afmaken",
    "alfabetisering",
    "begeleiding",
    "pvt_inhoud",
    "pvt_intensiteit",
    "map_inhoud",
    "map_intensiteit",
    "ontzorgen",
    "randvoorwaarden",
    "voortgang",
    "gesprek_frequentie_weken",
    "afspraken",
    "motivering_leerroute",
    "lesuren",
    "lesuren_fysiek",
    "b1_onhaalbaar",
    "voldoende_inspanning",
    "reden_toelichting",
)


def _log(actor, dossier, activiteit):
    verwerkingen_vastleggen(
        actor=actor, activiteit=activiteit, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )


def _mag(actor: Actor):
    if not actor.mag(Recht.PIP_VASTSTELLEN):
        raise Geweigerd(_("U mag geen PIP opstellen of vaststellen."))


# --- the rules, as regels sees the PIP ----------------------------------------------------------


def _begindatum_plicht(dossier) -> date:
    inburgeraar = dossier.inburgeraar
    bekendmaking = getattr(inburgeraar, "datum_bekendmaking_ind", None)
    if bekendmaking:
        return plicht.begindatum_plicht(inburgeraar.geboortedatum, bekendmaking).waarde
    # Until the IND date is known, the registration date is the best lower bound we have.
    return dossier.aangemeld_op


#: Where the leerroute of a previous gemeente's PIP may be known, besides DUO (R22, R75): an app
#: registers a function of the dossier (the verhuizing app: the handover file it read in).
_VORIGE_LEERROUTE: list[Callable[[Any], str]] = []


def vorige_leerroute_registreren(bron: Callable[[Any], str]) -> None:
    """Register a source of the previous gemeente's leerroute (from an app's ``ready``)."""
    if bron not in _VORIGE_LEERROUTE:
        _VORIGE_LEERROUTE.append(bron)


def vorige_leerroute(dossier) -> Leerroute | None:
    """R22, R75: the leerroute of the previous gemeente's PIP, from a handover file read in, else
    from the PIP DUO holds (SS121); None when neither knows one."""
    for bron in _VORIGE_LEERROUTE:
        if route := bron(dossier):
            return Leerroute(route)
    stand = raadplegen.raadpleging().stand(dossier.inburgeraar)
    return Leerroute(stand.pip_leerroute) if stand.pip_leerroute else None


def pip_context(*, pip: PipVersie, peildatum: date) -> regels_pip.PipContext:
    from openinburgering.intake.models import BredeIntake
    from openinburgering.intake.services import lbt_resultaat_voor_pip

    dossier = pip.dossier
    eerdere = [
        v
        for v in PipVersie.objects.filter(dossier=dossier).exclude(pk=pip.pk)
        if v.status != PipStatus.CONCEPT
    ]
    huidige = next((v for v in eerdere if v.status == PipStatus.VASTGESTELD), None)
    dagtekeningen = [v.vastgestelde_dagtekening for v in eerdere]
    termijn = raadplegen.inburgeringstermijn(dossier.inburgeraar, pip_dagtekeningen=dagtekeningen)
    intake = BredeIntake.objects.filter(dossier=dossier).first()
    return regels_pip.PipContext(
        doelgroep=Doelgroep(dossier.inburgeraar.doelgroep),
        begindatum_plicht=_begindatum_plicht(dossier),
        peildatum=peildatum,
        eerder_pip=bool(eerdere),
        initiele_pip_dagtekening=min(dagtekeningen) if dagtekeningen else None,
        huidige_pip_dagtekening=huidige.dagtekening if huidige else None,
        # After a move the previous gemeente's route counts until this one sets its own (R75).
        huidige_leerroute=Leerroute(huidige.leerroute)
        if huidige
        else vorige_leerroute(dossier)
        if pip.reden == Wijzigingsreden.VERHUIZING
        else None,
        termijn_start=termijn.start if termijn else None,
        schakelbesluit=pip.reden == Wijzigingsreden.SCHAKELEN,
        verhuisd=pip.reden == Wijzigingsreden.VERHUIZING,
        lbt_resultaat=lbt_resultaat_voor_pip(intake),
    )


def pip_voor_regels(pip: PipVersie, *, dagtekening: date) -> regels_pip.Pip:
    return regels_pip.Pip(
        dagtekening=dagtekening,
        leerroute=Leerroute(pip.leerroute),
        niveau=Niveau(pip.niveau) if pip.niveau else None,
        geschatte_intensiteit_b1_route=pip.geschatte_intensiteit_b1_route,
        indicator_mag_opleiding_afmaken=pip.mag_opleiding_afmaken,
        alfabetisering=Alfabetisering(pip.alfabetisering),
        begeleiding=pip.begeleiding,
        pvt_inhoud=pip.pvt_inhoud,
        pvt_intensiteit=pip.pvt_intensiteit,
        map_inhoud=pip.map_inhoud,
        map_intensiteit=pip.map_intensiteit,
        voortgang=pip.voortgang,
        # The letter always carries the bezwaar clause with its deadline (brieven/_bezwaar.html).
        bezwaarclausule=True,
        motivering_leerroute=pip.motivering_leerroute,
    )


def toets(pip: PipVersie, *, peildatum: date | None = None) -> Uitkomst:
    """Every rule that applies to this PIP version (the draft as it stands)."""
    peildatum = peildatum or timezone.localdate()
    if not pip.leerroute:
        return Uitkomst.fout(
            regels_pip.R24,
            "Kies een leerroute: die hoort in elk PIP.",
            "Choose a learning route: every PIP has one.",
            veld="leerroute",
        )
    dagtekening = pip.dagtekening or peildatum
    ctx = pip_context(pip=pip, peildatum=peildatum)
    uitkomst = regels_pip.toets_pip(pip_voor_regels(pip, dagtekening=dagtekening), ctx)
    if pip.reden == Wijzigingsreden.AFSCHALEN:
        uitkomst += leerroutes.toets_afschalen(
            leerroute=ctx.huidige_leerroute or Leerroute(pip.leerroute),
            lesuren=pip.lesuren or 0,
            lesuren_fysiek=pip.lesuren_fysiek or 0,
            b1_onhaalbaar_binnen_termijn=pip.b1_onhaalbaar,
            voldoende_inspanning=pip.voldoende_inspanning,
        )
    return uitkomst


# --- drafts -------------------------------------------------------------------------------------


@transaction.atomic
def pip_concept_aanmaken(
    *, actor: Actor, dossier, reden: str = Wijzigingsreden.EERSTE, streng: bool = False, **velden
) -> PipVersie:
    """Start a draft. A change starts from the current version's content.

    ``streng``: refuse (and store nothing) when the draft breaks a rule, as the API does.
    """
    _mag(actor)
    onbekend = set(velden) - set(INHOUD)
    if onbekend:
        raise TypeError(f"unknown fields: {sorted(onbekend)}")
    if dossier.status == Status.AFGEROND:
        raise Geweigerd(_("Dit dossier is afgerond; een PIP kan niet meer."))
    if PipVersie.objects.filter(dossier=dossier, status=PipStatus.CONCEPT).exists():
        raise Geweigerd(_("Er is al een concept-PIP. Werk dat concept bij."), veld="reden")
    huidige = PipVersie.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).first()
    if reden == Wijzigingsreden.EERSTE and huidige is not None:
        raise Geweigerd(
            _("Er is al een vastgesteld PIP. Kies een wijziging: schakelen, afschalen of anders."),
            veld="reden",
        )
    wijziging = (Wijzigingsreden.SCHAKELEN, Wijzigingsreden.AFSCHALEN, Wijzigingsreden.OVERIG)
    if reden in wijziging and huidige is None:
        raise Geweigerd(_("Er is nog geen vastgesteld PIP om te wijzigen."), veld="reden")
    basis = {v: getattr(huidige, v) for v in INHOUD} if huidige else {}
    basis.update(dagtekening=None, reden_toelichting="")
    basis.update(velden)
    volgnummer = (
        PipVersie.objects.filter(dossier=dossier).aggregate(n=Max("volgnummer"))["n"] or 0
    ) + 1
    pip = PipVersie(
        gemeente=dossier.gemeente, dossier=dossier, volgnummer=volgnummer, reden=reden, **basis
    )
    if streng:
        uitkomst = toets(pip)
        if not uitkomst.toegestaan:
            raise RegelsGeschonden(uitkomst)
    pip.save()
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=dossier,
        soort="pip_concept",
        omschrijving=Tekst(
            gettext_noop("Concept-PIP %(n)d aangemaakt (%(reden)s)."),
            n=volgnummer,
            reden=keuze(pip, "reden"),
        ),
        bron=inburgeraar_services._bron(actor),
        actor=actor,
    )
    _log(actor, dossier, Activiteit.AANMAKEN)
    dossierfeiten.gewijzigd(dossier)
    return pip


@transaction.atomic
def pip_concept_opslaan(
    *, actor: Actor, pip: PipVersie, versie: int | None, streng: bool = False, **velden
) -> PipVersie:
    """Save a draft; ``versie`` is what the user saw, so a concurrent edit is a clear conflict.

    ``streng``: refuse (and store nothing) when the draft as it would be breaks a rule, as the
    API does (the screen saves a draft as typed and shows what still breaks a rule).
    """
    _mag(actor)
    onbekend = set(velden) - set(INHOUD)
    if onbekend:
        raise TypeError(f"unknown fields: {sorted(onbekend)}")
    if pip.status != PipStatus.CONCEPT:
        raise Conflict(_("Dit PIP is intussen vastgesteld en kan niet meer veranderen."))
    if streng:
        kandidaat = PipVersie.objects.select_related("dossier__inburgeraar").get(pk=pip.pk)
        for veld, waarde in velden.items():
            setattr(kandidaat, veld, waarde)
        uitkomst = toets(kandidaat)
        if not uitkomst.toegestaan:
            raise RegelsGeschonden(uitkomst)
    verwacht = pip.versie if versie is None else versie
    if not PipVersie.objects.filter(pk=pip.pk, versie=verwacht, status=PipStatus.CONCEPT).update(
        versie=F("versie") + 1, gewijzigd_op=timezone.now(), **velden
    ):
        if PipVersie.objects.filter(pk=pip.pk).exclude(status=PipStatus.CONCEPT).exists():
            raise Conflict(_("Dit PIP is intussen vastgesteld en kan niet meer veranderen."))
        raise Conflict(
            _(
                "Iemand anders heeft dit concept-PIP intussen gewijzigd. Uw wijzigingen zijn niet "
                "opgeslagen. Laad de pagina opnieuw, bekijk de nieuwe versie en voer uw "
                "wijziging daarna opnieuw in."
            )
        )
    pip.refresh_from_db()
    _log(actor, pip.dossier, Activiteit.WIJZIGEN)
    return pip


# --- vaststellen --------------------------------------------------------------------------------


def _naar_status(actor, dossier, doel):
    pad = {
        Status.AANGEMELD: [Status.INTAKE, Status.PIP_VASTGESTELD],
        Status.INTAKE: [Status.PIP_VASTGESTELD],
    }.get(dossier.status, [])
    for stap in pad:
        dossier = inburgeraar_services.dossier_status_wijzigen(
            actor=actor, dossier=dossier, naar=stap
        )
    return dossier


WIJZIGING_UITLEG: dict[str, str] = {
    Wijzigingsreden.SCHAKELEN: "Dit besluit vervangt uw vorige PIP: u gaat naar een andere "
    "leerroute (schakelen). Uw inburgeringstermijn blijft hetzelfde.",
    Wijzigingsreden.AFSCHALEN: "Dit besluit vervangt uw vorige PIP: uw taalniveau wordt A2 "
    "(afschalen). Uw inburgeringstermijn blijft hetzelfde.",
    Wijzigingsreden.VERHUIZING: "U woont nu in onze gemeente. Daarom maken wij een nieuw PIP. "
    "Uw leerroute blijft hetzelfde.",
    Wijzigingsreden.OVERIG: "Dit besluit vervangt uw vorige PIP. Uw inburgeringstermijn blijft "
    "hetzelfde.",
}


def beschikkingsbrief(pip: PipVersie, *, termijn: Termijn) -> dict:
    """The PIP's own part of its letter (template and context); ``brieven`` adds the rest."""
    return {
        "template": "pip/beschikking.html",
        "context": {
            "pip": pip,
            "route": teksten.routetekst(pip.leerroute, niveau=pip.niveau),
            "termijn": termijn,
            "wijziging_uitleg": WIJZIGING_UITLEG.get(pip.reden, ""),
        },
    }


def pip_vaststellen(
    *, actor: Actor, pip: PipVersie, versie: int | None, dagtekening: date | None = None,
    adres_bevestigd: bool = False,
) -> PipVersie:  # fmt: skip
    """Set the draft as a beschikking: check every rule, render the letter, store it privately,
    replace the previous version, tell DUO, plan the first progress talk. All or nothing. A letter
    to an address the BRP has under investigation needs ``adres_bevestigd`` (R74)."""
    _mag(actor)
    if pip.status != PipStatus.CONCEPT:
        raise Conflict(_("Dit PIP is al vastgesteld."))
    inburgeraar_services.vereis_persoonsgegevens(pip.dossier.inburgeraar)
    vandaag = timezone.localdate()
    dagtekening = dagtekening or pip.dagtekening or vandaag
    pip.dagtekening = dagtekening
    uitkomst = toets(pip, peildatum=vandaag)
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    # What regels fills in on the way to DUO (R17: no niveau in the B1 route or onderwijsroute
    # is B1) is stored with the decision, so our record, the API and the letter say what DUO
    # registers.
    pip.niveau = _niveau_voor_duo(pip)
    dossier = pip.dossier
    eerdere = [
        v.vastgestelde_dagtekening
        for v in PipVersie.objects.filter(dossier=dossier)
        .exclude(pk=pip.pk)
        .exclude(status=PipStatus.CONCEPT)
        .only("dagtekening")
    ]
    # One source for the term (as the deadline engine): DUO's with its extensions when DUO gave
    # one, else R7/R8 from the first PIP, ours or a previous gemeente's.
    termijn = raadplegen.inburgeringstermijn(
        dossier.inburgeraar, pip_dagtekeningen=[*eerdere, dagtekening]
    )
    assert termijn is not None, "there is at least this dagtekening"
    bezwaar = termijnen.bezwaartermijn(dagtekening)  # R23: sent on the dagtekening
    # The one letter renderer: address check before a kenmerk is used up, the kenmerk, the
    # summary in the person's own language (never a choice made elsewhere), the bezwaar clause.
    taalcode = samenvattingen.samenvattingstaal(dossier.inburgeraar.talen)
    relatief, sha = brieven.persoonsbrief(
        **beschikkingsbrief(pip, termijn=termijn),
        gemeente=dossier.gemeente,
        inburgeraar=dossier.inburgeraar,
        brief=pip.uuid,
        soort="pip_beschikking",
        datum=dagtekening,
        map="beschikkingen",
        samenvatting=lambda taal: samenvattingen.samenvatting_pip(
            taal, leerroute=pip.leerroute, einde=termijn.laatste_dag, bezwaar=bezwaar.laatste_dag
        ),
        bezwaartermijn=bezwaar,
        adres_bevestigd=adres_bevestigd,
    )
    try:
        with transaction.atomic():
            for vorige in Beschikking.objects.filter(
                pip_versie__dossier=dossier, pip_versie__status=PipStatus.VASTGESTELD
            ):
                besluiten.beschikking_vervangen(beschikking=vorige)
            PipVersie.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).update(
                status=PipStatus.VERVANGEN
            )
            beschikking = besluiten.beschikking_vastleggen(
                dossier=dossier,
                soort=Soort.PIP,
                omschrijving=f"PIP {pip.volgnummer}",
                datum=dagtekening,
            )
            if not PipVersie.objects.filter(
                pk=pip.pk, versie=pip.versie if versie is None else versie, status=PipStatus.CONCEPT
            ).update(
                status=PipStatus.VASTGESTELD,
                dagtekening=dagtekening,
                niveau=pip.niveau,
                vastgesteld_op=timezone.now(),
                vastgesteld_door=actor.user,
                beschikking=beschikking,
                beschikking_pad=relatief,
                beschikking_sha256=sha,
                samenvatting_taal=taalcode,
                versie=F("versie") + 1,
            ):
                raise Conflict(
                    _(
                        "Iemand anders heeft dit concept-PIP intussen gewijzigd of vastgesteld. "
                        "Laad de pagina opnieuw en controleer de nieuwe versie."
                    )
                )
            pip.refresh_from_db()
            dossier = _naar_status(actor, dossier, Status.PIP_VASTGESTELD)
            inburgeraar_services.gebeurtenis_toevoegen(
                dossier=dossier,
                soort="pip_vastgesteld",
                omschrijving=Tekst(
                    gettext_noop(
                        "PIP %(n)d vastgesteld (%(route)s), dagtekening %(datum)s. Bezwaar kan "
                        "tot en met %(bezwaar)s."
                    ),
                    n=pip.volgnummer,
                    route=keuze(pip, "leerroute"),
                    datum=dagtekening,
                    bezwaar=bezwaar.laatste_dag,
                ),
                bron=inburgeraar_services._bron(actor),
                actor=actor,
                gegevens={"pip": str(pip.uuid), "regels": ["R7", "R8", "R23"]},
            )
            publicatie.publiceren(
                publicatie.Feit(
                    gemeente_id=dossier.gemeente_id,
                    soort=publicatie.Soort.PIP_VASTGESTELD,
                    onderwerp=pip.uuid,
                    dossier=dossier.uuid,
                    inburgeraar=dossier.inburgeraar.uuid,
                    objecten={"pip": pip.uuid},
                )
            )
            if (
                pip.gesprek_frequentie_weken
                and not Voortgangsgesprek.objects.filter(
                    dossier=dossier, status=GesprekStatus.GEPLAND
                ).exists()
            ):
                Voortgangsgesprek.objects.create(
                    gemeente=dossier.gemeente,
                    dossier=dossier,
                    pip_versie=pip,
                    gepland_op=dagtekening + timedelta(weeks=pip.gesprek_frequentie_weken),
                    medewerker=dossier.klantregisseur or actor.user,
                )
            pip_naar_duo_melden(actor=actor, pip=pip)
            _log(actor, dossier, Activiteit.WIJZIGEN)
            dossierfeiten.gewijzigd(dossier)
    except Exception:
        brieven.pad(relatief).unlink(missing_ok=True)
        raise
    logger.info("pip_vastgesteld", pip=str(pip.uuid), volgnummer=pip.volgnummer)
    return pip


def _niveau_voor_duo(pip: PipVersie) -> str:
    """The niveau as DUO registers it (R17), as our field stores it ("" for none)."""
    niveau = regels_pip.standaard_niveau(
        Leerroute(pip.leerroute), Niveau(pip.niveau) if pip.niveau else None
    )
    return niveau.value if niveau is not None else ""


def pip_naar_duo_melden(*, actor: Actor, pip: PipVersie) -> uitgaand.Ontvangst:
    """Report the vastgestelde PIP to DUO, in the caller's transaction, through the chain.

    The DUO integration checks DUO's PIP rules (R11–R18) once more and writes the outbox row; a
    refusal is a ``Geweigerd`` naming the rule, and the caller's transaction saves nothing.
    """
    return uitgaand.melden(
        uitgaand.PipVastgesteld(
            inburgeraar=pip.dossier.inburgeraar,
            pip=pip_voor_regels(pip, dagtekening=pip.vastgestelde_dagtekening),
            context=pip_context(pip=pip, peildatum=timezone.localdate()),
        ),
        actor=actor,
    )


# --- progress talks -----------------------------------------------------------------------------


@transaction.atomic
def gesprek_plannen(
    *, actor: Actor, dossier, gepland_op: date, medewerker=None
) -> Voortgangsgesprek:
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen voortgangsgesprekken plannen."))
    pip = PipVersie.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD).first()
    if pip is None:
        raise Geweigerd(_("Voortgangsgesprekken volgen uit het PIP; stel eerst een PIP vast."))
    gesprek = Voortgangsgesprek.objects.create(
        gemeente=dossier.gemeente,
        dossier=dossier,
        pip_versie=pip,
        gepland_op=gepland_op,
        medewerker=medewerker or actor.user,
    )
    _log(actor, dossier, Activiteit.WIJZIGEN)
    dossierfeiten.gewijzigd(dossier)
    return gesprek


BEOORDELINGEN = ("taal", "knm", "pvt", "map", "participatie")


@transaction.atomic
def gesprek_vastleggen(
    *, actor: Actor, gesprek: Voortgangsgesprek, versie: int | None, gemist: bool = False,
    gevoerd_op: date | None = None, notities: str = "", **beoordelingen,
) -> Voortgangsgesprek:  # fmt: skip
    """Record the talk (or that it was missed) and plan the next one from the PIP's frequency."""
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen voortgangsgesprekken vastleggen."))
    onbekend = set(beoordelingen) - set(BEOORDELINGEN)
    if onbekend:
        raise TypeError(f"unknown fields: {sorted(onbekend)}")
    if not gemist and gevoerd_op is None:
        raise Geweigerd(_("Vul in wanneer het gesprek was."), veld="gevoerd_op")
    if gevoerd_op and gevoerd_op > timezone.localdate():
        raise Geweigerd(_("Een gesprek kan niet in de toekomst zijn gevoerd."), veld="gevoerd_op")
    verwacht = gesprek.versie if versie is None else versie
    if not Voortgangsgesprek.objects.filter(
        pk=gesprek.pk, versie=verwacht, status=GesprekStatus.GEPLAND
    ).update(
        status=GesprekStatus.GEMIST if gemist else GesprekStatus.GEVOERD,
        gevoerd_op=None if gemist else gevoerd_op,
        notities=notities,
        versie=F("versie") + 1,
        **beoordelingen,
    ):
        raise Conflict()
    gesprek.refresh_from_db()
    frequentie = gesprek.pip_versie.gesprek_frequentie_weken
    if frequentie:
        basis = gesprek.gevoerd_op or timezone.localdate()
        Voortgangsgesprek.objects.create(
            gemeente=gesprek.gemeente,
            dossier=gesprek.dossier,
            pip_versie=gesprek.pip_versie,
            gepland_op=basis + timedelta(weeks=frequentie),
            medewerker=gesprek.medewerker,
        )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=gesprek.dossier,
        soort="voortgangsgesprek",
        omschrijving=Tekst(gettext_noop("Voortgangsgesprek gemist."))
        if gemist
        else Tekst(gettext_noop("Voortgangsgesprek gevoerd op %(datum)s."), datum=gevoerd_op),
        bron=inburgeraar_services._bron(actor),
        actor=actor,
    )
    _log(actor, gesprek.dossier, Activiteit.WIJZIGEN)
    dossierfeiten.gewijzigd(gesprek.dossier_id)
    return gesprek
