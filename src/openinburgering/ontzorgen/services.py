"""Writes for ontzorgen: bijstand periods (API, import, by hand), the decision with its fixed
costs, afbouw steps and letter, early stop or extension, and the payment runs. Every legal check
calls ``regels.ontzorgen`` (R34, R35, R83–R89); a refusal carries every violated rule."""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering import brieven
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.besluiten import services as besluiten
from openinburgering.besluiten.models import Soort
from openinburgering.core import dossierfeiten
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Dossier
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import ontzorgen as regels
from openinburgering.regels import termijnen
from openinburgering.regels.base import Uitkomst

from . import sepa
from .models import (
    Afbouwstap,
    Beleid,
    Betaalrun,
    Betaling,
    Bijstandsperiode,
    DatumBron,
    Ontzorgbesluit,
    VasteLast,
)
from .rekening import iban_compact, iban_geldig
from .workflow import (
    NIET_BETAALD,
    OVERGANGEN_BESLUIT,
    OVERGANGEN_BETALING,
    OVERGANGEN_RUN,
    BesluitStatus,
    BetalingStatus,
    RunStatus,
    mag_naar,
)

logger = structlog.get_logger(__name__)


def _vereis(actor: Actor, recht: Recht = Recht.ONTZORGEN_VASTLEGGEN) -> None:
    if not actor.mag(recht):
        raise Geweigerd(_("U heeft niet het recht om dit te doen."))


def _log(actor: Actor, dossiers, activiteit: str = Activiteit.WIJZIGEN) -> None:
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=activiteit,
        pseudoniemen=[d.inburgeraar.pseudoniem for d in dossiers],
    )


def _naar(obj, tabel: dict, naar: str) -> None:
    if not mag_naar(tabel, obj.status, naar):
        raise Conflict(
            _("Dit kan niet van ‘%(van)s’ naar ‘%(naar)s’.")
            % {"van": obj.get_status_display(), "naar": naar}
        )
    obj.status = naar


def beleid(gemeente) -> Beleid:
    return Beleid.objects.get_or_create(gemeente=gemeente)[0]


# --- bijstand periods (ADR 0078) ------------------------------------------------------------


@dataclass(frozen=True)
class Aanlevering:
    """One period as Werk & Inkomen delivers it (API, a file row or a person)."""

    dossier: Dossier
    extern_kenmerk: str
    start: date
    einde: date | None
    bron: str
    bron_detail: str


def _controleer(aanleveringen: list[Aanlevering]) -> list[tuple[Aanlevering, str]]:
    """R83 over each person's periods as they would be after these deliveries; the problems as
    (delivery, message). Reads every touched dossier's periods in one query."""
    dossier_ids = {a.dossier.pk for a in aanleveringen}
    bestaand: dict[int, dict[str, tuple[date, date | None]]] = {d: {} for d in dossier_ids}
    for p in Bijstandsperiode.objects.filter(dossier_id__in=dossier_ids).only(
        "dossier_id", "extern_kenmerk", "start", "einde"
    ):
        bestaand[p.dossier_id][p.extern_kenmerk] = (p.start, p.einde)
    per_kenmerk: dict[tuple[int, str], Aanlevering] = {}
    for a in aanleveringen:
        bestaand[a.dossier.pk][a.extern_kenmerk] = (a.start, a.einde)
        per_kenmerk[(a.dossier.pk, a.extern_kenmerk)] = a
    problemen = [
        (a, regels.toets_bijstandsperiodes([(a.start, a.einde)]).meldingen[0])
        for a in aanleveringen
        if a.einde is not None and a.einde < a.start
    ]
    for dossier_id, periodes in bestaand.items():
        uitkomst = regels.toets_bijstandsperiodes(
            [p for p in periodes.values() if p[1] is None or p[1] >= p[0]]
        )
        if not uitkomst.toegestaan:
            eerste = next(a for a in aanleveringen if a.dossier.pk == dossier_id)
            problemen.extend((eerste, m) for m in uitkomst.meldingen)
    return problemen


def _kenmerk_elders(aanleveringen: list[Aanlevering]) -> list[tuple[Aanlevering, str]]:
    """A key that another person's period already has is a mistake in the delivery."""
    gemeente = aanleveringen[0].dossier.gemeente_id
    bestaand = dict(
        Bijstandsperiode.objects.filter(
            gemeente_id=gemeente, extern_kenmerk__in=[a.extern_kenmerk for a in aanleveringen]
        ).values_list("extern_kenmerk", "dossier_id")
    )
    return [
        (a, _("Het kenmerk %(k)s hoort al bij een andere persoon.") % {"k": a.extern_kenmerk})
        for a in aanleveringen
        if bestaand.get(a.extern_kenmerk, a.dossier.pk) != a.dossier.pk
    ]


def _toepassen(a: Aanlevering) -> tuple[Bijstandsperiode, bool]:
    periode = Bijstandsperiode.objects.filter(
        gemeente_id=a.dossier.gemeente_id, extern_kenmerk=a.extern_kenmerk
    ).first()
    if periode is None:
        periode = Bijstandsperiode.objects.create(
            gemeente_id=a.dossier.gemeente_id,
            dossier=a.dossier,
            extern_kenmerk=a.extern_kenmerk,
            start=a.start,
            start_bron=a.bron,
            start_bron_detail=a.bron_detail,
            einde=a.einde,
            einde_bron=a.bron if a.einde else "",
            einde_bron_detail=a.bron_detail if a.einde else "",
        )
        return periode, True
    gewijzigd = False
    if periode.start != a.start:
        periode.start = a.start
        periode.start_bron, periode.start_bron_detail = a.bron, a.bron_detail
        gewijzigd = True
    if periode.einde != a.einde:
        periode.einde = a.einde
        periode.einde_bron = a.bron if a.einde else ""
        periode.einde_bron_detail = a.bron_detail if a.einde else ""
        gewijzigd = True
    if gewijzigd:
        periode.save()
        _besluiten_bijwerken(periode)
    return periode, gewijzigd


def _besluiten_bijwerken(periode: Bijstandsperiode) -> None:
    """R35: a decided ontzorgen follows the bijstand it is paid from."""
    for besluit in periode.besluiten.filter(status=BesluitStatus.VASTGESTELD):
        termijn = regels.ontzorgperiode_besluit(
            periode.start,
            periode.einde,
            gestopt_op=besluit.gestopt_op,
            verlengd_tot=besluit.verlengd_tot,
        )
        besluit.start, besluit.einde = termijn.start, termijn.laatste_dag
        besluit.save(update_fields=["start", "einde"])


def _weigeren_bij_problemen(problemen, *, regelnummer=None) -> None:
    if problemen:
        raise RegelsGeschonden(
            Uitkomst.samen(
                *(
                    Uitkomst.fout(regels.R83, _melding(a, m, regelnummer), m, veld="start")
                    for a, m in problemen
                )
            )
        )


def _melding(a: Aanlevering, melding: str, regelnummer) -> str:
    if regelnummer and a in regelnummer:
        return _("Regel %(n)d: %(m)s") % {"n": regelnummer[a], "m": melding}
    return melding


@transaction.atomic
def periodes_vastleggen(
    *, actor: Actor, aanleveringen: list[Aanlevering], regelnummer=None
) -> list[tuple[Bijstandsperiode, bool]]:
    """Record periods all or nothing: any violation of R83 or a key of another person refuses
    the whole delivery. The same delivery twice changes nothing (idempotent by the key)."""
    _vereis(actor)
    if not aanleveringen:
        return []
    for a in aanleveringen:
        if a.dossier.gemeente_id != actor.gemeente.pk:
            raise Geweigerd(_("Deze persoon hoort bij een andere gemeente."))
    _weigeren_bij_problemen(
        _kenmerk_elders(aanleveringen) + _controleer(aanleveringen), regelnummer=regelnummer
    )
    uitkomst = [_toepassen(a) for a in aanleveringen]
    gewijzigd = [p.dossier for p, veranderd in uitkomst if veranderd]
    if gewijzigd:
        _log(actor, gewijzigd)
        for dossier in gewijzigd:
            dossierfeiten.gewijzigd(dossier.pk)
    return uitkomst


def periode_handmatig(
    *, actor: Actor, dossier: Dossier, start: date, einde: date | None
) -> Bijstandsperiode:
    kenmerk = f"handmatig-{dossier.pk}-{start.isoformat()}"
    naam = actor.user.get_full_name() or actor.user.username if actor.user else actor.label
    return periodes_vastleggen(
        actor=actor,
        aanleveringen=[Aanlevering(dossier, kenmerk, start, einde, DatumBron.HANDMATIG, str(naam))],
    )[0][0]


# --- the decision (ADR 0079) ----------------------------------------------------------------


def _besluit_vereist(actor: Actor, besluit: Ontzorgbesluit) -> None:
    _vereis(actor)
    if besluit.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit besluit hoort bij een andere gemeente."))


@transaction.atomic
def besluit_aanmaken(*, actor: Actor, periode: Bijstandsperiode) -> Ontzorgbesluit:
    _vereis(actor)
    if periode.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze periode hoort bij een andere gemeente."))
    if periode.besluiten.exclude(status=BesluitStatus.GESTOPT).exists():
        raise Conflict(_("Voor deze bijstandsperiode is al een ontzorgbesluit."))
    termijn = regels.ontzorgperiode(periode.start, periode.einde)
    besluit = Ontzorgbesluit.objects.create(
        gemeente=periode.gemeente,
        dossier=periode.dossier,
        bijstandsperiode=periode,
        start=termijn.start,
        einde=termijn.laatste_dag,
    )
    _log(actor, [periode.dossier])
    return besluit


def _alleen_concept(besluit: Ontzorgbesluit) -> None:
    if besluit.status != BesluitStatus.CONCEPT:
        raise Conflict(_("Dit besluit is al vastgesteld; wijzig het met stoppen of verlengen."))


@transaction.atomic
def besluit_opslaan(
    *, actor: Actor, besluit: Ontzorgbesluit, afbouwplan: str, toestemming_op: date | None,
    versie: int,
) -> Ontzorgbesluit:  # fmt: skip
    _besluit_vereist(actor, besluit)
    _alleen_concept(besluit)
    if not Ontzorgbesluit.objects.filter(pk=besluit.pk, versie=versie).update(
        afbouwplan=afbouwplan, toestemming_op=toestemming_op, versie=F("versie") + 1
    ):
        raise Conflict()
    besluit.refresh_from_db()
    _log(actor, [besluit.dossier])
    return besluit


@transaction.atomic
def vaste_last_toevoegen(
    *, actor: Actor, besluit: Ontzorgbesluit, post: str, begunstigde: str, iban: str,
    bedrag_centen: int, frequentie: str, contractreferentie: str,
) -> VasteLast:  # fmt: skip
    """R85: a payee, a valid IBAN, an amount above zero; nothing is saved otherwise."""
    _besluit_vereist(actor, besluit)
    _alleen_concept(besluit)
    uitkomst = regels.toets_vaste_last(
        begunstigde=begunstigde, iban_geldig=iban_geldig(iban), bedrag_centen=bedrag_centen
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst, veldnamen={"bedrag": "bedrag"})
    last = VasteLast.objects.create(
        gemeente=besluit.gemeente,
        besluit=besluit,
        post=post,
        begunstigde=begunstigde.strip(),
        iban=iban_compact(iban),
        bedrag_centen=bedrag_centen,
        frequentie=frequentie,
        contractreferentie=contractreferentie.strip(),
    )
    _log(actor, [besluit.dossier])
    return last


@transaction.atomic
def afbouwstap_toevoegen(
    *, actor: Actor, besluit: Ontzorgbesluit, omschrijving: str, datum: date
) -> Afbouwstap:
    _besluit_vereist(actor, besluit)
    if besluit.status == BesluitStatus.GESTOPT:
        raise Conflict(_("Dit ontzorgen is gestopt."))
    stap = Afbouwstap.objects.create(
        gemeente=besluit.gemeente, besluit=besluit, omschrijving=omschrijving.strip(), datum=datum
    )
    _log(actor, [besluit.dossier])
    return stap


def _termijn(besluit: Ontzorgbesluit):
    periode = besluit.bijstandsperiode
    return regels.ontzorgperiode_besluit(
        periode.start,
        periode.einde,
        gestopt_op=besluit.gestopt_op,
        verlengd_tot=besluit.verlengd_tot,
    )


def toets(besluit: Ontzorgbesluit) -> Uitkomst:
    uitkomst = regels.toets_toestemming(
        beleid_vraagt_toestemming=beleid(besluit.gemeente).toestemming_vereist,
        toestemming_op=besluit.toestemming_op,
    )
    posten = [last.post for last in besluit.lasten.all()]
    uitkomst += regels.toets_ontzorgposten(posten)
    return uitkomst


def beschikkingsbrief(besluit: Ontzorgbesluit, *, termijn) -> dict:
    """The decision's own part of its letter (template and context); ``brieven`` adds the rest."""
    return {
        "template": "ontzorgen/beschikking.html",
        "context": {
            "besluit": besluit,
            "termijn": termijn,
            "lasten": list(besluit.lasten.all()),
            "stappen": list(besluit.stappen.all()),
            "bijstand": besluit.bijstandsperiode,
        },
    }


def besluit_vaststellen(
    *, actor: Actor, besluit: Ontzorgbesluit, versie: int, dagtekening: date | None = None,
    adres_bevestigd: bool = False,
) -> Ontzorgbesluit:  # fmt: skip
    """R34/R35/R86 and the fixed costs checked, then the letter (kenmerk, address, bezwaar
    clause) and the beschikking with bezwaar (``besluiten``). All or nothing."""
    _besluit_vereist(actor, besluit)
    _alleen_concept(besluit)
    dossier = besluit.dossier
    inburgeraar_services.vereis_persoonsgegevens(dossier.inburgeraar)
    uitkomst = toets(besluit)
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    dagtekening = dagtekening or timezone.localdate()
    termijn = _termijn(besluit)
    bezwaar = termijnen.bezwaartermijn(dagtekening)
    relatief, sha = brieven.persoonsbrief(
        **beschikkingsbrief(besluit, termijn=termijn),
        gemeente=dossier.gemeente,
        inburgeraar=dossier.inburgeraar,
        brief=besluit.uuid,
        soort="ontzorgen_beschikking",
        datum=dagtekening,
        map="beschikkingen",
        bezwaartermijn=bezwaar,
        adres_bevestigd=adres_bevestigd,
    )
    try:
        with transaction.atomic():
            beschikking = besluiten.beschikking_vastleggen(
                dossier=dossier,
                soort=Soort.ONTZORGEN,
                omschrijving=_("Ontzorgen tot en met %(d)s")
                % {"d": termijn.laatste_dag.strftime("%d-%m-%Y")},
                datum=dagtekening,
            )
            if not Ontzorgbesluit.objects.filter(
                pk=besluit.pk, versie=versie, status=BesluitStatus.CONCEPT
            ).update(
                status=BesluitStatus.VASTGESTELD,
                dagtekening=dagtekening,
                start=termijn.start,
                einde=termijn.laatste_dag,
                beschikking=beschikking,
                brief_pad=relatief,
                brief_sha256=sha,
                vastgesteld_door=actor.user,
                versie=F("versie") + 1,
            ):
                raise Conflict()
            besluit.refresh_from_db()
            _log(actor, [dossier])
            dossierfeiten.gewijzigd(dossier.pk)
    except Exception:
        brieven.pad(relatief).unlink(missing_ok=True)
        raise
    logger.info("ontzorgen_vastgesteld", besluit=str(besluit.uuid))
    return besluit


@transaction.atomic
def besluit_wijzigen(
    *, actor: Actor, besluit: Ontzorgbesluit, stoppen: bool, datum: date, reden: str, versie: int
) -> Ontzorgbesluit:
    """R84: stop early (last day ``datum``) or extend until ``datum``, with a reason."""
    _besluit_vereist(actor, besluit)
    if besluit.status != BesluitStatus.VASTGESTELD:
        raise Conflict(_("Alleen een vastgesteld ontzorgen kan stoppen of verlengd worden."))
    huidig = _termijn(besluit).laatste_dag
    periode = besluit.bijstandsperiode
    if stoppen:
        uitkomst = regels.toets_wijziging(
            huidig_einde=huidig, bijstand_einde=None, nieuw_einde=min(datum, huidig), reden=reden
        )
        if datum < (besluit.start or periode.start) or datum >= huidig:
            uitkomst += Uitkomst.fout(
                regels.R84,
                _("Stoppen kan op een dag binnen de ontzorgperiode, vóór %(d)s.")
                % {"d": huidig.strftime("%d-%m-%Y")},
                "Stop on a day within the period.",
                veld="datum",
            )
    else:
        uitkomst = regels.toets_wijziging(
            huidig_einde=huidig, bijstand_einde=periode.einde, nieuw_einde=datum, reden=reden
        )
        if datum <= huidig:
            uitkomst += Uitkomst.fout(
                regels.R84,
                _("Verlengen kan tot een dag na %(d)s.") % {"d": huidig.strftime("%d-%m-%Y")},
                "Extend to a day after the current end.",
                veld="datum",
            )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    velden = {"wijziging_reden": reden.strip(), "versie": F("versie") + 1}
    if stoppen:
        velden |= {"gestopt_op": datum, "status": BesluitStatus.GESTOPT, "einde": datum}
        if not mag_naar(OVERGANGEN_BESLUIT, besluit.status, BesluitStatus.GESTOPT):
            raise Conflict()
    else:
        velden |= {"verlengd_tot": datum, "einde": datum}
    if not Ontzorgbesluit.objects.filter(pk=besluit.pk, versie=versie).update(**velden):
        raise Conflict()
    besluit.refresh_from_db()
    _log(actor, [besluit.dossier])
    dossierfeiten.gewijzigd(besluit.dossier_id)
    return besluit


# --- payment runs (ADR 0080) ----------------------------------------------------------------


def verschuldigd(*, gemeente, maand: date) -> list[tuple[VasteLast, date]]:
    """R88: every (fixed cost, period) of a decided ontzorgen due up to ``maand`` that has no
    payment that reached (or may still reach) the payee. A fixed number of queries."""
    lasten = list(
        VasteLast.objects.filter(
            gemeente=gemeente,
            besluit__status__in=[BesluitStatus.VASTGESTELD, BesluitStatus.GESTOPT],
        ).select_related("besluit", "besluit__bijstandsperiode", "besluit__dossier__inburgeraar")
    )
    betaald = set(
        Betaling.objects.filter(gemeente=gemeente, vaste_last__in=lasten)
        .exclude(status__in=NIET_BETAALD)
        .values_list("vaste_last_id", "periode")
    )
    return [
        (last, periode)
        for last in lasten
        for periode in regels.betaalmaanden(
            _termijn(last.besluit), last.frequentie, tot_en_met=maand
        )
        if (last.pk, periode) not in betaald
    ]


def _end_to_end(run: Betaalrun, last: VasteLast, periode: date) -> str:
    ruw = f"{run.uuid}:{last.uuid}:{periode.isoformat()}".encode()
    return "OZ" + hashlib.sha256(ruw).hexdigest()[:30].upper()


@transaction.atomic
def betaalrun_maken(*, actor: Actor, maand: date, uitvoerdatum: date) -> Betaalrun:
    """The run of ``maand``: every payment due and not yet paid, with its pain.001 file. A run
    made again replaces the month's concept run (its lines were never paid); a period already in
    an approved run is never in a new one (the constraint on ``Betaling`` holds it too)."""
    _vereis(actor)
    maand = regels.eerste_van_maand(maand)
    if uitvoerdatum < timezone.localdate():
        raise Geweigerd(_("De uitvoerdatum kan niet in het verleden liggen."), veld="uitvoerdatum")
    instellingen = beleid(actor.gemeente)
    if not (instellingen.rekeninghouder and iban_geldig(instellingen.iban)):
        raise Geweigerd(
            _("Vul eerst de rekening van de gemeente in (naam en geldige IBAN) bij het beleid.")
        )
    for oud in Betaalrun.objects.select_for_update().filter(
        gemeente=actor.gemeente, maand=maand, status=RunStatus.CONCEPT
    ):
        _naar(oud, OVERGANGEN_RUN, RunStatus.VERVALLEN)
        oud.save(update_fields=["status"])
        oud.betalingen.all().delete()
    run = Betaalrun.objects.create(
        gemeente=actor.gemeente, maand=maand, uitvoerdatum=uitvoerdatum, gemaakt_door=actor.user
    )
    regels_run = verschuldigd(gemeente=actor.gemeente, maand=maand)
    try:
        with transaction.atomic():
            Betaling.objects.bulk_create(
                [
                    Betaling(
                        gemeente=actor.gemeente,
                        run=run,
                        dossier=last.besluit.dossier,
                        vaste_last=last,
                        periode=periode,
                        bedrag_centen=last.bedrag_centen,
                        end_to_end_id=_end_to_end(run, last, periode),
                    )
                    for last, periode in regels_run
                ]
            )
    except IntegrityError:
        raise Conflict(
            _("Een andere betaalrun is intussen gemaakt. Maak de run opnieuw.")
        ) from None
    betalingen = list(run.betalingen.select_related("vaste_last"))
    run.bericht_id = f"OI{run.pk:08d}{maand:%Y%m}"
    run.bestand = sepa.pain001(run=run, beleid=instellingen, betalingen=betalingen)
    run.sha256 = hashlib.sha256(run.bestand.encode()).hexdigest()
    run.totaal_centen = sum(b.bedrag_centen for b in betalingen)
    run.aantal = len(betalingen)
    run.save()
    _log(actor, sorted({last.besluit.dossier for last, _p in regels_run}, key=lambda d: d.pk))
    return run


@transaction.atomic
def betaalrun_goedkeuren(*, actor: Actor, run: Betaalrun) -> Betaalrun:
    """R89: another person than its maker approves; the payments go to the bank."""
    _vereis(actor, Recht.BETAALRUN_GOEDKEUREN)
    if run.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze betaalrun hoort bij een andere gemeente."))
    run = Betaalrun.objects.select_for_update().get(pk=run.pk)
    uitkomst = regels.toets_vier_ogen(
        maker=run.gemaakt_door_id or 0, goedkeurder=actor.user.pk if actor.user else 0
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    _naar(run, OVERGANGEN_RUN, RunStatus.GOEDGEKEURD)
    run.goedgekeurd_door = actor.user
    run.goedgekeurd_op = timezone.now()
    run.save(update_fields=["status", "goedgekeurd_door", "goedgekeurd_op"])
    run.betalingen.filter(status=BetalingStatus.IN_RUN).update(status=BetalingStatus.AANGEBODEN)
    return run


@transaction.atomic
def betaling_weigeren(
    *, actor: Actor, betaling: Betaling, teruggeboekt: bool, reden: str
) -> Betaling:
    """A payment the bank refused or returned: a work item (and the period may be paid again)."""
    _vereis(actor)
    if betaling.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze betaling hoort bij een andere gemeente."))
    if not reden.strip():
        raise Geweigerd(_("Geef de reden van de bank."), veld="reden")
    naar = BetalingStatus.TERUGGEBOEKT if teruggeboekt else BetalingStatus.GEWEIGERD
    _naar(betaling, OVERGANGEN_BETALING, naar)
    betaling.reden = reden.strip()[:200]
    betaling.save(update_fields=["status", "reden"])
    _log(actor, [betaling.dossier])
    dossierfeiten.gewijzigd(betaling.dossier_id)
    return betaling
