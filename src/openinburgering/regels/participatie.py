"""PVT, MAP en Z-route: afrondingsdatums (R39), verwijtbaarheid (R40, R43) en examens (R44)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .base import Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel
from .codes import JaNee, NietVrijstellendOnderwijs, RedenGeenResultaat
from .kalender import plus_maanden

#: "Verwijtbaar: Nee" mag pas als het einde van de termijn binnen zoveel maanden ligt (DUO).
VERWIJTBAAR_NEE_VENSTER_MAANDEN = 2

#: Sinds deze datum maakt niet-vrijstellend onderwijs tijdens de termijn niet verwijtbaar
#: (Bi2021 art. 4.3 lid 2, ingevoegd bij Stb. 2022, 489).
NIET_VRIJSTELLEND_ONDERWIJS_VANAF = date(2023, 1, 1)

#: Onderwijssoorten die tellen (Ri2021 art. 4.2, Stcrt. 2022, 33825).
NIET_VRIJSTELLEND_ONDERWIJS_TELT = frozenset(
    {
        NietVrijstellendOnderwijs.PRAKTIJKONDERWIJS,
        NietVrijstellendOnderwijs.VSO_ARBEIDSMARKT,
        NietVrijstellendOnderwijs.VSO_DAGBESTEDING,
        NietVrijstellendOnderwijs.MBO_ENTREE,
    }
)

#: Afmelden voor een examen minstens zoveel dagen vooraf is niet verwijtbaar (DUO Examen API).
EXAMEN_AFMELDEN_MIN_DAGEN = 14

R39 = definieer_regel(
    id="R39",
    titel="Datum afronding MAP of PVT: voorwaarden",
    titel_en="Completion date of MAP or PVT: conditions",
    bron="DUO MAP-PVT-Zroute API (acceptatieregels)",
    tekst="""De datum van het eindgesprek MAP of de ondertekening van de participatieverklaring ligt
    niet vóór de start van de inburgeringstermijn, niet in de toekomst en niet na de afronding van
    de Z-route. Alleen de gemeente met het huidige PIP geeft de datum door, en alleen die gemeente
    die hem eerder doorgaf kan hem wijzigen. Een lege datum kan alleen als er geen afronding van de
    Z-route is geregistreerd.""",
    tekst_en="""The MAP final interview date or the PVT signing date is not before the start of the
    integration term, not in the future and not after the Z-route completion. Only the municipality
    with the current PIP reports it, and only the municipality that reported it can change it. An
    empty date is only possible when no Z-route completion is registered.""",
    onderwerp="participatie",
    zekerheid="H",
)

R40 = definieer_regel(
    id="R40",
    titel="Verwijtbaar Ja/Nee bij MAP en PVT",
    titel_en="Culpable Yes/No for MAP and PVT",
    bron="DUO MAP-PVT-Zroute API (acceptatieregels)",
    tekst="""De gemeente geeft bij MAP en PVT door of het niet op tijd afronden verwijtbaar is. Dat
    mag niet als het onderdeel binnen de termijn is afgerond. "Nee" mag pas als het einde van de
    termijn binnen 2 maanden ligt. "Ja" mag pas als de termijn voorbij is. Is de termijn voorbij
    zonder afronding op tijd, dan is het oordeel verplicht.""",
    tekst_en="""For MAP and PVT the municipality reports whether not completing in time is
    culpable. Not allowed if completed within the term. "No" only when the term ends within 2
    months. "Yes" only after the term has ended. After the term, without timely completion, the
    flag is required.""",
    onderwerp="participatie",
    zekerheid="H",
    aanname=(
        "De 2 maanden (de periode voor ‘niet verwijtbaar’) rekenen we vanaf de peildatum "
        "(de dag van doorgeven) tot DUO's einddatum (exclusief); een einde dat al voorbij"
        ' is valt ook "binnen 2 maanden" (open vraag 15).'
    ),
    aanname_en=(
        "We count the 2 months (the period for ‘not culpable’) from the reference date "
        "(the day it is reported) to DUO's end date (exclusive); an end already in the "
        'past also counts as "within 2 months" (open question 15).'
    ),
)

R43 = definieer_regel(
    id="R43",
    titel="Niet-vrijstellend onderwijs: niet verwijtbaar",
    titel_en="Non-exempting education: not culpable",
    bron="Bi2021 art. 4.3 lid 2 (Stb. 2022, 489); Ri2021 art. 4.2 (Stcrt. 2022, 33825)",
    tekst="""Sinds 1 januari 2023 is het niet verwijtbaar als iemand de termijn niet haalt terwijl
    hij tijdens de termijn praktijkonderwijs, voortgezet speciaal onderwijs (profiel arbeidsmarkt
    of dagbesteding) of een mbo-entreeopleiding volgde.""",
    tekst_en="""Since 1 January 2023, missing the term is not culpable if during the term the
    person followed practical education, special secondary education (labour market or daycare
    profile) or an mbo entry course.""",
    onderwerp="participatie",
    zekerheid="H",
)

R44 = definieer_regel(
    id="R44",
    titel="Examen tijdig afgemeld: niet verwijtbaar",
    titel_en="Exam cancelled in time: not culpable",
    bron="DUO Examen API (RedenGeenResultaatInburgeringsexamen)",
    tekst="""Wie zich minstens 14 dagen vóór het examen afmeldt of het examen verzet, wie ziek wordt
    tijdens het examen, of wie niet kan door overmacht bij DUO, is niet verwijtbaar.""",
    tekst_en="""Cancelling or rescheduling at least 14 days before the exam, illness during the
    exam, or force majeure at DUO is not culpable.""",
    onderwerp="participatie",
    zekerheid="H",
)


def toets_afrondingsdatum(
    datum: date | None,
    *,
    termijn_start: date | None,
    peildatum: date,
    zroute_afronding: date | None = None,
    eigen_huidig_pip: bool = True,
    eerder_doorgegeven_door_andere_gemeente: bool = False,
    onderdeel: str = "PVT",
) -> Uitkomst:
    """R39: mag deze datum van afronding (PVT-ondertekening of MAP-eindgesprek) naar DUO?"""
    uitkomst = Uitkomst()
    if not eigen_huidig_pip:
        uitkomst += Uitkomst.fout(
            R39,
            f"Alleen de gemeente met het huidige PIP kan de {onderdeel}-datum doorgeven.",
            f"Only the municipality with the current PIP can report the {onderdeel} date.",
        )
    if eerder_doorgegeven_door_andere_gemeente:
        uitkomst += Uitkomst.fout(
            R39,
            f"Een andere gemeente gaf de {onderdeel}-datum door; alleen die kan hem wijzigen.",
            f"Another municipality reported the {onderdeel} date; only it can change it.",
        )
    if datum is None:
        if zroute_afronding is not None:
            uitkomst += Uitkomst.fout(
                R39,
                f"De {onderdeel}-datum kan niet leeg zijn: de Z-route is al afgerond op "
                f"{datum_nl(zroute_afronding)}.",
                f"The {onderdeel} date cannot be empty: the Z-route was completed on "
                f"{datum_nl(zroute_afronding)}.",
                veld="datum",
            )
        return uitkomst
    if termijn_start is None or datum < termijn_start:
        start = datum_nl(termijn_start) if termijn_start else "nog niet begonnen"
        uitkomst += Uitkomst.fout(
            R39,
            f"De {onderdeel}-datum {datum_nl(datum)} ligt vóór de start van de "
            f"inburgeringstermijn ({start}).",
            f"The {onderdeel} date {datum_nl(datum)} is before the start of the integration term "
            f"({start}).",
            veld="datum",
        )
    if datum > peildatum:
        uitkomst += Uitkomst.fout(
            R39,
            f"De {onderdeel}-datum {datum_nl(datum)} ligt in de toekomst.",
            f"The {onderdeel} date {datum_nl(datum)} is in the future.",
            veld="datum",
        )
    if zroute_afronding is not None and datum > zroute_afronding:
        uitkomst += Uitkomst.fout(
            R39,
            f"De {onderdeel}-datum {datum_nl(datum)} ligt na de afronding van de Z-route "
            f"({datum_nl(zroute_afronding)}).",
            f"The {onderdeel} date {datum_nl(datum)} is after the Z-route completion "
            f"({datum_nl(zroute_afronding)}).",
            veld="datum",
        )
    return uitkomst


def toets_verwijtbaar(
    verwijtbaar: JaNee | None,
    *,
    termijn: Termijn,
    afrondingsdatum: date | None,
    peildatum: date,
) -> Uitkomst:
    """R40: mag (of moet) het oordeel verwijtbaar Ja/Nee worden doorgegeven?"""
    op_tijd_afgerond = afrondingsdatum is not None and afrondingsdatum < termijn.einde_exclusief
    overschreden = peildatum >= termijn.einde_exclusief
    if verwijtbaar is None:
        if overschreden and not op_tijd_afgerond:
            return Uitkomst.fout(
                R40,
                f"De termijn is voorbij (laatste dag {datum_nl(termijn.laatste_dag)}) zonder "
                "afronding op tijd: geef door of dat verwijtbaar is.",
                f"The term has ended (last day {datum_nl(termijn.laatste_dag)}) without timely "
                "completion: report whether that is culpable.",
                veld="verwijtbaar",
            )
        return Uitkomst()
    if afrondingsdatum is not None and op_tijd_afgerond:
        return Uitkomst.fout(
            R40,
            f"Het onderdeel is binnen de termijn afgerond ({datum_nl(afrondingsdatum)}); een "
            "oordeel over verwijtbaarheid hoort daar niet bij.",
            f"The component was completed within the term ({datum_nl(afrondingsdatum)}); no "
            "culpability flag belongs with it.",
            veld="verwijtbaar",
        )
    if verwijtbaar is JaNee.JA and not overschreden:
        return Uitkomst.fout(
            R40,
            f"'Verwijtbaar: Ja' kan pas als de termijn voorbij is (na "
            f"{datum_nl(termijn.laatste_dag)}).",
            f"'Culpable: Yes' is only possible after the term has ended (after "
            f"{datum_nl(termijn.laatste_dag)}).",
            veld="verwijtbaar",
        )
    grens = plus_maanden(peildatum, VERWIJTBAAR_NEE_VENSTER_MAANDEN)
    if verwijtbaar is JaNee.NEE and termijn.einde_exclusief > grens:
        return Uitkomst.fout(
            R40,
            f"'Verwijtbaar: Nee' kan pas als de termijn binnen 2 maanden eindigt; hij eindigt op "
            f"{datum_nl(termijn.einde_exclusief)} (exclusief).",
            f"'Culpable: No' is only possible when the term ends within 2 months; it ends on "
            f"{datum_nl(termijn.einde_exclusief)} (exclusive).",
            veld="verwijtbaar",
        )
    return Uitkomst()


@dataclass(frozen=True)
class Onderwijsperiode:
    soort: NietVrijstellendOnderwijs
    begin: date
    #: Laatste dag (inclusief); ``None`` = loopt nog.
    einde: date | None = None


def niet_verwijtbaar_door_onderwijs(
    onderwijs: Iterable[Onderwijsperiode], *, termijn: Termijn, peildatum: date
) -> Resultaat[bool]:
    """R43: volgde de persoon tijdens de termijn niet-vrijstellend onderwijs dat telt?

    ``waarde`` is ``True`` als daardoor géén verwijt kan worden gemaakt.
    """
    if peildatum < NIET_VRIJSTELLEND_ONDERWIJS_VANAF:
        return Resultaat(
            False,
            R43,
            "Deze regel geldt pas vanaf 01-01-2023.",
            "This rule applies only from 01-01-2023.",
        )
    for periode in onderwijs:
        einde = periode.einde or peildatum
        overlapt = periode.begin <= termijn.laatste_dag and einde >= termijn.start
        if periode.soort in NIET_VRIJSTELLEND_ONDERWIJS_TELT and overlapt:
            return Resultaat(
                True,
                R43,
                f"De persoon volgde tijdens de termijn {periode.soort.label.lower()} (vanaf "
                f"{datum_nl(periode.begin)}): niet verwijtbaar.",
                f"The person followed {periode.soort.value} during the term (from "
                f"{datum_nl(periode.begin)}): not culpable.",
            )
    return Resultaat(
        False,
        R43,
        "Er is geen niet-vrijstellend onderwijs tijdens de termijn bekend dat telt.",
        "No qualifying non-exempting education during the term is known.",
    )


def examen_zonder_resultaat(
    *,
    examendatum: date,
    afmelddatum: date | None = None,
    ziek_tijdens_examen: bool = False,
    overmacht_duo: bool = False,
) -> Resultaat[RedenGeenResultaat]:
    """R44: is een examen zonder resultaat verwijtbaar? ``afmelddatum`` None = niet afgemeld."""
    if ziek_tijdens_examen or overmacht_duo:
        reden = "ziekte tijdens het examen" if ziek_tijdens_examen else "overmacht bij DUO"
        return Resultaat(
            RedenGeenResultaat.NIETVERWIJTBAAR,
            R44,
            f"Geen resultaat door {reden}: niet verwijtbaar.",
            "No result due to illness or force majeure: not culpable.",
        )
    if afmelddatum is not None:
        dagen = (examendatum - afmelddatum).days
        if dagen >= EXAMEN_AFMELDEN_MIN_DAGEN:
            return Resultaat(
                RedenGeenResultaat.NIETVERWIJTBAAR,
                R44,
                f"Afgemeld {dagen} dagen vóór het examen (minstens 14): niet verwijtbaar.",
                f"Cancelled {dagen} days before the exam (at least 14): not culpable.",
            )
        return Resultaat(
            RedenGeenResultaat.VERWIJTBAAR,
            R44,
            f"Afgemeld {dagen} dagen vóór het examen (minder dan 14): verwijtbaar.",
            f"Cancelled {dagen} days before the exam (fewer than 14): culpable.",
        )
    return Resultaat(
        RedenGeenResultaat.VERWIJTBAAR,
        R44,
        "Niet afgemeld en niet verschenen: verwijtbaar.",
        "Not cancelled and absent: culpable.",
    )
