"""Every write of this app: keyword-only, in one transaction, with timeline and processing log.

Legal rules are called from ``regels`` (R21, R36–R38, R54, R68); contract terms (routes, period,
capacity, absence threshold) are the gemeente's own agreements and are checked here.
"""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import ExterneRol, Recht
from openinburgering.core import dossierfeiten, publicatie, teksten
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.core.keten import uitgaand
from openinburgering.core.regels import schending_tekst
from openinburgering.core.teksten import Tekst, keuze, velden_vullen
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.inburgeraars.models import Bron as TijdlijnBron
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import aanbod as regels_aanbod
from openinburgering.regels.codes import Alfabetisering, Doelgroep, Leerroute
from openinburgering.regels.leerroutes import toets_afschalen

from . import bronnen, duo
from .codes import (
    ACTIEF,
    LEERROUTES,
    AandachtspuntSoort,
    AandachtspuntStatus,
    Beoordeling,
    Bron,
    DuoMelding,
    VerwijzingStatus,
)
from .models import (
    Aandachtspunt,
    Afschaaladvies,
    Contract,
    EigenCursus,
    Examendatum,
    Instelling,
    InstellingContact,
    Urenregel,
    Verwijzing,
    Voortgangsverslag,
)

logger = structlog.get_logger(__name__)

#: A reporting period is a week or a month.
MAX_PERIODE_DAGEN = 31
ROUTE_LABEL = dict(LEERROUTES)


def school_actor(*, user, verwijzing: Verwijzing) -> Actor:
    """School staff act for the gemeente that referred the person (the controller of the data)."""
    return Actor(gemeente=verwijzing.gemeente, user=user, rol=ExterneRol.TAALAANBIEDER)


def _eis(actor: Actor, recht: Recht) -> None:
    if not actor.mag(recht):
        raise Geweigerd(_("U heeft niet het recht om dit te doen."))


def _log(actor: Actor, activiteit: str, *inburgeraars) -> None:
    verwerkingen_vastleggen(
        actor=actor, activiteit=activiteit, pseudoniemen=[i.pseudoniem for i in inburgeraars]
    )


def _fout(bericht: str, veld: str = NON_FIELD_ERRORS) -> ValidationError:
    return ValidationError({veld: [bericht]})


# --- the register of institutions ---------------------------------------------------------------


@transaction.atomic
def instellingen_bijwerken(*, items: list[dict]) -> dict[str, int]:
    """Bring the register in step with DUO's list (``GET /instellingen``, DUO's field names).

    New institutions are added, known ones updated; one no longer on the list stays (contracts
    refer to it) but is marked as not recognised, so no new aanbod can go to it (R37).
    """
    nu = timezone.now()
    gezien = set()
    nieuw = bijgewerkt = 0
    for item in items:
        velden = duo.instelling_uit_duo(item)
        nummer = velden.pop("instellingsnummer")
        gezien.add(nummer)
        instelling = Instelling.objects.filter(instellingsnummer=nummer).first()
        if instelling is None:
            instelling = Instelling(instellingsnummer=nummer)
            nieuw += 1
        else:
            bijgewerkt += 1
        for veld, waarde in velden.items():
            setattr(instelling, veld, waarde)
        instelling.erkend_bij_duo = True
        instelling.bijgewerkt_uit_duo_op = nu
        instelling.full_clean(exclude=["email"])
        instelling.save()
    vervallen = (
        Instelling.objects.filter(erkend_bij_duo=True)
        .exclude(instellingsnummer__in=gezien)
        .update(erkend_bij_duo=False, bijgewerkt_uit_duo_op=nu)
    )
    logger.info("instellingen_bijgewerkt", nieuw=nieuw, bijgewerkt=bijgewerkt, vervallen=vervallen)
    return {"nieuw": nieuw, "bijgewerkt": bijgewerkt, "vervallen": vervallen}


def instellingen_bijwerken_uit_duo(*, actor: Actor) -> dict[str, int]:
    """Fetch DUO's list with the DUO integration's client, then update the register."""
    _eis(actor, Recht.CONTRACTEN_BEHEREN)
    return instellingen_bijwerken(items=duo.instellingen_ophalen(actor.gemeente))


@transaction.atomic
def instelling_contact_wijzigen(
    *, actor: Actor, instelling: Instelling, contactpersoon: str, email: str, telefoon: str
) -> InstellingContact:
    """Set the actor's gemeente's own contact at a school; other gemeenten's stay as they are."""
    _eis(actor, Recht.CONTRACTEN_BEHEREN)
    contact = (
        InstellingContact.objects.select_for_update()
        .filter(gemeente=actor.gemeente, instelling=instelling)
        .first()
    ) or InstellingContact(gemeente=actor.gemeente, instelling=instelling)
    contact.contactpersoon, contact.email, contact.telefoon = contactpersoon, email, telefoon
    contact.full_clean()
    contact.save()
    return contact


# --- contracts ----------------------------------------------------------------------------------


@transaction.atomic
def contract_aanmaken(*, actor: Actor, instelling: Instelling, **velden) -> Contract:
    _eis(actor, Recht.CONTRACTEN_BEHEREN)
    contract = Contract(gemeente=actor.gemeente, instelling=instelling, **velden)
    contract.full_clean(exclude=["gemeente"])
    if not contract.leerroutes:
        raise _fout(_("Kies minstens één leerroute."), "leerroutes")
    if contract.einddatum < contract.startdatum:
        raise _fout(_("De einddatum ligt vóór de ingangsdatum."), "einddatum")
    if Contract.objects.filter(gemeente=actor.gemeente, kenmerk=contract.kenmerk).exists():
        raise _fout(_("Er is al een contract met dit kenmerk."), "kenmerk")
    contract.save()
    logger.info("contract_aangemaakt", contract=str(contract.uuid), gemeente=actor.gemeente.code)
    return contract


# --- the inburgeringsaanbod: referrals ----------------------------------------------------------

# Where a regels outcome names a fact, the form field that shows it.
AANBOD_VELDEN: dict[str, str | None] = {
    "doelgroep": None,
    "pip": None,
    "instelling": "contract",
    "datum_inburgeringsaanbod": "datum_inburgeringsaanbod",
    "verwachte_startdatum": "verwachte_startdatum",
    "verwachte_einddatum": "verwachte_einddatum",
}


def _regels_instelling(instelling: Instelling) -> regels_aanbod.Instelling:
    # An institution that DUO no longer lists is no longer recognised for a new aanbod (R37).
    return regels_aanbod.Instelling(
        instelling.instellingsnummer,
        keurmerk_bow=instelling.keurmerk_bow and instelling.erkend_bij_duo,
        keurmerk_tst=instelling.keurmerk_tst and instelling.erkend_bij_duo,
    )


def _regels_aanbod(verwijzing: Verwijzing) -> regels_aanbod.Aanbod:
    return regels_aanbod.Aanbod(
        instelling=_regels_instelling(verwijzing.instelling),
        datum_inburgeringsaanbod=verwijzing.datum_inburgeringsaanbod,
        verwachte_startdatum=verwijzing.verwachte_startdatum,
        verwachte_einddatum=verwijzing.verwachte_einddatum,
        alfabetisering=Alfabetisering(verwijzing.alfabetisering),
    )


def aanbod_toetsen(*, inburgeraar: Inburgeraar, verwijzing: Verwijzing, pip) -> None:
    """R36, R37, R38 and R54 from regels; raises a ValidationError naming rule and article."""
    uitkomst = regels_aanbod.toets_aanbod(
        _regels_aanbod(verwijzing),
        doelgroep=Doelgroep(inburgeraar.doelgroep),
        leerroute=Leerroute(pip.leerroute) if pip and pip.leerroute else None,
        huidige_pip_dagtekening=pip.dagtekening if pip else None,
        termijn=pip.termijn if pip else None,
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst, veldnamen=AANBOD_VELDEN)


def _contract_toetsen(contract: Contract, verwijzing: Verwijzing) -> None:
    """The gemeente's own agreements with the school (not law, so no rule id)."""
    fouten = defaultdict(list)
    if verwijzing.leerroute not in contract.leerroutes:
        fouten["contract"].append(
            _("Contract %(kenmerk)s omvat de %(route)s niet.")
            % {"kenmerk": contract.kenmerk, "route": ROUTE_LABEL[verwijzing.leerroute]}
        )
    if contract.niveaus and verwijzing.niveau and verwijzing.niveau not in contract.niveaus:
        fouten["contract"].append(
            _("Contract %(kenmerk)s omvat niveau %(niveau)s niet.")
            % {"kenmerk": contract.kenmerk, "niveau": verwijzing.niveau}
        )
    start = verwijzing.datum_inburgeringsaanbod
    if not (contract.startdatum <= start <= contract.einddatum):
        fouten["datum_inburgeringsaanbod"].append(
            _(
                "De inschrijfdatum valt buiten de looptijd van het contract "
                "(%(van)s tot en met %(tot)s)."
            )
            % {
                "van": contract.startdatum.strftime("%d-%m-%Y"),
                "tot": contract.einddatum.strftime("%d-%m-%Y"),
            }
        )
    bezet = (
        Verwijzing.objects.filter(contract=contract, status__in=ACTIEF)
        .exclude(inburgeraar=verwijzing.inburgeraar)
        .count()
    )
    if bezet >= contract.capaciteit:
        fouten["contract"].append(
            _("Het contract is vol: %(bezet)s van %(plaatsen)s plaatsen zijn bezet.")
            % {"bezet": bezet, "plaatsen": contract.capaciteit}
        )
    if fouten:
        raise ValidationError(dict(fouten))


@transaction.atomic
def verwijzen(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    contract: Contract,
    datum_inburgeringsaanbod: date,
    verwachte_startdatum: date,
    verwachte_einddatum: date | None = None,
    uren_per_week: int | None = None,
) -> Verwijzing:
    """Refer an asielstatushouder with a PIP to a school under contract and report the aanbod.

    Route, level and literacy come from the current PIP. A new referral to the same school
    replaces the current one (R38: one aanbod per institution; DUO overwrites it).
    """
    _eis(actor, Recht.VERWIJZEN)
    if contract.gemeente_id != actor.gemeente.pk or inburgeraar.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit contract of deze persoon hoort niet bij uw gemeente."))
    pip = bronnen.huidige_pip(inburgeraar.dossier)
    verwijzing = Verwijzing(
        gemeente=actor.gemeente,
        inburgeraar=inburgeraar,
        contract=contract,
        instelling=contract.instelling,
        leerroute=pip.leerroute if pip else "",
        niveau=(pip.niveau if pip else "") or "",
        alfabetisering=pip.alfabetisering if pip else Alfabetisering.NVT.value,
        uren_per_week=uren_per_week or contract.uren_per_week,
        datum_inburgeringsaanbod=datum_inburgeringsaanbod,
        verwachte_startdatum=verwachte_startdatum,
        verwachte_einddatum=verwachte_einddatum,
        verwezen_door=actor.user,
    )
    aanbod_toetsen(inburgeraar=inburgeraar, verwijzing=verwijzing, pip=pip)
    _contract_toetsen(contract, verwijzing)
    verwijzing.full_clean(exclude=["gemeente", "inburgeraar", "contract", "instelling", "kenmerk"])

    huidige = {
        v.instelling.instellingsnummer: v
        for v in Verwijzing.objects.filter(inburgeraar=inburgeraar, status__in=ACTIEF)
        .select_related("instelling")
        .select_for_update()
    }
    nieuw_aanbod = _regels_aanbod(verwijzing)
    na = regels_aanbod.registreer_aanbod(
        {nummer: _regels_aanbod(v) for nummer, v in huidige.items()}, nieuw_aanbod
    )
    vervangen = [v for nummer, v in huidige.items() if na[nummer] is nieuw_aanbod]
    for oud in vervangen:
        oud.status = VerwijzingStatus.VERVANGEN
        oud.beeindigd_op = timezone.localdate()
        oud.save(update_fields=["status", "beeindigd_op"])
    verwijzing.duo_melding = DuoMelding.IN_OUTBOX
    verwijzing.save()
    aanbod_bij_duo_melden(actor=actor, verwijzing=verwijzing, pip=pip)

    omschrijving = _(
        "Verwezen naar %(school)s (contract %(contract)s): %(route)s, %(uren)s uur per week, "
        "inschrijving %(datum)s, start %(start)s. Kenmerk %(kenmerk)s."
    ) % {
        "school": contract.instelling.naam,
        "contract": contract.kenmerk,
        "route": ROUTE_LABEL[verwijzing.leerroute],
        "uren": verwijzing.uren_per_week,
        "datum": verwijzing.datum_inburgeringsaanbod.strftime("%d-%m-%Y"),
        "start": verwijzing.verwachte_startdatum.strftime("%d-%m-%Y"),
        "kenmerk": verwijzing.kenmerk,
    }
    if vervangen:
        omschrijving += " " + _("Dit vervangt de eerdere verwijzing naar deze school (R38).")
    gebeurtenis_toevoegen(
        dossier=inburgeraar.dossier,
        soort="verwezen_taalaanbieder",
        omschrijving=omschrijving,
        bron=TijdlijnBron.MEDEWERKER,
        actor=actor,
        gegevens={
            "verwijzing": str(verwijzing.uuid),
            "instelling": contract.instelling.instellingsnummer,
        },
    )
    _log(actor, Activiteit.WIJZIGEN, inburgeraar)
    logger.info(
        "verwezen_naar_taalaanbieder",
        verwijzing=str(verwijzing.uuid),
        instelling=contract.instelling.instellingsnummer,
        vervangen=len(vervangen),
    )
    return verwijzing


def aanbod_bij_duo_melden(*, actor: Actor, verwijzing: Verwijzing, pip) -> str:
    """Inburgeringsaanbod API: POST the aanbod for this person at this institution (R36–R38).

    Through the chain (``core.keten``), in the caller's transaction; the DUO integration checks
    DUO's rules once more and writes the message, a timeline entry and the processing-log record.
    """
    uitgaand.melden(
        uitgaand.AanbodGedaan(
            inburgeraar=verwijzing.inburgeraar,
            aanbod=_regels_aanbod(verwijzing),
            leerroute=Leerroute(pip.leerroute),
            huidige_pip_dagtekening=pip.dagtekening,
            termijn=pip.termijn,
        ),
        actor=actor,
    )
    return DuoMelding.IN_OUTBOX


def taaluren_per_bron(*, inburgeraar: Inburgeraar) -> dict[str, float]:
    """Language and KNM hours at course providers, per route (school reports), and per source
    registered with :mod:`.bronnen` (the hours the caseworker registers in the route work)."""
    per_bron = {
        rij["verwijzing__leerroute"]: float(rij["totaal"] or 0)
        for rij in Urenregel.objects.filter(verwijzing__inburgeraar=inburgeraar)
        .values("verwijzing__leerroute")
        .annotate(totaal=Sum("uren_aanwezig"))
        .order_by()
    }
    per_bron.update(bronnen.taaluren_elders(inburgeraar.dossier))
    return per_bron


def gevolgde_taaluren(*, inburgeraar: Inburgeraar):
    """R68: the ONE total of language and KNM hours DUO gets for this person (all routes)."""
    return regels_aanbod.gevolgde_taaluren_voor_duo(taaluren_per_bron(inburgeraar=inburgeraar))


def uren_bij_duo_melden(*, actor: Actor, inburgeraar: Inburgeraar) -> int | None:
    """Gevolgde Uren API: PUT the person's total language and KNM hours at course providers.

    Only for an asielstatushouder with the gemeente's aanbod (Wi2021 art. 16): the hours of a
    self-chosen course are not the gemeente's to report. Returns the total sent.
    """
    if inburgeraar.doelgroep != Doelgroep.ASIELSTATUSHOUDER:
        return None
    totaal = gevolgde_taaluren(inburgeraar=inburgeraar).waarde
    uitgaand.melden(
        uitgaand.UrenGevolgd(inburgeraar=inburgeraar, soort="participatie_taalles", uren=totaal),
        actor=actor,
    )
    return totaal


@transaction.atomic
def eigen_cursus_vastleggen(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    instelling: Instelling | None = None,
    naam_instelling: str = "",
    sinds: date | None = None,
) -> EigenCursus:
    """Record where a gezinsmigrant or overige migrant follows a self-chosen course."""
    _eis(actor, Recht.INBURGERAAR_WIJZIGEN)
    if inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER:
        raise RegelsGeschonden.door(
            regels_aanbod.R36,
            _(
                "Een asielstatushouder krijgt het inburgeringsaanbod van de gemeente: verwijs naar "
                "een school met een contract."
            ),
        )
    cursus = EigenCursus(
        gemeente=actor.gemeente,
        inburgeraar=inburgeraar,
        instelling=instelling,
        naam_instelling=naam_instelling.strip(),
        sinds=sinds,
    )
    if cursus.instelling is None and not cursus.naam_instelling:
        raise _fout(
            _("Kies een school uit de lijst of vul de naam van de school in."), "instelling"
        )
    cursus.full_clean(exclude=["gemeente", "inburgeraar"])
    cursus.save()
    gebeurtenis_toevoegen(
        dossier=inburgeraar.dossier,
        soort="eigen_cursus",
        omschrijving=_("Volgt zelf gekozen cursus bij %(school)s%(sinds)s.")
        % {
            "school": cursus.school,
            "sinds": (" " + _("sinds %(d)s") % {"d": sinds.strftime("%d-%m-%Y")}) if sinds else "",
        },
        bron=TijdlijnBron.MEDEWERKER,
        actor=actor,
    )
    _log(actor, Activiteit.WIJZIGEN, inburgeraar)
    return cursus


# --- what schools report ------------------------------------------------------------------------


def _tijdlijn_school(*, actor: Actor, verwijzing: Verwijzing, soort: str, tekst: str, **gegevens):
    gebeurtenis_toevoegen(
        dossier=verwijzing.inburgeraar.dossier,
        soort=soort,
        omschrijving=Tekst.samen(verwijzing.instelling.naam, tekst, scheiding=": "),
        bron=TijdlijnBron.MEDEWERKER,
        actor=actor,
        gegevens={"verwijzing": str(verwijzing.uuid), **gegevens},
    )


def _aandachtspunt(
    *, verwijzing: Verwijzing, soort: str, sleutel: str, titel: str, toelichting: str, regel=""
) -> Aandachtspunt:
    _werklijst_bijwerken(verwijzing.inburgeraar.dossier)
    bestaand = Aandachtspunt.objects.filter(
        sleutel=sleutel, status=AandachtspuntStatus.OPEN
    ).first()
    if bestaand is not None:
        bestaand.regel = regel
        velden = velden_vullen(bestaand, titel=titel, toelichting=toelichting)
        bestaand.save(update_fields=[*velden, "regel"])
        return bestaand
    punt = Aandachtspunt(
        gemeente=verwijzing.gemeente,
        dossier=verwijzing.inburgeraar.dossier,
        verwijzing=verwijzing,
        soort=soort,
        sleutel=sleutel,
        regel=regel,
        deadline=timezone.localdate() + timedelta(days=14),
    )
    velden_vullen(punt, titel=titel, toelichting=toelichting)
    punt.save(force_insert=True)
    return punt


def _werklijst_bijwerken(dossier) -> None:
    """Let the deadline engine recompute this dossier's worklist once the change is stored
    (it reads open ``Aandachtspunt`` rows through this app's source, ADR 0030, 0051)."""
    dossierfeiten.gewijzigd(dossier)


def _moet_actief(verwijzing: Verwijzing, *, gestart: bool = False) -> None:
    if verwijzing.status not in ACTIEF:
        raise Geweigerd(_("Deze verwijzing is niet meer actief."))
    if gestart and verwijzing.status != VerwijzingStatus.GESTART:
        raise Geweigerd(_("Bevestig eerst de intake bij de school; daarna kunt u uren melden."))


@transaction.atomic
def intake_bevestigen(*, actor: Actor, verwijzing: Verwijzing, datum: date) -> Verwijzing:
    _eis(actor, Recht.DEELNAME_MELDEN)
    _moet_actief(verwijzing)
    if datum > timezone.localdate():
        raise _fout(_("De datum van de intake kan niet in de toekomst liggen."), "datum")
    if datum < verwijzing.datum_inburgeringsaanbod - timedelta(days=31):
        raise _fout(
            _("De datum ligt meer dan een maand vóór de inschrijving; controleer de datum."),
            "datum",
        )
    verwijzing.status = VerwijzingStatus.GESTART
    verwijzing.intake_bevestigd_op = datum
    verwijzing.save(update_fields=["status", "intake_bevestigd_op"])
    _tijdlijn_school(
        actor=actor,
        verwijzing=verwijzing,
        soort="intake_school_bevestigd",
        tekst=_("intake bij de school bevestigd op %(d)s.") % {"d": datum.strftime("%d-%m-%Y")},
    )
    _log(actor, Activiteit.WIJZIGEN, verwijzing.inburgeraar)
    return verwijzing


def verzuim_procent(urenregel: Urenregel) -> Decimal:
    if not urenregel.uren_aangeboden:
        return Decimal("0")
    return (urenregel.uren_verzuim * 100 / urenregel.uren_aangeboden).quantize(Decimal("0.1"))


def urenregel_toetsen(
    *,
    verwijzing: Verwijzing | None,
    periode_start: date | None,
    periode_einde: date | None,
    uren_aangeboden: Decimal,
    uren_aanwezig: Decimal,
    uren_fysiek: Decimal,
    verzuimreden: str,
) -> None:
    """Check one attendance line; every problem as a Dutch message on its field. A fact that is
    unknown (``None``, for a row of an upload that could not be read) is not checked."""
    fouten = defaultdict(list)
    vandaag = timezone.localdate()
    if periode_start and periode_einde:
        if periode_einde < periode_start:
            fouten["periode_einde"].append(_("De laatste dag ligt vóór de eerste dag."))
        elif (periode_einde - periode_start).days + 1 > MAX_PERIODE_DAGEN:
            fouten["periode_einde"].append(
                _("Een periode is een week of een maand (hoogstens 31 dagen).")
            )
    if periode_einde and periode_einde > vandaag:
        fouten["periode_einde"].append(_("De periode is nog niet voorbij."))
    if verwijzing and periode_start and periode_start < verwijzing.datum_inburgeringsaanbod:
        fouten["periode_start"].append(
            _("De periode begint vóór de inschrijving (%(d)s).")
            % {"d": verwijzing.datum_inburgeringsaanbod.strftime("%d-%m-%Y")}
        )
    if uren_aanwezig > uren_aangeboden:
        fouten["uren_aanwezig"].append(_("Er kunnen niet meer uren aanwezig zijn dan aangeboden."))
    if uren_fysiek > uren_aanwezig:
        fouten["uren_fysiek"].append(_("Uren in de klas kunnen niet meer zijn dan uren aanwezig."))
    if uren_aanwezig < uren_aangeboden and not verzuimreden:
        fouten["verzuimreden"].append(_("Geef de reden van het verzuim."))
    if fouten:
        raise ValidationError(dict(fouten))


@transaction.atomic
def uren_melden(
    *,
    actor: Actor,
    verwijzing: Verwijzing,
    periode_start: date,
    periode_einde: date,
    uren_aangeboden: Decimal,
    uren_aanwezig: Decimal,
    uren_fysiek: Decimal,
    verzuimreden: str = "",
    toelichting: str = "",
    bron: str = Bron.PORTAAL,
    duo_melden: bool = True,
) -> Urenregel:
    """Attendance for a week or month. A second report for the same period replaces the first.

    Absence above the contract's threshold becomes a work item for the caseworker; the person's
    new total goes to DUO (R68) unless ``duo_melden`` is off (a bulk upload reports once).
    """
    _eis(actor, Recht.DEELNAME_MELDEN)
    _moet_actief(verwijzing, gestart=True)
    urenregel_toetsen(
        verwijzing=verwijzing,
        periode_start=periode_start,
        periode_einde=periode_einde,
        uren_aangeboden=uren_aangeboden,
        uren_aanwezig=uren_aanwezig,
        uren_fysiek=uren_fysiek,
        verzuimreden=verzuimreden,
    )
    if uren_aanwezig == uren_aangeboden:
        verzuimreden = ""
    regel, nieuw = Urenregel.objects.update_or_create(
        verwijzing=verwijzing,
        periode_start=periode_start,
        periode_einde=periode_einde,
        defaults={
            "uren_aangeboden": uren_aangeboden,
            "uren_aanwezig": uren_aanwezig,
            "uren_fysiek": uren_fysiek,
            "verzuimreden": verzuimreden,
            "toelichting": toelichting,
            "bron": bron,
            "gemeld_door": actor.user,
        },
    )
    regel.full_clean()
    periode = _("%(van)s t/m %(tot)s") % {"van": periode_start, "tot": periode_einde}
    tekst = _("uren %(periode)s: %(aanwezig)s van %(aangeboden)s uur aanwezig.") % {
        "periode": periode,
        "aanwezig": str(uren_aanwezig).replace(".", ","),
        "aangeboden": str(uren_aangeboden).replace(".", ","),
    }
    procent = verzuim_procent(regel)
    if regel.uren_verzuim:
        tekst += " " + _("Verzuim %(uren)s uur (%(procent)s%%), reden: %(reden)s.") % {
            "uren": str(regel.uren_verzuim).replace(".", ","),
            "procent": str(procent).replace(".", ","),
            "reden": keuze(regel, "verzuimreden"),
        }
    if not nieuw:
        tekst += " " + _("Dit vervangt de eerdere melding over deze periode.")
    _tijdlijn_school(actor=actor, verwijzing=verwijzing, soort="uren_gemeld", tekst=tekst)

    sleutel = f"verzuim:{verwijzing.uuid}:{periode_start:%Y%m%d}"
    drempel = verwijzing.contract.verzuim_drempel_procent
    if procent > drempel:
        _aandachtspunt(
            verwijzing=verwijzing,
            soort=AandachtspuntSoort.VERZUIM,
            sleutel=sleutel,
            titel=_("Verzuim %(procent)s%% bij %(school)s (grens %(drempel)s%%)")
            % {
                "procent": str(procent).replace(".", ","),
                "school": verwijzing.instelling.naam,
                "drempel": drempel,
            },
            toelichting=tekst,
        )
    else:
        if Aandachtspunt.objects.filter(sleutel=sleutel, status=AandachtspuntStatus.OPEN).update(
            status=AandachtspuntStatus.AFGEHANDELD, afgehandeld_op=timezone.now()
        ):
            _werklijst_bijwerken(verwijzing.inburgeraar.dossier)
    if duo_melden:
        uren_bij_duo_melden(actor=actor, inburgeraar=verwijzing.inburgeraar)
    publicatie.publiceren(
        publicatie.Feit(
            gemeente_id=verwijzing.gemeente_id,
            soort=publicatie.Soort.UREN_GEMELD,
            onderwerp=regel.uuid,
            dossier=verwijzing.inburgeraar.dossier.uuid,
            inburgeraar=verwijzing.inburgeraar.uuid,
            objecten={"urenregel": regel.uuid},
        )
    )
    _log(actor, Activiteit.WIJZIGEN, verwijzing.inburgeraar)
    return regel


@transaction.atomic
def voortgang_melden(
    *,
    actor: Actor,
    verwijzing: Verwijzing,
    datum: date,
    onderdeel: str,
    beoordeling: str,
    niveau: str = "",
    toelichting: str = "",
) -> Voortgangsverslag:
    _eis(actor, Recht.DEELNAME_MELDEN)
    _moet_actief(verwijzing)
    verslag = Voortgangsverslag(
        verwijzing=verwijzing,
        datum=datum,
        onderdeel=onderdeel,
        beoordeling=beoordeling,
        niveau=niveau,
        toelichting=toelichting,
        gemeld_door=actor.user,
    )
    verslag.full_clean()
    if datum > timezone.localdate():
        raise _fout(_("De datum van het verslag kan niet in de toekomst liggen."), "datum")
    verslag.save()
    tekst = _("voortgang %(onderdeel)s: %(beoordeling)s%(niveau)s.") % {
        "onderdeel": keuze(verslag, "onderdeel"),
        "beoordeling": keuze(verslag, "beoordeling", klein=True),
        "niveau": (", " + _("niveau %(n)s") % {"n": niveau}) if niveau else "",
    }
    _tijdlijn_school(actor=actor, verwijzing=verwijzing, soort="voortgang_gemeld", tekst=tekst)
    if beoordeling == Beoordeling.ACHTER:
        _aandachtspunt(
            verwijzing=verwijzing,
            soort=AandachtspuntSoort.VOORTGANG,
            sleutel=f"voortgang:{verwijzing.uuid}:{onderdeel}",
            titel=_("Voortgang %(onderdeel)s loopt achter (%(school)s)")
            % {"onderdeel": keuze(verslag, "onderdeel"), "school": verwijzing.instelling.naam},
            toelichting=toelichting,
        )
    _log(actor, Activiteit.WIJZIGEN, verwijzing.inburgeraar)
    return verslag


@transaction.atomic
def examendatum_melden(
    *, actor: Actor, verwijzing: Verwijzing, onderdeel: str, niveau: str, datum: date
) -> Examendatum:
    _eis(actor, Recht.DEELNAME_MELDEN)
    _moet_actief(verwijzing)
    examen = Examendatum(
        verwijzing=verwijzing,
        onderdeel=onderdeel,
        niveau=niveau,
        datum=datum,
        gemeld_door=actor.user,
    )
    examen.full_clean()
    examen.save()
    _tijdlijn_school(
        actor=actor,
        verwijzing=verwijzing,
        soort="examendatum_gemeld",
        tekst=_("examen %(onderdeel)s (%(niveau)s) op %(d)s.")
        % {
            "onderdeel": keuze(examen, "onderdeel"),
            "niveau": niveau,
            "d": datum,
        },
    )
    _log(actor, Activiteit.WIJZIGEN, verwijzing.inburgeraar)
    return examen


def lesuren_bij_keurmerkscholen(*, inburgeraar: Inburgeraar) -> tuple[int, int]:
    """Attended hours (all, and in class) at schools with the BoW keurmerk: R21's input."""
    som = Urenregel.objects.filter(
        verwijzing__inburgeraar=inburgeraar, verwijzing__instelling__keurmerk_bow=True
    ).aggregate(aanwezig=Sum("uren_aanwezig"), fysiek=Sum("uren_fysiek"))
    return int(som["aanwezig"] or 0), int(som["fysiek"] or 0)


def afschalen_nog_niet_mogelijk(*, verwijzing: Verwijzing, lesuren: tuple[int, int]) -> list[str]:
    """R21 for the hours alone (the school's judgement assumed): why advising is not yet
    possible, each with rule and article; empty when the hours allow it."""
    uitkomst = toets_afschalen(
        leerroute=Leerroute(verwijzing.leerroute),
        lesuren=lesuren[0],
        lesuren_fysiek=lesuren[1],
        b1_onhaalbaar_binnen_termijn=True,
        voldoende_inspanning=True,
    )
    return [schending_tekst(s) for s in uitkomst.schendingen]


AFSCHAAL_VELDEN: dict[str, str | None] = {
    "leerroute": None,
    "lesuren": None,
    "lesuren_fysiek": None,
    "b1_onhaalbaar_binnen_termijn": "b1_onhaalbaar",
    "voldoende_inspanning": "voldoende_inspanning",
}


@transaction.atomic
def afschalen_adviseren(
    *,
    actor: Actor,
    verwijzing: Verwijzing,
    b1_onhaalbaar: bool,
    voldoende_inspanning: bool,
    motivering: str,
) -> Afschaaladvies:
    """The school advises B1 → A2. Stored only if R21 allows it; the hours are ours, not typed."""
    _eis(actor, Recht.DEELNAME_MELDEN)
    _moet_actief(verwijzing, gestart=True)
    lesuren, fysiek = lesuren_bij_keurmerkscholen(inburgeraar=verwijzing.inburgeraar)
    uitkomst = toets_afschalen(
        leerroute=Leerroute(verwijzing.leerroute),
        lesuren=lesuren,
        lesuren_fysiek=fysiek,
        b1_onhaalbaar_binnen_termijn=b1_onhaalbaar,
        voldoende_inspanning=voldoende_inspanning,
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst, veldnamen=AFSCHAAL_VELDEN)
    if not motivering.strip():
        raise _fout(_("Licht het advies toe."), "motivering")
    advies = Afschaaladvies.objects.create(
        verwijzing=verwijzing,
        lesuren=lesuren,
        lesuren_fysiek=fysiek,
        b1_onhaalbaar=b1_onhaalbaar,
        voldoende_inspanning=voldoende_inspanning,
        motivering=motivering.strip(),
        gemeld_door=actor.user,
    )
    tekst = _(
        "advies om af te schalen van B1 naar A2, na %(uren)s lesuur "
        "(waarvan %(fysiek)s in de klas)."
    ) % {"uren": lesuren, "fysiek": fysiek}
    _tijdlijn_school(actor=actor, verwijzing=verwijzing, soort="afschaaladvies", tekst=tekst)
    _aandachtspunt(
        verwijzing=verwijzing,
        soort=AandachtspuntSoort.AFSCHAALADVIES,
        sleutel=f"afschalen:{verwijzing.uuid}",
        titel=_("Afschaaladvies van %(school)s: beslis over een nieuw PIP")
        % {"school": verwijzing.instelling.naam},
        toelichting=tekst,
        regel="R21",
    )
    _log(actor, Activiteit.WIJZIGEN, verwijzing.inburgeraar)
    return advies


@transaction.atomic
def aandachtspunt_afhandelen(*, actor: Actor, aandachtspunt: Aandachtspunt) -> Aandachtspunt:
    _eis(actor, Recht.PERSOONSGEGEVENS_LEZEN)
    if aandachtspunt.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit aandachtspunt hoort niet bij uw gemeente."))
    bijgewerkt = Aandachtspunt.objects.filter(
        pk=aandachtspunt.pk, status=AandachtspuntStatus.OPEN
    ).update(
        status=AandachtspuntStatus.AFGEHANDELD,
        afgehandeld_op=timezone.now(),
        afgehandeld_door=actor.user,
    )
    if bijgewerkt:
        _werklijst_bijwerken(aandachtspunt.dossier)
        gebeurtenis_toevoegen(
            dossier=aandachtspunt.dossier,
            soort="aandachtspunt_afgehandeld",
            omschrijving=_("Aandachtspunt afgehandeld: %(titel)s")
            % {"titel": teksten.veld_tekst(aandachtspunt, "titel")},
            bron=TijdlijnBron.MEDEWERKER,
            actor=actor,
        )
    aandachtspunt.refresh_from_db()
    return aandachtspunt
