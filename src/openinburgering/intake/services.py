"""Writes for the brede intake: keyword-only, one transaction, processing log, timeline, signals."""

from datetime import date
from decimal import Decimal
from uuid import uuid4

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.workflow import Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.pip.regelfouten import RegelsGeschonden
from openinburgering.regels import handhaving
from openinburgering.regels import intake as regels_intake
from openinburgering.regels.base import Uitkomst
from openinburgering.regels.codes import LeerbaarheidstoetsResultaat, Leerroute
from openinburgering.signalen.services import herbereken_na_commit

from .models import BredeIntake, Handhavingsstap, Intakegesprek, IntakeStatus, StapSoort

logger = structlog.get_logger(__name__)

SECTIES = (
    "taal_en_opleiding",
    "werkervaring",
    "ambities",
    "gezondheid",
    "gezin_en_kinderopvang",
    "financien",
    "huisvesting",
    "sociaal_netwerk",
    "ondersteuningsbehoefte",
)
LBT_VELDEN = (
    "lbt_examennummer_aangevraagd_op",
    "visuele_beperking",
    "auditieve_beperking",
    "lbt_afgenomen_op",
    "lbt_behaalde_score",
    "lbt_benodigde_score",
    "lbt_resultaat",
    "geadviseerde_leerroute",
)
WIJZIGBAAR = SECTIES + LBT_VELDEN
GEVOELIG = ("gezondheid",)


def _bron(actor: Actor) -> str:
    return inburgeraar_services._bron(actor)


def _log(actor, dossier, activiteit):
    verwerkingen_vastleggen(
        actor=actor, activiteit=activiteit, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )


@transaction.atomic
def intake_starten(*, actor: Actor, dossier) -> BredeIntake:
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if dossier.status == Status.AFGEROND:
        raise Geweigerd(_("Dit dossier is afgerond; een intake kan niet meer."))
    bestaand = BredeIntake.objects.filter(dossier=dossier).first()
    if bestaand is not None:
        return bestaand
    intake = BredeIntake.objects.create(
        gemeente=dossier.gemeente, dossier=dossier, gestart_op=timezone.localdate()
    )
    if dossier.status == Status.AANGEMELD:
        inburgeraar_services.dossier_status_wijzigen(
            actor=actor, dossier=dossier, naar=Status.INTAKE
        )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=dossier,
        soort="intake_gestart",
        omschrijving=_("Brede intake gestart."),
        bron=_bron(actor),
        actor=actor,
    )
    _log(actor, dossier, Activiteit.AANMAKEN)
    herbereken_na_commit(dossier)
    logger.info("intake_gestart", intake=str(intake.uuid))
    return intake


@transaction.atomic
def intake_opslaan(*, actor: Actor, intake: BredeIntake, versie: int | None, **velden):
    """Save a draft. ``versie`` is the version the user saw: a concurrent save is a conflict."""
    onbekend = set(velden) - set(WIJZIGBAAR)
    if onbekend:
        raise TypeError(f"unknown fields: {sorted(onbekend)}")
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if intake.status == IntakeStatus.AFGESLOTEN:
        raise Geweigerd(_("Deze intake is afgesloten en kan niet meer veranderen."))
    if not actor.mag(Recht.GEZONDHEID_LEZEN):
        # Never written by a role that cannot see it, so a save cannot wipe it.
        for veld in GEVOELIG:
            velden.pop(veld, None)
    verwacht = intake.versie if versie is None else versie
    bijgewerkt = BredeIntake.objects.filter(pk=intake.pk, versie=verwacht).update(
        versie=F("versie") + 1, **velden
    )
    if not bijgewerkt:
        raise Conflict()
    intake.refresh_from_db()
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    herbereken_na_commit(intake.dossier_id)
    logger.info("intake_opgeslagen", intake=str(intake.uuid), velden=sorted(velden))
    return intake


def verslag_voor_regels(intake: BredeIntake) -> regels_intake.IntakeVerslag:
    """The intake as ``regels`` sees it (R26, R27)."""
    persoonlijk = "\n".join(
        getattr(intake, v)
        for v in ("gezin_en_kinderopvang", "financien", "huisvesting", "sociaal_netwerk")
    )
    return regels_intake.IntakeVerslag(
        leerbaarheidstoets_gedaan=intake.lbt_afgenomen_op is not None,
        onderwijs_herkomst=intake.taal_en_opleiding,
        werkervaring_herkomst=intake.werkervaring,
        persoonlijke_omstandigheden=persoonlijk,
        gezondheid=intake.gezondheid,
        visuele_beperking=intake.visuele_beperking,
        auditieve_beperking_kan_toets_niet_maken=intake.auditieve_beperking,
    )


def lbt_uitslag(intake: BredeIntake):
    """R28: the learnability test result as DUO's pass mark reads it (None if not taken)."""
    if intake.lbt_afgenomen_op is None:
        return None
    return regels_intake.beoordeel_lbt(
        behaalde_score=intake.lbt_behaalde_score,
        benodigde_score=intake.lbt_benodigde_score,
        datum_afname=intake.lbt_afgenomen_op,
        resultaat=LeerbaarheidstoetsResultaat(intake.lbt_resultaat)
        if intake.lbt_resultaat
        else None,
    )


def lbt_resultaat_voor_pip(intake: BredeIntake | None) -> LeerbaarheidstoetsResultaat | None:
    """The LBT outcome the PIP's R29 check compares the chosen route with."""
    if intake is None:
        return None
    beoordeling = lbt_uitslag(intake)
    if beoordeling is None or beoordeling.haalbaar is None:
        return None
    return (
        LeerbaarheidstoetsResultaat.HAALBAAR
        if beoordeling.haalbaar
        else LeerbaarheidstoetsResultaat.NIET_HAALBAAR
    )


def leerroute_advies(intake: BredeIntake) -> Leerroute | None:
    """The route that does not deviate from the LBT (R29): B1-route if feasible, else Z-route."""
    resultaat = lbt_resultaat_voor_pip(intake)
    if resultaat is LeerbaarheidstoetsResultaat.HAALBAAR:
        return Leerroute.B1_ROUTE
    if resultaat is LeerbaarheidstoetsResultaat.NIET_HAALBAAR:
        return Leerroute.Z_ROUTE
    return None


def toets_afsluiten(intake: BredeIntake, peildatum: date) -> Uitkomst:
    return regels_intake.toets_intake_afsluiten(verslag_voor_regels(intake), peildatum)


@transaction.atomic
def intake_afsluiten(*, actor: Actor, intake: BredeIntake, versie: int | None) -> BredeIntake:
    """Close the intake; refused with every R26/R27 violation when a required part is missing."""
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    vandaag = timezone.localdate()
    uitkomst = toets_afsluiten(intake, vandaag)
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    verwacht = intake.versie if versie is None else versie
    if not BredeIntake.objects.filter(
        pk=intake.pk, versie=verwacht, status=IntakeStatus.CONCEPT
    ).update(status=IntakeStatus.AFGESLOTEN, afgesloten_op=vandaag, versie=F("versie") + 1):
        raise Conflict()
    intake.refresh_from_db()
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=intake.dossier,
        soort="intake_afgesloten",
        omschrijving=_("Brede intake afgesloten."),
        bron=_bron(actor),
        actor=actor,
    )
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    herbereken_na_commit(intake.dossier_id)
    return intake


@transaction.atomic
def gesprek_toevoegen(
    *, actor: Actor, intake: BredeIntake, datum: date, tolk_gebruikt: bool, tolk_taal: str = "",
    verslag: str = "",
) -> Intakegesprek:  # fmt: skip
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if tolk_gebruikt and not tolk_taal.strip():
        raise Geweigerd(_("Vul in in welke taal de tolk vertaalde."), veld="tolk_taal")
    if datum > timezone.localdate():
        raise Geweigerd(
            _("Een gesprek kan niet in de toekomst hebben plaatsgevonden."), veld="datum"
        )
    gesprek = Intakegesprek.objects.create(
        intake=intake,
        datum=datum,
        tolk_gebruikt=tolk_gebruikt,
        tolk_taal=tolk_taal.strip() if tolk_gebruikt else "",
        verslag=verslag,
        medewerker=actor.user,
    )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=intake.dossier,
        soort="intakegesprek",
        omschrijving=_("Intakegesprek gevoerd op %(datum)s.") % {"datum": f"{datum:%d-%m-%Y}"},
        bron=_bron(actor),
        actor=actor,
    )
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    return gesprek


def volgende_stap(intake: BredeIntake):
    """R31: what the law says comes next, from the number of ignored calls so far."""
    genegeerd = intake.stappen.filter(genegeerd=True).count()
    return handhaving.intake_escalatie(genegeerd)


@transaction.atomic
def handhavingsstap_vastleggen(
    *, actor: Actor, intake: BredeIntake, soort: str, datum: date, genegeerd: bool = False,
    bedrag: Decimal | None = None, matigingsreden: str = "", toelichting: str = "",
) -> Handhavingsstap:  # fmt: skip
    """A dated step of non-cooperation; a fine is checked against R30, R31 and R53."""
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    regel = ""
    if soort == StapSoort.BOETE:
        stap = volgende_stap(intake)
        uitkomst = Uitkomst()
        if stap.boete <= 0:
            uitkomst += Uitkomst.fout(
                handhaving.R31,
                f"Een boete kan nog niet: {stap.uitleg}",
                f"A fine is not possible yet: {stap.uitleg_en}",
                veld="soort",
            )
        uitkomst += handhaving.toets_intakeboete(
            bedrag if bedrag is not None else Decimal(0), matigingsreden=matigingsreden
        )
        laatste = intake.stappen.filter(genegeerd=True).order_by("-datum").first()
        if laatste is not None:
            uitkomst += handhaving.toets_boete_niet_vervallen(
                laatste.datum, handhaving.ARTIKEL_22, datum
            )
        if not uitkomst.toegestaan:
            raise RegelsGeschonden(uitkomst)
        regel = handhaving.R30.id
    else:
        bedrag = None
    stap = Handhavingsstap.objects.create(
        intake=intake,
        soort=soort,
        datum=datum,
        genegeerd=genegeerd,
        bedrag=bedrag,
        matigingsreden=matigingsreden,
        regel=regel,
        toelichting=toelichting,
        vastgelegd_door=actor.user,
    )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=intake.dossier,
        soort=f"intake_{soort}",
        omschrijving=_("%(stap)s vastgelegd (datum %(datum)s).")
        % {"stap": stap.get_soort_display(), "datum": f"{datum:%d-%m-%Y}"},
        bron=_bron(actor),
        actor=actor,
    )
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    return stap


# --- the LBT at DUO (Leerbaarheidstoets API) ----------------------------------------------------
def _lbt_mag(actor: Actor, intake: BredeIntake) -> None:
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if intake.status == IntakeStatus.AFGESLOTEN:
        raise Geweigerd(_("Deze intake is afgesloten en kan niet meer veranderen."))


def _duo(gemeente, actor: Actor | None = None):
    try:
        from openinburgering.integrations.duo.client import Duo
    except ImportError:
        raise Geweigerd(_("De koppeling met DUO is niet geïnstalleerd.")) from None
    return Duo(gemeente, actor=actor)


def lbt_examennummer_opvragen(*, actor: Actor, intake: BredeIntake) -> BredeIntake:
    """Ask DUO now for the exam number to schedule the LBT (raadpleging
    ``GET /personen/{bsn}/lbt/examennummer``) and store it with today's date."""
    from openinburgering.integrations.duo.fouten import DuoFout, DuoNietGevonden

    _lbt_mag(actor, intake)
    dossier = intake.dossier
    try:
        antwoord = _duo(dossier.gemeente, actor).lbt.examennummer(bsn=dossier.inburgeraar.bsn)
    except DuoNietGevonden:
        raise Geweigerd(
            _(
                "DUO heeft (nog) geen examennummer voor de leerbaarheidstoets van deze persoon, "
                "of de toets is al overgeslagen."
            )
        ) from None
    except DuoFout as exc:
        logger.warning("lbt_examennummer_mislukt", intake=str(intake.uuid), fout=type(exc).__name__)
        raise Geweigerd(
            _("DUO gaf geen antwoord of weigerde de vraag: %(fout)s Probeer het later opnieuw.")
            % {"fout": str(exc)}
        ) from None
    with transaction.atomic():
        BredeIntake.objects.filter(pk=intake.pk).update(
            lbt_examennummer=antwoord.examennummer[:12],
            lbt_examennummer_aangevraagd_op=timezone.localdate(),
            versie=F("versie") + 1,
        )
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="lbt_examennummer",
            omschrijving=_("Examennummer voor de leerbaarheidstoets opgevraagd bij DUO."),
            bron=_bron(actor),
            actor=actor,
        )
        _log(actor, dossier, Activiteit.WIJZIGEN)
    intake.refresh_from_db()
    logger.info("lbt_examennummer_opgevraagd", intake=str(intake.uuid))
    return intake


def lbt_vrijstelling_melden(*, actor: Actor, intake: BredeIntake) -> bool:
    """Tell DUO the LBT is skipped for a visual or auditory impairment (R27): DUO removes the
    exam number (``DELETE /personen/{bsn}/lbt/examennummer``).

    DUO's outbox has no LBT message, so the client sends it now. Returns True when DUO accepted
    it; on failure a work item for the caseworker is created (committed) and False returned.
    """
    from openinburgering.integrations.duo.fouten import DuoFout
    from openinburgering.integrations.duo.models import WerkitemSoort
    from openinburgering.integrations.duo.services import werkitem_aanmaken

    _lbt_mag(actor, intake)
    if not intake.lbt_vrijgesteld_gevraagd:
        raise Geweigerd(
            _("Kruis eerst een visuele of auditieve beperking aan en sla de intake op."),
            regel="R27",
        )
    if intake.lbt_vrijstelling_gemeld_op is not None:
        raise Geweigerd(_("De vrijstelling is al aan DUO gemeld."), regel="R27")
    dossier = intake.dossier
    try:
        _duo(dossier.gemeente, actor).lbt.examennummer_verwijderen(
            bsn=dossier.inburgeraar.bsn, bericht_id=uuid4()
        )
    except DuoFout as exc:
        logger.warning("lbt_vrijstelling_mislukt", intake=str(intake.uuid), fout=type(exc).__name__)
        with transaction.atomic():
            werkitem_aanmaken(
                gemeente=dossier.gemeente,
                dossier=dossier,
                soort=WerkitemSoort.DUO_NIET_BEZORGD
                if exc.tijdelijk
                else WerkitemSoort.DUO_AFWIJZING,
                titel=_("Vrijstelling leerbaarheidstoets niet gemeld bij DUO"),
                toelichting=_(
                    "De melding dat de leerbaarheidstoets vervalt wegens een beperking (R27) "
                    "kwam niet aan bij DUO: %(fout)s Meld het opnieuw vanuit de brede intake."
                )
                % {"fout": str(exc)},
                regel="R27",
                sleutel=f"lbt-vrijstelling:{intake.uuid}",
            )
            _log(actor, dossier, Activiteit.WIJZIGEN)
            herbereken_na_commit(dossier)
        return False
    with transaction.atomic():
        BredeIntake.objects.filter(pk=intake.pk).update(
            lbt_vrijstelling_gemeld_op=timezone.localdate(), versie=F("versie") + 1
        )
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="lbt_vrijstelling",
            omschrijving=_(
                "Aan DUO gemeld: de leerbaarheidstoets vervalt wegens een beperking (R27)."
            ),
            bron=_bron(actor),
            actor=actor,
        )
        _log(actor, dossier, Activiteit.WIJZIGEN)
        # The work item of an earlier failed attempt is done now.
        _werkitem_afhandelen(intake)
        herbereken_na_commit(dossier)
    intake.refresh_from_db()
    logger.info("lbt_vrijstelling_gemeld", intake=str(intake.uuid))
    return True


def _werkitem_afhandelen(intake: BredeIntake) -> None:
    from openinburgering.integrations.duo.models import Werkitem, WerkitemStatus

    Werkitem.objects.filter(
        gemeente=intake.gemeente,
        sleutel=f"lbt-vrijstelling:{intake.uuid}",
        status=WerkitemStatus.OPEN,
    ).update(
        status=WerkitemStatus.AFGEHANDELD,
        afgehandeld_op=timezone.now(),
        afhandeling=_("Alsnog gemeld aan DUO."),
    )
