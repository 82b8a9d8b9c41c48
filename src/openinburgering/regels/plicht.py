"""Wie is inburgeringsplichtig, onder welk regime, en welk college is verantwoordelijk.

Regels R1 (leeftijd, zie :mod:`.aow`), R2–R6 en R56.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .aow import MINIMUMLEEFTIJD, aow_datum, toets_leeftijd, verjaardag
from .base import Resultaat, Uitkomst, datum_nl, definieer_regel
from .codes import TIJDELIJKE_VERBLIJFSDOELEN, Regime, Verblijfsdoel

#: Inwerkingtreding Wi2021: plicht die op of na deze dag begint valt onder de Wi2021 (art. 3 lid 1).
WI2021_INWERKINGTREDING = date(2022, 1, 1)

#: Vanaf deze dag zijn Turkse asielstatushouders (en hun gezin) inburgeringsplichtig (Wi2013).
TURKS_ASIEL_PLICHT_VANAF = date(2020, 5, 1)

#: Vanaf deze dag zijn alle Turkse nieuwkomers inburgeringsplichtig (Wi2021).
TURKS_PLICHT_VANAF = WI2021_INWERKINGTREDING

#: EU-lidstaten, EER-staten (IS, LI, NO) en Zwitserland (ISO 3166-1 alfa-2). Plus NL zelf:
#: een Nederlander is geen vreemdeling.
EU_EER_ZWITSERLAND = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        "IS", "LI", "NO", "CH",
    }
)  # fmt: skip

TURKIJE = "TR"

R2 = definieer_regel(
    id="R2",
    titel="Regime: Wi2021 of Wi2013",
    titel_en="Regime: Wi2021 or Wi2013",
    bron="Wi2021 art. 3 lid 1 en art. 54",
    tekst="""Begon de inburgeringsplicht op of na 1 januari 2022, dan geldt de Wet inburgering
    2021. Begon de plicht eerder, dan geldt de oude wet (Wi2013). Dat geldt ook voor Turkse
    asielstatushouders en hun gezin met een plicht vanaf 1 mei 2020 tot en met 31 december 2021.
    Heeft DUO de persoon al ingedeeld, dan volgen we DUO.""",
    tekst_en="""If the integration duty started on or after 1 January 2022, the Civic
    Integration Act 2021 applies; if it started earlier, the old Act (Wi2013) applies. This
    includes Turkish asylum permit holders and their family whose duty started between 1 May 2020
    and 31 December 2021. If DUO has classified the person, DUO's classification is used.""",
    onderwerp="plicht",
    zekerheid="H",
)

R3 = definieer_regel(
    id="R3",
    titel="Geen plicht voor EU/EER- en Zwitserse onderdanen",
    titel_en="No duty for EU/EEA and Swiss nationals",
    bron="Wi2021 art. 3; Wi2013 art. 3 en 5; IND EU/EER",
    tekst="""Wie de nationaliteit heeft van een land van de EU of de EER, of van Zwitserland, hoeft
    niet in te burgeren. Dat geldt ook voor gezinsleden die in Nederland wonen op grond van het
    EU-recht, en voor Nederlanders.""",
    tekst_en="""Nationals of an EU or EEA country or of Switzerland do not have to integrate,
    nor do family members who live in the Netherlands under EU law, nor Dutch nationals.""",
    onderwerp="plicht",
    zekerheid="H",
)

R4 = definieer_regel(
    id="R4",
    titel="Turkse nationaliteit: plichtig sinds 2022 (asiel sinds 1 mei 2020)",
    titel_en="Turkish nationals: obliged since 2022 (asylum since 1 May 2020)",
    bron="Wi2021 art. 3; Rijksoverheid 17-11-2021 en 10-04-2020",
    tekst="""Turkse nieuwkomers zijn sinds 1 januari 2022 inburgeringsplichtig, net als andere
    nieuwkomers. Turkse asielstatushouders en hun gezin zijn al plichtig sinds 1 mei 2020; als hun
    plicht vóór 2022 begon, geldt de oude wet (Wi2013). Turkse nieuwkomers die vóór die data
    kwamen, zijn niet plichtig.""",
    tekst_en="""Turkish newcomers have been obliged since 1 January 2022, like other newcomers.
    Turkish asylum permit holders and their family have been obliged since 1 May 2020; if their
    duty began before 2022, the old Act (Wi2013) applies. Turkish newcomers who arrived before
    those dates are not obliged.""",
    onderwerp="plicht",
    zekerheid="H",
)

R5 = definieer_regel(
    id="R5",
    titel="Tijdelijk verblijfsdoel geeft geen plicht",
    titel_en="A temporary residence purpose creates no duty",
    bron="Wi2021 art. 3",
    tekst="""Alleen wie een verblijfsvergunning heeft voor een niet-tijdelijk doel (zoals asiel of
    gezinshereniging) moet inburgeren. Een vergunning voor studie, arbeid als kennismigrant,
    seizoenarbeid, au pair of een ander tijdelijk doel geeft geen inburgeringsplicht.""",
    tekst_en="""Only a residence permit for a non-temporary purpose (such as asylum or family
    reunification) creates the duty. Permits for study, highly skilled work, seasonal work, au
    pair or another temporary purpose do not.""",
    onderwerp="plicht",
    zekerheid="H",
)

R6 = definieer_regel(
    id="R6",
    titel="Begin van de plicht: datum bekendmaking door de IND",
    titel_en="Start of the duty: date the IND made the right known",
    bron="Wi2021 art. 3; Divosa Q&A Doelgroep",
    tekst="""De inburgeringsplicht begint op de dag dat de IND het verblijfsrecht bekendmaakt. Is
    de persoon dan nog geen 18, dan begint de plicht op de 18e verjaardag. De termijn van 3 jaar
    begint later: pas na het eerste PIP.""",
    tekst_en="""The duty starts on the day the IND makes the residence right known. If the person
    is not yet 18 then, it starts on the 18th birthday. The 3-year term starts later, after the
    first PIP.""",
    onderwerp="plicht",
    zekerheid="H",
)

R56 = definieer_regel(
    id="R56",
    titel="Welk college is verantwoordelijk",
    titel_en="Which municipality is responsible",
    bron="Wi2021 art. 1 (begrip 'college'); Huisvestingswet 2014 art. 28; BW boek 1 art. 10–11",
    tekst="""Voor iemand met een tijdelijke asielvergunning is de gemeente verantwoordelijk waar hij
    is gehuisvest op grond van de Huisvestingswet (de koppelgemeente). Voor alle anderen is dat de
    gemeente waar de persoon woont.""",
    tekst_en="""For a holder of a temporary asylum permit, the municipality where he is housed
    under the Housing Act 2014 is responsible. For everyone else, it is the municipality of
    residence.""",
    onderwerp="plicht",
    zekerheid="H",
)


@dataclass(frozen=True)
class PlichtFeiten:
    """De feiten waaruit de plicht volgt."""

    #: ``None`` zolang de geboortedatum onbekend is (een persoon die DUO aanmeldde): dan toetst
    #: deze module geen leeftijd en noemt hij geen AOW-datum.
    geboortedatum: date | None
    #: ISO 3166-1 alfa-2 codes, bijvoorbeeld ("SY",) of ("TR", "DE").
    nationaliteiten: tuple[str, ...]
    verblijfsdoel: Verblijfsdoel
    #: Datum waarop de IND het verblijfsrecht bekendmaakte.
    datum_bekendmaking_ind: date
    #: Gezinslid van een EU/EER-burger met verblijf op grond van het EU-recht.
    eu_familielid: bool = False
    #: Gezinslid (nareiziger) van een asielstatushouder, ook met een reguliere vergunning
    #: (Wi2021 art. 13 lid 1 onder b); telt als "asielgerelateerd" voor Turkse nieuwkomers (R4).
    gezinslid_van_asielstatushouder: bool = False
    #: DUO's indeling, als die er al is (gaat voor, R2).
    duo_regime: Regime | None = None


@dataclass(frozen=True)
class Plichtbepaling:
    """Uitkomst van :func:`bepaal_plicht`."""

    plichtig: bool
    #: Waarom er géén plicht is (leeg als er wel een plicht is): elke reden met zijn regel.
    redenen: Uitkomst
    regime: Resultaat[Regime] | None
    begindatum: Resultaat[date] | None
    #: De dag waarop de plicht eindigt door de AOW-leeftijd (R1).
    aow_datum: Resultaat[date] | None


def is_eu_eer_zwitsers(nationaliteiten: Iterable[str]) -> bool:
    """Heeft de persoon (ook) de nationaliteit van de EU, EER, Zwitserland of Nederland?"""
    return any(n.strip().upper() in EU_EER_ZWITSERLAND for n in nationaliteiten)


def bepaal_regime(begindatum_plicht: date, duo_regime: Regime | None = None) -> Resultaat[Regime]:
    """Welk regime geldt voor een plicht die op ``begindatum_plicht`` begon (R2)."""
    if duo_regime is not None:
        return Resultaat(
            duo_regime,
            R2,
            f"DUO heeft de persoon ingedeeld onder de {duo_regime}; die indeling gaat voor.",
            f"DUO has classified the person under the {duo_regime}; that classification prevails.",
        )
    if begindatum_plicht >= WI2021_INWERKINGTREDING:
        return Resultaat(
            Regime.WI2021,
            R2,
            f"De plicht begon op {datum_nl(begindatum_plicht)}, op of na 01-01-2022: Wi2021.",
            f"The duty started on {datum_nl(begindatum_plicht)}, on or after 01-01-2022: Wi2021.",
        )
    return Resultaat(
        Regime.WI2013,
        R2,
        f"De plicht begon op {datum_nl(begindatum_plicht)}, vóór 01-01-2022: de oude wet (Wi2013).",
        f"The duty started on {datum_nl(begindatum_plicht)}, before 01-01-2022: the old Act "
        "(Wi2013).",
    )


def begindatum_plicht(geboortedatum: date | None, datum_bekendmaking_ind: date) -> Resultaat[date]:
    """De dag waarop de plicht begint: de IND-datum, maar niet vóór de 18e verjaardag (R6, R1).

    Zonder geboortedatum is de IND-datum het beste wat bekend is; de uitleg zegt dat.
    """
    if geboortedatum is None:
        return Resultaat(
            datum_bekendmaking_ind,
            R6,
            f"De plicht begint op de dag dat de IND het verblijfsrecht bekendmaakte: "
            f"{datum_nl(datum_bekendmaking_ind)}. De geboortedatum is nog onbekend, dus de "
            f"18e verjaardag is niet getoetst.",
            f"The duty starts on the day the IND made the residence right known: "
            f"{datum_nl(datum_bekendmaking_ind)}. The date of birth is not yet known, so the "
            f"18th birthday was not checked.",
        )
    achttien = verjaardag(geboortedatum, MINIMUMLEEFTIJD)
    if achttien > datum_bekendmaking_ind:
        return Resultaat(
            achttien,
            R6,
            f"De IND maakte het verblijfsrecht bekend op {datum_nl(datum_bekendmaking_ind)}, "
            f"maar de persoon wordt pas op {datum_nl(achttien)} 18; de plicht begint dan.",
            f"The IND made the right known on {datum_nl(datum_bekendmaking_ind)}, but the person "
            f"turns 18 only on {datum_nl(achttien)}; the duty starts then.",
        )
    return Resultaat(
        datum_bekendmaking_ind,
        R6,
        f"De plicht begint op de dag dat de IND het verblijfsrecht bekendmaakte: "
        f"{datum_nl(datum_bekendmaking_ind)}.",
        f"The duty starts on the day the IND made the residence right known: "
        f"{datum_nl(datum_bekendmaking_ind)}.",
    )


def _toets_nationaliteit(feiten: PlichtFeiten, begin: date) -> Uitkomst:
    uitkomst = Uitkomst()
    if is_eu_eer_zwitsers(feiten.nationaliteiten):
        uitkomst += Uitkomst.fout(
            R3,
            "Geen plicht: de persoon heeft de nationaliteit van een EU- of EER-land, "
            "Zwitserland of Nederland.",
            "No duty: the person is a national of an EU or EEA country, Switzerland or the "
            "Netherlands.",
            veld="nationaliteiten",
        )
    if feiten.eu_familielid:
        uitkomst += Uitkomst.fout(
            R3,
            "Geen plicht: de persoon woont hier als gezinslid van een EU-burger (EU-recht).",
            "No duty: the person lives here as a family member of an EU citizen (EU law).",
            veld="eu_familielid",
        )
    turks = any(n.strip().upper() == TURKIJE for n in feiten.nationaliteiten)
    if turks and not uitkomst.schendingen and begin < TURKS_PLICHT_VANAF:
        asiel = (
            feiten.verblijfsdoel is Verblijfsdoel.ASIEL_BEPAALDE_TIJD
            or feiten.gezinslid_van_asielstatushouder
        )
        if not asiel:
            uitkomst += Uitkomst.fout(
                R4,
                f"Geen plicht: Turkse nieuwkomers zijn pas plichtig als de plicht op of na "
                f"01-01-2022 begint; hier zou hij beginnen op {datum_nl(begin)}.",
                f"No duty: Turkish newcomers are obliged only if the duty starts on or after "
                f"01-01-2022; here it would start on {datum_nl(begin)}.",
                veld="datum_bekendmaking_ind",
            )
        elif begin < TURKS_ASIEL_PLICHT_VANAF:
            uitkomst += Uitkomst.fout(
                R4,
                f"Geen plicht: Turkse asielstatushouders zijn pas plichtig vanaf 01-05-2020; "
                f"hier zou de plicht beginnen op {datum_nl(begin)}.",
                f"No duty: Turkish asylum permit holders are obliged only from 01-05-2020; here "
                f"the duty would start on {datum_nl(begin)}.",
                veld="datum_bekendmaking_ind",
            )
    return uitkomst


def bepaal_plicht(feiten: PlichtFeiten, peildatum: date) -> Plichtbepaling:
    """Is de persoon op ``peildatum`` inburgeringsplichtig, en zo ja onder welk regime?

    Alle redenen om géén plicht aan te nemen worden verzameld (R1, R3, R4, R5).
    """
    begin = begindatum_plicht(feiten.geboortedatum, feiten.datum_bekendmaking_ind)
    redenen = _toets_nationaliteit(feiten, begin.waarde)
    if feiten.verblijfsdoel in TIJDELIJKE_VERBLIJFSDOELEN:
        redenen += Uitkomst.fout(
            R5,
            f"Geen plicht: het verblijfsdoel '{feiten.verblijfsdoel.label}' is tijdelijk.",
            f"No duty: the residence purpose '{feiten.verblijfsdoel.value}' is temporary.",
            veld="verblijfsdoel",
        )
    if feiten.geboortedatum is not None:
        # Onbekend (DUO meldde de persoon): DUO heeft de leeftijd al getoetst.
        redenen += toets_leeftijd(feiten.geboortedatum, peildatum)
    if peildatum < feiten.datum_bekendmaking_ind:
        redenen += Uitkomst.fout(
            R6,
            f"Nog geen plicht: de IND maakt het verblijfsrecht pas bekend op "
            f"{datum_nl(feiten.datum_bekendmaking_ind)}.",
            f"No duty yet: the IND makes the residence right known only on "
            f"{datum_nl(feiten.datum_bekendmaking_ind)}.",
            veld="datum_bekendmaking_ind",
        )
    if redenen.toegestaan:
        return Plichtbepaling(
            plichtig=True,
            redenen=redenen,
            regime=bepaal_regime(begin.waarde, feiten.duo_regime),
            begindatum=begin,
            aow_datum=aow_datum(feiten.geboortedatum) if feiten.geboortedatum else None,
        )
    return Plichtbepaling(
        plichtig=False, redenen=redenen, regime=None, begindatum=None, aow_datum=None
    )


def verantwoordelijke_gemeente(
    *,
    tijdelijke_asielvergunning: bool,
    woongemeente: str | None,
    huisvestingsgemeente: str | None,
) -> Resultaat[str | None]:
    """De gemeentecode van het verantwoordelijke college (R56).

    ``huisvestingsgemeente`` is de gemeente waar de asielvergunninghouder op grond van
    Huisvestingswet 2014 art. 28 is gehuisvest (COA-koppeling); ``None`` als die er (nog) niet is.
    """
    if tijdelijke_asielvergunning:
        return Resultaat(
            huisvestingsgemeente,
            R56,
            "Tijdelijke asielvergunning: verantwoordelijk is de gemeente waar de persoon is "
            "gehuisvest volgens de Huisvestingswet (koppelgemeente).",
            "Temporary asylum permit: the municipality where the person is housed under the "
            "Housing Act is responsible.",
        )
    return Resultaat(
        woongemeente,
        R56,
        "Geen tijdelijke asielvergunning: verantwoordelijk is de woonplaatsgemeente.",
        "No temporary asylum permit: the municipality of residence is responsible.",
    )


def toets_verantwoordelijk(
    eigen_gemeente: str,
    *,
    tijdelijke_asielvergunning: bool,
    woongemeente: str | None,
    huisvestingsgemeente: str | None,
) -> Uitkomst:
    """Is ``eigen_gemeente`` het verantwoordelijke college voor deze persoon (R56)?"""
    bepaald = verantwoordelijke_gemeente(
        tijdelijke_asielvergunning=tijdelijke_asielvergunning,
        woongemeente=woongemeente,
        huisvestingsgemeente=huisvestingsgemeente,
    )
    if bepaald.waarde == eigen_gemeente:
        return Uitkomst()
    andere = bepaald.waarde or "nog onbekend"
    return Uitkomst.fout(
        R56,
        f"Deze gemeente ({eigen_gemeente}) is niet verantwoordelijk. {bepaald.uitleg} "
        f"Dat is: {andere}.",
        f"This municipality ({eigen_gemeente}) is not responsible. {bepaald.uitleg_en} "
        f"That is: {andere}.",
        veld="gemeente",
    )
