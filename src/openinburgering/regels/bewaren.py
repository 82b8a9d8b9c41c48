"""Bewaartermijnen: hoe lang een afgerond dossier (R69) en het verwerkingenlogboek (R70) blijven.

Twee wetten trekken hier in tegengestelde richting. De Archiefwet 1995 (art. 3 en 5) verbiedt
vernietigen vóór de termijn uit de selectielijst; de AVG (art. 5 lid 1 onder e,
opslagbeperking) verbiedt langer bewaren dan nodig. Elke termijn is daarom één constante met zijn
bron erbij, zodat een gemeente of een nieuwe selectielijst hem op één plek kan aanpassen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from .base import Termijn, Uitkomst, datum_nl, definieer_regel
from .kalender import plus_jaren

#: Een afgerond dossier (persoon, intake, PIP-versies, brieven, beschikkingen, handhaving,
#: verwijzingen, uren, tijdlijn, werkitems) wordt zoveel jaar na de datum van afronding vernietigd.
#:
#: Bron: Selectielijst gemeenten en intergemeentelijke organen 2020 (Archiefwet 1995 art. 5),
#: categorie 8.1 "voorzieningen verstrekken", waaronder het inburgeringstraject valt: vernietigen
#: 10 jaar na afhandeling. Die indeling staat zo in een antwoord van het VHIC (vhic.nl, "Aanpassing
#: selectielijst inburgeringwet/traject"); de tekst van de selectielijst zelf is niet nagelezen.
#: Hetzelfde antwoord zegt dat de Wi2021 een bewaartermijn van 5 jaar noemt en dat de wet vóór de
#: selectielijst gaat; het artikel daarvan is niet gevonden. Zolang dat niet bevestigd is, houden we
#: de langste termijn aan: te vroeg vernietigen is onherstelbaar en strafbaar (Archiefwet art. 3),
#: te lang bewaren is met deze ene constante te herstellen. Zie ADR 0060.
BEWAARTERMIJN_DOSSIER_JAREN = 10

#: Een regel in het verwerkingenlogboek over iemand van wie de gemeente geen dossier (meer)
#: bewaart, wordt zoveel jaar na het tijdstip van de regel vernietigd. Een regel over iemand met een
#: bewaard dossier volgt dat dossier en verdwijnt samen met het dossier.
#:
#: Bron: AVG art. 5 lid 1 onder e (opslagbeperking) en art. 5 lid 2 (verantwoording); de standaard
#: Logboek dataverwerkingen (Logius) koppelt de bewaartermijn van een logregel aan die van de
#: gegevens waarover hij gaat. Een regel zonder bewaard dossier (een zoekopdracht zonder treffer,
#: een persoon die DUO kent en wij niet) heeft geen eigen termijn in een bron; we nemen de termijn
#: van het dossier, de langste die de gegevens zelf hadden kunnen hebben. Aanname, zie ADR 0060.
BEWAARTERMIJN_LOGBOEK_JAREN = 10


class Beletsel(StrEnum):
    """Wat vernietigen van een dossier uitstelt, ook als de termijn voorbij is: zolang een
    procedure loopt, is het dossier nog nodig als bewijs (Selectielijst 2020, algemene toelichting:
    de termijn gaat pas in na afhandeling)."""

    BEZWAAR = "bezwaar"
    HANDHAVING = "handhaving"
    MELDING_DUO = "melding_duo"

    @property
    def uitleg(self) -> str:
        return _BELETSEL_UITLEG[self][0]

    @property
    def uitleg_en(self) -> str:
        return _BELETSEL_UITLEG[self][1]


_BELETSEL_UITLEG = {
    Beletsel.BEZWAAR: ("er loopt een bezwaar", "an objection is pending"),
    Beletsel.HANDHAVING: ("er loopt een handhavingszaak", "an enforcement case is open"),
    Beletsel.MELDING_DUO: (
        "een melding aan DUO is nog niet afgehandeld",
        "a message to DUO has not been settled",
    ),
}

R69 = definieer_regel(
    id="R69",
    titel=f"Afgerond dossier {BEWAARTERMIJN_DOSSIER_JAREN} jaar na afronding vernietigen",
    titel_en=f"Destroy a closed dossier {BEWAARTERMIJN_DOSSIER_JAREN} years after closing",
    bron="Archiefwet 1995 art. 3 en 5; Selectielijst gemeenten en intergemeentelijke organen "
    "2020, categorie 8.1; AVG art. 5 lid 1 onder e",
    tekst=f"""Een afgerond dossier wordt bewaard tot en met {BEWAARTERMIJN_DOSSIER_JAREN} jaar na
    de datum van afronding en daarna vernietigd: de persoon, de intake, het PIP, de brieven,
    beschikkingen en bezwaren, handhaving, verwijzingen, uren en de tijdlijn. Wat de keten met
    DUO nodig heeft om geen bericht dubbel te verwerken, blijft zonder persoonsgegevens bestaan.
    Zolang een bezwaar, een handhavingszaak of een melding aan DUO loopt, wacht de
    vernietiging.""",
    tekst_en=f"""A closed dossier is kept until {BEWAARTERMIJN_DOSSIER_JAREN} years after the
    date it was closed and then destroyed: the person, the intake, the PIP, the letters,
    decisions and objections, enforcement, referrals, hours and the timeline. What the exchange
    with DUO needs to never process a message twice stays, without personal data. While an
    objection, an enforcement case or a message to DUO is pending, destruction waits.""",
    onderwerp="bewaren",
    zekerheid="L",
    aanname="""Tien jaar volgt de indeling van het inburgeringstraject onder categorie 8.1 van de
    Selectielijst 2020 zoals het VHIC die beschrijft. Volgens dezelfde bron noemt de Wi2021 vijf
    jaar; dat artikel is niet gevonden. Tot het bevestigd is, geldt de langste termijn: te vroeg
    vernietigen is onherstelbaar.""",
    aanname_en="""Ten years follows the classification of the integration trajectory under
    category 8.1 of the 2020 selection list as the VHIC describes it. The same source says the
    Wi2021 sets five years; that article was not found. Until it is confirmed, the longest term
    applies: destroying too early cannot be undone.""",
)

R70 = definieer_regel(
    id="R70",
    titel="Logboekregel vervalt met de gegevens waarover hij gaat",
    titel_en="A processing-log entry goes with the data it logs",
    bron="AVG art. 5 lid 1 onder e en lid 2; standaard Logboek dataverwerkingen (Logius)",
    tekst=f"""Een regel in het verwerkingenlogboek blijft zolang het dossier van de betrokkene bij
    deze gemeente wordt bewaard en wordt samen met dat dossier vernietigd. Heeft de gemeente geen
    dossier (meer) van de betrokkene, dan wordt de regel {BEWAARTERMIJN_LOGBOEK_JAREN} jaar na zijn
    tijdstip vernietigd.""",
    tekst_en=f"""An entry in the processing log stays as long as the data subject's dossier at this
    municipality is kept and is destroyed together with that dossier. When the municipality keeps
    no dossier of the data subject, the entry is destroyed {BEWAARTERMIJN_LOGBOEK_JAREN} years after
    its time.""",
    onderwerp="bewaren",
    zekerheid="M",
    aanname="""Voor een regel zonder bewaard dossier noemt geen bron een termijn; we nemen die van
    het dossier, de langste die de gegevens zelf hadden kunnen hebben.""",
    aanname_en="""No source sets a term for an entry without a kept dossier; we take the dossier's,
    the longest the data itself could have been kept.""",
)


def bewaartermijn_dossier(afgerond_op: date) -> Termijn:
    """R69: tot en met welke dag een afgerond dossier bewaard blijft."""
    einde = plus_jaren(afgerond_op, BEWAARTERMIJN_DOSSIER_JAREN)
    return Termijn(
        start=afgerond_op,
        einde=einde,
        einde_inclusief=True,
        regel=R69,
        uitleg=f"Afgerond op {datum_nl(afgerond_op)}: bewaren tot en met {datum_nl(einde)} "
        f"({BEWAARTERMIJN_DOSSIER_JAREN} jaar), daarna vernietigen.",
        uitleg_en=f"Closed on {datum_nl(afgerond_op)}: keep until {datum_nl(einde)} "
        f"({BEWAARTERMIJN_DOSSIER_JAREN} years), then destroy.",
    )


def toets_vernietigen(
    afgerond_op: date | None, peildatum: date, beletsels: Sequence[Beletsel] = ()
) -> Uitkomst:
    """R69: mag het dossier op ``peildatum`` worden vernietigd?

    ``afgerond_op`` is ``None`` voor een dossier dat nog loopt; ``beletsels`` zijn de procedures
    die nog lopen (die stellen het vernietigen uit, ook na de termijn).
    """
    if afgerond_op is None:
        return Uitkomst.fout(
            R69,
            "Het dossier is niet afgerond; de bewaartermijn is nog niet begonnen.",
            "The dossier is not closed; the retention term has not started.",
            veld="afgerond_op",
        )
    termijn = bewaartermijn_dossier(afgerond_op)
    schendingen = []
    if not termijn.verstreken(peildatum):
        schendingen.append(
            Uitkomst.fout(
                R69,
                f"De bewaartermijn loopt nog. {termijn.uitleg}",
                f"The retention term is still running. {termijn.uitleg_en}",
                veld="afgerond_op",
            )
        )
    schendingen.extend(
        Uitkomst.fout(
            R69,
            f"Vernietigen wacht: {beletsel.uitleg}.",
            f"Destruction waits: {beletsel.uitleg_en}.",
        )
        for beletsel in dict.fromkeys(beletsels)
    )
    return Uitkomst.samen(*schendingen)


def laatste_afronding_te_vernietigen(peildatum: date) -> date:
    """R69: de laatste afrondingsdatum waarvan de termijn op ``peildatum`` voorbij is.

    Voor een query (``afgerond_op <= …``); :func:`toets_vernietigen` blijft per dossier het
    oordeel. Jaren tellen met 29 februari als 28 februari in een gewoon jaar, dus zoeken we terug
    vanaf de dag na ``peildatum`` min de termijn.
    """
    kandidaat = plus_jaren(peildatum, -BEWAARTERMIJN_DOSSIER_JAREN) + timedelta(days=1)
    while bewaartermijn_dossier(kandidaat).bevat(peildatum):
        kandidaat -= timedelta(days=1)
    return kandidaat


def bewaartermijn_logregel(tijdstip: date) -> Termijn:
    """R70: tot en met welke dag een logboekregel zonder bewaard dossier blijft."""
    einde = plus_jaren(tijdstip, BEWAARTERMIJN_LOGBOEK_JAREN)
    return Termijn(
        start=tijdstip,
        einde=einde,
        einde_inclusief=True,
        regel=R70,
        uitleg=f"Logboekregel van {datum_nl(tijdstip)} zonder bewaard dossier: bewaren tot en met "
        f"{datum_nl(einde)}.",
        uitleg_en=f"Log entry of {datum_nl(tijdstip)} without a kept dossier: keep until "
        f"{datum_nl(einde)}.",
    )


def logregel_vernietigen(tijdstip: date, peildatum: date, *, dossier_bewaard: bool) -> bool:
    """R70: moet een logboekregel van ``tijdstip`` op ``peildatum`` weg?

    Een regel over iemand met een bewaard dossier blijft (hij gaat mee met het dossier, R69).
    """
    if dossier_bewaard:
        return False
    return bewaartermijn_logregel(tijdstip).verstreken(peildatum)


def logboek_grens(peildatum: date) -> date:
    """R70: regels zonder bewaard dossier met een tijdstip vóór deze dag moeten weg (voor een
    query: ``tijdstip < …``, op de kalenderdag van het tijdstip)."""
    # Peildatum min de termijn, of de dag erna als 29 februari die dag al liet vervallen.
    grens = plus_jaren(peildatum, -BEWAARTERMIJN_LOGBOEK_JAREN)
    while logregel_vernietigen(grens, peildatum, dossier_bewaard=False):
        grens += timedelta(days=1)
    return grens
