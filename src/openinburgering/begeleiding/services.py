"""Writes for maatschappelijke begeleiding: keyword-only, in one transaction, logged."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.teksten import Tekst, keuze
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.inburgeraars.models import Bron, Dossier
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .models import Stap, StapStatus, Voortgang
from .standaard import STANDAARD_STAPPEN

logger = structlog.get_logger(__name__)


def _vereis(actor: Actor, recht: Recht) -> None:
    if not actor.mag(recht):
        raise Geweigerd(_("U heeft niet het recht om dit te doen."))


# --- the gemeente's list (no personal data) -----------------------------------------------------


@transaction.atomic
def standaardstappen_aanmaken(*, actor: Actor) -> int:
    """Give a gemeente without any steps the default list; returns how many were made."""
    _vereis(actor, Recht.BEGELEIDING_BEHEREN)
    if Stap.objects.filter(gemeente=actor.gemeente).exists():
        return 0
    Stap.objects.bulk_create(
        Stap(
            gemeente=actor.gemeente,
            naam=_(naam),
            omschrijving=_(omschrijving) if omschrijving else "",
            streefdagen=dagen,
            volgorde=(i + 1) * 10,
        )
        for i, (naam, omschrijving, dagen) in enumerate(STANDAARD_STAPPEN)
    )
    logger.info("begeleiding_standaardstappen_aangemaakt", gemeente=actor.gemeente.code)
    return len(STANDAARD_STAPPEN)


def _stap_opslaan(stap: Stap) -> None:
    stap.full_clean(exclude=["gemeente"])
    try:
        with transaction.atomic():
            stap.save()
    except IntegrityError:
        raise ValidationError({"naam": _("Er is al een stap met deze naam in gebruik.")}) from None


@transaction.atomic
def stap_aanmaken(*, actor: Actor, naam: str, streefdagen: int, omschrijving: str = "") -> Stap:
    _vereis(actor, Recht.BEGELEIDING_BEHEREN)
    laatste = Stap.objects.filter(gemeente=actor.gemeente).aggregate(m=Max("volgorde"))["m"] or 0
    stap = Stap(
        gemeente=actor.gemeente,
        naam=naam.strip(),
        omschrijving=omschrijving.strip(),
        streefdagen=streefdagen,
        volgorde=laatste + 10,
    )
    if Stap.objects.filter(gemeente=actor.gemeente, naam__iexact=stap.naam, actief=True).exists():
        raise ValidationError({"naam": _("Er is al een stap met deze naam in gebruik.")})
    _stap_opslaan(stap)
    logger.info("begeleiding_stap_aangemaakt", stap=str(stap.uuid))
    return stap


@transaction.atomic
def stap_wijzigen(
    *, actor: Actor, stap: Stap, versie: int, naam: str, streefdagen: int, omschrijving: str = ""
) -> Stap:
    """Rename or re-time a step. History keeps pointing at the same step, under its new name."""
    _vereis(actor, Recht.BEGELEIDING_BEHEREN)
    if stap.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze stap hoort bij een andere gemeente."))
    naam = naam.strip()
    dubbel = (
        Stap.objects.filter(gemeente=actor.gemeente, naam__iexact=naam, actief=True)
        .exclude(pk=stap.pk)
        .exists()
    )
    if dubbel:
        raise ValidationError({"naam": _("Er is al een stap met deze naam in gebruik.")})
    kandidaat = Stap(
        pk=stap.pk,
        gemeente=stap.gemeente,
        naam=naam,
        omschrijving=omschrijving.strip(),
        streefdagen=streefdagen,
        volgorde=stap.volgorde,
        actief=stap.actief,
    )
    kandidaat.full_clean(exclude=["gemeente"], validate_unique=False, validate_constraints=False)
    bijgewerkt = Stap.objects.filter(pk=stap.pk, versie=versie).update(
        naam=kandidaat.naam,
        omschrijving=kandidaat.omschrijving,
        streefdagen=kandidaat.streefdagen,
        versie=F("versie") + 1,
    )
    if not bijgewerkt:
        raise Conflict()
    stap.refresh_from_db()
    logger.info("begeleiding_stap_gewijzigd", stap=str(stap.uuid))
    return stap


@transaction.atomic
def stap_in_gebruik_zetten(*, actor: Actor, stap: Stap, actief: bool) -> Stap:
    """Retire a step (it leaves new checklists, recorded history stays) or bring it back."""
    _vereis(actor, Recht.BEGELEIDING_BEHEREN)
    if stap.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze stap hoort bij een andere gemeente."))
    if actief and (
        Stap.objects.filter(gemeente=actor.gemeente, naam__iexact=stap.naam, actief=True)
        .exclude(pk=stap.pk)
        .exists()
    ):
        raise Geweigerd(_("Er is al een stap met deze naam in gebruik; hernoem er eerst één."))
    Stap.objects.filter(pk=stap.pk).update(actief=actief, versie=F("versie") + 1)
    stap.refresh_from_db()
    logger.info("begeleiding_stap_actief_gewijzigd", stap=str(stap.uuid), actief=actief)
    return stap


# --- one person's checklist ---------------------------------------------------------------------


@dataclass(frozen=True)
class StapInvoer:
    stap: Stap
    status: str
    datum: date | None = None
    geholpen_door: str = ""
    toelichting: str = ""


def _controleer(invoer: StapInvoer, vandaag: date) -> list[str]:
    fouten: list[str] = []
    if invoer.status not in StapStatus.values:
        fouten.append(_("Onbekende status."))
    if invoer.status == StapStatus.AFGEROND:
        if invoer.datum is None:
            fouten.append(_("Vul de datum in waarop dit geregeld is."))
        if not invoer.geholpen_door.strip():
            fouten.append(
                _(
                    "Vul in wie heeft geholpen (bijvoorbeeld: klantregisseur, "
                    "VluchtelingenWerk, vrijwilliger, zelf geregeld)."
                )
            )
    if invoer.datum is not None and invoer.datum > vandaag:
        fouten.append(_("De datum ligt in de toekomst; vul de datum in waarop het geregeld is."))
    if invoer.status == StapStatus.OPEN and invoer.datum is not None:
        fouten.append(_("Een datum hoort alleen bij een stap die geregeld is."))
    return fouten


@transaction.atomic
def voortgang_vastleggen(
    *, actor: Actor, dossier: Dossier, invoer: list[StapInvoer]
) -> list[Voortgang]:
    """Record the checklist for one person. All rows are checked first; one error saves nothing.

    Raises ``ValidationError`` keyed by the step's uuid, so the form can show each error at its row.
    """
    _vereis(actor, Recht.TRAJECT_VASTLEGGEN)
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))
    vandaag = timezone.localdate()
    fouten = {}
    for rij in invoer:
        if rij.stap.gemeente_id != actor.gemeente.pk:
            raise Geweigerd(_("Deze stap hoort bij een andere gemeente."))
        if rij_fouten := _controleer(rij, vandaag):
            fouten[str(rij.stap.uuid)] = rij_fouten
    if fouten:
        raise ValidationError(fouten)
    bestaand = {v.stap_id: v for v in Voortgang.objects.filter(dossier=dossier)}
    gewijzigd: list[Voortgang] = []
    for rij in invoer:
        oud = bestaand.get(rij.stap.pk)
        nieuw = (rij.status, rij.datum, rij.geholpen_door.strip(), rij.toelichting.strip())
        if oud is None and rij.status == StapStatus.OPEN and not any(nieuw[1:]):
            continue
        if oud is not None and (oud.status, oud.datum, oud.geholpen_door, oud.toelichting) == nieuw:
            continue
        voortgang, _aangemaakt = Voortgang.objects.update_or_create(
            dossier=dossier,
            stap=rij.stap,
            defaults={
                "gemeente": actor.gemeente,
                "status": rij.status,
                "datum": rij.datum if rij.status != StapStatus.OPEN else None,
                "geholpen_door": nieuw[2],
                "toelichting": nieuw[3],
                "vastgelegd_door": actor.user,
            },
        )
        gewijzigd.append(voortgang)
    if gewijzigd:
        namen = Tekst.samen(
            *(
                Tekst.samen(
                    # Standard steps are in the catalogue; a gemeente's own name passes as is.
                    Tekst(v.stap.naam),
                    Tekst.samen("(", keuze(v, "status", klein=True), ")", scheiding=""),
                )
                for v in gewijzigd
            ),
            scheiding=", ",
        )
        gebeurtenis_toevoegen(
            dossier=dossier,
            soort="begeleiding_bijgewerkt",
            omschrijving=_("Maatschappelijke begeleiding bijgewerkt: %(stappen)s.")
            % {"stappen": namen},
            bron=Bron.MEDEWERKER if actor.user else Bron.SYSTEEM,
            actor=actor,
        )
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.WIJZIGEN,
            pseudoniemen=[dossier.inburgeraar.pseudoniem],
        )
        logger.info("begeleiding_bijgewerkt", dossier=str(dossier.uuid), aantal=len(gewijzigd))
    return gewijzigd
