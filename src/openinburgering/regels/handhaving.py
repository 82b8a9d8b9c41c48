"""Boetes van de gemeente en hun grenzen (R30–R33, R53); de landelijke boete (R64, afgewezen)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .base import Regel, Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel
from .codes import Verplichting
from .kalender import plus_jaren

#: Vaste boete bij niet meewerken aan de brede intake (Wi2021 art. 22).
BOETE_BREDE_INTAKE = Decimal(250)

#: Maximale boete bij niet nakomen van het PIP (Wi2021 art. 23).
BOETE_PIP_MAXIMUM = Decimal(800)

#: Boven dit bedrag geldt de procedure van Awb art. 5:53 (rapport en zienswijze).
AWB_553_DREMPEL = Decimal(340)

#: Verval van de boetebevoegdheid (Awb 5:45): 3 jaar als 5:53 niet geldt, anders 5 jaar.
VERVAL_JAREN_ZONDER_553 = 3
VERVAL_JAREN_MET_553 = 5

ARTIKEL_22 = "Wi2021 art. 22"
ARTIKEL_23 = "Wi2021 art. 23"

R30 = definieer_regel(
    id="R30",
    titel="Boete brede intake: vast € 250",
    titel_en="Broad intake fine: fixed €250",
    bron="Wi2021 art. 22; Awb art. 5:46 lid 3",
    tekst="""Werkt iemand niet mee aan de brede intake, dan is de boete € 250 per keer. Een lager
    bedrag kan alleen met een reden (minder verwijtbaar, minder ernstig of weinig draagkracht).""",
    tekst_en="""Not cooperating with the broad intake is fined €250 each time. A lower amount
    requires a reason (less culpable, less serious or low means).""",
    onderwerp="handhaving",
    zekerheid="H",
)
R31 = definieer_regel(
    id="R31",
    titel="Stappen bij niet verschijnen op de intake",
    titel_en="Steps when not appearing for the intake",
    bron="Wi2021 art. 22; NT2.nl De brede intake (praktijk)",
    tekst="""Eerste oproep genegeerd: schriftelijke waarschuwing en tweede oproep. Tweede genegeerd:
    boete van € 250 en derde oproep. Derde genegeerd: tweede boete van € 250 en de gemeente stelt
    het PIP vast zonder inbreng van de persoon.""",
    tekst_en="""First call ignored: written warning and second call. Second ignored: €250 fine and
    third call. Third ignored: second €250 fine and the PIP is set without the person's input.""",
    onderwerp="handhaving",
    zekerheid="M",
)
R32 = definieer_regel(
    id="R32",
    titel="Boete PIP: hoogstens € 800, met zienswijze",
    titel_en="PIP fine: at most €800, with a hearing",
    bron="Wi2021 art. 23; Awb art. 5:53",
    tekst="""Komt iemand afspraken uit het PIP niet na, dan is de boete hoogstens € 800. Omdat meer
    dan € 340 kan worden opgelegd, maakt de gemeente eerst een rapport en mag de persoon zijn
    mening geven (zienswijze).""",
    tekst_en="""Not meeting PIP obligations is fined at most €800. Because more than €340 can be
    imposed, the municipality first writes a report and lets the person give their view.""",
    onderwerp="handhaving",
    zekerheid="H",
    aanname=(
        "De drempel van € 340 voor Awb 5:53 (boven dat bedrag geldt de zwaardere procedure) is [M]."
    ),
    aanname_en=(
        "The € 340 threshold for Awb 5:53 (above that amount the heavier procedure applies) is [M]."
    ),
)
R33 = definieer_regel(
    id="R33",
    titel="Plichten uit de Participatiewet: maatregel, geen boete",
    titel_en="Participation Act duties: benefit measure, not a fine",
    bron="Pw art. 18; VNG Samenloop bij sanctioneren",
    tekst="""Afspraken in het PIP die uit de Participatiewet komen (werk, re-integratie, machtiging
    voor ontzorgen) worden gehandhaafd met een maatregel op de bijstand, niet met een boete uit de
    Wet inburgering.""",
    tekst_en="""PIP obligations that come from the Participation Act (work, reintegration, relief
    authorisation) are enforced by a benefit measure, not by a civic integration fine.""",
    onderwerp="handhaving",
    zekerheid="H",
)
R53 = definieer_regel(
    id="R53",
    titel="Boetebevoegdheid vervalt na 3 of 5 jaar",
    titel_en="Power to fine lapses after 3 or 5 years",
    bron="Awb art. 5:45; Wi2021 art. 22 en 23",
    tekst="""Een boete voor de brede intake (art. 22) kan tot 3 jaar na de overtreding worden
    opgelegd, een boete voor het PIP (art. 23) tot 5 jaar erna. Loopt er bezwaar of beroep tegen de
    boete, dan telt die tijd niet mee.""",
    tekst_en="""An intake fine (art. 22) can be imposed up to 3 years after the violation, a PIP
    fine (art. 23) up to 5 years. Time during objection or appeal against the fine does not
    count.""",
    onderwerp="handhaving",
    zekerheid="H",
    aanname="""De splitsing 3/5 jaar volgt de drempel van € 340 (M). De laatste dag is de
    overtredingsdatum + 3 of 5 jaar, zonder verschuiving door de Atw. Geen eigen vervalregel in de
    Wi2021 aangenomen (open vraag 19).""",
    aanname_en=(
        "The split into 3 or 5 years follows the € 340 threshold (M). The last day is the"
        " date of the offence + 3 or 5 years, without a shift by the Atw. No lapse rule "
        "of its own in the Wi2021 is assumed (open question 19)."
    ),
)
R64 = definieer_regel(
    id="R64",
    titel="Landelijke boete van DUO (Wi2021): niet berekend",
    titel_en="National DUO fine (Wi2021): not computed",
    bron="Wi2021 (artikel onbekend, mogelijk art. 24); Ri2021 toelichting",
    tekst="""DUO legt een boete op als iemand verwijtbaar niet op tijd inburgert. Het bedrag en de
    regels daarvoor zijn niet bekend. De gemeente levert alleen de informatie over verwijtbaarheid
    bij MAP en PVT (R40).""",
    tekst_en="""DUO fines a person who culpably fails to integrate in time. The amount and rules are
    not known. The municipality only supplies culpability information on MAP and PVT (R40).""",
    onderwerp="handhaving",
    zekerheid="L",
    afgewezen="""Bedragen en artikel zijn niet bevestigd (open vraag 1); de bedragen van de Wi2013
    mogen niet worden hergebruikt. DUO beslist over deze boete, niet de gemeente.""",
    afgewezen_en=(
        "Amounts and article are not confirmed (open question 1); the Wi2013 amounts must"
        " not be reused. DUO decides on this fine, not the gemeente."
    ),
)


def toets_intakeboete(bedrag: Decimal, *, matigingsreden: str = "") -> Uitkomst:
    """R30: klopt het bedrag van een boete voor de brede intake?"""
    if bedrag <= 0 or bedrag > BOETE_BREDE_INTAKE:
        return Uitkomst.fout(
            R30,
            f"De boete voor de brede intake is € {BOETE_BREDE_INTAKE}, niet € {bedrag}.",
            f"The broad intake fine is €{BOETE_BREDE_INTAKE}, not €{bedrag}.",
            veld="bedrag",
        )
    if bedrag < BOETE_BREDE_INTAKE and not matigingsreden.strip():
        return Uitkomst.fout(
            R30,
            f"Een lagere boete dan € {BOETE_BREDE_INTAKE} kan alleen met een reden "
            "(Awb 5:46 lid 3).",
            f"A fine below €{BOETE_BREDE_INTAKE} needs a reason (Awb 5:46(3)).",
            veld="matigingsreden",
        )
    return Uitkomst()


@dataclass(frozen=True)
class Escalatiestap:
    """Wat de gemeente doet na ``genegeerde_oproepen`` genegeerde oproepen voor de intake (R31)."""

    genegeerde_oproepen: int
    waarschuwing: bool
    nieuwe_oproep: bool
    boete: Decimal
    pip_zonder_inbreng: bool
    regel: Regel
    uitleg: str
    uitleg_en: str


def intake_escalatie(genegeerde_oproepen: int) -> Escalatiestap:
    """R31: de volgende stap na het aantal genegeerde oproepen voor de brede intake."""
    n = max(genegeerde_oproepen, 0)
    if n == 0:
        return Escalatiestap(
            n, False, False, Decimal(0), False, R31,
            "Geen oproep genegeerd: geen maatregel.",
            "No call ignored: no measure.",
        )  # fmt: skip
    if n == 1:
        return Escalatiestap(
            n, True, True, Decimal(0), False, R31,
            "Eerste oproep genegeerd: stuur een schriftelijke waarschuwing en een tweede oproep.",
            "First call ignored: send a written warning and a second call.",
        )  # fmt: skip
    if n == 2:
        return Escalatiestap(
            n, False, True, BOETE_BREDE_INTAKE, False, R31,
            "Tweede oproep genegeerd: boete van € 250 en een derde oproep.",
            "Second call ignored: €250 fine and a third call.",
        )  # fmt: skip
    return Escalatiestap(
        n, False, False, BOETE_BREDE_INTAKE, True, R31,
        "Derde oproep genegeerd: tweede boete van € 250; stel het PIP vast zonder inbreng van de "
        "persoon.",
        "Third call ignored: second €250 fine; set the PIP without the person's input.",
    )  # fmt: skip


def toets_pip_boete(
    bedrag: Decimal, *, rapport_opgemaakt: bool, zienswijze_gevraagd: bool
) -> Uitkomst:
    """R32: klopt een boete voor het niet nakomen van het PIP (Wi2021 art. 23)?"""
    uitkomst = Uitkomst()
    if bedrag <= 0 or bedrag > BOETE_PIP_MAXIMUM:
        uitkomst += Uitkomst.fout(
            R32,
            f"De boete voor het PIP is hoogstens € {BOETE_PIP_MAXIMUM}; € {bedrag} kan niet.",
            f"The PIP fine is at most €{BOETE_PIP_MAXIMUM}; €{bedrag} is not possible.",
            veld="bedrag",
        )
    if not rapport_opgemaakt:
        uitkomst += Uitkomst.fout(
            R32,
            "Maak eerst een rapport van de overtreding (Awb 5:53).",
            "First write a report of the violation (Awb 5:53).",
            veld="rapport_opgemaakt",
        )
    if not zienswijze_gevraagd:
        uitkomst += Uitkomst.fout(
            R32,
            "Geef de persoon eerst de kans zijn mening te geven (zienswijze, Awb 5:53).",
            "First give the person the opportunity to state their view (Awb 5:53).",
            veld="zienswijze_gevraagd",
        )
    return uitkomst


_WI2021_BOETE = {
    Verplichting.BREDE_INTAKE: ARTIKEL_22,
    Verplichting.LEERROUTE: ARTIKEL_23,
    Verplichting.PVT: ARTIKEL_23,
    Verplichting.MAP: ARTIKEL_23,
    Verplichting.VVE: ARTIKEL_23,
    Verplichting.OVERIG_PIP: ARTIKEL_23,
}


def sanctiegrondslag(verplichting: Verplichting) -> Resultaat[str]:
    """R33: welke sanctie past bij het niet nakomen van deze verplichting?

    Geeft het artikel terug: "Wi2021 art. 22", "Wi2021 art. 23" of "Pw art. 18".
    """
    artikel = _WI2021_BOETE.get(verplichting)
    if artikel is None:
        return Resultaat(
            "Pw art. 18",
            R33,
            "Deze verplichting komt uit de Participatiewet: maatregel op de bijstand (Pw art. 18), "
            "geen boete uit de Wet inburgering.",
            "This obligation comes from the Participation Act: benefit measure (Pw art. 18), not a "
            "civic integration fine.",
        )
    return Resultaat(
        artikel,
        R33,
        f"Boete van de gemeente op grond van {artikel}.",
        f"Municipal fine under {artikel}.",
    )


def toets_sanctie(verplichting: Verplichting, artikel: str) -> Uitkomst:
    """R33: past het gekozen artikel bij de verplichting?"""
    juist = sanctiegrondslag(verplichting)
    if juist.waarde == artikel:
        return Uitkomst()
    return Uitkomst.fout(
        R33,
        f"Voor deze verplichting past {juist.waarde}, niet {artikel}. {juist.uitleg}",
        f"This obligation calls for {juist.waarde}, not {artikel}. {juist.uitleg_en}",
        veld="artikel",
    )


def vervaltermijn_boete(
    overtredingsdatum: date,
    artikel: str,
    opschortingen: Sequence[tuple[date, date]] = (),
) -> Termijn:
    """R53: tot wanneer een boete kan worden opgelegd (laatste dag inclusief).

    ``opschortingen``: perioden (begin, einde inclusief) waarin bezwaar of beroep tegen de boete
    liep; die dagen tellen niet mee.
    """
    jaren = VERVAL_JAREN_MET_553 if artikel == ARTIKEL_23 else VERVAL_JAREN_ZONDER_553
    einde = plus_jaren(overtredingsdatum, jaren)
    opgeschort = sum((eind - begin).days + 1 for begin, eind in opschortingen)
    einde += timedelta(days=opgeschort)
    extra = f", plus {opgeschort} dagen bezwaar of beroep" if opgeschort else ""
    extra_en = f", plus {opgeschort} days of objection or appeal" if opgeschort else ""
    return Termijn(
        start=overtredingsdatum,
        einde=einde,
        einde_inclusief=True,
        regel=R53,
        uitleg=f"Een boete op grond van {artikel} kan tot en met {datum_nl(einde)}: {jaren} jaar "
        f"na de overtreding op {datum_nl(overtredingsdatum)}{extra}.",
        uitleg_en=f"A fine under {artikel} is possible until {datum_nl(einde)}: {jaren} years "
        f"after the violation on {datum_nl(overtredingsdatum)}{extra_en}.",
    )


def toets_boete_niet_vervallen(
    overtredingsdatum: date,
    artikel: str,
    besluitdatum: date,
    opschortingen: Sequence[tuple[date, date]] = (),
) -> Uitkomst:
    """R53: kan op ``besluitdatum`` nog een boete worden opgelegd?"""
    termijn = vervaltermijn_boete(overtredingsdatum, artikel, opschortingen)
    if besluitdatum <= termijn.laatste_dag:
        return Uitkomst()
    return Uitkomst.fout(
        R53,
        f"De bevoegdheid om te beboeten is vervallen. {termijn.uitleg}",
        f"The power to fine has lapsed. {termijn.uitleg_en}",
        veld="besluitdatum",
    )
