"""Writes for the brede intake: keyword-only, one transaction, processing log, timeline, signals."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

import structlog

from openinburgering import brieven
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core import dossierfeiten, publicatie
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.keten import raadplegen, uitgaand
from openinburgering.core.teksten import Tekst, keuze
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.workflow import Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import handhaving
from openinburgering.regels import intake as regels_intake
from openinburgering.regels.base import Uitkomst
from openinburgering.regels.codes import LeerbaarheidstoetsResultaat, Leerroute, Verplichting

from .models import (
    MET_AFSPRAAK,
    BredeIntake,
    Handhavingsstap,
    Intakegesprek,
    IntakeStatus,
    StapSoort,
)

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
        omschrijving=Tekst(gettext_noop("Brede intake gestart.")),
        bron=_bron(actor),
        actor=actor,
    )
    _log(actor, dossier, Activiteit.AANMAKEN)
    dossierfeiten.gewijzigd(dossier)
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
    dossierfeiten.gewijzigd(intake.dossier_id)
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
        omschrijving=Tekst(gettext_noop("Brede intake afgesloten.")),
        bron=_bron(actor),
        actor=actor,
    )
    publicatie.publiceren(
        publicatie.Feit(
            gemeente_id=intake.gemeente_id,
            soort=publicatie.Soort.INTAKE_AFGESLOTEN,
            onderwerp=intake.uuid,
            dossier=intake.dossier.uuid,
            inburgeraar=intake.dossier.inburgeraar.uuid,
            objecten={"intake": intake.uuid},
        )
    )
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    dossierfeiten.gewijzigd(intake.dossier_id)
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
        omschrijving=Tekst(gettext_noop("Intakegesprek gevoerd op %(datum)s."), datum=datum),
        bron=_bron(actor),
        actor=actor,
    )
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    return gesprek


def volgende_stap(intake: BredeIntake):
    """R31: what the law says comes next, from the number of ignored calls so far."""
    genegeerd = intake.stappen.filter(genegeerd=True).count()
    return handhaving.intake_escalatie(genegeerd)


def _brief(stap: Handhavingsstap, *, actor: Actor, adres_bevestigd: bool = False) -> None:
    """Render the step's letter (B1 Dutch) to PDF and store it privately with the step."""
    intake = stap.intake
    gemeente = intake.gemeente
    stap.brief_pad, stap.brief_sha256 = brieven.persoonsbrief(
        template=f"intake/brief_{stap.soort}.html",
        context={
            "stap": stap,
            "intake": intake,
            "medewerker": actor.user.get_full_name() if actor.user is not None else "",
            "boete": handhaving.BOETE_BREDE_INTAKE,
            "artikel": handhaving.ARTIKEL_22,
        },
        gemeente=gemeente,
        inburgeraar=intake.dossier.inburgeraar,
        brief=stap.uuid,
        soort=f"intake_{stap.soort}",
        datum=stap.datum,
        map="intake",
        adres_bevestigd=adres_bevestigd,
    )
    stap.save(update_fields=["brief_pad", "brief_sha256"])


@transaction.atomic
def handhavingsstap_vastleggen(
    *, actor: Actor, intake: BredeIntake, soort: str, datum: date, genegeerd: bool = False,
    afspraak_op: datetime | None = None, afspraak_plaats: str = "", toelichting: str = "",
    adres_bevestigd: bool = False,
) -> Handhavingsstap:  # fmt: skip
    """A dated step of non-cooperation (uitnodiging, herinnering, waarschuwing) with its letter.

    A fine is not a step here: it is the handhaving zaak of art. 22 (:func:`handhaving_starten`).
    """
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if intake.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze intake hoort bij een andere gemeente."))
    if soort not in StapSoort.values:
        raise Geweigerd(
            _("Een boete is geen stap van de intake: start de handhaving (art. 22)."), veld="soort"
        )
    if datum > timezone.localdate():
        raise Geweigerd(_("De datum van de brief ligt in de toekomst."), veld="datum")
    if soort in MET_AFSPRAAK:
        if afspraak_op is None:
            raise Geweigerd(
                _("Vul de datum en de tijd van het intakegesprek in."), veld="afspraak_op"
            )
        if timezone.localdate(afspraak_op) < datum:
            raise Geweigerd(
                _("Het gesprek kan niet vóór de datum van de brief zijn."), veld="afspraak_op"
            )
        if not afspraak_plaats.strip():
            raise Geweigerd(_("Vul de plaats van het intakegesprek in."), veld="afspraak_plaats")
        if genegeerd and afspraak_op > timezone.now():
            raise Geweigerd(
                _(
                    "Het gesprek moet nog plaatsvinden; ‘niet gekomen’ kunt u pas daarna "
                    "vastleggen."
                ),
                veld="genegeerd",
            )
    else:
        # A warning has no meeting, so it cannot be ignored; only calls count for R31.
        afspraak_op, afspraak_plaats, genegeerd = None, "", False
    stap = Handhavingsstap.objects.create(
        intake=intake,
        soort=soort,
        datum=datum,
        genegeerd=genegeerd,
        afspraak_op=afspraak_op,
        afspraak_plaats=afspraak_plaats.strip(),
        toelichting=toelichting.strip(),
        vastgelegd_door=actor.user,
    )
    _brief(stap, actor=actor, adres_bevestigd=adres_bevestigd)
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=intake.dossier,
        soort=f"intake_{soort}",
        omschrijving=Tekst(
            gettext_noop("%(stap)s vastgelegd (datum %(datum)s), met brief."),
            stap=keuze(stap, "soort"),
            datum=datum,
        ),
        bron=_bron(actor),
        actor=actor,
        gegevens={"stap": str(stap.uuid)},
    )
    _log(actor, intake.dossier, Activiteit.WIJZIGEN)
    logger.info("intake_stap_vastgelegd", intake=str(intake.uuid), soort=soort)
    return stap


@transaction.atomic
def stap_genegeerd_vastleggen(*, actor: Actor, stap: Handhavingsstap) -> Handhavingsstap:
    """The person did not come to the meeting of this step and did not cancel (counts for R31)."""
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if stap.intake.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze intake hoort bij een andere gemeente."))
    if stap.soort not in MET_AFSPRAAK:
        raise Geweigerd(_("Bij deze stap hoort geen gesprek."))
    if stap.afspraak_op is not None and stap.afspraak_op > timezone.now():
        raise Geweigerd(_("Het gesprek moet nog plaatsvinden."))
    if not Handhavingsstap.objects.filter(pk=stap.pk, genegeerd=False).update(genegeerd=True):
        raise Conflict()
    stap.refresh_from_db()
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=stap.intake.dossier,
        soort="intake_niet_gekomen",
        omschrijving=Tekst(
            gettext_noop("Niet gekomen na de %(stap)s van %(datum)s."),
            stap=keuze(stap, "soort", klein=True),
            datum=stap.datum,
        ),
        bron=_bron(actor),
        actor=actor,
        gegevens={"stap": str(stap.uuid)},
    )
    _log(actor, stap.intake.dossier, Activiteit.WIJZIGEN)
    return stap


def toets_handhaving_starten(intake: BredeIntake, peildatum: date) -> Uitkomst:
    """R31 (a fine only after the second ignored call) and R53 (not lapsed) for art. 22."""
    stap = volgende_stap(intake)
    uitkomst = Uitkomst()
    if stap.boete <= 0:
        uitkomst += Uitkomst.fout(
            handhaving.R31,
            f"Een boete kan nog niet: {stap.uitleg}",
            f"A fine is not possible yet: {stap.uitleg_en}",
        )
    laatste = intake.stappen.filter(genegeerd=True).order_by("-datum").first()
    if laatste is not None:
        uitkomst += handhaving.toets_boete_niet_vervallen(
            laatste.datum, handhaving.ARTIKEL_22, peildatum
        )
    return uitkomst


def handhaving_starten(*, actor: Actor, intake: BredeIntake):
    """Open the one handhaving zaak for art. 22 (fixed € 250), or return the one already running.

    Returns ``(zaak, nieuw)``. The fine itself (voornemen, besluit, letters, bezwaar) lives only in
    ``handhaving`` (ADR 0040); R31 and R53 decide whether it may start.
    """
    from openinburgering.handhaving import services as handhaving_services
    from openinburgering.handhaving.models import Handhavingszaak, ZaakStatus

    if not actor.mag(Recht.HANDHAVING_VOORBEREIDEN):
        raise Geweigerd(_("U mag geen handhaving voorbereiden."))
    if intake.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze intake hoort bij een andere gemeente."))
    with transaction.atomic():
        # One at a time per intake: a double click does not open two zaken.
        BredeIntake.objects.select_for_update().filter(pk=intake.pk).first()
        genegeerd = list(intake.stappen.filter(genegeerd=True).order_by("datum", "id"))
        bestaand = (
            Handhavingszaak.objects.filter(
                gemeente=actor.gemeente,
                dossier=intake.dossier,
                artikel=handhaving.ARTIKEL_22,
            )
            .exclude(status=ZaakStatus.GESTOPT)
            .order_by("-aangemaakt_op", "-id")
            .first()
        )
        if bestaand is not None and (
            bestaand.status == ZaakStatus.OPEN or bestaand.genegeerde_oproepen >= len(genegeerd)
        ):
            return bestaand, False
        uitkomst = toets_handhaving_starten(intake, timezone.localdate())
        if not uitkomst.toegestaan:
            raise RegelsGeschonden(uitkomst)
        omschrijving = ngettext(
            "Niet meegewerkt aan de brede intake: %(n)s oproep genegeerd (%(data)s).",
            "Niet meegewerkt aan de brede intake: %(n)s oproepen genegeerd (%(data)s).",
            len(genegeerd),
        ) % {
            "n": len(genegeerd),
            "data": ", ".join(
                f"{s.get_soort_display().lower()} {s.datum:%d-%m-%Y}" for s in genegeerd
            ),
        }
        zaak = handhaving_services.zaak_openen(
            actor=actor,
            dossier=intake.dossier,
            verplichting=Verplichting.BREDE_INTAKE.value,
            overtredingsdatum=genegeerd[-1].datum,
            omschrijving=omschrijving,
            genegeerde_oproepen=len(genegeerd),
        )
    logger.info("intake_handhaving_gestart", intake=str(intake.uuid), zaak=str(zaak.uuid))
    return zaak, True


# --- the LBT at DUO (Leerbaarheidstoets API) ----------------------------------------------------
def _lbt_mag(actor: Actor, intake: BredeIntake) -> None:
    if not actor.mag(Recht.INTAKE_VOEREN):
        raise Geweigerd(_("U mag geen brede intake voeren."))
    if intake.status == IntakeStatus.AFGESLOTEN:
        raise Geweigerd(_("Deze intake is afgesloten en kan niet meer veranderen."))


def lbt_examennummer_opvragen(*, actor: Actor, intake: BredeIntake) -> BredeIntake:
    """Ask DUO now for the exam number to schedule the LBT (raadpleging
    ``GET /personen/{bsn}/lbt/examennummer``) and store it with today's date."""
    _lbt_mag(actor, intake)
    dossier = intake.dossier
    try:
        examennummer = raadplegen.raadpleging().lbt_examennummer(
            gemeente=dossier.gemeente, actor=actor, bsn=dossier.inburgeraar.bsn
        )
    except raadplegen.KetenNietGevonden:
        raise Geweigerd(
            _(
                "DUO heeft (nog) geen examennummer voor de leerbaarheidstoets van deze persoon, "
                "of de toets is al overgeslagen."
            )
        ) from None
    except raadplegen.KetenFout as exc:
        logger.warning("lbt_examennummer_mislukt", intake=str(intake.uuid), fout=type(exc).__name__)
        raise Geweigerd(
            _("DUO gaf geen antwoord of weigerde de vraag: %(fout)s Probeer het later opnieuw.")
            % {"fout": str(exc)}
        ) from None
    with transaction.atomic():
        BredeIntake.objects.filter(pk=intake.pk).update(
            lbt_examennummer=examennummer[:12],
            lbt_examennummer_aangevraagd_op=timezone.localdate(),
            versie=F("versie") + 1,
        )
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="lbt_examennummer",
            omschrijving=Tekst(
                gettext_noop("Examennummer voor de leerbaarheidstoets opgevraagd bij DUO.")
            ),
            bron=_bron(actor),
            actor=actor,
        )
        _log(actor, dossier, Activiteit.WIJZIGEN)
    intake.refresh_from_db()
    logger.info("lbt_examennummer_opgevraagd", intake=str(intake.uuid))
    return intake


def lbt_vrijstelling_melden(*, actor: Actor, intake: BredeIntake) -> BredeIntake:
    """Record that the LBT is skipped for a visual or auditory impairment (R27) and, in the same
    transaction, put the message for DUO in the outbox
    (``DELETE /personen/{bsn}/lbt/examennummer``).

    The outbox delivers it with retries (or puts it on the Portal worklist); its state is shown
    on the intake page (:func:`lbt_vrijstelling_bericht`).
    """
    _lbt_mag(actor, intake)
    if intake.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze intake hoort bij een andere gemeente."))
    dossier = intake.dossier
    with transaction.atomic():
        actueel = BredeIntake.objects.select_for_update().get(pk=intake.pk)
        if not actueel.lbt_vrijgesteld_gevraagd:
            raise RegelsGeschonden.door(
                regels_intake.R27,
                _("Kruis eerst een visuele of auditieve beperking aan en sla de intake op."),
            )
        if actueel.lbt_vrijstelling_gemeld_op is not None:
            raise Geweigerd(_("De vrijstelling is al aan DUO gemeld."))
        # The chain also closes a work item an old failed direct call left for this.
        ontvangst = uitgaand.melden(
            uitgaand.LbtOvergeslagen(
                inburgeraar=dossier.inburgeraar,
                visuele_beperking=actueel.visuele_beperking,
                auditieve_beperking=actueel.auditieve_beperking,
            ),
            actor=actor,
        )
        BredeIntake.objects.filter(pk=intake.pk).update(
            lbt_vrijstelling_gemeld_op=timezone.localdate(),
            lbt_vrijstelling_bericht=ontvangst.bericht,
            versie=F("versie") + 1,
        )
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="lbt_vrijstelling",
            omschrijving=Tekst(
                gettext_noop(
                    "Vastgelegd: de leerbaarheidstoets vervalt wegens een beperking (R27). De "
                    "melding aan DUO staat klaar."
                )
            ),
            bron=_bron(actor),
            actor=actor,
        )
        _log(actor, dossier, Activiteit.WIJZIGEN)
        dossierfeiten.gewijzigd(dossier)
    intake.refresh_from_db()
    logger.info("lbt_vrijstelling_klaargezet", intake=str(intake.uuid))
    return intake


def lbt_vrijstelling_bericht(intake: BredeIntake) -> raadplegen.BerichtStand | None:
    """The outbox message of the LBT release (its ``status``: wachtend, bezorgd, afgewezen, …)."""
    if intake.lbt_vrijstelling_bericht is None:
        return None
    return raadplegen.raadpleging().bericht(
        gemeente_id=intake.gemeente_id, uuid=intake.lbt_vrijstelling_bericht
    )


# --- the LBT result from DUO (event SS131) ------------------------------------------------------


def lbt_uitslag_van_duo_vastleggen(
    *, actor: Actor, dossier, resultaat: str, behaalde_score, benodigde_score, datum_afname: date
) -> BredeIntake:
    """Store DUO's LBT result on the brede intake (started if there is none yet) and, while the
    intake is open and no advice was given, the leerroute that fits it (R28, R29).

    Called by the processing of SS131 inside its transaction. Bumps ``versie``: a caseworker's
    open form of the intake then gets a conflict instead of overwriting DUO's result.
    """
    intake = BredeIntake.objects.select_for_update().filter(dossier=dossier).first()
    if intake is None:
        intake = BredeIntake.objects.create(
            gemeente=dossier.gemeente, dossier=dossier, gestart_op=timezone.localdate()
        )
        dossier.refresh_from_db(fields=["status", "versie"])
        if dossier.status == Status.AANGEMELD:
            # As when a caseworker starts it: the dossier's status follows its intake.
            inburgeraar_services.dossier_status_wijzigen(
                actor=actor, dossier=dossier, naar=Status.INTAKE
            )
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="intake_gestart",
            omschrijving=Tekst(
                gettext_noop("Brede intake gestart: DUO gaf de uitslag van de leerbaarheidstoets.")
            ),
            bron=_bron(actor),
            actor=actor,
        )
    velden = {
        "lbt_afgenomen_op": datum_afname,
        "lbt_behaalde_score": regels_intake.lees_score(behaalde_score),
        "lbt_benodigde_score": regels_intake.lees_score(benodigde_score),
        "lbt_resultaat": resultaat
        if resultaat in {r.value for r in LeerbaarheidstoetsResultaat}
        else "",
        "lbt_uitslag_van_duo_op": timezone.now(),
    }
    for veld, waarde in velden.items():
        setattr(intake, veld, waarde)
    if intake.status == IntakeStatus.CONCEPT and not intake.geadviseerde_leerroute:
        advies = leerroute_advies(intake)
        if advies is not None:
            velden["geadviseerde_leerroute"] = advies.value
    BredeIntake.objects.filter(pk=intake.pk).update(versie=F("versie") + 1, **velden)
    intake.refresh_from_db()
    _log(actor, dossier, Activiteit.WIJZIGEN)
    dossierfeiten.gewijzigd(dossier)
    logger.info("lbt_uitslag_vastgelegd", intake=str(intake.uuid))
    return intake
