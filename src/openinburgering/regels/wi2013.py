"""De oude wet (Wi2013) voor overgangsgevallen: termijn (R62), boete (R49), lening (R50, R63)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from .base import Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel
from .kalender import plus_jaren, plus_maanden

#: Wi2013 art. 7b lid 1: drie jaar voor de taal- en KNM-examens, vanaf de start van de plicht.
WI2013_TERMIJN_JAREN = 3

#: Nieuwe termijn na een boete: hoogstens zoveel jaar (Wi2013 art. 32).
WI2013_NIEUWE_TERMIJN_MAX_JAREN = 2

#: Maximale boete per overschrijding (Wi2013 art. 34).
WI2013_BOETE_MAXIMUM = Decimal(1250)

#: Grenzen van de urenklassen in de boetetabel (alleen uren bij een school met keurmerk).
WI2013_UREN_GRENZEN = (150, 300)

#: Aflossen begint zoveel maanden na het einde van de termijn (Wi2013 art. 17).
WI2013_AFLOSSEN_NA_MAANDEN = 6

#: Kwijtschelding bij te laat voldoen (Besluit inburgering art. 4.13 lid 4, inburgeren.nl):
#: aantal te late examens -> (percentage bij 0–3 maanden te laat, bij 3–6 maanden te laat).
#: Meer dan twee te late examens: geen gedeeltelijke kwijtschelding (aanname, [L]).
WI2013_KWIJTSCHELDING: dict[int, tuple[int, int]] = {1: (90, 60), 2: (70, 40)}


class Pogingen(StrEnum):
    """Situatie in de Wi2013-boetetabel."""

    NIET_ALLES_GEPROBEERD = "niet_alles_geprobeerd"
    ALLES_EENMAAL = "alles_eenmaal"
    GEZAKT_TWEEMAAL = "gezakt_tweemaal"


#: Wi2013-boetetabel (inburgeren.nl; Beleidsregel boetevaststelling inburgering):
#: situatie -> bedrag bij < 150 uur, 150–299 uur, >= 300 uur. ``None`` = geen boete.
WI2013_BOETETABEL: dict[Pogingen, tuple[Decimal | None, Decimal | None, Decimal | None]] = {
    Pogingen.NIET_ALLES_GEPROBEERD: (Decimal(1250), Decimal(875), Decimal(500)),
    Pogingen.ALLES_EENMAAL: (Decimal(1000), Decimal(625), Decimal(250)),
    Pogingen.GEZAKT_TWEEMAAL: (Decimal(750), Decimal(375), None),
}

R49 = definieer_regel(
    id="R49",
    titel="Wi2013-boete volgens de tabel, hoogstens € 1.250",
    titel_en="Wi2013 fine by the table, at most €1,250",
    bron="Wi2013 art. 31–34; Beleidsregel boetevaststelling inburgering",
    tekst="""Onder de oude wet hangt de boete af van het aantal lesuren bij een school met keurmerk
    en van hoe vaak de persoon examen deed. De boete is hoogstens € 1.250. Na een boete krijgt de
    persoon een nieuwe termijn van hoogstens 2 jaar.""",
    tekst_en="""Under the old Act the fine depends on the teaching hours at a certified school and
    on the exam attempts. It is at most €1,250. After a fine the person gets a new term of at most
    2 years.""",
    onderwerp="wi2013",
    zekerheid="H",
    aanname="""De verdere verlaging per gehaald examenonderdeel is niet bekend en niet berekend;
    het bedrag uit de tabel is dus een maximum.""",
    aanname_en=(
        "The further reduction per exam component passed is not known and not calculated;"
        " the amount from the table is therefore a maximum."
    ),
)
R50 = definieer_regel(
    id="R50",
    titel="Wi2013-lening: kwijtschelding voor asielmigranten",
    titel_en="Wi2013 loan: remission for asylum migrants",
    bron="Besluit inburgering art. 4.13 lid 4; inburgeren.nl Kwijtschelding lening",
    tekst="""Een asielmigrant (of zijn gezinslid) hoeft de lening niet terug te betalen als hij
    binnen de termijn slaagt of een vrijstelling of ontheffing krijgt. Slaagt hij tot 6 maanden te
    laat, dan krijgt hij een deel kwijtgescholden: bij één te laat examen 90% (tot 3 maanden) of
    60% (3 tot 6 maanden), bij twee 70% of 40%. Na een boete moet de lening wel terug.""",
    tekst_en="""An asylum migrant (or family member) need not repay the loan if he passes, or is
    exempted or released, within the term. Up to 6 months late gives partial remission: one late
    exam 90% (up to 3 months) or 60% (3 to 6 months), two late exams 70% or 40%. After a fine the
    loan must be repaid.""",
    onderwerp="wi2013",
    zekerheid="H",
    aanname=(
        "Meer dan twee te late examens: geen gedeeltelijke kwijtschelding (de "
        'kwijtschelding uit de Wi2013, [L]). "Te laat" rekenen we vanaf het einde '
        "(exclusief) van de termijn; precies 3 maanden te laat valt nog in de eerste "
        "klasse."
    ),
    aanname_en=(
        "More than two late exams: no partial remission (the remission from the Wi2013, "
        '[L]). We count "late" from the end (exclusive) of the term; exactly 3 months '
        "late still falls in the first class."
    ),
)
R62 = definieer_regel(
    id="R62",
    titel="Wi2013-termijn: 3 jaar vanaf de start van de plicht",
    titel_en="Wi2013 term: 3 years from the start of the duty",
    bron="Wi2013 art. 7b lid 1 en 2 (na 2017)",
    tekst="""Onder de oude wet heeft de persoon 3 jaar om de taal- en KNM-examens te halen. De
    termijn begint op de dag dat de persoon inburgeringsplichtig werd. Het PVT heeft een eigen
    termijn.""",
    tekst_en="""Under the old Act the person has 3 years to pass the language and KNM exams,
    counted from the day the duty started. The PVT has its own term.""",
    onderwerp="wi2013",
    zekerheid="M",
    aanname="Einde exclusief: start + 3 jaar. Controleer de tekst zoals die gold op 31-12-2021.",
    aanname_en="End exclusive: start + 3 years. Check the text as it applied on 31-12-2021.",
)
R63 = definieer_regel(
    id="R63",
    titel="Wi2013-lening: aflossen 6 maanden na de termijn",
    titel_en="Wi2013 loan: repayment 6 months after the term",
    bron="Wi2013 art. 17",
    tekst="""Het aflossen van de lening begint 6 maanden na het einde van de inburgeringstermijn en
    duurt hoogstens 10 jaar.""",
    tekst_en="""Repayment of the loan starts 6 months after the end of the term and takes at most
    10 years.""",
    onderwerp="wi2013",
    zekerheid="H",
)


def wi2013_termijn(begindatum_plicht: date) -> Termijn:
    """R62: de Wi2013-termijn voor taal en KNM; ``einde`` exclusief."""
    einde = plus_jaren(begindatum_plicht, WI2013_TERMIJN_JAREN)
    return Termijn(
        start=begindatum_plicht,
        einde=einde,
        einde_inclusief=False,
        regel=R62,
        uitleg=f"De plicht begon op {datum_nl(begindatum_plicht)}; de termijn van 3 jaar loopt tot "
        f"{datum_nl(einde)} (exclusief).",
        uitleg_en=f"The duty started on {datum_nl(begindatum_plicht)}; the 3-year term runs until "
        f"{datum_nl(einde)} (exclusive).",
    )


def wi2013_boete(cursusuren: int, pogingen: Pogingen) -> Resultaat[Decimal | None]:
    """R49: het boetebedrag uit de tabel (``None`` = geen boete)."""
    klasse = sum(cursusuren >= grens for grens in WI2013_UREN_GRENZEN)
    bedrag = WI2013_BOETETABEL[pogingen][klasse]
    klassen_nl = ("minder dan 150 uur", "150 tot 300 uur", "300 uur of meer")
    tekst = f"€ {bedrag}" if bedrag is not None else "geen boete"
    tekst_en = f"€{bedrag}" if bedrag is not None else "no fine"
    return Resultaat(
        bedrag,
        R49,
        f"{cursusuren} lesuren ({klassen_nl[klasse]}), situatie '{pogingen.value}': {tekst}.",
        f"{cursusuren} teaching hours, situation '{pogingen.value}': {tekst_en}.",
    )


def toets_wi2013_nieuwe_termijn(boetedatum: date, nieuwe_einddatum: date) -> Uitkomst:
    """R49: de nieuwe termijn na een Wi2013-boete is hoogstens 2 jaar."""
    grens = plus_jaren(boetedatum, WI2013_NIEUWE_TERMIJN_MAX_JAREN)
    if nieuwe_einddatum <= grens:
        return Uitkomst()
    return Uitkomst.fout(
        R49,
        f"De nieuwe termijn mag hoogstens 2 jaar zijn: uiterlijk tot {datum_nl(grens)}, niet tot "
        f"{datum_nl(nieuwe_einddatum)}.",
        f"The new term may be at most 2 years: until {datum_nl(grens)}, not "
        f"{datum_nl(nieuwe_einddatum)}.",
        veld="nieuwe_einddatum",
    )


def wi2013_kwijtschelding(
    *,
    asielmigrant: bool,
    termijn: Termijn,
    voldaan_op: date | None,
    te_late_examens: int = 0,
    boete_opgelegd: bool = False,
) -> Resultaat[int]:
    """R50: welk percentage van de lening wordt kwijtgescholden?"""
    if not asielmigrant:
        return Resultaat(
            0, R50, "Alleen asielmigranten krijgen kwijtschelding.", "Only asylum migrants qualify."
        )
    if boete_opgelegd:
        return Resultaat(
            0,
            R50,
            "Er is een boete opgelegd: de lening moet worden terugbetaald.",
            "A fine was imposed: the loan must be repaid.",
        )
    if voldaan_op is None:
        return Resultaat(
            0, R50, "De plicht is (nog) niet voldaan.", "The duty has not been met (yet)."
        )
    if voldaan_op < termijn.einde_exclusief:
        return Resultaat(
            100,
            R50,
            f"Voldaan op {datum_nl(voldaan_op)}, binnen de termijn: de hele lening vervalt.",
            f"Met on {datum_nl(voldaan_op)}, within the term: the whole loan is remitted.",
        )
    percentages = WI2013_KWIJTSCHELDING.get(te_late_examens)
    drie = plus_maanden(termijn.einde_exclusief, 3)
    zes = plus_maanden(termijn.einde_exclusief, 6)
    if percentages is None or voldaan_op > zes:
        return Resultaat(
            0,
            R50,
            f"Voldaan op {datum_nl(voldaan_op)}: meer dan 6 maanden te laat of te veel examens te "
            "laat; geen kwijtschelding.",
            f"Met on {datum_nl(voldaan_op)}: more than 6 months late or too many late exams; no "
            "remission.",
        )
    percentage = percentages[0] if voldaan_op <= drie else percentages[1]
    return Resultaat(
        percentage,
        R50,
        f"Voldaan op {datum_nl(voldaan_op)}, {te_late_examens} examen(s) te laat "
        f"({'tot 3' if voldaan_op <= drie else '3 tot 6'} maanden): {percentage}% kwijtgescholden.",
        f"Met on {datum_nl(voldaan_op)}, {te_late_examens} late exam(s): {percentage}% remitted.",
    )


def wi2013_aflossen_vanaf(termijn: Termijn) -> Resultaat[date]:
    """R63: de dag waarop het aflossen van de Wi2013-lening begint."""
    dag = plus_maanden(termijn.einde_exclusief, WI2013_AFLOSSEN_NA_MAANDEN)
    return Resultaat(
        dag,
        R63,
        f"Aflossen begint 6 maanden na het einde van de termijn: op {datum_nl(dag)}.",
        f"Repayment starts 6 months after the end of the term: on {datum_nl(dag)}.",
    )
