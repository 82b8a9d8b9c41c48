"""Writes for money: a grant, a cost, its reversal, and the course costs derived from the
referrals (ADR 0082). Every write checks everything first and saves in one transaction: a
refusal leaves nothing behind."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openinburgering.accounts.context import Actor
from openinburgering.core.exceptions import RegelsGeschonden
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.financiering import (
    Kostensoort,
    bekostigingsbron,
    cohort,
    toets_kostensoort,
)
from openinburgering.regels.plicht import begindatum_plicht
from openinburgering.taalaanbieders.codes import Afrekenbasis, Prijsmodel
from openinburgering.taalaanbieders.models import Contract, Urenregel, Verwijzing

from .models import Bijdragesoort, Herkomst, Kostenboeking, Rijksbijdrage

#: The first year a grant can be for: the Wi2013 money (DOMAIN.md §6.3) came from 2013 on.
EERSTE_JAAR = 2013
#: A grant decision for next year arrives in the autumn (Bi2021; DOMAIN.md §6.1): one year
#: ahead is the furthest a beheerder can enter.
JAREN_VOORUIT = 1
#: The largest single amount accepted (100 million euros), against a slip of the keyboard.
MAXIMUM_CENT = 100_000_000 * 100
#: A cost is booked on or after this day (the first Wi2013 year) and never in the future.
EERSTE_BOEKDATUM = date(EERSTE_JAAR, 1, 1)


def naar_cent(euro: Decimal) -> int:
    """Euros (two decimals) to whole cents, rounding half up."""
    return int((euro * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _controleer_bedrag(fouten: dict, bedrag_cent: int, *, nul_mag: bool) -> None:
    if bedrag_cent < 0:
        fouten["bedrag"] = _("Een bedrag kan niet negatief zijn. Corrigeer een boeking met een "
                             "tegenboeking.")  # fmt: skip
    elif bedrag_cent == 0 and not nul_mag:
        fouten["bedrag"] = _("Een boeking van € 0,00 heeft geen betekenis; vul het bedrag in.")
    elif bedrag_cent > MAXIMUM_CENT:
        fouten["bedrag"] = _("Dit bedrag is groter dan 100 miljoen euro; controleer het.")


@transaction.atomic
def rijksbijdrage_vastleggen(
    *,
    actor: Actor,
    jaar: int,
    soort: str,
    bedrag_cent: int,
    grondslag: str,
    regeling: str,
    aantal_personen: int | None = None,
) -> Rijksbijdrage:
    """Record one grant of the Rijk for the actor's gemeente, one per year and kind."""
    fouten: dict[str, str] = {}
    vandaag = timezone.localdate()
    if not EERSTE_JAAR <= jaar <= vandaag.year + JAREN_VOORUIT:
        fouten["jaar"] = _("Kies een jaar van %(van)s tot en met %(tot)s.") % {
            "van": EERSTE_JAAR,
            "tot": vandaag.year + JAREN_VOORUIT,
        }
    if soort not in Bijdragesoort.values:
        fouten["soort"] = _("Onbekende soort bijdrage.")
    _controleer_bedrag(fouten, bedrag_cent, nul_mag=True)
    if not grondslag.strip():
        fouten["grondslag"] = _("Vul de grondslag in: waarop berust deze bijdrage?")
    if not regeling.strip():
        fouten["regeling"] = _("Vul de regeling en het artikel in, bijvoorbeeld ‘Bi2021 art. 6.6’.")
    if aantal_personen is not None and aantal_personen < 0:
        fouten["aantal_personen"] = _("Een aantal personen kan niet negatief zijn.")
    if (
        "jaar" not in fouten
        and "soort" not in fouten
        and Rijksbijdrage.objects.filter(gemeente=actor.gemeente, jaar=jaar, soort=soort).exists()
    ):
        fouten["soort"] = _(
            "Voor %(jaar)s is deze bijdrage al vastgelegd. Er is er één per jaar en soort."
        ) % {"jaar": jaar}
    if fouten:
        raise ValidationError(fouten)
    try:
        with transaction.atomic():
            return Rijksbijdrage.objects.create(
                gemeente=actor.gemeente,
                jaar=jaar,
                soort=soort,
                bedrag_cent=bedrag_cent,
                aantal_personen=aantal_personen,
                grondslag=grondslag.strip(),
                regeling=regeling.strip(),
                vastgelegd_door=actor.user,
            )
    except IntegrityError as exc:
        # Two beheerders at once: the second gets the same message as above.
        raise ValidationError(
            {"soort": _("Voor %(jaar)s is deze bijdrage al vastgelegd.") % {"jaar": jaar}}
        ) from exc


def _persoonsfeiten(inburgeraar: Inburgeraar) -> dict:
    """Cohort (R90), regime and target group as the person's record has them now."""
    begin = (
        begindatum_plicht(inburgeraar.geboortedatum, inburgeraar.datum_bekendmaking_ind).waarde
        if inburgeraar.datum_bekendmaking_ind
        else None
    )
    dossier = getattr(inburgeraar, "dossier", None)
    aangemeld = dossier.aangemeld_op if dossier is not None else None
    return {
        "cohort": cohort(begindatum_plicht=begin, aangemeld_op=aangemeld).waarde,
        "regime": inburgeraar.regime,
        "doelgroep": inburgeraar.doelgroep,
    }


def _naam(actor: Actor) -> str:
    if actor.user is not None:
        return actor.user.get_full_name() or actor.user.username
    return actor.label


def _boeking(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    soort: str,
    bedrag_cent: int,
    datum: date,
    herkomst: str,
    reden: str = "",
    leerroute: str = "",
    contract: Contract | None = None,
    herkomst_omschrijving: str = "",
    bronsleutel: str | None = None,
) -> Kostenboeking:
    feiten = _persoonsfeiten(inburgeraar)
    return Kostenboeking.objects.create(
        gemeente=actor.gemeente,
        inburgeraar=inburgeraar,
        soort=soort,
        bron=bekostigingsbron(soort=soort, regime=feiten["regime"]).waarde.value,
        bedrag_cent=bedrag_cent,
        datum=datum,
        herkomst=herkomst,
        reden=reden,
        leerroute=leerroute,
        contract=contract,
        herkomst_omschrijving=herkomst_omschrijving,
        bronsleutel=bronsleutel,
        geboekt_door=actor.user,
        geboekt_door_naam=_naam(actor),
        **feiten,
    )


@transaction.atomic
def kosten_boeken(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    soort: str,
    bedrag_cent: int,
    datum: date,
    reden: str,
    leerroute: str = "",
    contract: Contract | None = None,
) -> Kostenboeking:
    """Book one cost for one person of the actor's gemeente, by hand, with a reason."""
    if inburgeraar.gemeente_id != actor.gemeente.pk:
        # Never a hint of whose person it is: the same words as an unknown person.
        raise ValidationError(
            {"inburgeraar": _("Deze inburgeraar is niet bekend bij uw gemeente.")}
        )
    fouten: dict[str, str] = {}
    _controleer_bedrag(fouten, bedrag_cent, nul_mag=False)
    if datum > timezone.localdate():
        fouten["datum"] = _("Boek kosten niet vooruit: de datum ligt in de toekomst.")
    elif datum < EERSTE_BOEKDATUM:
        fouten["datum"] = _("Een datum vóór 2013 valt buiten elke regeling voor inburgering.")
    if not reden.strip():
        fouten["reden"] = _("Vul de reden van deze boeking in.")
    if contract is not None and contract.gemeente_id != actor.gemeente.pk:
        fouten["contract"] = _("Dit contract is niet van uw gemeente.")
    if fouten:
        raise ValidationError(fouten)
    uitkomst = toets_kostensoort(
        soort=soort, regime=inburgeraar.regime, doelgroep=inburgeraar.doelgroep
    )
    if not uitkomst:
        raise RegelsGeschonden(uitkomst)
    boeking = _boeking(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=soort,
        bedrag_cent=bedrag_cent,
        datum=datum,
        herkomst=Herkomst.HANDMATIG,
        reden=reden.strip(),
        leerroute=leerroute,
        contract=contract,
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    return boeking


@transaction.atomic
def boeking_corrigeren(*, actor: Actor, boeking: Kostenboeking, reden: str) -> Kostenboeking:
    """Reverse a booking with a booking of the opposite amount; the original stays as it was."""
    if boeking.gemeente_id != actor.gemeente.pk:
        raise ValidationError(_("Deze boeking is niet bekend bij uw gemeente."))
    origineel = Kostenboeking.objects.select_for_update().get(pk=boeking.pk)
    if origineel.corrigeert_id is not None:
        raise ValidationError(_("Een tegenboeking wordt niet zelf gecorrigeerd; boek opnieuw."))
    if Kostenboeking.objects.filter(corrigeert=origineel).exists():
        raise ValidationError(_("Deze boeking is al gecorrigeerd."))
    if not reden.strip():
        raise ValidationError({"reden": _("Vul de reden van de correctie in.")})
    try:
        with transaction.atomic():
            correctie = Kostenboeking.objects.create(
                gemeente=origineel.gemeente,
                inburgeraar=origineel.inburgeraar,
                cohort=origineel.cohort,
                regime=origineel.regime,
                doelgroep=origineel.doelgroep,
                soort=origineel.soort,
                bron=origineel.bron,
                bedrag_cent=-origineel.bedrag_cent,
                datum=max(origineel.datum, timezone.localdate()),
                leerroute=origineel.leerroute,
                contract=origineel.contract,
                herkomst=Herkomst.HANDMATIG,
                herkomst_omschrijving=origineel.herkomst_omschrijving,
                reden=reden.strip(),
                corrigeert=origineel,
                geboekt_door=actor.user,
                geboekt_door_naam=_naam(actor),
            )
    except IntegrityError as exc:
        raise ValidationError(_("Deze boeking is al gecorrigeerd.")) from exc
    if origineel.inburgeraar is not None:
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.WIJZIGEN,
            pseudoniemen=[origineel.inburgeraar.pseudoniem],
        )
    return correctie


def _traject_omschrijving(verwijzing: Verwijzing, contract: Contract) -> str:
    return _("Verwijzing %(v)s onder contract %(c)s: vaste prijs per traject") % {
        "v": verwijzing.kenmerk,
        "c": contract.kenmerk,
    }


def _uren_omschrijving(regel: Urenregel, uren: Decimal, contract: Contract) -> str:
    return _(
        "Verwijzing %(v)s onder contract %(c)s: %(uren)s %(basis)s uur × € %(tarief)s "
        "(%(van)s t/m %(tot)s)"
    ) % {
        "v": regel.verwijzing.kenmerk,
        "c": contract.kenmerk,
        "uren": str(uren).replace(".", ","),
        "basis": _("aangeboden")
        if contract.afrekenbasis == Afrekenbasis.AANGEBODEN
        else _("gevolgde"),
        "tarief": str(contract.tarief).replace(".", ","),
        "van": regel.periode_start.strftime("%d-%m-%Y"),
        "tot": regel.periode_einde.strftime("%d-%m-%Y"),
    }


@transaction.atomic
def cursuskosten_afleiden(*, actor: Actor, gemeente: Gemeente) -> int:
    """Book the course costs the referrals and reported hours imply, each once (ADR 0082).

    A fixed price per trajectory is a cost from the day the school confirmed the intake; a
    price per lesson hour is a cost per reported period, over the hours offered or attended as
    the contract says. Deriving again books only what is new. Returns the number booked.
    """
    bestaand = set(
        Kostenboeking.objects.filter(gemeente=gemeente, bronsleutel__isnull=False).values_list(
            "bronsleutel", flat=True
        )
    )
    vandaag = timezone.localdate()
    nieuw = 0
    personen: set[str] = set()
    trajecten = (
        Verwijzing.objects.filter(
            gemeente=gemeente,
            contract__prijsmodel=Prijsmodel.PER_TRAJECT,
            intake_bevestigd_op__isnull=False,
            intake_bevestigd_op__lte=vandaag,
        )
        .select_related("contract", "inburgeraar", "inburgeraar__dossier")
        .order_by("id")
    )
    for verwijzing in trajecten:
        sleutel = f"verwijzing:{verwijzing.uuid}"
        persoon = verwijzing.inburgeraar
        intake = verwijzing.intake_bevestigd_op
        if sleutel in bestaand or intake is None or verwijzing.contract.tarief <= 0:
            continue
        if not toets_kostensoort(
            soort=Kostensoort.CURSUS, regime=persoon.regime, doelgroep=persoon.doelgroep
        ):
            continue  # R93: not the gemeente's cost; the referral itself was refused by R36
        _boeking(
            actor=actor,
            inburgeraar=persoon,
            soort=Kostensoort.CURSUS,
            bedrag_cent=naar_cent(verwijzing.contract.tarief),
            datum=intake,
            herkomst=Herkomst.VERWIJZING,
            leerroute=verwijzing.leerroute,
            contract=verwijzing.contract,
            herkomst_omschrijving=_traject_omschrijving(verwijzing, verwijzing.contract),
            bronsleutel=sleutel,
        )
        nieuw += 1
        personen.add(persoon.pseudoniem)
    uren = (
        Urenregel.objects.filter(
            verwijzing__gemeente=gemeente,
            verwijzing__contract__prijsmodel=Prijsmodel.PER_UUR,
            periode_einde__lte=vandaag,
        )
        .select_related(
            "verwijzing",
            "verwijzing__contract",
            "verwijzing__inburgeraar",
            "verwijzing__inburgeraar__dossier",
        )
        .order_by("id")
    )
    for regel in uren:
        sleutel = f"uren:{regel.uuid}"
        contract = regel.verwijzing.contract
        persoon = regel.verwijzing.inburgeraar
        if sleutel in bestaand:
            continue
        aantal = (
            regel.uren_aangeboden
            if contract.afrekenbasis == Afrekenbasis.AANGEBODEN
            else regel.uren_aanwezig
        )
        bedrag = naar_cent(aantal * contract.tarief)
        if bedrag <= 0 or not toets_kostensoort(
            soort=Kostensoort.CURSUS, regime=persoon.regime, doelgroep=persoon.doelgroep
        ):
            continue
        _boeking(
            actor=actor,
            inburgeraar=persoon,
            soort=Kostensoort.CURSUS,
            bedrag_cent=bedrag,
            datum=regel.periode_einde,
            herkomst=Herkomst.UREN,
            leerroute=regel.verwijzing.leerroute,
            contract=contract,
            herkomst_omschrijving=_uren_omschrijving(regel, aantal, contract),
            bronsleutel=sleutel,
        )
        nieuw += 1
        personen.add(persoon.pseudoniem)
    if personen:
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=sorted(personen)
        )
    return nieuw
