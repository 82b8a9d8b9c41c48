"""Regels uit DUO's koppelvlak: gebeurtenissen (R45, R46), wie mag opvragen (R47) en
contactpersonen (R48). Ook: wat een DUO-gebeurtenis betekent voor klokken en taken."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .aanbod import R54
from .base import Regel, Uitkomst, datum_nl, definieer_regel
from .codes import Gebeurtenis
from .kalender import plus_maanden
from .termijnen import R10

#: Een vorige gemeente mag nog zolang na het nieuwe PIP gegevens opvragen (DUO README).
INZAGE_VORIGE_GEMEENTE_MAANDEN = 1

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


@dataclass(frozen=True)
class Gevolg:
    """Wat een DUO-gebeurtenis betekent voor het dossier."""

    gebeurtenis: Gebeurtenis
    regel: Regel | None
    #: Nieuwe status van het dossier (leeg: geen wijziging).
    status: str = ""
    dossier_sluiten: bool = False
    klokken_stoppen: bool = False
    plicht_pauzeren: bool = False
    #: Start de PIP-termijn van 10 weken (opnieuw) op de meldingsdatum?
    pip_termijn_starten: bool = False
    #: Welke DUO-API's daarna te raadplegen.
    raadplegen: tuple[str, ...] = ()
    #: Een taak voor de klantregisseur (leeg: geen taak).
    taak: str = ""


_AFSLUITEND = {
    Gebeurtenis.SS106: "voldaan – diploma",
    Gebeurtenis.SS107: "voldaan – vrijstelling",
    Gebeurtenis.SS108: "voldaan – ontheffing",
    Gebeurtenis.SS110: "plicht vervallen",
    Gebeurtenis.SS111: "overleden",
}


def gevolg_van_gebeurtenis(gebeurtenis: Gebeurtenis) -> Gevolg:
    """Wat de gemeente met een DUO-gebeurtenis doet (R45, R46, R10, R54)."""
    if gebeurtenis in _AFSLUITEND:
        return Gevolg(
            gebeurtenis,
            R45,
            status=_AFSLUITEND[gebeurtenis],
            dossier_sluiten=True,
            klokken_stoppen=True,
            raadplegen=("Inburgeringsplicht",),
        )
    if gebeurtenis is Gebeurtenis.SS109:
        return Gevolg(
            gebeurtenis,
            R46,
            status="tijdelijk vrijgesteld",
            plicht_pauzeren=True,
            raadplegen=("Inburgeringsplicht", "Vrijstelling"),
        )
    if gebeurtenis is Gebeurtenis.SS129:
        return Gevolg(
            gebeurtenis,
            R46,
            status="plichtig",
            pip_termijn_starten=True,
            raadplegen=("Inburgeringsplicht", "Vrijstelling"),
        )
    if gebeurtenis is Gebeurtenis.SS130:
        return Gevolg(
            gebeurtenis,
            R46,
            status="plichtig",
            raadplegen=("Inburgeringsplicht", "Inburgeringstermijn", "PIP"),
            taak="Leerroute hervatten; nieuwe termijn ophalen",
        )
    if gebeurtenis is Gebeurtenis.SS139:
        return Gevolg(
            gebeurtenis, R10, pip_termijn_starten=True, raadplegen=("Inburgeringsplicht",)
        )
    if gebeurtenis is Gebeurtenis.SS132:
        return Gevolg(gebeurtenis, R54, taak="PIP ontbreekt")
    return Gevolg(gebeurtenis, None)


#: De gebeurtenissen die de PIP-termijn van 10 weken (opnieuw) starten (R9, R10, R46): wie de
#: termijn berekent leest ze hier, niet uit een eigen lijst.
PIP_TERMIJN_GEBEURTENISSEN: frozenset[Gebeurtenis] = frozenset(
    g for g in Gebeurtenis if gevolg_van_gebeurtenis(g).pip_termijn_starten
)


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
