"""Het PIP: verplichte inhoud en DUO's acceptatieregels (R11–R19, R22, R24, R25, R29, R57).

Gebruik :func:`toets_pip` voor een volledig oordeel (alle regels samen); de losse ``toets_*``
functies zijn er voor formulieren die één deel tonen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .base import Uitkomst, datum_nl, definieer_regel
from .codes import Alfabetisering, Doelgroep, LeerbaarheidstoetsResultaat, Leerroute, Niveau
from .leerroutes import map_verplicht
from .termijnen import R23, toets_schakelen

#: Grenzen van DUO-veld ``geschatteIntensiteitB1Route`` (PIP API).
INTENSITEIT_MIN = 1
INTENSITEIT_MAX = 9999

R11 = definieer_regel(
    id="R11",
    titel="PIP niet vóór de start van de plicht",
    titel_en="PIP not before the start of the duty",
    bron="DUO PIP API (acceptatieregels)",
    tekst="De dagtekening van het PIP ligt niet vóór de begindatum van de inburgeringsplicht.",
    tekst_en="The PIP may not be dated before the start date of the integration duty.",
    onderwerp="pip",
    zekerheid="H",
)
R12 = definieer_regel(
    id="R12",
    titel="PIP niet vóór vestiging in de gemeente",
    titel_en="PIP not before settling in the municipality",
    bron="DUO PIP API (acceptatieregels)",
    tekst="""De dagtekening van het PIP mag niet vóór de datum liggen waarop de persoon zich in
    deze gemeente vestigde.""",
    tekst_en="The PIP may not be dated before the person settled in this municipality.",
    onderwerp="pip",
    zekerheid="H",
)
R13 = definieer_regel(
    id="R13",
    titel="Gewijzigd PIP niet vóór eerdere PIP's",
    titel_en="Changed PIP not dated before earlier PIPs",
    bron="DUO PIP API (acceptatieregels)",
    tekst="""Een gewijzigd PIP mag niet eerder gedagtekend zijn dan het eerste PIP of het huidige
    PIP.""",
    tekst_en="A changed PIP may not be dated before the initial PIP or the current PIP.",
    onderwerp="pip",
    zekerheid="H",
)
R14 = definieer_regel(
    id="R14",
    titel="Geen niveau A2 in de onderwijsroute",
    titel_en="No level A2 in the education route",
    bron="DUO PIP API (NiveauPip)",
    tekst="In de onderwijsroute is niveau A2 niet toegestaan.",
    tekst_en="Level A2 is not allowed in the education route.",
    onderwerp="pip",
    zekerheid="H",
)
R15 = definieer_regel(
    id="R15",
    titel="Geen niveau B1 in de Z-route",
    titel_en="No level B1 in the Z-route",
    bron="DUO PIP API (NiveauPip)",
    tekst="In de zelfredzaamheidsroute (Z-route) is niveau B1 niet toegestaan.",
    tekst_en="Level B1 is not allowed in the self-reliance route (Z-route).",
    onderwerp="pip",
    zekerheid="H",
)
R16 = definieer_regel(
    id="R16",
    titel="Eerste PIP in de B1-route nooit op A2",
    titel_en="First PIP in the B1 route never at A2",
    bron="DUO PIP API; Bi2021 art. 5.5",
    tekst="""Het allereerste PIP (in welke gemeente ook) met de B1-route heeft niveau B1. Niveau A2
    kan pas later, na afschalen.""",
    tekst_en="""The very first PIP (in any municipality) with the B1 route has level B1. Level A2
    is only possible later, after lowering the level.""",
    onderwerp="pip",
    zekerheid="H",
)
R17 = definieer_regel(
    id="R17",
    titel="Geen niveau ingevuld: B1",
    titel_en="No level given: B1",
    bron="DUO PIP API",
    tekst="""Is bij de B1-route of de onderwijsroute geen niveau ingevuld, dan geldt niveau B1. Bij
    de Z-route blijft het niveau leeg.""",
    tekst_en="""If no level is given for the B1 route or the education route, level B1 applies.
    For the Z-route the level stays empty.""",
    onderwerp="pip",
    zekerheid="H",
)
R18 = definieer_regel(
    id="R18",
    titel="Geschatte intensiteit alleen bij B1-route en asiel",
    titel_en="Estimated intensity only for B1 route and asylum",
    bron="DUO PIP API (geschatteIntensiteitB1Route)",
    tekst="""Een geschat aantal uren voor de B1-route mag alleen bij een asielstatushouder in de
    B1-route, en moet tussen 1 en 9999 uur liggen.""",
    tekst_en="""An estimated number of hours for the B1 route is only allowed for an asylum permit
    holder in the B1 route, and must be between 1 and 9999.""",
    onderwerp="pip",
    zekerheid="H",
)
R19 = definieer_regel(
    id="R19",
    titel="PIP verwijderen alleen zonder termijn en uren",
    titel_en="Delete a PIP only without term and hours",
    bron="DUO PIP API (DELETE)",
    tekst="""Een PIP kan bij DUO alleen worden verwijderd zolang de inburgeringstermijn nog niet is
    vastgesteld en er nog geen cursusuren zijn geregistreerd.""",
    tekst_en="""A PIP can be deleted at DUO only while the integration term has not been set and no
    course hours have been registered.""",
    onderwerp="pip",
    zekerheid="H",
)
R22 = definieer_regel(
    id="R22",
    titel="Na verhuizing dezelfde leerroute",
    titel_en="Same learning route after moving",
    bron="Wi2021 art. 17",
    tekst="""Verhuist de persoon naar een andere gemeente, dan stelt de nieuwe gemeente een nieuw
    PIP vast, maar de leerroute blijft dezelfde. Een andere route kan alleen met een
    schakelbesluit (binnen 18 maanden, R20).""",
    tekst_en="""When the person moves, the new municipality sets a new PIP but keeps the learning
    route. Another route requires a decision to switch (within 18 months, R20).""",
    onderwerp="pip",
    zekerheid="H",
)
R24 = definieer_regel(
    id="R24",
    titel="Verplichte inhoud van het PIP",
    titel_en="Required content of the PIP",
    bron="Wi2021 art. 15; Bi2021 art. 5.3",
    tekst="""Het PIP bevat de leerroute, de begeleiding en ondersteuning door de gemeente, de inhoud
    en intensiteit van het participatieverklaringstraject (PVT) en van de Module Arbeidsmarkt en
    Participatie (MAP), en hoe de voortgang wordt gevolgd.""",
    tekst_en="""The PIP contains the learning route, the municipality's guidance and support, the
    content and intensity of the participation statement course (PVT) and of the labour market
    module (MAP), and how progress is monitored.""",
    onderwerp="pip",
    zekerheid="H",
)
R25 = definieer_regel(
    id="R25",
    titel="Geen MAP in de onderwijsroute",
    titel_en="No MAP in the education route",
    bron="Wi2021 art. 6 lid 1 onder b; Divosa (NT2.nl, MAP)",
    tekst="""In de onderwijsroute hoort geen MAP; die is vervangen door studie- en
    loopbaanbegeleiding. Het PIP bevat daar dus geen MAP-onderdeel.""",
    tekst_en="""The education route has no MAP; study and career guidance replace it. The PIP has
    no MAP section there.""",
    onderwerp="pip",
    zekerheid="H",
)
R29 = definieer_regel(
    id="R29",
    titel="Afwijken van de leerbaarheidstoets: motiveren",
    titel_en="Deviating from the learnability test: give reasons",
    bron="Wi2021 art. 14 lid 3; Divosa Handreiking brede intake; ABRvS 24-12-2024",
    tekst="""De uitslag van de leerbaarheidstoets is een indicatie. Kiest de gemeente een andere
    leerroute dan de uitslag aangeeft, dan schrijft zij in het PIP waarom.""",
    tekst_en="""The learnability test result is an indication. If the municipality chooses a route
    other than the result suggests, it states its reasons in the PIP.""",
    onderwerp="pip",
    zekerheid="H",
)
R57 = definieer_regel(
    id="R57",
    titel="PIP niet in de toekomst gedagtekend",
    titel_en="PIP not dated in the future",
    bron="Wi2021 art. 11 lid 2 en art. 15; Awb art. 3:40",
    tekst="""De dagtekening van het PIP ligt niet na vandaag. Van de dagtekening hangt de start
    van de inburgeringstermijn af; een besluit kan niet vooruit gedagtekend worden.""",
    tekst_en="""The PIP is not dated after today. The start of the integration term depends on the
    date; a decision cannot be dated ahead.""",
    onderwerp="pip",
    zekerheid="M",
)


@dataclass(frozen=True)
class Pip:
    """De gegevens van een (concept-)PIP."""

    dagtekening: date
    leerroute: Leerroute
    niveau: Niveau | None = None
    geschatte_intensiteit_b1_route: int | None = None
    indicator_mag_opleiding_afmaken: bool = False
    alfabetisering: Alfabetisering = Alfabetisering.NVT
    begeleiding: str = ""
    pvt_inhoud: str = ""
    pvt_intensiteit: str = ""
    map_inhoud: str = ""
    map_intensiteit: str = ""
    voortgang: str = ""
    bezwaarclausule: bool = False
    motivering_leerroute: str = ""


@dataclass(frozen=True)
class PipContext:
    """Wat over de persoon en eerdere PIP's bekend is."""

    doelgroep: Doelgroep
    begindatum_plicht: date
    peildatum: date
    vestigingsdatum: date | None = None
    #: Heeft de persoon ooit (in welke gemeente ook) een PIP gehad?
    eerder_pip: bool = False
    initiele_pip_dagtekening: date | None = None
    huidige_pip_dagtekening: date | None = None
    #: Leerroute van het huidige (vorige) PIP, ook als dat van een andere gemeente is.
    huidige_leerroute: Leerroute | None = None
    #: Start van de inburgeringstermijn (voor schakelen, R20).
    termijn_start: date | None = None
    #: Is er een schakelbesluit genomen (routewissel bewust gekozen)?
    schakelbesluit: bool = False
    #: Komt de persoon uit een andere gemeente?
    verhuisd: bool = False
    lbt_resultaat: LeerbaarheidstoetsResultaat | None = None


def standaard_niveau(leerroute: Leerroute, niveau: Niveau | None) -> Niveau | None:
    """Het niveau zoals het bij DUO komt: leeg bij B1-route/onderwijsroute wordt B1 (R17)."""
    if niveau is None and leerroute in (Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE):
        return Niveau.B1
    return niveau


def toets_dagtekening(pip: Pip, ctx: PipContext) -> Uitkomst:
    """R11, R12, R13 en R57: dagtekening tegenover plicht, vestiging, eerdere PIP's en vandaag."""
    d = pip.dagtekening
    uitkomst = Uitkomst()
    if d < ctx.begindatum_plicht:
        uitkomst += Uitkomst.fout(
            R11,
            f"De dagtekening {datum_nl(d)} ligt vóór de start van de plicht "
            f"({datum_nl(ctx.begindatum_plicht)}).",
            f"The date {datum_nl(d)} is before the start of the duty "
            f"({datum_nl(ctx.begindatum_plicht)}).",
            veld="dagtekening",
        )
    if ctx.vestigingsdatum is not None and d < ctx.vestigingsdatum:
        uitkomst += Uitkomst.fout(
            R12,
            f"De dagtekening {datum_nl(d)} ligt vóór de vestiging in de gemeente "
            f"({datum_nl(ctx.vestigingsdatum)}).",
            f"The date {datum_nl(d)} is before the person settled in the municipality "
            f"({datum_nl(ctx.vestigingsdatum)}).",
            veld="dagtekening",
        )
    for soort, soort_en, eerder in (
        ("het eerste PIP", "the initial PIP", ctx.initiele_pip_dagtekening),
        ("het huidige PIP", "the current PIP", ctx.huidige_pip_dagtekening),
    ):
        if eerder is not None and d < eerder:
            uitkomst += Uitkomst.fout(
                R13,
                f"De dagtekening {datum_nl(d)} ligt vóór de dagtekening van {soort} "
                f"({datum_nl(eerder)}).",
                f"The date {datum_nl(d)} is before the date of {soort_en} ({datum_nl(eerder)}).",
                veld="dagtekening",
            )
    if d > ctx.peildatum:
        uitkomst += Uitkomst.fout(
            R57,
            f"De dagtekening {datum_nl(d)} ligt in de toekomst (vandaag is "
            f"{datum_nl(ctx.peildatum)}).",
            f"The date {datum_nl(d)} is in the future (today is {datum_nl(ctx.peildatum)}).",
            veld="dagtekening",
        )
    return uitkomst


def toets_niveau(pip: Pip, ctx: PipContext) -> Uitkomst:
    """R14, R15 en R16: past het niveau bij de leerroute?"""
    niveau = standaard_niveau(pip.leerroute, pip.niveau)
    if pip.leerroute is Leerroute.ONDERWIJSROUTE and niveau is Niveau.A2:
        return Uitkomst.fout(
            R14,
            "Niveau A2 kan niet in de onderwijsroute.",
            "Level A2 is not possible in the education route.",
            veld="niveau",
        )
    if pip.leerroute is Leerroute.Z_ROUTE and niveau is Niveau.B1:
        return Uitkomst.fout(
            R15,
            "Niveau B1 kan niet in de Z-route.",
            "Level B1 is not possible in the Z-route.",
            veld="niveau",
        )
    if pip.leerroute is Leerroute.B1_ROUTE and niveau is Niveau.A2 and not ctx.eerder_pip:
        return Uitkomst.fout(
            R16,
            "Dit is het eerste PIP van deze persoon: in de B1-route is het niveau dan B1. A2 kan "
            "pas na afschalen.",
            "This is the person's first PIP: in the B1 route the level is then B1. A2 is only "
            "possible after lowering the level.",
            veld="niveau",
        )
    return Uitkomst()


def toets_intensiteit(pip: Pip, ctx: PipContext) -> Uitkomst:
    """R18: geschatte intensiteit alleen bij B1-route + asielstatushouder, 1–9999 uur."""
    uren = pip.geschatte_intensiteit_b1_route
    if uren is None:
        return Uitkomst()
    uitkomst = Uitkomst()
    if pip.leerroute is not Leerroute.B1_ROUTE or ctx.doelgroep is not Doelgroep.ASIELSTATUSHOUDER:
        uitkomst += Uitkomst.fout(
            R18,
            "Een geschatte intensiteit mag alleen bij een asielstatushouder in de B1-route.",
            "An estimated intensity is only allowed for an asylum permit holder in the B1 route.",
            veld="geschatte_intensiteit_b1_route",
        )
    if not INTENSITEIT_MIN <= uren <= INTENSITEIT_MAX:
        uitkomst += Uitkomst.fout(
            R18,
            f"De geschatte intensiteit moet tussen 1 en 9999 uur liggen, niet {uren}.",
            f"The estimated intensity must be between 1 and 9999 hours, not {uren}.",
            veld="geschatte_intensiteit_b1_route",
        )
    return uitkomst


def toets_inhoud(pip: Pip) -> Uitkomst:
    """R24, R25 en R23 (bezwaarclausule): is het PIP inhoudelijk compleet?"""
    uitkomst = Uitkomst()
    verplicht = [
        ("begeleiding", "de begeleiding en ondersteuning", "guidance and support"),
        ("pvt_inhoud", "de inhoud van het PVT", "the PVT content"),
        ("pvt_intensiteit", "de intensiteit van het PVT", "the PVT intensity"),
        ("voortgang", "hoe de voortgang wordt gevolgd", "how progress is monitored"),
    ]
    if map_verplicht(pip.leerroute):
        verplicht += [
            ("map_inhoud", "de inhoud van de MAP", "the MAP content"),
            ("map_intensiteit", "de intensiteit van de MAP", "the MAP intensity"),
        ]
    elif pip.map_inhoud.strip() or pip.map_intensiteit.strip():
        uitkomst += Uitkomst.fout(
            R25,
            "De onderwijsroute heeft geen MAP; laat het MAP-onderdeel leeg.",
            "The education route has no MAP; leave the MAP section empty.",
            veld="map_inhoud",
        )
    for veld, wat, wat_en in verplicht:
        if not str(getattr(pip, veld)).strip():
            uitkomst += Uitkomst.fout(
                R24,
                f"In het PIP ontbreekt {wat}.",
                f"The PIP lacks {wat_en}.",
                veld=veld,
            )
    if not pip.bezwaarclausule:
        uitkomst += Uitkomst.fout(
            R23,
            "Het PIP is een besluit: zet erin dat de persoon binnen 6 weken bezwaar kan maken.",
            "The PIP is a decision: state that the person can object within 6 weeks.",
            veld="bezwaarclausule",
        )
    return uitkomst


def wijkt_af_van_lbt(resultaat: LeerbaarheidstoetsResultaat | None, leerroute: Leerroute) -> bool:
    """Wijkt de gekozen leerroute af van de uitslag van de leerbaarheidstoets (R29)?

    "Haalbaar" past bij de routes op B1-niveau (B1-route, onderwijsroute); "niet haalbaar" bij de
    Z-route. "Onbekend" of geen uitslag is nooit een afwijking.
    """
    if resultaat is LeerbaarheidstoetsResultaat.NIET_HAALBAAR:
        return leerroute is not Leerroute.Z_ROUTE
    if resultaat is LeerbaarheidstoetsResultaat.HAALBAAR:
        return leerroute is Leerroute.Z_ROUTE
    return False


def toets_leerroute(pip: Pip, ctx: PipContext) -> Uitkomst:
    """R22 en R20 (routewissel) en R29 (afwijken van de leerbaarheidstoets)."""
    uitkomst = Uitkomst()
    vorige = ctx.huidige_leerroute
    if vorige is not None and pip.leerroute != vorige:
        if ctx.verhuisd and not ctx.schakelbesluit:
            uitkomst += Uitkomst.fout(
                R22,
                f"Na een verhuizing blijft de leerroute gelijk ({vorige.label}). Een andere route "
                "kan alleen met een schakelbesluit.",
                f"After a move the learning route stays the same ({vorige}). Another route "
                "requires a decision to switch.",
                veld="leerroute",
            )
        uitkomst += toets_schakelen(
            termijn_start=ctx.termijn_start,
            besluitdatum=pip.dagtekening,
            van_route=vorige,
            naar_route=pip.leerroute,
        )
    if wijkt_af_van_lbt(ctx.lbt_resultaat, pip.leerroute) and not pip.motivering_leerroute.strip():
        uitkomst += Uitkomst.fout(
            R29,
            f"De leerbaarheidstoets gaf '{ctx.lbt_resultaat}', maar de gekozen route is de "
            f"{pip.leerroute.label}. Schrijf op waarom.",
            f"The learnability test gave '{ctx.lbt_resultaat}', but the chosen route is "
            f"{pip.leerroute}. State the reasons.",
            veld="motivering_leerroute",
        )
    return uitkomst


def toets_pip(pip: Pip, ctx: PipContext) -> Uitkomst:
    """Alle PIP-regels samen; geeft alle schendingen terug."""
    return Uitkomst.samen(
        toets_dagtekening(pip, ctx),
        toets_niveau(pip, ctx),
        toets_intensiteit(pip, ctx),
        toets_inhoud(pip),
        toets_leerroute(pip, ctx),
    )


def toets_verwijderen(*, termijn_vastgesteld: bool, cursusuren_geregistreerd: bool) -> Uitkomst:
    """R19: mag het PIP bij DUO worden verwijderd?"""
    uitkomst = Uitkomst()
    if termijn_vastgesteld:
        uitkomst += Uitkomst.fout(
            R19,
            "Het PIP kan niet meer worden verwijderd: de inburgeringstermijn is al vastgesteld.",
            "The PIP can no longer be deleted: the integration term has been set.",
        )
    if cursusuren_geregistreerd:
        uitkomst += Uitkomst.fout(
            R19,
            "Het PIP kan niet meer worden verwijderd: er zijn al cursusuren geregistreerd.",
            "The PIP can no longer be deleted: course hours have been registered.",
        )
    return uitkomst


R66 = definieer_regel(
    id="R66",
    titel="Voortgangsgesprekken: geen vaste frequentie",
    titel_en="Progress interviews: no fixed frequency",
    bron="Wi2021 art. 15; Bi2021 art. 5.3; NT2.nl Het PIP",
    tekst="""Hoe de gemeente de voortgang volgt, staat in het PIP (R24). Een wettelijk minimum
    aantal voortgangsgesprekken is er niet.""",
    tekst_en="""How the municipality monitors progress is set in the PIP (R24). There is no
    statutory minimum number of progress interviews.""",
    onderwerp="pip",
    zekerheid="L",
    afgewezen="""Geen landelijke frequentie gevonden (open vraag 8). De methode in het PIP is
    verplicht (R24); de frequentie is beleid van de gemeente, geen regel om te controleren.""",
    afgewezen_en=(
        "No national frequency found (open question 8). The method in the PIP is "
        "mandatory (R24); the frequency is the gemeente's policy, not a rule to check."
    ),
)
