"""The one deadline engine: set-based recomputation of work items, and assignment."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.apps import apps
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.inburgeraars.models import Dossier, Gebeurtenis
from openinburgering.inburgeraars.workflow import Status
from openinburgering.intake.models import BredeIntake
from openinburgering.pip.models import (
    Bezwaar,
    BezwaarUitkomst,
    GesprekStatus,
    PipStatus,
    PipVersie,
    Voortgangsgesprek,
)

from .engine import Feiten, gewenste_signalen
from .models import GEEN_DEADLINE, Signaal, SignaalStatus

logger = structlog.get_logger(__name__)

#: DUO's event that starts the 10-week PIP term, as it appears on the dossier timeline.
SS139 = "SS139"
CHUNK = 2000
_VELDEN = ("deadline", "regel", "uitleg", "titel", "object_uuid")


def _duo_werkitem_model():
    """The DUO integration's work items, if that app is installed (one worklist for both)."""
    try:
        return apps.get_model("duo", "Werkitem")
    except LookupError:
        return None


def _school_aandachtspunt_model():
    """Reports by language schools that need the caseworker, if that app is installed."""
    try:
        return apps.get_model("taalaanbieders", "Aandachtspunt")
    except LookupError:
        return None


def _feiten(dossiers: list[dict], peildatum: date) -> dict[int, Feiten]:
    ids = [d["id"] for d in dossiers]
    feiten = {
        d["id"]: Feiten(
            dossier_id=d["id"],
            gemeente_id=d["gemeente_id"],
            actief=d["status"] != Status.AFGEROND,
            klantregisseur_id=d["klantregisseur_id"],
            geboortedatum=d["inburgeraar__geboortedatum"],
        )
        for d in dossiers
    }
    tz = timezone.get_current_timezone()
    for rij in (
        Gebeurtenis.objects.filter(dossier_id__in=ids, soort=SS139)
        .values("dossier_id")
        .annotate(eerste=Min("tijdstip"), laatste=Max("tijdstip"), n=Count("id"))
    ):
        laatste = timezone.localtime(rij["laatste"], tz).date()
        eerste = timezone.localtime(rij["eerste"], tz).date()
        feiten[rij["dossier_id"]].ss139 = (eerste, laatste) if rij["n"] > 1 else (laatste,)
    for dossier_id, status in BredeIntake.objects.filter(dossier_id__in=ids).values_list(
        "dossier_id", "status"
    ):
        feiten[dossier_id].intake_status = status
    for dossier_id, status, dagtekening, pip_uuid, leerroute in (
        PipVersie.objects.filter(dossier_id__in=ids)
        .values_list("dossier_id", "status", "dagtekening", "uuid", "leerroute")
        .order_by()
    ):
        f = feiten[dossier_id]
        if status == PipStatus.CONCEPT:
            f.concept_uuid = pip_uuid
        else:
            f.pip_dagtekeningen += (dagtekening,)
            if status == PipStatus.VASTGESTELD:
                f.huidige_leerroute = leerroute
    for bezwaar_uuid, dossier_id, dagtekening, commissie, verdaagd in Bezwaar.objects.filter(
        pip_versie__dossier_id__in=ids, uitkomst=BezwaarUitkomst.OPEN
    ).values_list(
        "uuid", "pip_versie__dossier_id", "pip_versie__dagtekening", "adviescommissie", "verdaagd"
    ):
        feiten[dossier_id].open_bezwaren.append((bezwaar_uuid, dagtekening, commissie, verdaagd))
    for gesprek_uuid, dossier_id, gepland in Voortgangsgesprek.objects.filter(
        dossier_id__in=ids, status=GesprekStatus.GEPLAND
    ).values_list("uuid", "dossier_id", "gepland_op"):
        feiten[dossier_id].geplande_gesprekken.append((gesprek_uuid, gepland))
    werkitem = _duo_werkitem_model()
    if werkitem is not None:
        for item_uuid, dossier_id, titel, deadline, regel in werkitem.objects.filter(
            dossier_id__in=ids, status="open"
        ).values_list("uuid", "dossier_id", "titel", "deadline", "regel"):
            feiten[dossier_id].duo_werkitems.append((item_uuid, titel, deadline, regel))
    aandachtspunt = _school_aandachtspunt_model()
    if aandachtspunt is not None:
        for punt_uuid, dossier_id, titel, deadline, regel in aandachtspunt.objects.filter(
            dossier_id__in=ids, status="open"
        ).values_list("uuid", "dossier_id", "titel", "deadline", "regel"):
            feiten[dossier_id].school_aandachtspunten.append((punt_uuid, titel, deadline, regel))
    if apps.is_installed("openinburgering.begeleiding"):
        from openinburgering.begeleiding.selectors import achterstallig_per_dossier

        for dossier_id, stappen in achterstallig_per_dossier(
            dossier_ids=ids, peildatum=peildatum
        ).items():
            feiten[dossier_id].begeleiding_achterstallig.extend(stappen)
    return feiten


def _verwerk(dossiers: list[dict], peildatum: date, nu) -> dict[str, int]:
    feiten = _feiten(dossiers, peildatum)
    gewenst = {}
    for f in feiten.values():
        for g in gewenste_signalen(f, peildatum):
            gewenst[g.sleutel] = g
    bestaand = {
        s.sleutel: s
        for s in Signaal.objects.filter(
            dossier_id__in=list(feiten), status=SignaalStatus.OPEN
        ).only("id", "sleutel", *_VELDEN)
    }
    nieuw, gewijzigd = [], []
    for sleutel, g in gewenst.items():
        oud = bestaand.get(sleutel)
        if oud is None:
            nieuw.append(
                Signaal(
                    gemeente_id=g.gemeente_id,
                    dossier_id=g.dossier_id,
                    soort=g.soort,
                    sleutel=sleutel,
                    deadline=g.deadline,
                    sorteerdatum=g.deadline or GEEN_DEADLINE,
                    regel=g.regel,
                    uitleg=g.uitleg,
                    titel=g.titel,
                    object_uuid=g.object_uuid,
                    toegewezen_aan_id=feiten[g.dossier_id].klantregisseur_id,
                    aangemaakt_op=nu,
                    gewijzigd_op=nu,
                )
            )
        elif any(getattr(oud, v) != getattr(g, v) for v in _VELDEN):
            for v in _VELDEN:
                setattr(oud, v, getattr(g, v))
            oud.sorteerdatum = g.deadline or GEEN_DEADLINE
            oud.gewijzigd_op = nu
            gewijzigd.append(oud)
    weg = [s.id for sleutel, s in bestaand.items() if sleutel not in gewenst]
    if nieuw:
        Signaal.objects.bulk_create(nieuw, batch_size=1000)
    if gewijzigd:
        Signaal.objects.bulk_update(
            gewijzigd, [*_VELDEN, "sorteerdatum", "gewijzigd_op"], batch_size=1000
        )
    if weg:
        Signaal.objects.filter(id__in=weg).update(
            status=SignaalStatus.AFGEHANDELD, afgehandeld_op=nu, gewijzigd_op=nu
        )
    return {"nieuw": len(nieuw), "gewijzigd": len(gewijzigd), "gesloten": len(weg)}


def signalen_herberekenen(
    *,
    dossier_ids: Iterable[int] | None = None,
    gemeente=None,
    peildatum: date | None = None,
    chunk: int = CHUNK,
) -> dict[str, int]:
    """Recompute the work items of the given dossiers (or all), in chunks of set-based queries.

    Each chunk costs a fixed number of queries whatever its size: the dossiers, their SS139
    dates, intakes, PIP versions, open objections, planned talks and DUO work items, then one
    bulk insert, one bulk update and one bulk close. Idempotent: a second run changes nothing.
    """
    peildatum = peildatum or timezone.localdate()
    nu = timezone.now()
    qs = Dossier.objects.order_by("id").values(
        "id", "gemeente_id", "status", "klantregisseur_id", "inburgeraar__geboortedatum"
    )
    if gemeente is not None:
        qs = qs.filter(gemeente=gemeente)
    totaal = defaultdict(int)
    if dossier_ids is not None:
        ids = sorted(set(dossier_ids))
        for i in range(0, len(ids), chunk):
            dossiers = list(qs.filter(id__in=ids[i : i + chunk]))
            with transaction.atomic():
                for k, v in _verwerk(dossiers, peildatum, nu).items():
                    totaal[k] += v
            totaal["dossiers"] += len(dossiers)
        return dict(totaal)
    vanaf = 0
    while True:
        dossiers = list(qs.filter(id__gt=vanaf)[:chunk])
        if not dossiers:
            break
        with transaction.atomic():
            for k, v in _verwerk(dossiers, peildatum, nu).items():
                totaal[k] += v
        vanaf = dossiers[-1]["id"]
        totaal["dossiers"] += len(dossiers)
    logger.info("signalen_herberekend", **totaal)
    return dict(totaal)


def herbereken_na_commit(dossier) -> None:
    """Call from a service that changed a dossier's facts: recompute once the change is stored."""
    dossier_id = dossier.pk if hasattr(dossier, "pk") else dossier
    transaction.on_commit(lambda: signalen_herberekenen(dossier_ids=[dossier_id]))


@transaction.atomic
def signalen_toewijzen(*, actor: Actor, signalen: list[Signaal], aan) -> int:
    """(Re)assign work items; only a role with WERK_TOEWIJZEN, and only within the gemeente."""
    if not actor.mag(Recht.WERK_TOEWIJZEN):
        raise Geweigerd(_("Alleen een teamleider kan werk toewijzen."))
    if aan is not None and not aan.lidmaatschappen.filter(gemeente=actor.gemeente).exists():
        raise Geweigerd(_("Deze medewerker werkt niet voor deze gemeente."), veld="aan")
    ids = [s.id for s in signalen if s.gemeente_id == actor.gemeente.id]
    aantal = Signaal.objects.filter(id__in=ids, status=SignaalStatus.OPEN).update(
        toegewezen_aan=aan, gewijzigd_op=timezone.now()
    )
    logger.info("signalen_toegewezen", aantal=aantal, gemeente=actor.gemeente.code)
    return aantal


@transaction.atomic
def signalen_oppakken(*, actor: Actor, signalen: list[Signaal]) -> int:
    """A caseworker takes unassigned items: assign them to themselves."""
    ids = [s.id for s in signalen if s.gemeente_id == actor.gemeente.id]
    return Signaal.objects.filter(
        id__in=ids, status=SignaalStatus.OPEN, toegewezen_aan__isnull=True
    ).update(toegewezen_aan=actor.user, gewijzigd_op=timezone.now())
