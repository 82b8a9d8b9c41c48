"""De brede intake en de leerbaarheidstoets (R26–R28, R52)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from .base import Regel, Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel, getal_nl
from .codes import LeerbaarheidstoetsResultaat

#: De cesuur van de leerbaarheidstoets veranderde op deze datum (Divosa; [M]).
LBT_CESUUR_WIJZIGINGSDATUM = date(2023, 4, 12)
#: Cesuur (goede antwoorden van 40) vóór en vanaf die datum.
LBT_CESUUR_OUD = Decimal(31)
LBT_CESUUR_NIEUW = Decimal(28)

#: Vanaf wanneer de vrijstelling van de LBT bij een visuele of auditieve beperking geldt
#: (Wi2021 art. 14 lid 6–7). Datum niet bevestigd (open vraag 20); aanname: de hele Wi2021-periode,
#: dus gunstig voor de persoon.
LBT_VRIJSTELLING_VANAF = date(2022, 1, 1)

#: De brede intake moet zoveel weken vóór de laatste dag van de PIP-termijn klaar zijn (R52).
#: Geen wettelijke termijn; instelbaar streefcijfer.
INTAKE_MARGE_WEKEN = 2

R26 = definieer_regel(
    id="R26",
    titel="Verplichte onderdelen van de brede intake",
    titel_en="Required parts of the broad intake",
    bron="Wi2021 art. 14; Divosa Handreiking brede intake",
    tekst="""De brede intake gaat in ieder geval over: de leerbaarheidstoets, de opleiding en het
    werk in het land van herkomst, en de persoonlijke omstandigheden, ook de lichamelijke en
    geestelijke gezondheid. Zonder die onderdelen kan de intake niet worden afgesloten.""",
    tekst_en="""The broad intake covers at least: the learnability test, education and work in the
    country of origin, and personal circumstances, including physical and mental health. The
    intake cannot be closed without them.""",
    onderwerp="intake",
    zekerheid="H",
)
R27 = definieer_regel(
    id="R27",
    titel="Leerbaarheidstoets verplicht, behalve bij een beperking",
    titel_en="Learnability test required, except with an impairment",
    bron="Wi2021 art. 14 lid 3, 6 en 7; DUO Leerbaarheidstoets API (DELETE examennummer)",
    tekst="""Iedereen doet de leerbaarheidstoets, behalve wie een visuele beperking heeft, en wie
    door een auditieve beperking de toets niet kan maken. Dan meldt de gemeente aan DUO dat de
    toets niet wordt gedaan (examennummer verwijderen).""",
    tekst_en="""Everyone takes the learnability test, except people with a visual impairment and
    people who cannot take it because of a hearing impairment. The municipality then tells DUO
    (delete the exam number).""",
    onderwerp="intake",
    zekerheid="H",
    aanname=(
        "De ingangsdatum van lid 6–7 is niet bevestigd; als begin van de vrijstelling van"
        " de leerbaarheidstoets nemen we 01-01-2022 (de hele Wi2021-periode)."
    ),
    aanname_en=(
        "The commencement date of paragraphs 6–7 is not confirmed; we take 01-01-2022 as "
        "the start of the exemption from the learnability test (the whole Wi2021 period)."
    ),
)
R28 = definieer_regel(
    id="R28",
    titel="Uitslag leerbaarheidstoets: DUO's benodigde score",
    titel_en="Learnability test result: DUO's required score",
    bron="DUO Leerbaarheidstoets API (benodigdeScore); Divosa maatregelen LBT",
    tekst="""De gemeente gebruikt de benodigde score die DUO bij elke uitslag meegeeft. Voor toetsen
    vanaf 12 april 2023 is dat 28 van de 40, daarvóór 31. Een toets van vóór die datum met een score
    van 28 tot 31 wordt opnieuw bekeken: met de nieuwe grens was de B1-route wel haalbaar.""",
    tekst_en="""The municipality uses the required score DUO sends with each result: 28 of 40 for
    tests from 12 April 2023, 31 before. A test from before that date scoring 28 to 31 is reviewed:
    under the new mark the B1 route would have been feasible.""",
    onderwerp="intake",
    zekerheid="M",
    aanname=(
        "Cesuur 31 → 28 op 12-04-2023 (de wijzigingsdatum van de cesuur, met de oude en "
        "de nieuwe cesuur) uit één bron; alleen gebruikt als DUO geen benodigde score "
        "meegeeft."
    ),
    aanname_en=(
        "Pass mark 31 → 28 on 12-04-2023 (the date the pass mark changed, with the old "
        "and the new pass mark) from one source; only used when DUO does not send the "
        "required score."
    ),
)
R52 = definieer_regel(
    id="R52",
    titel="Brede intake op tijd klaar voor het PIP",
    titel_en="Broad intake finished in time for the PIP",
    bron="Wi2021 art. 14; DUO SS139; Schulinck (PIP-termijn en proeflessen)",
    tekst="""Er is geen aparte wettelijke termijn voor de brede intake. Maar het PIP moet binnen 10
    weken klaar zijn, dus de intake (met de leerbaarheidstoets) moet eerder af zijn. Wij willen de
    intake 2 weken vóór het einde van de PIP-termijn gesloten hebben; anders volgt een
    waarschuwing.""",
    tekst_en="""There is no separate statutory term for the broad intake. The PIP must be set
    within 10 weeks, so the intake (with the test) must be finished earlier. We aim to close it 2
    weeks before the PIP term ends; otherwise a warning follows.""",
    onderwerp="intake",
    zekerheid="L",
    aanname="De marge van 2 weken voor de brede intake is een eigen streefcijfer, instelbaar.",
    aanname_en="The margin of 2 weeks for the broad intake is our own target, configurable.",
)


@dataclass(frozen=True)
class IntakeVerslag:
    leerbaarheidstoets_gedaan: bool = False
    onderwijs_herkomst: str = ""
    werkervaring_herkomst: str = ""
    persoonlijke_omstandigheden: str = ""
    gezondheid: str = ""
    visuele_beperking: bool = False
    auditieve_beperking_kan_toets_niet_maken: bool = False


def lbt_vrijgesteld(verslag: IntakeVerslag, peildatum: date) -> Resultaat[bool]:
    """R27: is de persoon vrijgesteld van de leerbaarheidstoets?"""
    beperking = verslag.visuele_beperking or verslag.auditieve_beperking_kan_toets_niet_maken
    if beperking and peildatum >= LBT_VRIJSTELLING_VANAF:
        soort = "visuele" if verslag.visuele_beperking else "auditieve"
        return Resultaat(
            True,
            R27,
            f"Vrijgesteld van de leerbaarheidstoets wegens een {soort} beperking; meld dit aan DUO "
            "(examennummer verwijderen).",
            "Released from the learnability test because of an impairment; tell DUO (delete the "
            "exam number).",
        )
    return Resultaat(
        False,
        R27,
        "De leerbaarheidstoets is verplicht.",
        "The learnability test is required.",
    )


def toets_intake_afsluiten(verslag: IntakeVerslag, peildatum: date) -> Uitkomst:
    """R26 en R27: kan de brede intake worden afgesloten?"""
    uitkomst = Uitkomst()
    if not verslag.leerbaarheidstoets_gedaan and not lbt_vrijgesteld(verslag, peildatum).waarde:
        uitkomst += Uitkomst.fout(
            R27,
            "De leerbaarheidstoets is nog niet gedaan en de persoon is er niet van vrijgesteld.",
            "The learnability test has not been taken and the person is not released from it.",
            veld="leerbaarheidstoets_gedaan",
        )
    onderdelen = (
        ("onderwijs_herkomst", "de opleiding in het land van herkomst", "education abroad"),
        ("werkervaring_herkomst", "de werkervaring in het land van herkomst", "work abroad"),
        ("persoonlijke_omstandigheden", "de persoonlijke omstandigheden", "personal circumstances"),
        ("gezondheid", "de gezondheid", "health"),
    )
    for veld, wat, wat_en in onderdelen:
        if not getattr(verslag, veld).strip():
            uitkomst += Uitkomst.fout(
                R26,
                f"In het verslag van de brede intake ontbreekt {wat}.",
                f"The broad intake report lacks {wat_en}.",
                veld=veld,
            )
    return uitkomst


def lbt_cesuur(datum_afname: date) -> Decimal:
    """R28: de cesuur die gold op ``datum_afname`` (alleen als DUO geen benodigde score geeft)."""
    return LBT_CESUUR_NIEUW if datum_afname >= LBT_CESUUR_WIJZIGINGSDATUM else LBT_CESUUR_OUD


def lees_score(score: str | Decimal | int | None) -> Decimal | None:
    """Lees een DUO-score zoals ``"28,00"``; ``None`` of onleesbaar geeft ``None``."""
    if score is None:
        return None
    if isinstance(score, Decimal | int):
        return Decimal(score)
    try:
        return Decimal(score.strip().replace(",", "."))
    except InvalidOperation:
        return None


@dataclass(frozen=True)
class LbtBeoordeling:
    haalbaar: bool | None
    benodigde_score: Decimal | None
    #: Uitslag van vóór de cesuurwijziging die met de nieuwe grens anders zou zijn.
    herbeoordelen: bool
    regel: Regel
    uitleg: str
    uitleg_en: str


def beoordeel_lbt(
    *,
    behaalde_score: str | Decimal | int | None,
    benodigde_score: str | Decimal | int | None,
    datum_afname: date,
    resultaat: LeerbaarheidstoetsResultaat | None = None,
) -> LbtBeoordeling:
    """R28: is de B1-route volgens de toets haalbaar, en moet de uitslag opnieuw bekeken worden?"""
    behaald = lees_score(behaalde_score)
    nodig = lees_score(benodigde_score)
    if nodig is None:
        nodig = lbt_cesuur(datum_afname)
        bron, bron_en = "de cesuur op de dag van de toets", "the pass mark on the test date"
    else:
        bron, bron_en = "DUO's benodigde score", "DUO's required score"
    if behaald is None:
        haalbaar = (
            None
            if resultaat in (None, LeerbaarheidstoetsResultaat.ONBEKEND)
            else resultaat is LeerbaarheidstoetsResultaat.HAALBAAR
        )
        return LbtBeoordeling(
            haalbaar,
            nodig,
            False,
            R28,
            "Geen score bekend; de uitslag van DUO geldt.",
            "No score known; DUO's outcome applies.",
        )
    haalbaar = behaald >= nodig
    herbeoordelen = (
        datum_afname < LBT_CESUUR_WIJZIGINGSDATUM and LBT_CESUUR_NIEUW <= behaald < LBT_CESUUR_OUD
    )
    # Dutch text, Dutch numbers (36,00), as the rest of the page shows them.
    uitleg = f"Score {getal_nl(behaald)} tegen {bron} {getal_nl(nodig)}: B1-route " + (
        "haalbaar." if haalbaar else "niet haalbaar."
    )
    uitleg_en = f"Score {behaald} against {bron_en} {nodig}: B1 route " + (
        "feasible." if haalbaar else "not feasible."
    )
    if herbeoordelen:
        uitleg += (
            f" Let op: de toets is van {datum_nl(datum_afname)}, vóór de nieuwe cesuur van "
            f"{getal_nl(LBT_CESUUR_NIEUW)}; bekijk de uitslag opnieuw."
        )
        uitleg_en += (
            f" Note: the test is from {datum_nl(datum_afname)}, before the new pass mark of "
            f"{LBT_CESUUR_NIEUW}; review the outcome."
        )
    return LbtBeoordeling(haalbaar, nodig, herbeoordelen, R28, uitleg, uitleg_en)


def intake_streefdatum(pip_termijn: Termijn) -> Resultaat[date]:
    """R52: uiterlijk wanneer de brede intake gesloten moet zijn."""
    dag = pip_termijn.laatste_dag - timedelta(weeks=INTAKE_MARGE_WEKEN)
    return Resultaat(
        dag,
        R52,
        f"Sluit de brede intake uiterlijk op {datum_nl(dag)}, {INTAKE_MARGE_WEKEN} weken vóór de "
        f"laatste dag van de PIP-termijn ({datum_nl(pip_termijn.laatste_dag)}).",
        f"Close the broad intake by {datum_nl(dag)}, {INTAKE_MARGE_WEKEN} weeks before the last "
        f"day of the PIP term ({datum_nl(pip_termijn.laatste_dag)}).",
    )


def toets_intake_op_schema(
    pip_termijn: Termijn, *, intake_gesloten: bool, peildatum: date
) -> Uitkomst:
    """R52: waarschuwing "PIP-termijn in gevaar" als de intake na de streefdatum nog open is."""
    streef = intake_streefdatum(pip_termijn)
    if intake_gesloten or peildatum <= streef.waarde:
        return Uitkomst()
    return Uitkomst.fout(
        R52,
        f"De PIP-termijn is in gevaar: de brede intake is nog open. {streef.uitleg}",
        f"The PIP term is at risk: the broad intake is still open. {streef.uitleg_en}",
        veld="intake",
    )
