"""Regels uit DUO's koppelvlak: gebeurtenissen (R45, R46), wie mag opvragen (R47),
contactpersonen (R48) en attentiesignalen (R71). Ook: wat een DUO-gebeurtenis betekent voor
klokken en taken, en tot wanneer een taak loopt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from .aanbod import R54, R55, aanbod_starttermijn
from .base import Regel, Termijn, Uitkomst, datum_nl, definieer_regel
from .codes import Gebeurtenis, Leerroute
from .kalender import plus_maanden
from .participatie import R43
from .termijnen import R9, R10

#: Een vorige gemeente mag nog zolang na het nieuwe PIP gegevens opvragen (DUO README).
INZAGE_VORIGE_GEMEENTE_MAANDEN = 1

#: Een attentiesignaal zonder wettelijke termijn: zoveel weken om het te beoordelen (R71, een
#: werkafspraak, geen wet).
ATTENTIESIGNAAL_WEKEN = 4

R45 = definieer_regel(
    id="R45",
    titel="Plicht voorbij: dossier sluiten, klokken stoppen",
    titel_en="Duty over: close the case, stop the clocks",
    bron="DUO Gebeurtenissen SS106, SS107, SS108, SS110, SS111",
    tekst="""Meldt DUO dat de plicht is voldaan (diploma, volledige vrijstelling of ontheffing), dat
    de plicht is vervallen of dat de persoon is overleden, dan sluit de gemeente het dossier en
    stoppen alle termijnen.""",
    tekst_en="""When DUO reports that the duty is met (diploma, full exemption or release), has
    ended or that the person died, the municipality closes the case and all terms stop.""",
    onderwerp="duo",
    zekerheid="H",
)
R46 = definieer_regel(
    id="R46",
    titel="Tijdelijke vrijstelling: pauze en herstart",
    titel_en="Temporary exemption: pause and restart",
    bron="DUO Gebeurtenissen SS109, SS129, SS130",
    tekst="""Een tijdelijke vrijstelling (SS109) zet de plicht op pauze. Wordt die ingetrokken en is
    er nog geen PIP (SS129), dan begint de termijn van 10 weken voor het PIP opnieuw. Is er al een
    PIP (SS130), dan gaat de persoon verder in dezelfde leerroute en haalt de gemeente de nieuwe
    termijn op.""",
    tekst_en="""A temporary exemption (SS109) pauses the duty. If withdrawn without a PIP (SS129),
    the 10-week PIP term restarts. With a PIP (SS130), the person continues on the same route and
    the municipality fetches the new term.""",
    onderwerp="duo",
    zekerheid="H",
)
R47 = definieer_regel(
    id="R47",
    titel="Gegevens opvragen alleen voor eigen inburgeraars",
    titel_en="Query data only for own persons",
    bron="DUO README (scope van het koppelvlak)",
    tekst="""Een gemeente mag bij DUO alleen gegevens opvragen van iemand die in de gemeente woont
    en niet in een AZC verblijft; van iemand in een AZC die het COA aan de gemeente heeft gekoppeld;
    van iemand met een huidig PIP van deze gemeente; of, tot een maand na een nieuw PIP van een
    andere gemeente, als het vorige PIP van deze gemeente was.""",
    tekst_en="""A municipality may query DUO only about residents not in a reception centre; people
    in a reception centre linked to it by COA; people whose current PIP is its own; or, up to one
    month after another municipality's new PIP, people whose previous PIP was its own.""",
    onderwerp="duo",
    zekerheid="H",
)
R48 = definieer_regel(
    id="R48",
    titel="Nieuwe contactpersoon vervangt de oude",
    titel_en="A new contact person replaces the old one",
    bron="DUO Contactpersoon API",
    tekst="""Per inburgeraar is er één contactpersoon bij de gemeente. Koppelt de gemeente een
    nieuwe, dan vervalt de oude koppeling. Wordt een contactpersoon verwijderd, dan vervallen al
    zijn koppelingen.""",
    tekst_en="""Each person has one municipal contact. Linking a new one removes the old link.
    Deleting a contact removes all of its links.""",
    onderwerp="duo",
    zekerheid="H",
)
R65 = definieer_regel(
    id="R65",
    titel="Aantal gratis examenpogingen: niet berekend",
    titel_en="Number of free exam attempts: not computed",
    bron="Ri2021 art. 3.5 (lid 3 sinds 2023); DUO Examen API (gratisPogingenTegoed)",
    tekst="""Hoeveel gratis pogingen iemand per examenonderdeel heeft, lezen we uit DUO's Examen
    API.""",
    tekst_en="The number of free attempts per exam component is read from DUO's Examen API.",
    onderwerp="duo",
    zekerheid="L",
    afgewezen="""Het aantal is niet bevestigd (open vraag 6); DUO houdt het tegoed bij en geeft het
    per onderdeel terug. Zelf rekenen zou dubbel en mogelijk fout zijn.""",
    afgewezen_en=(
        "The number is not confirmed (open question 6); DUO keeps the credit and reports "
        "it per component. Calculating it ourselves would duplicate it and could be "
        "wrong."
    ),
)

R71 = definieer_regel(
    id="R71",
    titel="Attentiesignaal van DUO: een taak met een termijn",
    titel_en="DUO attention signal: a task with a deadline",
    bron="DUO gemeente-m2m-inburgering, Gebeurtenissen/Attentiesignalen.md (SS122, SS123, SS126, "
    "SS127, SS132–SS136, SS140–SS142); DUO README (scope van het koppelvlak)",
    tekst="""Een attentiesignaal van DUO vraagt de gemeente iets te doen; het wordt een taak met een
    termijn. Na een vertrek naar een andere gemeente of naar het buitenland vult de oude gemeente
    binnen een maand aan wat DUO nog mist (uren, MAP, PVT): zolang mag zij nog gegevens
    uitwisselen (R47). Is de termijn van 10 weken voor de leerroute verstreken, dan is de taak
    meteen te laat (R9). Ontbreekt het inburgeringsaanbod, dan loopt de taak tot de uiterste
    start van het aanbod (R55). Voor de andere signalen (een opleidingscontract dat niet past, een
    gevraagd advies over ontheffing, de tekst van het certificaat Z-route, een beëindigde
    opleiding) noemt geen wet een termijn: de taak loopt vier weken.""",
    tekst_en="""A DUO attention signal asks the municipality to act; it becomes a task with a
    deadline. After a move to another municipality or abroad, the old municipality completes what
    DUO still lacks (hours, MAP, PVT) within one month, while it may still exchange data (R47).
    When the 10-week term for the learning route has passed, the task is overdue at once (R9).
    When the integration offer is missing, the task runs until the offer must start at the latest
    (R55). For the other signals (a course contract that does not fit, advice requested on a
    release, the text of the Z-route certificate, education that ended) no law sets a term: the
    task runs four weeks.""",
    onderwerp="duo",
    zekerheid="L",
    aanname=(
        "Vier weken is een werkafspraak, geen wettelijke termijn. Een maand na een vertrek volgt "
        "uit de inzage van een vorige gemeente: de oude gemeente mag nog een maand na het nieuwe "
        "PIP gegevens uitwisselen; het nieuwe PIP kan er op z'n vroegst meteen zijn."
    ),
    aanname_en=(
        "Four weeks is a working agreement, not a statutory term. One month after a move follows "
        "from the access of a previous municipality: it may still exchange data for a month after "
        "the new PIP, which may come at once at the earliest."
    ),
)


class Domeingevolg(StrEnum):
    """Wat een gebeurtenis in een domein-app teweegbrengt, buiten het dossier zelf. De app die het
    gevolg bezit registreert er een reactie voor (``core.keten.reacties``)."""

    #: De termijnbewaking start de termijn van 10 weken voor het PIP (opnieuw) (R9, R10, R46).
    PIP_TERMIJN_STARTEN = "pip_termijn_starten"
    #: De brede intake neemt DUO's uitslag van de leerbaarheidstoets over (R28, R29).
    LBT_UITSLAG_OVERNEMEN = "lbt_uitslag_overnemen"
    #: De leerroute neemt DUO's examenuitslagen en gratis pogingen over.
    EXAMENUITSLAG_OVERNEMEN = "examenuitslag_overnemen"
    #: De verhuizing legt vast dat de persoon vertrok (SS122) of zich hier vestigde (SS120,
    #: SS121), zodat het dossier wordt overgedragen of overgenomen (R75, R76).
    VERHUIZING_VASTLEGGEN = "verhuizing_vastleggen"


class TaakTermijn(StrEnum):
    """Tot wanneer de taak van een gebeurtenis loopt (R71)."""

    #: Geen termijn (of geen taak).
    GEEN = ""
    #: De termijn is al voorbij: de taak is meteen te laat (R9).
    DIRECT = "direct"
    #: Een maand: zolang mag een vorige gemeente nog gegevens uitwisselen (R47).
    VORIGE_GEMEENTE = "vorige_gemeente"
    #: Tot de uiterste start van het inburgeringsaanbod (R55).
    AANBOD = "aanbod"
    #: Geen wettelijke termijn: vier weken om te beoordelen (R71).
    BEOORDELEN = "beoordelen"


@dataclass(frozen=True)
class Gevolg:
    """Wat een DUO-gebeurtenis betekent voor het dossier."""

    gebeurtenis: Gebeurtenis
    regel: Regel | None
    #: DUO's omschrijving van de gebeurtenis (DOMAIN.md §9.1).
    omschrijving: str = ""
    #: Een door DUO aangekondigd attentiesignaal dat nog niet wordt verstuurd: de gemeente
    #: bewaart het voor de beheerder en verwerkt het niet.
    gepland: bool = False
    #: Nieuwe status van het dossier (leeg: geen wijziging).
    status: str = ""
    dossier_sluiten: bool = False
    klokken_stoppen: bool = False
    plicht_pauzeren: bool = False
    #: Start de PIP-termijn van 10 weken (opnieuw) op de meldingsdatum?
    pip_termijn_starten: bool = False
    #: Neemt de brede intake DUO's uitslag van de leerbaarheidstoets over?
    lbt_uitslag_overnemen: bool = False
    #: Neemt de leerroute DUO's examenuitslagen over?
    examenuitslag_overnemen: bool = False
    #: Legt de verhuizing een vertrek of vestiging vast (R75, R76)?
    verhuizing_vastleggen: bool = False
    #: Welke DUO-API's daarna te raadplegen.
    raadplegen: tuple[str, ...] = ()
    #: Een taak voor de klantregisseur (leeg: geen taak).
    taak: str = ""
    #: Tot wanneer de taak loopt (:func:`taak_termijn`).
    taak_termijn: TaakTermijn = TaakTermijn.GEEN
    #: Alleen voor iemand die hier een dossier heeft: een signaal over een vertrek maakt geen
    #: nieuw dossier aan.
    alleen_bij_dossier: bool = False
    #: Ook te doen als het dossier al is afgerond (het certificaat na een voldane Z-route).
    ook_bij_afgerond_dossier: bool = False

    @property
    def domeingevolgen(self) -> frozenset[Domeingevolg]:
        """De gevolgen waarvoor een domein-app moet reageren."""
        return frozenset(d for d in Domeingevolg if getattr(self, d.value))


_AFSLUITEND = {
    Gebeurtenis.SS106: "voldaan – diploma",
    Gebeurtenis.SS107: "voldaan – vrijstelling",
    Gebeurtenis.SS108: "voldaan – ontheffing",
    Gebeurtenis.SS110: "plicht vervallen",
    Gebeurtenis.SS111: "overleden",
}

G = Gebeurtenis


def _afsluitend(gebeurtenis: Gebeurtenis, omschrijving: str, *raadplegen: str) -> Gevolg:
    return Gevolg(
        gebeurtenis,
        R45,
        omschrijving,
        status=_AFSLUITEND[gebeurtenis],
        dossier_sluiten=True,
        klokken_stoppen=True,
        raadplegen=("Inburgeringsplicht", *raadplegen),
    )


def _signaal(
    gebeurtenis: Gebeurtenis,
    regel: Regel,
    omschrijving: str,
    taak: str,
    termijn: TaakTermijn = TaakTermijn.BEOORDELEN,
    **velden: Any,
) -> Gevolg:
    """Een attentiesignaal: een taak met een termijn (R71)."""
    return Gevolg(gebeurtenis, regel, omschrijving, taak=taak, taak_termijn=termijn, **velden)


def _vertrokken(gebeurtenis: Gebeurtenis, omschrijving: str) -> Gevolg:
    return _signaal(
        gebeurtenis,
        R71,
        omschrijving,
        "Gegevens bij DUO aanvullen en het dossier overdragen",
        TaakTermijn.VORIGE_GEMEENTE,
        alleen_bij_dossier=True,
        verhuizing_vastleggen=gebeurtenis is Gebeurtenis.SS122,
    )


def _contract(gebeurtenis: Gebeurtenis, omschrijving: str) -> Gevolg:
    return _signaal(gebeurtenis, R71, omschrijving, "Opleidingscontract nakijken")


#: Per gebeurtenis uit DUO's lijst (DOMAIN.md §9.1) precies één betekenis.
BETEKENISSEN: tuple[Gevolg, ...] = (
    Gevolg(G.SS101, None, "Inburgeringsplichtig", raadplegen=("Inburgeringsplicht",)),
    Gevolg(G.SS102, None, "Inburgeringstermijn gestart", raadplegen=("Inburgeringstermijn",)),
    # A fine of DUO comes with a new term set ex officio (DOMAIN.md §5.2): SS103 also reads the
    # fines (R73) and, as SS104, the extension requests (R72).
    Gevolg(
        G.SS103,
        None,
        "Termijn ambtshalve verlengd",
        raadplegen=("Inburgeringstermijn", "Verlenging", "Boete"),
    ),
    Gevolg(
        G.SS104,
        None,
        "Termijn op verzoek verlengd",
        raadplegen=("Inburgeringstermijn", "Verlenging"),
    ),
    _afsluitend(G.SS106, "Plicht voldaan: diploma"),
    _afsluitend(G.SS107, "Plicht voldaan: volledige vrijstelling", "Vrijstelling"),
    _afsluitend(G.SS108, "Plicht voldaan: volledige ontheffing", "Ontheffing"),
    Gevolg(
        G.SS109,
        R46,
        "Tijdelijke vrijstelling",
        status="tijdelijk vrijgesteld",
        plicht_pauzeren=True,
        raadplegen=("Inburgeringsplicht", "Vrijstelling"),
    ),
    _afsluitend(G.SS110, "Plicht vervallen"),
    _afsluitend(G.SS111, "Overleden"),
    # Een verzoek, geen besluit: DUO beslist (SS104 of SS113); de gemeente hoeft niets te doen.
    Gevolg(
        G.SS112,
        None,
        "Verzoek verlenging ingediend",
        raadplegen=("Inburgeringstermijn", "Verlenging"),
    ),
    Gevolg(
        G.SS113,
        None,
        "Verzoek verlenging afgewezen",
        raadplegen=("Inburgeringstermijn", "Verlenging"),
    ),
    Gevolg(G.SS114, None, "Verzoek volledige vrijstelling afgewezen", raadplegen=("Vrijstelling",)),
    Gevolg(
        G.SS115, None, "Verzoek tijdelijke vrijstelling afgewezen", raadplegen=("Vrijstelling",)
    ),
    Gevolg(
        G.SS116, None, "Verzoek gedeeltelijke vrijstelling afgewezen", raadplegen=("Vrijstelling",)
    ),
    Gevolg(G.SS117, None, "Gedeeltelijke vrijstelling toegekend", raadplegen=("Vrijstelling",)),
    Gevolg(G.SS118, None, "Verzoek ontheffing afgewezen", raadplegen=("Ontheffing",)),
    Gevolg(G.SS119, None, "Gedeeltelijke ontheffing toegekend", raadplegen=("Ontheffing",)),
    Gevolg(
        G.SS120,
        None,
        "Gevestigd in de gemeente, zonder PIP",
        raadplegen=("Inburgeringsplicht",),
        verhuizing_vastleggen=True,
    ),
    Gevolg(
        G.SS121,
        None,
        "Gevestigd in de gemeente, met PIP van een andere gemeente",
        raadplegen=("Inburgeringsplicht", "Inburgeringstermijn", "PIP"),
        verhuizing_vastleggen=True,
    ),
    _vertrokken(G.SS122, "Vertrokken naar een andere gemeente"),
    _vertrokken(G.SS123, "Vertrokken uit Nederland"),
    Gevolg(G.SS124, None, "Doelgroep: van asielstatushouder naar gezins- of overige migrant"),
    Gevolg(G.SS125, None, "Doelgroep: van gezins- of overige migrant naar asielstatushouder"),
    _signaal(
        G.SS126,
        R9,
        "10 weken verstreken zonder leerroute",
        "Termijn voor de leerroute verstreken: PIP vaststellen",
        TaakTermijn.DIRECT,
    ),
    _signaal(
        G.SS127,
        R55,
        "Nog geen inburgeringsaanbod ontvangen",
        "Inburgeringsaanbod doen en aan DUO melden",
        TaakTermijn.AANBOD,
        raadplegen=("PIP",),
    ),
    Gevolg(G.SS128, None, "AOW-leeftijd binnen 6 maanden"),
    Gevolg(
        G.SS129,
        R46,
        "Tijdelijke vrijstelling ingetrokken, geen PIP",
        status="plichtig",
        pip_termijn_starten=True,
        raadplegen=("Inburgeringsplicht", "Vrijstelling"),
    ),
    Gevolg(
        G.SS130,
        R46,
        "Tijdelijke vrijstelling ingetrokken, PIP bekend",
        status="plichtig",
        raadplegen=("Inburgeringsplicht", "Inburgeringstermijn", "PIP"),
        taak="Leerroute hervatten; nieuwe termijn ophalen",
    ),
    Gevolg(G.SS131, None, "Leerbaarheidstoets afgenomen", lbt_uitslag_overnemen=True),
    # Wi2021 art. 11 lid 2: geen leerroute of aanbod zonder PIP. DUO meldt een cursuscontract dat
    # binnenkomt vóór er een PIP is; de gemeente krijgt de taak het PIP vast te stellen (R54).
    Gevolg(G.SS132, R54, "Cursuscontract zonder PIP", taak="PIP ontbreekt"),
    _contract(G.SS133, "Opleidingscontract met taalniveau niet volgens de leerroute"),
    # DUO noemt SS134 bij de onverwachte opleidingscontracten, zonder eigen omschrijving.
    _contract(G.SS134, "Opleidingscontract van een niet verwachte soort"),
    _contract(G.SS135, "Opleidingscontract met te hoog taalniveau voor de Z-route"),
    _contract(G.SS136, "Opleidingscontract voor een taalschakeltraject, geen onderwijsroute"),
    Gevolg(G.SS137, None, "Aangemeld voor de leerbaarheidstoets"),
    Gevolg(
        G.SS139,
        R10,
        "Termijn van 10 weken voor het PIP gestart",
        pip_termijn_starten=True,
        raadplegen=("Inburgeringsplicht",),
    ),
    _signaal(
        G.SS140,
        R71,
        "Advies gevraagd over ontheffing wegens bijzondere individuele omstandigheden (BIO)",
        "Advies aan DUO geven over de ontheffing (BIO)",
    ),
    _signaal(
        G.SS141,
        R71,
        "Tekst van het certificaat Z-route klaar",
        "Certificaat Z-route downloaden en uitreiken",
        # DUO stuurt het signaal als de plicht via de Z-route is voldaan: het dossier kan dan al
        # zijn afgerond, het certificaat moet nog worden uitgereikt.
        ook_bij_afgerond_dossier=True,
    ),
    _signaal(
        G.SS142,
        R43,
        "Niet-vrijstellende opleiding beëindigd wegens uitschrijving",
        "Contact opnemen en het PIP zo nodig herzien",
    ),
    Gevolg(G.SS199, None, "Examenuitslag bekend", examenuitslag_overnemen=True),
)

_BETEKENIS: dict[Gebeurtenis, Gevolg] = {g.gebeurtenis: g for g in BETEKENISSEN}


def gevolg_van_gebeurtenis(gebeurtenis: Gebeurtenis) -> Gevolg:
    """Wat de gemeente met een DUO-gebeurtenis doet (R45, R46, R10, R54)."""
    return _BETEKENIS[gebeurtenis]


#: De gebeurtenissen die de PIP-termijn van 10 weken (opnieuw) starten (R9, R10, R46): wie de
#: termijn berekent leest ze hier, niet uit een eigen lijst.
PIP_TERMIJN_GEBEURTENISSEN: frozenset[Gebeurtenis] = frozenset(
    g for g in Gebeurtenis if gevolg_van_gebeurtenis(g).pip_termijn_starten
)


def taak_termijn(
    gevolg: Gevolg,
    meldingsdatum: date,
    *,
    pip_dagtekening: date | None = None,
    leerroute: Leerroute | None = None,
) -> Termijn | None:
    """R71: tot wanneer de taak van een gebeurtenis loopt, gerekend vanaf de dag waarop DUO haar
    registreerde; waar een wet een termijn geeft, die termijn. ``None``: geen termijn.

    Voor het inburgeringsaanbod zijn de dagtekening en leerroute van het PIP nodig; zonder PIP
    geldt de termijn voor beoordelen."""
    soort = gevolg.taak_termijn
    if soort is TaakTermijn.GEEN:
        return None
    if soort is TaakTermijn.DIRECT:
        return Termijn(
            start=meldingsdatum,
            einde=meldingsdatum,
            einde_inclusief=True,
            regel=R9,
            uitleg="De termijn van 10 weken voor de leerroute is voorbij: het PIP is te laat.",
            uitleg_en="The 10-week term for the learning route has passed: the PIP is late.",
        )
    if soort is TaakTermijn.VORIGE_GEMEENTE:
        grens = plus_maanden(meldingsdatum, INZAGE_VORIGE_GEMEENTE_MAANDEN)
        return Termijn(
            start=meldingsdatum,
            einde=grens,
            einde_inclusief=False,
            regel=R47,
            uitleg=f"Een vorige gemeente mag nog een maand gegevens uitwisselen: tot "
            f"{datum_nl(grens)}.",
            uitleg_en=f"A previous municipality may exchange data for one more month: until "
            f"{datum_nl(grens)}.",
        )
    if soort is TaakTermijn.AANBOD and pip_dagtekening is not None and leerroute is not None:
        return aanbod_starttermijn(pip_dagtekening, leerroute)
    einde = meldingsdatum + timedelta(weeks=ATTENTIESIGNAAL_WEKEN)
    return Termijn(
        start=meldingsdatum,
        einde=einde,
        einde_inclusief=True,
        regel=R71,
        uitleg=f"Geen wettelijke termijn: beoordelen binnen {ATTENTIESIGNAAL_WEKEN} weken, tot "
        f"{datum_nl(einde)}.",
        uitleg_en=f"No statutory term: assess within {ATTENTIESIGNAAL_WEKEN} weeks, until "
        f"{datum_nl(einde)}.",
    )


#: De gebeurtenissen die de plicht pauzeren (R46: een tijdelijke vrijstelling, SS109) en die haar
#: hervatten: de intrekking zonder PIP (SS129, start de termijn opnieuw), met PIP (SS130), of een
#: nieuwe start van de PIP-termijn.
PAUZE_GEBEURTENISSEN: frozenset[Gebeurtenis] = frozenset(
    g for g in Gebeurtenis if gevolg_van_gebeurtenis(g).plicht_pauzeren
)
HERVAT_GEBEURTENISSEN: frozenset[Gebeurtenis] = PIP_TERMIJN_GEBEURTENISSEN | {G.SS130}


def plicht_gepauzeerd(
    *, laatste_pauze: datetime | None, laatste_hervatting: datetime | None
) -> bool:
    """R46: de plicht staat op pauze vanaf een tijdelijke vrijstelling tot DUO die intrekt. Zolang
    loopt er geen termijn van 10 weken voor het PIP."""
    if laatste_pauze is None:
        return False
    return laatste_hervatting is None or laatste_pauze > laatste_hervatting


@dataclass(frozen=True)
class Relevantie:
    """Wat de gemeente weet over haar band met de persoon (R47)."""

    woont_in_gemeente: bool = False
    in_coa_locatie: bool = False
    door_coa_gekoppeld_aan_gemeente: bool = False
    huidig_pip_van_gemeente: bool = False
    vorig_pip_van_gemeente: bool = False
    huidige_pip_dagtekening: date | None = None


def toets_relevantie(relevantie: Relevantie, peildatum: date) -> Uitkomst:
    """R47: mag de gemeente op ``peildatum`` gegevens van deze persoon bij DUO opvragen?"""
    r = relevantie
    if r.woont_in_gemeente and not r.in_coa_locatie:
        return Uitkomst()
    if r.in_coa_locatie and r.door_coa_gekoppeld_aan_gemeente:
        return Uitkomst()
    if r.huidig_pip_van_gemeente:
        return Uitkomst()
    if r.vorig_pip_van_gemeente and r.huidige_pip_dagtekening is not None:
        grens = plus_maanden(r.huidige_pip_dagtekening, INZAGE_VORIGE_GEMEENTE_MAANDEN)
        if peildatum < grens:
            return Uitkomst()
        return Uitkomst.fout(
            R47,
            f"Het nieuwe PIP van de andere gemeente is van {datum_nl(r.huidige_pip_dagtekening)}; "
            f"opvragen kon tot {datum_nl(grens)}.",
            f"The other municipality's new PIP is dated {datum_nl(r.huidige_pip_dagtekening)}; "
            f"queries were allowed until {datum_nl(grens)}.",
        )
    return Uitkomst.fout(
        R47,
        "Deze persoon hoort (nu) niet bij deze gemeente: gegevens opvragen bij DUO mag niet.",
        "This person does not (now) belong to this municipality: querying DUO is not allowed.",
    )


def koppel_contactpersoon(
    koppelingen: Mapping[str, str], inburgeraar: str, contactpersoon: str
) -> dict[str, str]:
    """R48: koppel een contactpersoon; een bestaande koppeling wordt vervangen."""
    nieuw = dict(koppelingen)
    nieuw[inburgeraar] = contactpersoon
    return nieuw


def verwijder_contactpersoon(koppelingen: Mapping[str, str], contactpersoon: str) -> dict[str, str]:
    """R48: verwijder een contactpersoon, met al zijn koppelingen."""
    return {bsn: c for bsn, c in koppelingen.items() if c != contactpersoon}
