"""Leerroutes, niveaus en uren: afschalen (R21), Z-route-uren (R41), examens in de Z-route (R59).

Wat de wet níet hard regelt (MAP-uren, leeftijd onderwijsroute) staat als afgewezen regel in de
catalogus (R60, R61), zodat duidelijk is waarom er geen controle op zit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from .base import Uitkomst, datum_nl, definieer_regel
from .codes import Examenniveau, Examenonderdeel, Leerroute, Niveau

#: Afschalen van B1 naar A2 kan pas na zoveel uur les bij een school met keurmerk (Bi2021 art. 5.5).
AFSCHAAL_MIN_UREN = 600

#: Deel van die uren dat fysiek (niet op afstand) moet zijn; uit DUO's handleiding via Blik op
#: Werk, niet uit de wet: [M].
AFSCHAAL_MIN_FYSIEK_AANDEEL = Fraction(1, 2)

#: Z-route: minimaal totaal aantal uren (Bi2021 art. 3.14).
ZROUTE_MIN_UREN = 1600

#: Z-route: waarvan minimaal zoveel uren taal (de "taalureneis", Rijksoverheid 2024).
ZROUTE_MIN_TAALUREN = 800

#: Vanaf deze datum mag iemand in de Z-route ook het KNM-examen doen (Bi2021 art. 3.14 lid 7,
#: Stb. 2022, 489).
ZROUTE_KNM_EXAMEN_VANAF = date(2023, 1, 1)

#: Richtlijn (geen wet) voor de leeftijd in de onderwijsroute; alleen ter informatie (R61).
ONDERWIJSROUTE_RICHTLEEFTIJD = 28

#: Praktijkdeel van de MAP volgens een samenvatting van het concept-besluit (2020); niet in het
#: definitieve Bi2021 gevonden, dus geen controle (R60).
MAP_PRAKTIJK_UREN_CONCEPT = 40

R21 = definieer_regel(
    id="R21",
    titel="Afschalen van B1 naar A2: voorwaarden",
    titel_en="Lowering from B1 to A2: conditions",
    bron="Wi2021 art. 17 lid 3; Bi2021 art. 5.5; DUO-handleiding (50% fysiek)",
    tekst="""In de B1-route kan de gemeente het niveau verlagen van B1 naar A2 (afschalen). Dat kan
    alleen als de persoon al minstens 600 uur les heeft gehad bij een school met keurmerk, waarvan
    minstens de helft fysiek in de les, als B1 binnen de termijn niet haalbaar is en als de persoon
    zich genoeg heeft ingespannen. Afschalen is aan geen termijn gebonden. In de onderwijsroute en
    de Z-route kan het niet.""",
    tekst_en="""In the B1 route the municipality can lower the level from B1 to A2. Only after at
    least 600 teaching hours at a certified school, at least half of them in class, when B1 is out
    of reach within the term and the person made a real effort. There is no time limit. Not
    possible in the education route or the Z-route.""",
    onderwerp="leerroutes",
    zekerheid="H",
    aanname=(
        "600 uur (het minimum aantal lesuren om af te schalen) staat in Bi2021 art. 5.5. "
        "Dat de helft fysiek moet zijn (het minimale aandeel lessen in de klas) komt uit "
        "DUO's handleiding: [M]."
    ),
    aanname_en=(
        "600 hours (the minimum number of lesson hours before scaling down) is in Bi2021 "
        "art. 5.5. That half must be in person (the minimum share of classroom lessons) "
        "comes from DUO's manual: [M]."
    ),
)

R41 = definieer_regel(
    id="R41",
    titel="Z-route afronden: 1600 uur, waarvan 800 uur taal",
    titel_en="Completing the Z-route: 1600 hours, 800 of them language",
    bron="Bi2021 art. 3.14; Rijksoverheid 26-04-2024; DUO Gevolgde uren",
    tekst="""De Z-route kan pas worden afgerond als de persoon minstens 1600 uur heeft gevolgd,
    waarvan minstens 800 uur taal. Uren aan participatie tijdens de brede intake en de
    maatschappelijke begeleiding tellen mee als participatie-uren.""",
    tekst_en="""The Z-route can be completed only after at least 1600 hours, at least 800 of them
    language. Participation hours during the broad intake and social guidance count as
    participation hours.""",
    onderwerp="leerroutes",
    zekerheid="H",
    aanname="""Of PVT- en MAP-uren binnen de 1600 uur tellen is niet bevestigd (open vraag 4); wij
    tellen alleen taal- en participatie-uren zoals aan DUO gemeld.""",
    aanname_en=(
        "Whether PVT and MAP hours count towards the 1600 hours is not confirmed (open "
        "question 4); we count only language and participation hours as reported to DUO."
    ),
)

R59 = definieer_regel(
    id="R59",
    titel="Examens in de Z-route: A2-taal, en KNM vanaf 2023",
    titel_en="Exams in the Z-route: A2 language, and KNM from 2023",
    bron="Bi2021 art. 3.3 onder a–d, art. 3.4 en art. 3.14 lid 7 (Stb. 2022, 489)",
    tekst="""In de Z-route is geen examen verplicht. De persoon mag wel taalexamens op niveau A2
    doen. Sinds 1 januari 2023 mag hij ook het KNM-examen doen, als de gemeente denkt dat hij dat
    kan.""",
    tekst_en="""No exam is required in the Z-route. The person may take language exams at level
    A2. Since 1 January 2023 he may also take the KNM exam if the municipality thinks he can.""",
    onderwerp="leerroutes",
    zekerheid="H",
)

R60 = definieer_regel(
    id="R60",
    titel="MAP: minimaal 40 uur praktijk (niet gecontroleerd)",
    titel_en="MAP: at least 40 practical hours (not checked)",
    bron="Divosa 2020 over het concept-Bi2021; DUO PIP API (intensiteit per PIP, Wi2021 art. 15)",
    tekst="""De inhoud en intensiteit van de MAP legt de gemeente per persoon vast in het PIP. Een
    wettelijk minimum aantal uren is niet gevonden.""",
    tekst_en="""The municipality sets the content and intensity of the MAP per person in the PIP.
    No statutory minimum number of hours was found.""",
    onderwerp="leerroutes",
    zekerheid="L",
    aanname=("De 40 uur praktijk in de MAP uit het concept-besluit staat alleen ter informatie."),
    aanname_en=(
        "The 40 practical hours in the MAP from the draft decree are for information only."
    ),
    afgewezen="""Het getal van 40 uur komt uit een samenvatting van het concept-besluit en staat
    niet in het definitieve Bi2021 (open vraag 18). De MAP-intensiteit is een gegeven van het PIP
    (R24), geen wettelijke ondergrens.""",
    afgewezen_en=(
        "The figure of 40 hours comes from a summary of the draft decree and is not in "
        "the final Bi2021 (open question 18). The MAP intensity is a fact of the PIP "
        "(R24), not a legal minimum."
    ),
)

R61 = definieer_regel(
    id="R61",
    titel="Onderwijsroute tot 28 jaar (niet gecontroleerd)",
    titel_en="Education route up to age 28 (not checked)",
    bron="Schulinck, De onderwijsroute (ontwerpfase)",
    tekst="""De onderwijsroute is bedoeld voor vooral jonge mensen (richtlijn: tot ongeveer 28
    jaar). Een wettelijke leeftijdsgrens is er niet.""",
    tekst_en="""The education route is meant mainly for young people (guideline: up to about 28).
    There is no statutory age limit.""",
    onderwerp="leerroutes",
    zekerheid="M",
    aanname=(
        "Een richtleeftijd van 28 jaar voor de onderwijsroute mag als hint in het scherm staan."
    ),
    aanname_en="A guide age of 28 for the education route may be shown as a hint on screen.",
    afgewezen="""Geen wettelijke grens: een leeftijdscontrole zou mensen onterecht uitsluiten.
    De keuze van de route moet zorgvuldig worden onderzocht en gemotiveerd (ABRvS 24-12-2024).""",
    afgewezen_en=(
        "No legal limit: an age check would wrongly exclude people. The choice of route "
        "must be carefully examined and justified (ABRvS 24-12-2024)."
    ),
)


@dataclass(frozen=True)
class Routekenmerken:
    leerroute: Leerroute
    #: Toegestane waarden van ``niveau`` in het PIP (leeg: geen niveau).
    pip_niveaus: frozenset[Niveau]
    map_verplicht: bool
    pvt_verplicht: bool
    knm_examen_verplicht: bool
    #: Moet de persoon in deze route examens halen? Niet in de Z-route (R59).
    examen_verplicht: bool
    afschalen_mogelijk: bool
    schakelen_mogelijk: bool


ROUTES: dict[Leerroute, Routekenmerken] = {
    Leerroute.B1_ROUTE: Routekenmerken(
        Leerroute.B1_ROUTE,
        pip_niveaus=frozenset({Niveau.A2, Niveau.B1}),
        map_verplicht=True,
        pvt_verplicht=True,
        knm_examen_verplicht=True,
        examen_verplicht=True,
        afschalen_mogelijk=True,
        schakelen_mogelijk=True,
    ),
    Leerroute.ONDERWIJSROUTE: Routekenmerken(
        Leerroute.ONDERWIJSROUTE,
        pip_niveaus=frozenset({Niveau.B1}),
        map_verplicht=False,
        pvt_verplicht=True,
        knm_examen_verplicht=True,
        examen_verplicht=True,
        afschalen_mogelijk=False,
        schakelen_mogelijk=True,
    ),
    Leerroute.Z_ROUTE: Routekenmerken(
        Leerroute.Z_ROUTE,
        pip_niveaus=frozenset(),
        map_verplicht=True,
        pvt_verplicht=True,
        knm_examen_verplicht=False,
        examen_verplicht=False,
        afschalen_mogelijk=False,
        schakelen_mogelijk=True,
    ),
}


def map_verplicht(leerroute: Leerroute) -> bool:
    """Hoort de MAP bij deze leerroute? Niet in de onderwijsroute (R25)."""
    return ROUTES[leerroute].map_verplicht


def toets_afschalen(
    *,
    leerroute: Leerroute,
    lesuren: int,
    lesuren_fysiek: int,
    b1_onhaalbaar_binnen_termijn: bool,
    voldoende_inspanning: bool,
) -> Uitkomst:
    """R21: mag het niveau van B1 naar A2? ``lesuren`` = uren bij een school met keurmerk."""
    uitkomst = Uitkomst()
    if not ROUTES[leerroute].afschalen_mogelijk:
        uitkomst += Uitkomst.fout(
            R21,
            f"Afschalen kan alleen in de B1-route, niet in de {leerroute.label}.",
            f"Lowering the level is only possible in the B1 route, not in route {leerroute}.",
            veld="leerroute",
        )
    if lesuren < AFSCHAAL_MIN_UREN:
        uitkomst += Uitkomst.fout(
            R21,
            f"Afschalen kan pas na {AFSCHAAL_MIN_UREN} uur les; de persoon heeft er {lesuren}.",
            f"Lowering requires {AFSCHAAL_MIN_UREN} teaching hours; the person has {lesuren}.",
            veld="lesuren",
        )
    if lesuren_fysiek < AFSCHAAL_MIN_FYSIEK_AANDEEL * lesuren:
        uitkomst += Uitkomst.fout(
            R21,
            f"Minstens de helft van de lesuren moet fysiek zijn: {lesuren_fysiek} van {lesuren} "
            "is te weinig.",
            f"At least half of the hours must be in class: {lesuren_fysiek} of {lesuren} is too "
            "few.",
            veld="lesuren_fysiek",
        )
    if not b1_onhaalbaar_binnen_termijn:
        uitkomst += Uitkomst.fout(
            R21,
            "Afschalen kan alleen als B1 binnen de termijn niet haalbaar is.",
            "Lowering is only possible when B1 is out of reach within the term.",
            veld="b1_onhaalbaar_binnen_termijn",
        )
    if not voldoende_inspanning:
        uitkomst += Uitkomst.fout(
            R21,
            "Afschalen kan alleen als de persoon zich voldoende heeft ingespannen.",
            "Lowering is only possible when the person made a sufficient effort.",
            veld="voldoende_inspanning",
        )
    return uitkomst


def toets_zroute_afronding(
    *, taaluren: int, participatieuren: int, participatieuren_brede_intake: int = 0
) -> Uitkomst:
    """R41: genoeg uren om de Z-route af te ronden?

    ``taaluren`` zijn de taal- en KNM-uren bij de aanbieder (zonder uren tijdens de brede intake,
    R54); ``participatieuren_brede_intake`` tellen als participatie-uren.
    """
    participatie = participatieuren + participatieuren_brede_intake
    totaal = taaluren + participatie
    uitkomst = Uitkomst()
    if taaluren < ZROUTE_MIN_TAALUREN:
        uitkomst += Uitkomst.fout(
            R41,
            f"Te weinig taaluren: {taaluren}, nodig is minstens {ZROUTE_MIN_TAALUREN}.",
            f"Too few language hours: {taaluren}, at least {ZROUTE_MIN_TAALUREN} needed.",
            veld="taaluren",
        )
    if totaal < ZROUTE_MIN_UREN:
        uitkomst += Uitkomst.fout(
            R41,
            f"Te weinig uren: {totaal} ({taaluren} taal + {participatie} participatie), nodig is "
            f"minstens {ZROUTE_MIN_UREN}.",
            f"Too few hours: {totaal} ({taaluren} language + {participatie} participation), at "
            f"least {ZROUTE_MIN_UREN} needed.",
            veld="participatieuren",
        )
    return uitkomst


def toets_examen_in_zroute(
    *,
    onderdeel: Examenonderdeel,
    niveau: Examenniveau | None,
    peildatum: date,
    gemeente_acht_haalbaar: bool,
) -> Uitkomst:
    """R59: mag iemand in de Z-route dit examen doen?"""
    if onderdeel is Examenonderdeel.KNM:
        uitkomst = Uitkomst()
        if peildatum < ZROUTE_KNM_EXAMEN_VANAF:
            uitkomst += Uitkomst.fout(
                R59,
                f"In de Z-route kan het KNM-examen pas vanaf {datum_nl(ZROUTE_KNM_EXAMEN_VANAF)}.",
                f"In the Z-route the KNM exam is possible only from "
                f"{datum_nl(ZROUTE_KNM_EXAMEN_VANAF)}.",
                veld="onderdeel",
            )
        if not gemeente_acht_haalbaar:
            uitkomst += Uitkomst.fout(
                R59,
                "Het KNM-examen in de Z-route kan alleen als de gemeente denkt dat de persoon het "
                "kan.",
                "The KNM exam in the Z-route is only possible if the municipality thinks the "
                "person can do it.",
                veld="gemeente_acht_haalbaar",
            )
        return uitkomst
    if niveau is not Examenniveau.A2:
        return Uitkomst.fout(
            R59,
            f"In de Z-route kunnen taalexamens alleen op niveau A2, niet op "
            f"{niveau or 'onbekend'}.",
            f"In the Z-route language exams are only possible at level A2, not {niveau}.",
            veld="niveau",
        )
    return Uitkomst()
