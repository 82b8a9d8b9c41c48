"""Leeftijdsgrenzen van de inburgeringsplicht: 18 jaar en de AOW-leeftijd (R1).

De AOW-leeftijd is geen vaste 67: hij hangt af van het kalenderjaar waarin iemand hem bereikt
(AOW art. 7a). De tabel hieronder is de gepubliceerde reeks; werk hem bij zodra een nieuw jaar is
vastgesteld (dat gebeurt vijf jaar vooruit).
"""

from __future__ import annotations

from datetime import date

from .base import Resultaat, Uitkomst, datum_nl, definieer_regel
from .kalender import plus_jaren, plus_maanden

#: Minimumleeftijd voor de inburgeringsplicht (Wi2021 art. 3).
MINIMUMLEEFTIJD = 18

#: AOW-leeftijd per kalenderjaar waarin hij bereikt wordt: jaar -> (jaren, maanden).
#: Bron: AOW art. 7a; SVB; NOS 2024 en Syfers voor 2028–2031 (DOMAIN.md [S73]).
#: Peildatum van de tabel: vastgesteld tot en met 2031.
AOW_LEEFTIJD_TABEL: dict[int, tuple[int, int]] = {
    2012: (65, 0),
    2013: (65, 1),
    2014: (65, 2),
    2015: (65, 3),
    2016: (65, 6),
    2017: (65, 9),
    2018: (66, 0),
    2019: (66, 4),
    2020: (66, 4),
    2021: (66, 4),
    2022: (66, 7),
    2023: (66, 10),
    2024: (67, 0),
    2025: (67, 0),
    2026: (67, 0),
    2027: (67, 0),
    2028: (67, 3),
    2029: (67, 3),
    2030: (67, 3),
    2031: (67, 3),
}

#: Aanname voor jaren ná de tabel: de AOW-leeftijd kan niet dalen, dus minstens de laatste waarde.
#: Een later vastgestelde verhoging moet in AOW_LEEFTIJD_TABEL worden toegevoegd.
AOW_LEEFTIJD_NA_TABEL: tuple[int, int] = AOW_LEEFTIJD_TABEL[max(AOW_LEEFTIJD_TABEL)]

#: DUO meldt (SS128) zoveel maanden vóór de AOW-leeftijd dat de plicht gaat eindigen.
AOW_SIGNAAL_MAANDEN = 6

#: Iemand geboren op 29 februari wordt in een gewoon jaar op 28 februari een jaar ouder
#: (zelfde regel als bij het optellen van maanden: laatste dag van de maand). Aanname.
SCHRIKKELDAG_JARIG_OP_28_FEBRUARI = True

R1 = definieer_regel(
    id="R1",
    titel="Plicht alleen van 18 jaar tot de AOW-leeftijd",
    titel_en="Duty only from age 18 until state pension age",
    bron="Wi2021 art. 3; AOW art. 7a; DUO SS101/SS128/SS110",
    tekst="""De inburgeringsplicht geldt vanaf de 18e verjaardag tot de dag waarop iemand de
    AOW-leeftijd bereikt. De AOW-leeftijd is niet altijd 67 jaar: hij hangt af van het jaar
    waarin iemand hem bereikt (67 jaar in 2024–2027, 67 jaar en 3 maanden in 2028–2031).""",
    tekst_en="""The integration duty applies from the 18th birthday until the day the person
    reaches state pension (AOW) age. That age depends on the year in which it is reached (67 in
    2024–2027, 67 years and 3 months in 2028–2031).""",
    onderwerp="plicht",
    zekerheid="H",
    aanname=(
        "De tabel met de AOW-leeftijd per jaar loopt tot en met 2031; daarna nemen we de "
        "laatste waarde uit die tabel. Geboren op 29 februari: jarig op 28 februari in "
        "een gewoon jaar. DUO's melding (SS128/SS110) gaat voor."
    ),
    aanname_en=(
        "The table of the AOW (state pension) age per year runs up to and including 2031;"
        " after that we use its last value. Born on 29 February: birthday on 28 February "
        "in a common year. DUO's notice (SS128/SS110) takes precedence."
    ),
)


def verjaardag(geboortedatum: date, leeftijd: int) -> date:
    """De dag waarop iemand ``leeftijd`` jaar wordt (29 februari: zie de constante)."""
    dag = plus_jaren(geboortedatum, leeftijd)
    if not SCHRIKKELDAG_JARIG_OP_28_FEBRUARI and (geboortedatum.month, geboortedatum.day) != (
        dag.month,
        dag.day,
    ):
        return date(dag.year, 3, 1)
    return dag


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    """Leeftijd in hele jaren op ``peildatum``."""
    jaren = peildatum.year - geboortedatum.year
    if peildatum < verjaardag(geboortedatum, jaren):
        jaren -= 1
    return jaren


def aow_leeftijd_in_jaar(jaar: int) -> tuple[int, int]:
    """De AOW-leeftijd (jaren, maanden) voor wie hem in ``jaar`` bereikt."""
    if jaar < min(AOW_LEEFTIJD_TABEL):
        return (65, 0)
    return AOW_LEEFTIJD_TABEL.get(jaar, AOW_LEEFTIJD_NA_TABEL)


def aow_datum(geboortedatum: date) -> Resultaat[date]:
    """De dag waarop iemand de AOW-leeftijd bereikt; de plicht eindigt op die dag (R1).

    De AOW-leeftijd hangt af van het jaar waarin hij bereikt wordt. We zoeken het eerste jaar
    waarin ``geboortedatum + AOW-leeftijd(jaar)`` ook echt in dat jaar valt.
    """
    jaar = geboortedatum.year + 65
    while True:
        jaren, maanden = aow_leeftijd_in_jaar(jaar)
        dag = plus_maanden(verjaardag(geboortedatum, jaren), maanden)
        if dag.year <= jaar:
            break
        jaar += 1
    leeftijd_nl = f"{jaren} jaar" + (f" en {maanden} maanden" if maanden else "")
    leeftijd_en = f"{jaren} years" + (f" and {maanden} months" if maanden else "")
    buiten_tabel = jaar > max(AOW_LEEFTIJD_TABEL)
    return Resultaat(
        waarde=dag,
        regel=R1,
        uitleg=(
            f"Wie in {jaar} de AOW-leeftijd bereikt, bereikt die op {leeftijd_nl}: "
            f"op {datum_nl(dag)}."
            + (
                " Let op: dit jaar is nog niet vastgesteld; dit is een aanname."
                if buiten_tabel
                else ""
            )
        ),
        uitleg_en=(
            f"Anyone reaching state pension age in {jaar} reaches it at {leeftijd_en}: "
            f"on {datum_nl(dag)}."
            + (
                " Note: this year has not been set yet; this is an assumption."
                if buiten_tabel
                else ""
            )
        ),
    )


def toets_leeftijd(geboortedatum: date, peildatum: date) -> Uitkomst:
    """Valt ``peildatum`` binnen de leeftijdsgrenzen van de plicht (18 tot AOW-leeftijd)?"""
    achttien = verjaardag(geboortedatum, MINIMUMLEEFTIJD)
    if peildatum < achttien:
        return Uitkomst.fout(
            R1,
            f"Niet plichtig (leeftijd): de persoon wordt pas op {datum_nl(achttien)} 18 jaar.",
            f"Not obliged (age): the person turns 18 only on {datum_nl(achttien)}.",
            veld="geboortedatum",
        )
    aow = aow_datum(geboortedatum)
    if peildatum >= aow.waarde:
        return Uitkomst.fout(
            R1,
            f"Niet plichtig (leeftijd): de persoon heeft op {datum_nl(aow.waarde)} de "
            f"AOW-leeftijd bereikt. {aow.uitleg}",
            f"Not obliged (age): the person reached state pension age on "
            f"{datum_nl(aow.waarde)}. {aow.uitleg_en}",
            veld="geboortedatum",
        )
    return Uitkomst()


def aow_signaaldatum(geboortedatum: date) -> Resultaat[date]:
    """De dag waarop DUO's signaal SS128 te verwachten is: 6 maanden vóór de AOW-datum (R1)."""
    aow = aow_datum(geboortedatum)
    dag = plus_maanden(aow.waarde, -AOW_SIGNAAL_MAANDEN)
    return Resultaat(
        dag,
        R1,
        f"De plicht eindigt op {datum_nl(aow.waarde)} (AOW-leeftijd); DUO meldt dat 6 maanden "
        f"eerder, rond {datum_nl(dag)} (SS128).",
        f"The duty ends on {datum_nl(aow.waarde)} (state pension age); DUO reports this 6 months "
        f"earlier, around {datum_nl(dag)} (SS128).",
    )
