"""Compute a gemeente's figures into ``Kengetal`` rows (ADR 0068): the worker's job.

One pass per gemeente reads each source once, set-based (a fixed number of queries whatever
the number of dossiers), counts in memory per (month, doelgroep, leerroute, figure, part), and
replaces the gemeente's rows in one transaction. The web pages never count dossiers; they add
these rows up. Rules are called, not re-implemented: whether a first PIP was on time is R51
(``regels.termijnen.pip_op_tijd``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

import structlog

from openinburgering.gemeenten.models import Gemeente
from openinburgering.handhaving.models import Handhavingsstap
from openinburgering.inburgeraars.models import Dossier, Gebeurtenis
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.intake.models import BredeIntake
from openinburgering.pip.models import PipStatus, PipVersie
from openinburgering.regels.codes import Gebeurtenis as DuoGebeurtenis
from openinburgering.regels.termijnen import pip_op_tijd
from openinburgering.signalen.models import Signaal, SignaalStatus
from openinburgering.taalaanbieders.models import Urenregel
from openinburgering.traject.models import (
    Afronding,
    ExamenUitslag,
    GratisPogingen,
    MapActiviteit,
    PvtDeelname,
)

from .models import Bijwerking, Kengetal

logger = structlog.get_logger(__name__)

#: Waiting times in buckets of weeks (upper bound inclusive, in days), for a chart that shows
#: the spread and not only the average. The last bucket is "more than 10 weeks".
DAGEN_BAKKEN: tuple[tuple[str, int | None], ...] = (
    ("0-4", 28),
    ("5-8", 56),
    ("9-10", 70),
    ("10+", None),
)

#: The stages of the funnel, in order: a dossier counts in every stage it reached.
TRECHTER = ("aangemeld", "intake", "pip", "uitvoering", "voldaan")


def bak(dagen: int) -> str:
    for naam, grens in DAGEN_BAKKEN:
        if grens is None or dagen <= grens:
            return naam
    return DAGEN_BAKKEN[-1][0]


def maand_van(d: date | None) -> date | None:
    return d.replace(day=1) if d is not None else None


@dataclass
class _Feiten:
    """What the pass knows of one dossier; only the dimensions go into a row."""

    doelgroep: str
    status: str
    eindreden: str
    klantregisseur_id: int | None
    aangemeld_op: date
    afgerond_op: date | None
    leerroute: str = ""
    eerste_pip: date | None = None
    intake_gestart: date | None = None
    intake_afgesloten: date | None = None
    ss139: list[date] = field(default_factory=list)


Sleutel = tuple[date | None, str, str, str, str]


class _Teller:
    def __init__(self) -> None:
        self.rijen: defaultdict[Sleutel, list[Any]] = defaultdict(lambda: [0, Decimal(0)])

    def tel(
        self,
        feiten: _Feiten,
        maand: date | None,
        sleutel: str,
        onderdeel: str = "",
        som: Decimal | int = 0,
    ) -> None:
        rij = self.rijen[(maand, feiten.doelgroep, feiten.leerroute, sleutel, onderdeel)]
        rij[0] += 1
        rij[1] += Decimal(som)


@dataclass(frozen=True)
class Uitkomst:
    gemeente: str
    dossiers: int
    rijen: int
    seconden: float


def _dossiers(gemeente: Gemeente) -> dict[int, _Feiten]:
    feiten = {
        r["id"]: _Feiten(
            doelgroep=r["inburgeraar__doelgroep"] or "",
            status=r["status"],
            eindreden=r["eindreden"],
            klantregisseur_id=r["klantregisseur_id"],
            aangemeld_op=r["aangemeld_op"],
            afgerond_op=r["afgerond_op"],
        )
        for r in Dossier.objects.filter(gemeente=gemeente)
        .values(
            "id",
            "status",
            "eindreden",
            "klantregisseur_id",
            "aangemeld_op",
            "afgerond_op",
            "inburgeraar__doelgroep",
        )
        .order_by()
    }
    # The first PIP (its dagtekening) and the leerroute of the PIP that holds now.
    pips = PipVersie.objects.filter(
        gemeente=gemeente,
        status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN],
        dagtekening__isnull=False,
    )
    for dossier_id, eerste in (
        pips.values("dossier_id")
        .annotate(eerste=Min("dagtekening"))
        .values_list("dossier_id", "eerste")
    ).order_by():
        if dossier_id in feiten:
            feiten[dossier_id].eerste_pip = eerste
    for dossier_id, leerroute in (
        pips.filter(status=PipStatus.VASTGESTELD).values_list("dossier_id", "leerroute").order_by()
    ):
        if dossier_id in feiten:
            feiten[dossier_id].leerroute = leerroute or ""
    for dossier_id, gestart, afgesloten in (
        BredeIntake.objects.filter(gemeente=gemeente)
        .values_list("dossier_id", "gestart_op", "afgesloten_op")
        .order_by()
    ):
        if dossier_id in feiten:
            feiten[dossier_id].intake_gestart = gestart
            feiten[dossier_id].intake_afgesloten = afgesloten
    for dossier_id, tijdstip in (
        Gebeurtenis.objects.filter(dossier__gemeente=gemeente, soort=DuoGebeurtenis.SS139.value)
        .values_list("dossier_id", "tijdstip")
        .order_by()
    ):
        if dossier_id in feiten:
            feiten[dossier_id].ss139.append(timezone.localdate(tijdstip))
    return feiten


def _per_dossier(teller: _Teller, feiten: dict[int, _Feiten], peildatum: date) -> None:
    for f in feiten.values():
        aangemeld = maand_van(f.aangemeld_op)
        # The funnel: the cohort of the month of DUO's notice, and how far each one came.
        bereikt = ["aangemeld"]
        if f.intake_gestart is not None:
            bereikt.append("intake")
        if f.eerste_pip is not None:
            bereikt.append("pip")
        if f.status == Status.IN_UITVOERING or f.eindreden == Eindreden.VOLDAAN:
            bereikt.append("uitvoering")
        if f.eindreden == Eindreden.VOLDAAN:
            bereikt.append("voldaan")
        for fase in bereikt:
            teller.tel(f, aangemeld, "trechter", fase)
        teller.tel(f, aangemeld, "aangemeld")
        if f.intake_gestart is not None:
            dagen = (f.intake_gestart - f.aangemeld_op).days
            teller.tel(f, maand_van(f.intake_gestart), "intake_gestart", bak(dagen), dagen)
        if f.intake_afgesloten is not None:
            teller.tel(f, maand_van(f.intake_afgesloten), "intake_afgesloten")
        if f.eerste_pip is not None:
            maand = maand_van(f.eerste_pip)
            dagen = (f.eerste_pip - f.aangemeld_op).days
            teller.tel(f, maand, "eerste_pip", bak(dagen), dagen)
            # R51, as the rule says: the last SS139 before the first PIP, at most 70 days.
            op_tijd = pip_op_tijd(f.ss139, f.eerste_pip).waarde
            r51 = "zonder_ss139" if op_tijd is None else ("op_tijd" if op_tijd else "te_laat")
            teller.tel(f, maand, "pip_r51", r51)
        if f.status == Status.AFGEROND:
            teller.tel(f, maand_van(f.afgerond_op), "afgerond", f.eindreden)
        else:
            # Stocks on the day of the computation: the open caseload.
            teller.tel(f, None, "lopend", f.status)
            teller.tel(f, None, "caseload", str(f.klantregisseur_id or ""))


def _traject(
    teller: _Teller, gemeente: Gemeente, feiten: dict[int, _Feiten], peildatum: date
) -> None:
    for dossier_id, onderdeel, resultaat, datum in (
        ExamenUitslag.objects.filter(gemeente=gemeente)
        .values_list("dossier_id", "onderdeel", "resultaat", "examendatum")
        .order_by()
    ):
        if dossier_id in feiten:
            teller.tel(feiten[dossier_id], maand_van(datum), "examen", f"{onderdeel}:{resultaat}")
    for dossier_id, onderdeel, tegoed in (
        GratisPogingen.objects.filter(dossier__gemeente=gemeente)
        .values_list("dossier_id", "onderdeel", "tegoed")
        .order_by()
    ):
        if dossier_id in feiten:
            teller.tel(feiten[dossier_id], None, "gratis_pogingen", onderdeel, tegoed)
            if tegoed == 0:
                teller.tel(feiten[dossier_id], None, "gratis_op", onderdeel)
    afgerond: dict[str, set[int]] = {"pvt": set(), "map": set()}
    for dossier_id, onderdeel, afgerond_op in (
        Afronding.objects.filter(gemeente=gemeente, datum__isnull=False)
        .values_list("dossier_id", "onderdeel", "datum")
        .order_by()
    ):
        if dossier_id in feiten:
            teller.tel(feiten[dossier_id], maand_van(afgerond_op), "afronding", onderdeel)
            afgerond.setdefault(onderdeel, set()).add(dossier_id)
    bezig = {
        "pvt": set(
            PvtDeelname.objects.filter(gemeente=gemeente).values_list("dossier_id", flat=True)
        ),
        "map": set(
            MapActiviteit.objects.filter(gemeente=gemeente).values_list("dossier_id", flat=True)
        ),
    }
    # PVT and MAP for everyone with a PIP: finished, started, or not started yet.
    for dossier_id, f in feiten.items():
        if f.eerste_pip is None:
            continue
        for onderdeel in ("pvt", "map"):
            if dossier_id in afgerond[onderdeel]:
                stand = "afgerond"
            elif dossier_id in bezig[onderdeel]:
                stand = "bezig"
            else:
                stand = "niet_gestart"
            teller.tel(f, None, f"{onderdeel}_stand", stand)
    per_persoon = {
        inburgeraar_id: dossier_id
        for dossier_id, inburgeraar_id in Dossier.objects.filter(gemeente=gemeente)
        .values_list("id", "inburgeraar_id")
        .order_by()
    }
    for inburgeraar_id, start, aangeboden, aanwezig, fysiek in (
        Urenregel.objects.filter(verwijzing__gemeente=gemeente)
        .values_list(
            "verwijzing__inburgeraar_id",
            "periode_start",
            "uren_aangeboden",
            "uren_aanwezig",
            "uren_fysiek",
        )
        .order_by()
    ):
        van_persoon = per_persoon.get(inburgeraar_id)
        if van_persoon is None or van_persoon not in feiten:
            continue
        f, maand = feiten[van_persoon], maand_van(start)
        teller.tel(f, maand, "uren", "aangeboden", aangeboden)
        teller.tel(f, maand, "uren", "aanwezig", aanwezig)
        teller.tel(f, maand, "uren", "fysiek", fysiek)
        teller.tel(f, maand, "uren", "verzuim", aangeboden - aanwezig)


def _werk_en_handhaving(
    teller: _Teller, gemeente: Gemeente, feiten: dict[int, _Feiten], peildatum: date
) -> None:
    geen = _Feiten("", "", "", None, peildatum, None)
    for dossier_id, soort, deadline in (
        Signaal.objects.filter(gemeente=gemeente, status=SignaalStatus.OPEN)
        .values_list("dossier_id", "soort", "deadline")
        .order_by()
    ):
        f = feiten.get(dossier_id, geen) if dossier_id is not None else geen
        teller.tel(f, None, "werk_open", soort)
        if deadline is not None and deadline < peildatum:
            teller.tel(f, None, "werk_te_laat", soort)
    for dossier_id, soort, datum, bedrag in (
        Handhavingsstap.objects.filter(zaak__gemeente=gemeente)
        .values_list("zaak__dossier_id", "soort", "datum", "bedrag")
        .order_by()
    ):
        if dossier_id in feiten:
            teller.tel(feiten[dossier_id], maand_van(datum), "handhaving", soort, bedrag or 0)


@transaction.atomic
def kengetallen_bijwerken(*, gemeente: Gemeente, peildatum: date | None = None) -> Uitkomst:
    """Recompute all of ``gemeente``'s figures and replace its rows. Idempotent."""
    begin = time.monotonic()
    peildatum = peildatum or timezone.localdate()
    feiten = _dossiers(gemeente)
    teller = _Teller()
    _per_dossier(teller, feiten, peildatum)
    _traject(teller, gemeente, feiten, peildatum)
    _werk_en_handhaving(teller, gemeente, feiten, peildatum)
    Kengetal.objects.filter(gemeente=gemeente).delete()
    Kengetal.objects.bulk_create(
        (
            Kengetal(
                gemeente=gemeente,
                maand=maand,
                doelgroep=doelgroep,
                leerroute=leerroute,
                sleutel=sleutel,
                onderdeel=onderdeel,
                aantal=aantal,
                som=som,
            )
            for (maand, doelgroep, leerroute, sleutel, onderdeel), (aantal, som) in (
                teller.rijen.items()
            )
        ),
        batch_size=2000,
    )
    seconden = round(time.monotonic() - begin, 3)
    Bijwerking.objects.update_or_create(
        gemeente=gemeente,
        defaults={
            "peildatum": peildatum,
            "bijgewerkt_op": timezone.now(),
            "dossiers": len(feiten),
            "rijen": len(teller.rijen),
            "seconden": seconden,
        },
    )
    logger.info(
        "kengetallen_bijgewerkt",
        gemeente=gemeente.code,
        dossiers=len(feiten),
        rijen=len(teller.rijen),
        seconden=seconden,
    )
    return Uitkomst(gemeente.code, len(feiten), len(teller.rijen), seconden)


def alle_kengetallen_bijwerken(
    *, gemeenten: Iterable[Gemeente] | None = None, peildatum: date | None = None
) -> list[Uitkomst]:
    """Every gemeente (or the given ones), one transaction each."""
    lijst = list(gemeenten) if gemeenten is not None else list(Gemeente.objects.order_by("code"))
    return [kengetallen_bijwerken(gemeente=g, peildatum=peildatum) for g in lijst]
