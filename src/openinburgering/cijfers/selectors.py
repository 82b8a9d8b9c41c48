"""Reads of the precomputed figures (ADR 0068): one grouped query per page, whatever the size.

The tenant filter is applied here once: a dashboard reads only the gemeenten the caller may see
(:func:`gemeenten_met_cijfers`), the council page only the one gemeente in its URL and only
through :func:`raadscijfers`, which returns suppressed figures (R78, R79).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _t

from openinburgering.accounts.rollen import Recht, heeft_recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier
from openinburgering.intake.models import BredeIntake
from openinburgering.pip.models import PipStatus, PipVersie

from .models import Bijwerking, Kengetal


@dataclass(frozen=True)
class Periode:
    """Months from ``van`` to ``tot`` (both the first day of a month, inclusive)."""

    code: str
    van: date
    tot: date

    def maanden(self) -> list[date]:
        uit, m = [], self.van
        while m <= self.tot:
            uit.append(m)
            m = volgende_maand(m)
        return uit


def volgende_maand(m: date) -> date:
    return date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def maanden_terug(m: date, n: int) -> date:
    totaal = m.year * 12 + (m.month - 1) - n
    return date(totaal // 12, totaal % 12 + 1, 1)


def periodes(vandaag: date | None = None) -> list[Periode]:
    """The periods the filter offers: the last 12 months, the last 3 years, the last 8 quarters."""
    vandaag = vandaag or timezone.localdate()
    deze = vandaag.replace(day=1)
    uit = [Periode("12m", maanden_terug(deze, 11), deze)]
    uit += [
        Periode(f"{jaar}", date(jaar, 1, 1), min(date(jaar, 12, 1), deze))
        for jaar in range(vandaag.year, vandaag.year - 3, -1)
    ]
    kwartaal = (vandaag.month - 1) // 3
    jaar = vandaag.year
    for _ in range(8):
        start = date(jaar, kwartaal * 3 + 1, 1)
        einde = min(date(jaar, kwartaal * 3 + 3, 1), deze)
        uit.append(Periode(f"{jaar}-K{kwartaal + 1}", start, einde))
        kwartaal -= 1
        if kwartaal < 0:
            kwartaal, jaar = 3, jaar - 1
    return uit


def periode(code: str, vandaag: date | None = None) -> Periode | None:
    return next((p for p in periodes(vandaag) if p.code == code), None)


def gemeenten_met_cijfers(lidmaatschappen: Iterable[Any]) -> list[Gemeente]:
    """The gemeenten of the user's memberships whose role may read figures (no query: the
    memberships come with the request)."""
    return [lm.gemeente for lm in lidmaatschappen if heeft_recht(lm.rol, Recht.CIJFERS_LEZEN)]


@dataclass(frozen=True)
class Filter:
    gemeente_ids: tuple[int, ...]
    periode: Periode
    doelgroep: str = ""
    #: "" = every route; "-" = no PIP yet; else a leerroute code.
    leerroute: str = ""


class Cijfers:
    """The rows of one read, grouped by (figure, part, month, doelgroep, leerroute)."""

    def __init__(self, rijen: Sequence[Any], filter: Filter) -> None:
        self.filter = filter
        self.rijen = list(rijen)
        # By figure and by flow/stock once, so each section reads only its own rows.
        self._per_sleutel: defaultdict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
        for r in self.rijen:
            self._per_sleutel[(r["sleutel"], r["maand"] is None)].append(r)

    def tel(self, sleutel: str, *, stand: bool = False, **waar: Any) -> int:
        return int(sum(r["aantal"] for r in self.rijen_van(sleutel, stand, waar)))

    def som(self, sleutel: str, *, stand: bool = False, **waar: Any) -> Decimal:
        return sum((r["som"] for r in self.rijen_van(sleutel, stand, waar)), Decimal(0))

    def per(self, veld: str, sleutel: str, *, stand: bool = False, **waar: Any) -> dict[Any, int]:
        uit: defaultdict[Any, int] = defaultdict(int)
        for r in self.rijen_van(sleutel, stand, waar):
            uit[r[veld]] += r["aantal"]
        return dict(uit)

    def som_per(
        self, veld: str, sleutel: str, *, stand: bool = False, **waar: Any
    ) -> dict[Any, Decimal]:
        uit: defaultdict[Any, Decimal] = defaultdict(Decimal)
        for r in self.rijen_van(sleutel, stand, waar):
            uit[r[veld]] += r["som"]
        return dict(uit)

    def rijen_van(
        self, sleutel: str, stand: bool, waar: dict[str, Any]
    ) -> Iterable[dict[str, Any]]:
        for r in self._per_sleutel.get((sleutel, stand), ()):
            if all(r[k] == v for k, v in waar.items()):
                yield r


def kengetallen(filter: Filter) -> Cijfers:
    """One grouped query: the months of the period plus the stocks, for the chosen filter."""
    qs = Kengetal.objects.filter(gemeente_id__in=filter.gemeente_ids).filter(
        Q(maand__isnull=True) | Q(maand__gte=filter.periode.van, maand__lte=filter.periode.tot)
    )
    if filter.doelgroep:
        qs = qs.filter(doelgroep=filter.doelgroep)
    if filter.leerroute:
        qs = qs.filter(leerroute="" if filter.leerroute == "-" else filter.leerroute)
    rijen = list(
        qs.values("sleutel", "onderdeel", "maand", "doelgroep", "leerroute")
        .annotate(aantal=Sum("aantal"), som=Sum("som"))
        .order_by()
    )
    return Cijfers(rijen, filter)


def namen_van_medewerkers(ids: Iterable[str]) -> dict[str, str]:
    """Staff names for the caseload chart (the klantregisseurs, not inburgeraars)."""
    from openinburgering.accounts.models import User

    nummers = [int(i) for i in ids if i]
    return {
        str(u.id): (u.get_full_name() or u.username)
        for u in User.objects.filter(id__in=nummers).only(
            "id", "first_name", "last_name", "username"
        )
    }


def bijwerkingen(gemeente_ids: Sequence[int]) -> list[Bijwerking]:
    return list(Bijwerking.objects.filter(gemeente_id__in=gemeente_ids).order_by("gemeente_id"))


def gemeente_op_code(code: str) -> Gemeente | None:
    """For the public council page: the gemeente by its code (public facts: name and code)."""
    return Gemeente.objects.filter(code=code).only("id", "code", "naam").first()


def raad_kengetallen(gemeente: Gemeente, van: date, tot: date) -> Cijfers:
    """The council page's read: one gemeente, every group, flows only (no stocks)."""
    filter = Filter(gemeente_ids=(gemeente.id,), periode=Periode("raad", van, tot))
    rijen = list(
        Kengetal.objects.filter(gemeente=gemeente, maand__gte=van, maand__lte=tot)
        .values("sleutel", "onderdeel", "maand", "doelgroep", "leerroute")
        .annotate(aantal=Sum("aantal"), som=Sum("som"))
        .order_by()
    )
    return Cijfers(rijen, filter)


# --- for a data warehouse through the API (ADR 0091) -----------------------------------------


def _mag_cijfers(actor) -> None:
    if not actor.mag(Recht.CIJFERS_LEZEN):
        raise Geweigerd(_t("U mag de cijfers niet lezen."))


def feiten_per_dossier(*, actor, status: str = "", doelgroep: str = "", cohort: int | None = None):
    """One row per dossier of the caller's gemeente with only what a data warehouse needs: no
    BSN, name, address or birth date is selected at all. ``pseudoniem`` is the processing log's
    pseudonym (for the log record of the read); the API gives the recipient its own."""
    _mag_cijfers(actor)
    pips = PipVersie.objects.filter(dossier=OuterRef("pk")).order_by()
    qs = (
        Dossier.objects.filter(gemeente=actor.gemeente)
        .only("id", "status", "eindreden", "aangemeld_op", "afgerond_op")
        .annotate(
            pseudoniem=F("inburgeraar__pseudoniem"),
            doelgroep=F("inburgeraar__doelgroep"),
            gemeentecode=F("gemeente__code"),
            leerroute=Subquery(
                pips.filter(status=PipStatus.VASTGESTELD)
                .order_by("-volgnummer")
                .values("leerroute")[:1]
            ),
            eerste_pip=Subquery(
                pips.filter(
                    status__in=[PipStatus.VASTGESTELD, PipStatus.VERVANGEN],
                    dagtekening__isnull=False,
                )
                .order_by("dagtekening")
                .values("dagtekening")[:1]
            ),
            intake_afgesloten=Subquery(
                BredeIntake.objects.filter(dossier=OuterRef("pk")).values("afgesloten_op")[:1]
            ),
        )
    )
    if status:
        qs = qs.filter(status=status)
    if doelgroep:
        qs = qs.filter(inburgeraar__doelgroep=doelgroep)
    if cohort is not None:
        qs = qs.filter(aangemeld_op__year=cohort)
    return qs


def kengetallen_api(*, actor, sleutel: str = "", van: date | None = None, tot: date | None = None):
    """The precomputed figures of the caller's gemeente, row by row (ADR 0068)."""
    _mag_cijfers(actor)
    qs = Kengetal.objects.filter(gemeente=actor.gemeente)
    if sleutel:
        qs = qs.filter(sleutel=sleutel)
    if van is not None:
        qs = qs.filter(maand__gte=van.replace(day=1))
    if tot is not None:
        qs = qs.filter(maand__lte=tot)
    return qs
