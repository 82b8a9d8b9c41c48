"""Rekenen met datums: maanden en jaren optellen, en de Algemene termijnenwet (Atw).

Alle Atw-logica staat hier, in :func:`atw_einddatum`. Welke dagen "algemeen erkende feestdagen"
zijn, staat in één functie: :func:`is_atw_feestdag`.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays

from .base import definieer_regel

# --- Onzekere of periodiek te actualiseren feiten (één constante per feit) ---------------------

#: Atw art. 3 lid 1 noemt "de vijfde mei" zonder beperking tot lustrumjaren. Het pakket
#: ``holidays`` geeft Bevrijdingsdag alleen elke vijf jaar; wij rekenen 5 mei elk jaar mee.
ATW_BEVRIJDINGSDAG_ELK_JAAR = True

#: Atw art. 3 lid 2 stelt Goede Vrijdag gelijk met een algemeen erkende feestdag.
ATW_GOEDE_VRIJDAG = True

#: Dagen die bij koninklijk besluit op grond van Atw art. 3 lid 3 met een feestdag zijn
#: gelijkgesteld. Aanvullen bij elk nieuw "Besluit gelijkstelling …" (meestal per drie jaar).
#: Bron: Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en
#: 30 mei 2025; Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028
#: en 26 mei 2028; 27 mei 2022 (vrijdag na Hemelvaartsdag). Eerdere jaren zijn niet opgenomen.
ATW_GELIJKGESTELDE_DAGEN: frozenset[date] = frozenset(
    {
        date(2022, 5, 27),
        date(2023, 4, 28),
        date(2023, 5, 19),
        date(2024, 5, 10),
        date(2024, 12, 27),
        date(2025, 5, 30),
        date(2026, 1, 2),
        date(2026, 5, 15),
        date(2027, 5, 7),
        date(2028, 4, 28),
        date(2028, 5, 26),
    }
)

#: Namen (zoals het pakket ``holidays`` ze geeft) die géén Atw-feestdag zijn.
_GEEN_ATW_FEESTDAG = frozenset() if ATW_GOEDE_VRIJDAG else frozenset({"Goede vrijdag"})

R58 = definieer_regel(
    id="R58",
    titel="Termijn eindigt niet in het weekend of op een feestdag",
    titel_en="A term does not end on a weekend day or public holiday",
    bron="Algemene termijnenwet art. 1, 2, 3 en 4",
    tekst="""Een termijn uit een wet of een algemene maatregel van bestuur die eindigt op een
    zaterdag, zondag of algemeen erkende feestdag, loopt door tot en met de eerstvolgende werkdag.
    Een termijn van 3 dagen of meer bevat ook altijd minstens 2 werkdagen. Feestdagen zijn:
    Nieuwjaarsdag, Goede Vrijdag, tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, tweede
    Pinksterdag, eerste en tweede Kerstdag, en dagen die de regering daarmee gelijkstelt.""",
    tekst_en="""A term set by an Act or an order in council that ends on a Saturday, Sunday or
    public holiday runs until the next working day. A term of 3 days or more always contains at
    least 2 working days. Holidays: New Year's Day, Good Friday, Easter Monday, King's Day,
    5 May, Ascension Day, Whit Monday, Christmas Day and Boxing Day, and days the government
    declares equal to them.""",
    onderwerp="termijnen",
    zekerheid="H",
    aanname=(
        "5 mei telt elk jaar, Goede Vrijdag telt ook. De gelijkgestelde dagen staan in de"
        " lijst van gelijkgestelde dagen (2022–2028); vul die aan bij elk nieuw "
        "gelijkstellingsbesluit. De Atw geldt niet voor termijnen van meer dan 3 maanden."
    ),
    aanname_en=(
        "5 May counts every year, and so does Good Friday. Days treated as public "
        "holidays are in the list of such days (2022–2028); add to it with each new "
        "decision. The Atw does not apply to terms of more than 3 months."
    ),
)


def plus_maanden(dag: date, maanden: int) -> date:
    """Tel kalendermaanden op. Bestaat de dag niet in de doelmaand, dan de laatste dag ervan.

    Voorbeeld: 31-01-2025 + 1 maand = 28-02-2025; 29-02-2024 + 12 maanden = 28-02-2025.
    """
    totaal = dag.year * 12 + (dag.month - 1) + maanden
    jaar, maand0 = divmod(totaal, 12)
    laatste = calendar.monthrange(jaar, maand0 + 1)[1]
    return date(jaar, maand0 + 1, min(dag.day, laatste))


def plus_jaren(dag: date, jaren: int) -> date:
    """Tel jaren op; 29 februari wordt in een gewoon jaar 28 februari."""
    return plus_maanden(dag, 12 * jaren)


@lru_cache(maxsize=256)
def _feestdagen(jaar: int) -> dict[date, str]:
    dagen = {
        dag: naam
        for dag, naam in holidays.country_holidays("NL", years=jaar, language="nl").items()
        if naam not in _GEEN_ATW_FEESTDAG
    }
    if ATW_BEVRIJDINGSDAG_ELK_JAAR:
        dagen.setdefault(date(jaar, 5, 5), "Bevrijdingsdag")
    for dag in ATW_GELIJKGESTELDE_DAGEN:
        if dag.year == jaar:
            dagen.setdefault(dag, "Gelijkgestelde dag (Atw art. 3 lid 3)")
    return dagen


def atw_feestdag(dag: date) -> str | None:
    """De naam van de algemeen erkende feestdag op ``dag`` (Atw art. 3), of ``None``."""
    return _feestdagen(dag.year).get(dag)


def is_atw_feestdag(dag: date) -> bool:
    """Is ``dag`` een algemeen erkende (of gelijkgestelde) feestdag in de zin van de Atw?"""
    return atw_feestdag(dag) is not None


def is_werkdag(dag: date) -> bool:
    """Geen zaterdag, zondag of Atw-feestdag."""
    return dag.weekday() < 5 and not is_atw_feestdag(dag)


def eerstvolgende_werkdag(dag: date) -> date:
    """``dag`` zelf als dat een werkdag is, anders de eerstvolgende werkdag (Atw art. 1)."""
    while not is_werkdag(dag):
        dag += timedelta(days=1)
    return dag


def werkdagen_tussen(eerste: date, laatste: date, *, hoogstens: int | None = None) -> int:
    """Aantal werkdagen van ``eerste`` tot en met ``laatste``; met ``hoogstens`` stopt het tellen
    daar (een termijn van tien weken hoeft niet dag voor dag te worden geteld om er twee te
    vinden)."""
    gevonden, dag = 0, eerste
    while dag <= laatste and (hoogstens is None or gevonden < hoogstens):
        gevonden += is_werkdag(dag)
        dag += timedelta(days=1)
    return gevonden


def atw_einddatum(eerste_dag: date, laatste_dag: date) -> date:
    """De laatste dag van een wettelijke termijn na toepassing van de Atw (art. 1 en 2; R58).

    ``eerste_dag`` en ``laatste_dag`` zijn beide inclusief (de termijn zoals berekend zonder Atw).
    Art. 1: eindigt de termijn op een zaterdag, zondag of feestdag, dan loopt hij door tot en met
    de eerstvolgende werkdag. Art. 2: een termijn van ten minste drie dagen wordt zo nodig verlengd
    zodat er ten minste twee werkdagen in vallen.
    """
    einde = eerstvolgende_werkdag(laatste_dag)
    if (laatste_dag - eerste_dag).days + 1 >= 3:
        while werkdagen_tussen(eerste_dag, einde, hoogstens=2) < 2:
            einde = eerstvolgende_werkdag(einde + timedelta(days=1))
    return einde


def reden_niet_werkdag(dag: date) -> str:
    """Korte Nederlandse uitleg waarom ``dag`` geen werkdag is (leeg als het wel een werkdag is)."""
    naam = atw_feestdag(dag)
    if naam:
        return naam
    if dag.weekday() == 5:
        return "zaterdag"
    if dag.weekday() == 6:
        return "zondag"
    return ""
