"""Reads for money: a year's budget, the cohorts, one person's bookings (ADR 0082, 0083).

Every read is a fixed number of grouped queries, whatever the number of bookings; the tenant
filter is applied once, in :func:`_boekingen` and :func:`_bijdragen`. Reading a person's
bookings is a processing of personal data and goes to the log (:func:`boekingen_van`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.codes import Doelgroep, Regime
from openinburgering.regels.financiering import (
    Bekostigingsbron,
    Kostensoort,
    sisa_termijn,
    wi2013_middelen,
)

from .models import BRON_VAN_BIJDRAGE, Bijdragesoort, Kostenboeking, Rijksbijdrage
from .prognose import Prognose, prognose, venster

#: The persons' bookings shown on one page (the dossier card shows fewer).
BOEKINGEN_PER_PAGINA = 200


def _boekingen(gemeente: Gemeente) -> QuerySet[Kostenboeking]:
    return Kostenboeking.objects.filter(gemeente=gemeente)


def _bijdragen(gemeente: Gemeente) -> QuerySet[Rijksbijdrage]:
    return Rijksbijdrage.objects.filter(gemeente=gemeente)


def _som(qs, **filters) -> int:
    return qs.filter(**filters).aggregate(s=Sum("bedrag_cent"))["s"] or 0


@dataclass(frozen=True)
class Bronregel:
    bron: str
    bijdrage_cent: int
    besteed_cent: int
    prognose: Prognose

    @property
    def saldo_cent(self) -> int:
        return self.bijdrage_cent - self.besteed_cent

    @property
    def saldo_prognose_cent(self) -> int:
        return self.bijdrage_cent - self.prognose.bedrag_cent


@dataclass(frozen=True)
class Jaaroverzicht:
    jaar: int
    peildatum: date
    bijdragen: list[Rijksbijdrage]
    bronnen: list[Bronregel]
    #: (source, category) -> cents booked in the year.
    per_soort: dict[tuple[str, str], int]
    #: Distinct persons with a cost charged to the SPUK in the year.
    personen_spuk: int
    #: Wi2013, shown apart (R91): status holders under the old law and what they bring.
    wi2013_statushouders: int
    wi2013_middelen_cent: int
    #: Spent from the Wi2013 money in all years: the money came once, the spending runs on.
    wi2013_besteed_totaal_cent: int
    totaal_besteed_cent: int
    sisa_uiterlijk: date
    caseload: int
    soorten: list[str] = field(default_factory=lambda: [s.value for s in Kostensoort])

    def bron(self, bron: str) -> Bronregel:
        return next(r for r in self.bronnen if r.bron == bron)

    def besteed(self, bron: str, soort: str) -> int:
        return self.per_soort.get((bron, soort), 0)


def _caseload(gemeente: Gemeente, op: date) -> int:
    """Open dossiers on ``op``: registered by then and not closed before it."""
    return (
        Dossier.objects.filter(gemeente=gemeente, aangemeld_op__lte=op)
        .filter(Q(afgerond_op__isnull=True) | Q(afgerond_op__gt=op))
        .count()
    )


def jaaroverzicht(*, gemeente: Gemeente, jaar: int, peildatum: date) -> Jaaroverzicht:
    """The year's grants against what was booked in it, per source and category, with the
    forecast and the Wi2013 money apart. Eight queries."""
    bijdragen = list(_bijdragen(gemeente).filter(jaar=jaar).select_related("vastgelegd_door"))
    jaar_qs = _boekingen(gemeente).filter(datum__year=jaar)
    per_soort: dict[tuple[str, str], int] = {}
    for rij in jaar_qs.values("bron", "soort").annotate(s=Sum("bedrag_cent")).order_by():
        per_soort[(rij["bron"], rij["soort"])] = rij["s"] or 0
    van, tot = venster(peildatum)
    in_venster = {
        rij["bron"]: rij["s"] or 0
        for rij in _boekingen(gemeente)
        .filter(datum__gte=van, datum__lt=tot)
        .values("bron")
        .annotate(s=Sum("bedrag_cent"))
        .order_by()
    }
    midden = van + (tot - van) // 2
    caseload_nu = _caseload(gemeente, peildatum)
    caseload_venster = _caseload(gemeente, midden)
    personen_spuk = (
        jaar_qs.filter(bron=Bekostigingsbron.SPUK, inburgeraar__isnull=False)
        .values("inburgeraar")
        .distinct()
        .count()
    )
    statushouders = Inburgeraar.objects.filter(
        gemeente=gemeente, regime=Regime.WI2013, doelgroep=Doelgroep.ASIELSTATUSHOUDER
    ).count()
    wi2013_totaal = _som(_boekingen(gemeente), bron=Bekostigingsbron.WI2013)
    bronnen = []
    for bron in Bekostigingsbron:
        besteed = sum(c for (b, _s), c in per_soort.items() if b == bron)
        bronnen.append(
            Bronregel(
                bron=bron.value,
                bijdrage_cent=sum(
                    b.bedrag_cent
                    for b in bijdragen
                    if BRON_VAN_BIJDRAGE[Bijdragesoort(b.soort)] == bron
                ),
                besteed_cent=besteed,
                prognose=prognose(
                    jaar=jaar,
                    peildatum=peildatum,
                    geboekt_cent=besteed,
                    venster_cent=in_venster.get(bron.value, 0),
                    caseload_venster=caseload_venster,
                    caseload=caseload_nu,
                ),
            )
        )
    return Jaaroverzicht(
        jaar=jaar,
        peildatum=peildatum,
        bijdragen=bijdragen,
        bronnen=bronnen,
        per_soort=per_soort,
        personen_spuk=personen_spuk,
        wi2013_statushouders=statushouders,
        wi2013_middelen_cent=wi2013_middelen(statushouders).waarde,
        wi2013_besteed_totaal_cent=wi2013_totaal,
        totaal_besteed_cent=sum(per_soort.values()),
        sisa_uiterlijk=sisa_termijn(jaar).waarde,
        caseload=caseload_nu,
    )


@dataclass(frozen=True)
class Cohortregel:
    cohort: int | None
    personen: int
    #: Source -> cents booked for the cohort's persons, all years together.
    besteed: dict[str, int]
    #: The SPUK granted in the cohort's year (the money meant for that year's newcomers).
    spuk_bijdrage_cent: int

    @property
    def spuk_besteed_cent(self) -> int:
        return self.besteed.get(Bekostigingsbron.SPUK.value, 0)

    @property
    def wi2013_besteed_cent(self) -> int:
        return self.besteed.get(Bekostigingsbron.WI2013.value, 0)

    @property
    def algemeen_besteed_cent(self) -> int:
        return self.besteed.get(Bekostigingsbron.ALGEMENE_UITKERING.value, 0)

    @property
    def totaal_cent(self) -> int:
        return sum(self.besteed.values())

    @property
    def spuk_saldo_cent(self) -> int:
        return self.spuk_bijdrage_cent - self.spuk_besteed_cent

    @property
    def per_persoon_cent(self) -> int:
        return round(self.totaal_cent / self.personen) if self.personen else 0


def cohorten(*, gemeente: Gemeente) -> list[Cohortregel]:
    """Spend per cohort (R90) against the SPUK of the cohort's year, newest first. Three
    queries."""
    besteed: dict[int | None, dict[str, int]] = {}
    per_bron = _boekingen(gemeente).values("cohort", "bron").annotate(s=Sum("bedrag_cent"))
    for rij in per_bron.order_by():
        besteed.setdefault(rij["cohort"], {})[rij["bron"]] = rij["s"] or 0
    personen = {
        rij["cohort"]: rij["n"]
        for rij in _boekingen(gemeente)
        .filter(inburgeraar__isnull=False)
        .values("cohort")
        .annotate(n=Count("inburgeraar", distinct=True))
        .order_by()
    }
    spuk: dict[int, int] = {}
    spuk_soorten = [s for s, b in BRON_VAN_BIJDRAGE.items() if b == Bekostigingsbron.SPUK]
    for jaar, som in (
        _bijdragen(gemeente)
        .filter(soort__in=spuk_soorten)
        .values("jaar")
        .annotate(s=Sum("bedrag_cent"))
        .order_by()
        .values_list("jaar", "s")
    ):
        spuk[jaar] = som or 0
    jaren = set(besteed) | set(spuk)
    return [
        Cohortregel(
            cohort=jaar,
            personen=personen.get(jaar, 0),
            besteed=besteed.get(jaar, {}),
            spuk_bijdrage_cent=spuk.get(jaar, 0) if jaar is not None else 0,
        )
        for jaar in sorted(jaren, key=lambda j: (j is None, -(j or 0)))
    ]


def jaren(*, gemeente: Gemeente, vandaag: date) -> list[int]:
    """The years to choose from: this year and next, and every year with a grant or booking."""
    gevonden = set(_bijdragen(gemeente).values_list("jaar", flat=True).distinct())
    gevonden |= {d.year for d in _boekingen(gemeente).dates("datum", "year")}
    gevonden |= {vandaag.year, vandaag.year + 1}
    return sorted(gevonden, reverse=True)


def bijdragen(*, gemeente: Gemeente) -> list[Rijksbijdrage]:
    return list(_bijdragen(gemeente).select_related("vastgelegd_door"))


def inburgeraar_get(*, gemeente: Gemeente, uuid) -> Inburgeraar:
    """The gemeente's person, or a 404 (another gemeente's person is not there)."""
    try:
        return Inburgeraar.objects.select_related("dossier").get(gemeente=gemeente, uuid=uuid)
    except Inburgeraar.DoesNotExist as exc:
        raise Http404 from exc


def boeking_get(*, gemeente: Gemeente, uuid) -> Kostenboeking:
    try:
        return _boekingen(gemeente).select_related("inburgeraar").get(uuid=uuid)
    except Kostenboeking.DoesNotExist as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class Boekingen:
    regels: list[Kostenboeking]
    totaal_cent: int
    aantal: int


def boekingen_van(
    *, actor: Actor, inburgeraar: Inburgeraar, hoeveel: int = BOEKINGEN_PER_PAGINA
) -> Boekingen:
    """One person's bookings, newest first, with the total of all of them; logged as a read."""
    qs = _boekingen(actor.gemeente).filter(inburgeraar=inburgeraar)
    regels = list(
        qs.select_related("contract", "corrigeert", "correctie", "geboekt_door").order_by(
            "-datum", "-id"
        )[:hoeveel]
    )
    totalen = qs.aggregate(s=Sum("bedrag_cent"), n=Count("id"))
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    return Boekingen(regels=regels, totaal_cent=totalen["s"] or 0, aantal=totalen["n"])
