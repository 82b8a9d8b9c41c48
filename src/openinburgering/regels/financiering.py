"""Het geld van de gemeente voor inburgering: cohort, bekostigingsbron, Wi2013-middelen (R90–R94).

Bronnen (DOMAIN.md §6, gelezen 2026-12-07):

- §6.1: uitvoeringskosten (brede intake, PIP, ontzorgen, overige uitvoering) via de algemene
  uitkering van het gemeentefonds; voorzieningen (leerroutes, MAP, maatschappelijke begeleiding,
  PVT, tolken) via de specifieke uitkering (SPUK) Wi2021, per (verwachte) asielstatushouder en per
  gezins- of overige migrant, jaarlijks in de Regeling inburgering 2021.
- §6.2: alleen voor asielstatushouders moet de gemeente een inburgeringsaanbod doen en betalen
  (Wi2021 art. 16); gezins- en overige migranten betalen hun route zelf.
- §6.3: maatschappelijke begeleiding en PVT onder de Wi2013: € 2.370 per inburgeringsplichtige
  statushouder (€ 1.000 plus € 1.370, bestuursakkoord november 2015).

Bedragen zijn hele centen (``int``): geld rekent nooit met drijvende komma.
"""

from __future__ import annotations

from datetime import date

from .base import Resultaat, Uitkomst, datum_nl, definieer_regel
from .codes import Codelijst, Doelgroep, Regime

# --- Onzekere of periodiek te actualiseren feiten (één constante per feit) ---------------------

#: Wi2013: maatschappelijke begeleiding en PVT, per inburgeringsplichtige statushouder (§6.3).
WI2013_BEDRAG_PER_STATUSHOUDER_CENT = 237_000
#: De verantwoording over een jaar (SiSa-bijlage bij de jaarrekening) uiterlijk op deze dag
#: (maand, dag) van het jaar erna. Niet uit DOMAIN.md: de veiligste lezing, zie R94.
SISA_UITERLIJK = (7, 15)


class Kostensoort(Codelijst):
    """Waar de gemeente geld aan uitgeeft voor één inburgeraar."""

    CURSUS = "cursus"
    MAP = "map"
    PVT = "pvt"
    TOLK = "tolk"
    BEGELEIDING = "begeleiding"
    ONTZORGEN_ADMINISTRATIE = "ontzorgen_administratie"


class Bekostigingsbron(Codelijst):
    """Uit welk geld van het Rijk een kostensoort betaald wordt."""

    SPUK = "spuk"
    ALGEMENE_UITKERING = "algemene_uitkering"
    WI2013 = "wi2013"


R90 = definieer_regel(
    id="R90",
    titel="Cohort: het jaar waarin de plicht begon",
    titel_en="Cohort: the year the duty started",
    bron="Wi2021 art. 3 en 6 met R6 (begin van de plicht); SPUK Wi2021 per (verwachte) "
    "inburgeraar per jaar (DOMAIN.md §6.1)",
    tekst="""Een inburgeraar hoort bij het cohort van het jaar waarin zijn plicht begon: de dag
    dat de IND het verblijfsrecht bekendmaakte, niet vóór zijn 18e verjaardag (R6). Is die dag
    nog niet bekend, dan telt het jaar van aanmelding bij de gemeente.""",
    tekst_en="""A person belongs to the cohort of the year their duty started: the day the IND
    made the residence right known, not before their 18th birthday (R6). If that day is not yet
    known, the year of registration with the municipality counts.""",
    onderwerp="financien",
    zekerheid="M",
    aanname="De SPUK wordt per jaar toegekend; wij koppelen de kosten aan het jaar waarin de "
    "plicht begon. Zonder IND-datum is het jaar van aanmelding de veiligste benadering.",
    aanname_en="The SPUK is granted per year; we link costs to the year the duty started. "
    "Without an IND date the year of registration is the safest approximation.",
)
R91 = definieer_regel(
    id="R91",
    titel="Wi2013: € 2.370 per statushouder voor begeleiding en PVT",
    titel_en="Wi2013: € 2,370 per status holder for guidance and PVT",
    bron="Bestuursakkoord verhoogde asielinstroom (november 2015); decentralisatie-uitkering "
    "gemeentefonds, meicirculaire 2021 (DOMAIN.md §6.3)",
    tekst="""Voor elke inburgeringsplichtige asielstatushouder onder de Wi2013 kreeg de gemeente
    € 2.370 voor maatschappelijke begeleiding en de participatieverklaring (PVT). Die middelen en
    wat eraan is uitgegeven worden apart getoond, los van het geld voor de Wi2021.""",
    tekst_en="""For every obliged asylum status holder under the Wi2013 the municipality received
    € 2,370 for social guidance and the participation statement (PVT). That money and what was
    spent on it are shown apart, separate from the Wi2021 money.""",
    onderwerp="financien",
    zekerheid="H",
)
R92 = definieer_regel(
    id="R92",
    titel="Uit welk geld een kostensoort betaald wordt",
    titel_en="Which money pays for a cost category",
    bron="Bi2021, hoofdstuk financiering; Ri2021 (DOMAIN.md §6.1, §6.3)",
    tekst="""Cursussen (leerroutes), MAP, maatschappelijke begeleiding, PVT en tolken zijn
    voorzieningen: die betaalt de gemeente uit de specifieke uitkering (SPUK) Wi2021. De
    administratie van het ontzorgen is uitvoering: die komt uit de algemene uitkering van het
    gemeentefonds. Begeleiding en PVT van een statushouder onder de Wi2013 komen uit de
    Wi2013-middelen (R91).""",
    tekst_en="""Courses (learning routes), MAP, social guidance, PVT and interpreters are
    provisions: the municipality pays them from the specific grant (SPUK) Wi2021. Administering
    financial relief is execution: it comes from the general grant of the municipal fund.
    Guidance and PVT of a status holder under the Wi2013 come from the Wi2013 money (R91).""",
    onderwerp="financien",
    zekerheid="H",
)
R93 = definieer_regel(
    id="R93",
    titel="Cursuskosten alleen voor een asielstatushouder onder de Wi2021",
    titel_en="Course costs only for an asylum status holder under the Wi2021",
    bron="Wi2021 art. 16 (inburgeringsaanbod); R36",
    tekst="""De gemeente betaalt een cursus (het inburgeringsaanbod) alleen voor een
    asielstatushouder onder de Wi2021. Gezins- en overige migranten betalen hun route zelf (of
    lenen bij DUO); onder de Wi2013 betaalde de inburgeraar zijn cursus met een lening van DUO.
    Een cursusboeking voor een ander wordt geweigerd.""",
    tekst_en="""The municipality pays for a course (the integration offer) only for an asylum
    status holder under the Wi2021. Family and other migrants pay for their own route (or borrow
    from DUO); under the Wi2013 the person paid for the course with a DUO loan. A course booking
    for anyone else is refused.""",
    onderwerp="financien",
    zekerheid="H",
)
R94 = definieer_regel(
    id="R94",
    titel="Verantwoording van de specifieke uitkering uiterlijk 15 juli",
    titel_en="Accounting for the specific grant by 15 July",
    bron="Financiële-verhoudingswet art. 17a (single information, single audit); Bi2021, "
    "hoofdstuk financiering",
    tekst="""De gemeente verantwoordt de besteding van de specifieke uitkering over een jaar in
    de SiSa-bijlage bij haar jaarrekening, uiterlijk op 15 juli van het jaar daarna.""",
    tekst_en="""The municipality accounts for the spending of the specific grant over a year in
    the SiSa annex to its annual accounts, by 15 July of the following year.""",
    onderwerp="financien",
    zekerheid="L",
    aanname="De datum 15 juli staat niet in DOMAIN.md; zij volgt de vaste SiSa-praktijk en is "
    "in de code één instelbare waarde.",
    aanname_en="The date of 15 July is not in DOMAIN.md; it follows the usual SiSa practice "
    "and is one adjustable value in the code.",
)


def cohort(
    *, begindatum_plicht: date | None, aangemeld_op: date | None = None
) -> Resultaat[int | None]:
    """R90: het cohort (een jaartal) van een inburgeraar, of ``None`` als niets bekend is."""
    if begindatum_plicht is not None:
        return Resultaat(
            begindatum_plicht.year,
            R90,
            f"De plicht begon op {datum_nl(begindatum_plicht)}: cohort {begindatum_plicht.year}.",
            f"The duty started on {datum_nl(begindatum_plicht)}: cohort {begindatum_plicht.year}.",
        )
    if aangemeld_op is not None:
        return Resultaat(
            aangemeld_op.year,
            R90,
            f"Het begin van de plicht is nog onbekend; aangemeld op {datum_nl(aangemeld_op)}: "
            f"cohort {aangemeld_op.year}.",
            f"The start of the duty is not yet known; registered on {datum_nl(aangemeld_op)}: "
            f"cohort {aangemeld_op.year}.",
        )
    return Resultaat(
        None,
        R90,
        "Het begin van de plicht en de aanmelding zijn onbekend: geen cohort.",
        "The start of the duty and the registration are unknown: no cohort.",
    )


def telt_voor_wi2013_middelen(*, regime: str, doelgroep: str) -> bool:
    """R91: geeft deze persoon recht op de € 2.370 (statushouder onder de Wi2013)?"""
    return regime == Regime.WI2013 and doelgroep == Doelgroep.ASIELSTATUSHOUDER


def wi2013_middelen(aantal_statushouders: int) -> Resultaat[int]:
    """R91: het bedrag in centen voor ``aantal_statushouders`` statushouders onder de Wi2013."""
    if aantal_statushouders < 0:
        raise ValueError("Een aantal personen is nooit negatief.")
    bedrag = aantal_statushouders * WI2013_BEDRAG_PER_STATUSHOUDER_CENT
    euro = WI2013_BEDRAG_PER_STATUSHOUDER_CENT // 100
    return Resultaat(
        bedrag,
        R91,
        f"{aantal_statushouders} statushouder(s) onder de Wi2013 × € {euro:,}".replace(",", ".")
        + ".",
        f"{aantal_statushouders} status holder(s) under the Wi2013 × € {euro:,}.",
    )


def bekostigingsbron(*, soort: str, regime: str) -> Resultaat[Bekostigingsbron]:
    """R92: uit welk geld deze kostensoort voor een persoon onder dit regime betaald wordt."""
    gekozen = Kostensoort(soort)
    if gekozen == Kostensoort.ONTZORGEN_ADMINISTRATIE:
        return Resultaat(
            Bekostigingsbron.ALGEMENE_UITKERING,
            R92,
            "Ontzorgen is uitvoering: algemene uitkering van het gemeentefonds.",
            "Financial relief is execution: general grant of the municipal fund.",
        )
    if regime == Regime.WI2013 and gekozen in (Kostensoort.BEGELEIDING, Kostensoort.PVT):
        return Resultaat(
            Bekostigingsbron.WI2013,
            R92,
            "Begeleiding of PVT onder de Wi2013: de Wi2013-middelen (R91).",
            "Guidance or PVT under the Wi2013: the Wi2013 money (R91).",
        )
    return Resultaat(
        Bekostigingsbron.SPUK,
        R92,
        "Een voorziening: de specifieke uitkering Wi2021.",
        "A provision: the specific grant Wi2021.",
    )


def toets_kostensoort(*, soort: str, regime: str, doelgroep: str) -> Uitkomst:
    """R93 (en een bekende kostensoort): mag deze kostensoort voor deze persoon geboekt worden?"""
    if soort not in {k.value for k in Kostensoort}:
        return Uitkomst.fout(
            R92,
            f"Onbekende kostensoort “{soort}”.",
            f"Unknown cost category “{soort}”.",
            veld="soort",
        )
    if soort == Kostensoort.CURSUS and not (
        regime == Regime.WI2021 and doelgroep == Doelgroep.ASIELSTATUSHOUDER
    ):
        return Uitkomst.fout(
            R93,
            "Een cursus betaalt de gemeente alleen voor een asielstatushouder onder de Wi2021.",
            "The municipality pays for a course only for an asylum status holder under the Wi2021.",
            veld="soort",
        )
    return Uitkomst()


def sisa_termijn(jaar: int) -> Resultaat[date]:
    """R94: de laatste dag voor de verantwoording over ``jaar``."""
    maand, dag = SISA_UITERLIJK
    uiterlijk = date(jaar + 1, maand, dag)
    return Resultaat(
        uiterlijk,
        R94,
        f"De verantwoording over {jaar} uiterlijk op {datum_nl(uiterlijk)}.",
        f"The accounts for {jaar} by {datum_nl(uiterlijk)} at the latest.",
    )
