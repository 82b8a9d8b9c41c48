"""Het inburgeringsaanbod voor asielstatushouders (R36–R38, R54, R55)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from .base import Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel
from .codes import Alfabetisering, Doelgroep, Leerroute
from .kalender import plus_maanden

#: Start van het aanbod: verklaring voor verlenging nodig als het niet binnen zoveel maanden na
#: het PIP start (Stimulansz; [M]).
AANBOD_START_MAANDEN = 3
AANBOD_START_MAANDEN_ONDERWIJSROUTE = 6

R36 = definieer_regel(
    id="R36",
    titel="Aanbod alleen voor asielstatushouders met een PIP",
    titel_en="Offer only for asylum permit holders with a PIP",
    bron="Wi2021 art. 16; DUO Inburgeringsaanbod API",
    tekst="""De gemeente biedt een inburgeringsaanbod (cursussen) alleen aan asielstatushouders. Er
    moet eerst een PIP zijn.""",
    tekst_en="""The municipality provides a course offer only to asylum permit holders, and only
    after a PIP exists.""",
    onderwerp="aanbod",
    zekerheid="H",
)
R37 = definieer_regel(
    id="R37",
    titel="Aanbieder met keurmerk",
    titel_en="Provider with a quality mark",
    bron="DUO Inburgeringsaanbod API; Blik op Werk Keurmerk Inburgeren",
    tekst="""De cursusinstelling moet het keurmerk van Blik op Werk hebben. Voor de onderwijsroute
    moet zij erkend zijn voor het taalschakeltraject (TST).""",
    tekst_en="""The course provider must hold the Blik op Werk quality mark; for the education
    route it must be recognised for the bridging programme (TST).""",
    onderwerp="aanbod",
    zekerheid="H",
)
R38 = definieer_regel(
    id="R38",
    titel="Datums van het aanbod; één per instelling",
    titel_en="Offer dates; one per provider",
    bron="DUO Inburgeringsaanbod API (acceptatieregels)",
    tekst="""De datums van het aanbod liggen niet vóór de dagtekening van het huidige PIP en vallen
    binnen de inburgeringstermijn. De opleiding start niet vóór de inschrijving en eindigt na de
    start. Per instelling is er één aanbod: een nieuwe levering vervangt de oude.""",
    tekst_en="""Offer dates are not before the current PIP's date and fall within the integration
    term. The course does not start before enrolment and ends after it starts. One offer per
    provider: a new delivery replaces the old one.""",
    onderwerp="aanbod",
    zekerheid="H",
)
R54 = definieer_regel(
    id="R54",
    titel="Geen leerroute of aanbod zonder PIP",
    titel_en="No learning route or offer without a PIP",
    bron="Wi2021 art. 11 lid 2; DUO Inburgeringsaanbod API; DUO SS132 (gepland)",
    tekst="""Zonder PIP is er geen leerroute en geen aanbod. Komt er een cursuscontract binnen vóór
    er een PIP is (DUO-signaal SS132), dan volgt een taak "PIP ontbreekt". Taal- en KNM-uren tijdens
    de brede intake tellen niet mee bij de uren van de leerroute.""",
    tekst_en="""Without a PIP there is no learning route and no offer. A course contract before
    any PIP (DUO signal SS132) creates a task "PIP missing". Language and KNM hours during the
    broad intake do not count towards the route hours.""",
    onderwerp="aanbod",
    zekerheid="H",
)
R55 = definieer_regel(
    id="R55",
    titel="Aanbod niet op tijd gestart: verklaring",
    titel_en="Offer not started in time: statement",
    bron="Bi2021 art. 4.3 (niet verwijtbaar); Stimulansz, Verlenging van de inburgeringstermijn",
    tekst="""Is het aanbod van de gemeente niet binnen 3 maanden na het PIP gestart (6 maanden bij
    de onderwijsroute), dan kan de asielstatushouder verlenging krijgen. Hij heeft daarvoor een
    verklaring van de gemeente nodig. De startdatum van de cursus telt, niet de inschrijving.""",
    tekst_en="""If the municipality's offer has not started within 3 months after the PIP (6 months
    for the education route), the asylum permit holder can get an extension and needs a statement
    from the municipality. The course start date counts, not the enrolment.""",
    onderwerp="aanbod",
    zekerheid="M",
    aanname=(
        "3 maanden, en 6 maanden in de onderwijsroute (de start van het "
        "inburgeringsaanbod), gerekend vanaf de dagtekening van het PIP; de laatste dag "
        "is dagtekening + 3 (of 6) maanden. Geen verschuiving door de Atw."
    ),
    aanname_en=(
        "3 months, and 6 months in the education route (the start of the integration "
        "offer), counted from the date of the PIP; the last day is that date + 3 (or 6) "
        "months. No shift by the Atw."
    ),
)


@dataclass(frozen=True)
class Instelling:
    instellingsnummer: str
    keurmerk_bow: bool = False
    keurmerk_tst: bool = False


@dataclass(frozen=True)
class Aanbod:
    instelling: Instelling
    #: ``datumInburgeringsaanbod``: inschrijfdatum (voor B1- en Z-route ook de start van de les).
    datum_inburgeringsaanbod: date | None
    verwachte_startdatum: date | None = None
    #: Exclusief, zoals DUO ``verwachteEinddatumOpleiding``.
    verwachte_einddatum: date | None = None
    alfabetisering: Alfabetisering = Alfabetisering.NVT


def toets_aanbod(
    aanbod: Aanbod,
    *,
    doelgroep: Doelgroep,
    leerroute: Leerroute | None,
    huidige_pip_dagtekening: date | None,
    termijn: Termijn | None,
) -> Uitkomst:
    """R36, R37, R38 en R54: mag dit aanbod naar DUO?"""
    uitkomst = Uitkomst()
    if doelgroep is not Doelgroep.ASIELSTATUSHOUDER:
        uitkomst += Uitkomst.fout(
            R36,
            "Een inburgeringsaanbod kan alleen voor een asielstatushouder.",
            "A course offer is only possible for an asylum permit holder.",
            veld="doelgroep",
        )
    if huidige_pip_dagtekening is None or leerroute is None:
        uitkomst += Uitkomst.fout(
            R54,
            "Er is nog geen PIP: registreer eerst het PIP, dan pas het aanbod.",
            "There is no PIP yet: register the PIP first, then the offer.",
            veld="pip",
        )
    elif leerroute is Leerroute.ONDERWIJSROUTE and not aanbod.instelling.keurmerk_tst:
        uitkomst += Uitkomst.fout(
            R37,
            "Voor de onderwijsroute moet de instelling erkend zijn voor het taalschakeltraject.",
            "For the education route the provider must be recognised for the bridging programme.",
            veld="instelling",
        )
    elif leerroute is not Leerroute.ONDERWIJSROUTE and not aanbod.instelling.keurmerk_bow:
        uitkomst += Uitkomst.fout(
            R37,
            "De instelling heeft geen keurmerk van Blik op Werk.",
            "The provider does not hold the Blik op Werk quality mark.",
            veld="instelling",
        )
    datums = [
        ("datum_inburgeringsaanbod", aanbod.datum_inburgeringsaanbod),
        ("verwachte_startdatum", aanbod.verwachte_startdatum),
    ]
    for veld, dag in datums:
        if dag is None:
            continue
        if huidige_pip_dagtekening is not None and dag < huidige_pip_dagtekening:
            uitkomst += Uitkomst.fout(
                R38,
                f"De datum {datum_nl(dag)} ligt vóór de dagtekening van het huidige PIP "
                f"({datum_nl(huidige_pip_dagtekening)}).",
                f"The date {datum_nl(dag)} is before the current PIP's date "
                f"({datum_nl(huidige_pip_dagtekening)}).",
                veld=veld,
            )
        if termijn is not None and not termijn.bevat(dag):
            uitkomst += Uitkomst.fout(
                R38,
                f"De datum {datum_nl(dag)} valt buiten de inburgeringstermijn "
                f"({datum_nl(termijn.start)} tot en met {datum_nl(termijn.laatste_dag)}).",
                f"The date {datum_nl(dag)} is outside the integration term "
                f"({datum_nl(termijn.start)} to {datum_nl(termijn.laatste_dag)}).",
                veld=veld,
            )
    inschrijving, start = aanbod.datum_inburgeringsaanbod, aanbod.verwachte_startdatum
    if inschrijving is not None and start is not None and start < inschrijving:
        uitkomst += Uitkomst.fout(
            R38,
            f"De opleiding kan niet starten ({datum_nl(start)}) vóór de inschrijving "
            f"({datum_nl(inschrijving)}).",
            f"The course cannot start ({datum_nl(start)}) before enrolment "
            f"({datum_nl(inschrijving)}).",
            veld="verwachte_startdatum",
        )
    einde = aanbod.verwachte_einddatum
    if start is not None and einde is not None and einde <= start:
        uitkomst += Uitkomst.fout(
            R38,
            f"De verwachte einddatum ({datum_nl(einde)}) ligt niet na de start "
            f"({datum_nl(start)}).",
            f"The expected end date ({datum_nl(einde)}) is not after the start "
            f"({datum_nl(start)}).",
            veld="verwachte_einddatum",
        )
    return uitkomst


def registreer_aanbod(bestaand: Mapping[str, Aanbod], nieuw: Aanbod) -> dict[str, Aanbod]:
    """R38: één aanbod per instelling; een nieuwe levering vervangt het oude aanbod."""
    resultaat = dict(bestaand)
    resultaat[nieuw.instelling.instellingsnummer] = nieuw
    return resultaat


def aanbod_starttermijn(pip_dagtekening: date, leerroute: Leerroute) -> Termijn:
    """R55: tot wanneer het aanbod moet zijn gestart (laatste dag inclusief)."""
    maanden = (
        AANBOD_START_MAANDEN_ONDERWIJSROUTE
        if leerroute is Leerroute.ONDERWIJSROUTE
        else AANBOD_START_MAANDEN
    )
    einde = plus_maanden(pip_dagtekening, maanden)
    return Termijn(
        start=pip_dagtekening + timedelta(days=1),
        einde=einde,
        einde_inclusief=True,
        regel=R55,
        uitleg=f"Het aanbod moet uiterlijk {datum_nl(einde)} starten: {maanden} maanden na het PIP "
        f"van {datum_nl(pip_dagtekening)}.",
        uitleg_en=f"The offer must start by {datum_nl(einde)}: {maanden} months after the PIP of "
        f"{datum_nl(pip_dagtekening)}.",
    )


def verklaring_aanbod_nodig(
    *,
    doelgroep: Doelgroep,
    pip_dagtekening: date,
    leerroute: Leerroute,
    cursus_startdatum: date | None,
    peildatum: date,
) -> Resultaat[bool]:
    """R55: moet de gemeente een verklaring maken dat het aanbod te laat startte?

    ``cursus_startdatum`` is de (verwachte) startdatum van de cursus, niet de inschrijving.
    """
    if doelgroep is not Doelgroep.ASIELSTATUSHOUDER:
        return Resultaat(
            False,
            R55,
            "Alleen voor asielstatushouders: de gemeente biedt geen aanbod aan anderen.",
            "Only for asylum permit holders: the municipality offers no courses to others.",
        )
    termijn = aanbod_starttermijn(pip_dagtekening, leerroute)
    if cursus_startdatum is not None and cursus_startdatum <= termijn.laatste_dag:
        return Resultaat(
            False,
            R55,
            f"De cursus start op {datum_nl(cursus_startdatum)}, op tijd. {termijn.uitleg}",
            f"The course starts on {datum_nl(cursus_startdatum)}, in time. {termijn.uitleg_en}",
        )
    if cursus_startdatum is None and not termijn.verstreken(peildatum):
        return Resultaat(
            False,
            R55,
            f"Nog geen startdatum, maar de termijn loopt nog. {termijn.uitleg}",
            f"No start date yet, but the term is still running. {termijn.uitleg_en}",
        )
    return Resultaat(
        True,
        R55,
        f"Het aanbod is niet op tijd gestart. {termijn.uitleg} Maak een verklaring voor de "
        "aanvraag van verlenging.",
        f"The offer did not start in time. {termijn.uitleg_en} Issue a statement for the "
        "extension request.",
    )


#: DUO's bovengrens voor een urentotaal (``GevolgdeUren`` API: ``uren`` 0–9999, heel getal).
DUO_UREN_MAXIMUM = 9999

R68 = definieer_regel(
    id="R68",
    titel="Gevolgde taaluren aan DUO: totaal over alle leerroutes",
    titel_en="Course hours to DUO: the total over all learning routes",
    bron="DUO Gevolgde Uren API (participatietaalles); Wi2021 art. 16; DUO README (uren)",
    tekst="""Aan DUO gaat het totaal aantal gevolgde uren taalles Nederlands en KNM bij een
    cursusinstelling in het kader van de leerroute, als heel getal van 0 tot en met 9999. Uren uit
    een eerdere leerroute tellen mee na schakelen; in de onderwijsroute tellen alle lesuren. Uren
    tijdens de brede intake tellen niet mee; die worden apart gemeld (R54).""",
    tekst_en="""DUO receives the total number of Dutch language and KNM course hours followed at a
    course provider for the learning route, as a whole number from 0 to 9999. Hours from an earlier
    route count after switching; in the education route all lesson hours count. Hours during the
    broad intake do not count; they are reported separately (R54).""",
    onderwerp="aanbod",
    zekerheid="M",
    aanname="""Gevolgde uren zijn de uren waarin de persoon aanwezig was (niet de aangeboden uren).
    Halve uren worden naar beneden afgerond: DUO vraagt een heel getal en wij melden niet meer
    dan er gevolgd is.""",
    aanname_en=(
        "Hours attended are the hours in which the person was present (not the hours "
        "offered). Half hours are rounded down: DUO asks for a whole number and we do not"
        " report more than was attended."
    ),
)


def gevolgde_taaluren_voor_duo(
    uren_per_leerroute: Mapping[str, float | int], *, uren_brede_intake: float | int = 0
) -> Resultaat[int]:
    """R68: het urentotaal voor DUO uit de gevolgde uren per leerroute (bij cursusinstellingen).

    ``uren_brede_intake`` wordt genoemd om te laten zien dat die niet meetellen (R54).
    """
    totaal = sum(max(float(u), 0.0) for u in uren_per_leerroute.values())
    geheel = min(int(totaal), DUO_UREN_MAXIMUM)
    routes = ", ".join(sorted(uren_per_leerroute)) or "geen"
    uitleg = (
        f"{geheel} uur: de gevolgde uren bij cursusinstellingen over alle leerroutes ({routes}), "
        "naar beneden afgerond"
        + (
            f"; de {uren_brede_intake} uur uit de brede intake tellen niet mee"
            if uren_brede_intake
            else ""
        )
        + "."
    )
    uitleg_en = (
        f"{geheel} hours: hours followed at course providers over all learning routes ({routes}), "
        "rounded down"
        + (
            f"; the {uren_brede_intake} hours from the broad intake do not count"
            if uren_brede_intake
            else ""
        )
        + "."
    )
    if totaal > DUO_UREN_MAXIMUM:
        uitleg += f" DUO neemt ten hoogste {DUO_UREN_MAXIMUM} uur aan."
        uitleg_en += f" DUO accepts at most {DUO_UREN_MAXIMUM} hours."
    return Resultaat(geheel, R68, uitleg, uitleg_en)
