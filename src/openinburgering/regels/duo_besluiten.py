"""Wat DUO over een persoon besliste en de gemeente toont: verlengingsaanvragen (R72) en de boetes
die DUO oplegde (R73); en de bekendmaking van een brief aan een adres in onderzoek (R74).

DUO beslist over beide; de gemeente leest ze via DUO's Verlenging API en Boete API (juni 2026) en
legt ze naast haar eigen dossier. Deze module rekent niets uit wat DUO beslist: ze legt uit wat
DUO's antwoord betekent, en zegt wanneer de gemeente DUO's termijn opnieuw moet ophalen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .base import Regel, Uitkomst, datum_nl, definieer_regel
from .codes import Regime

#: DUO's beoordeling van een verlengingsaanvraag (Verlenging API, ``AanvraagToekenningsstatus``).
TOEGEKEND = "Toegekend"
AFGEWEZEN = "Afgewezen"
IN_BEHANDELING = "InBehandeling"
BEOORDELINGEN = (TOEGEKEND, AFGEWEZEN, IN_BEHANDELING)

#: Wi2013 art. 34: de boete van DUO is per overschrijding hoogstens zoveel euro (DOMAIN.md §5.2).
WI2013_BOETE_MAXIMUM = Decimal(1250)

R72 = definieer_regel(
    id="R72",
    titel="Verlengingsaanvraag: DUO beslist, de termijn volgt DUO's nieuwe einddatum",
    titel_en="Extension request: DUO decides, the term follows DUO's new end date",
    bron="Wi2021 art. 12; Bi2021 art. 4.3–4.4; DUO Verlenging API 1.0.0",
    tekst="""De inburgeraar vraagt de verlenging bij DUO aan; DUO beoordeelt de aanvraag (in
    behandeling, toegekend of afgewezen). Is de verlenging toegekend, dan eindigt de
    inburgeringstermijn op de nieuwe einddatum die DUO opgeeft, en alle termijnen die ervan afhangen
    schuiven mee. Zegt DUO dat een verlenging is toegekend, maar eindigt de termijn die de gemeente
    van DUO heeft niet later dan drie jaar na de start, dan haalt de gemeente de termijn opnieuw op
    bij DUO.""",
    tekst_en="""The person requests the extension from DUO; DUO assesses the request (in
    progress, granted or refused). When the extension is granted, the integration term ends on the
    new end date DUO gives, and every deadline that depends on it moves along. When DUO says an
    extension was granted but the term the gemeente holds from DUO does not end later than three
    years after its start, the gemeente fetches the term from DUO again.""",
    onderwerp="termijnen",
    zekerheid="M",
    aanname="""DUO's Verlenging API geeft de aanvraag en de beoordeling, niet de nieuwe einddatum:
    die komt uit DUO's Inburgeringstermijn API (met SS104 of bij ophalen). Hoe lang DUO verlengt is
    niet bekend (open vraag 7). De opdracht noemde art. 7/8; de bronnen noemen art. 12.""",
    aanname_en="""DUO's Verlenging API gives the request and the assessment, not the new end
    date: that comes from DUO's Inburgeringstermijn API (with SS104 or on fetching). How long DUO
    extends is not known (open question 7). The brief named art. 7/8; the sources name art. 12.""",
)

R73 = definieer_regel(
    id="R73",
    titel="Boete van DUO: tonen als DUO's besluit, met de wet waaronder",
    titel_en="DUO's fine: shown as DUO's decision, with the law it falls under",
    bron="Wi2013 art. 34; Wi2021 (artikel niet bevestigd, zie R64); DUO Boete API 1.0.0",
    tekst="""DUO legt een bestuurlijke boete op als de inburgeraar verwijtbaar de termijn heeft
    overschreden. Het is DUO's besluit, niet dat van de gemeente: de gemeente toont het naast haar
    eigen boetes, als boete van DUO, met de wet waaronder de persoon valt. Onder de Wi2013 is de
    boete hoogstens 1.250 euro per overschrijding; een hoger bedrag van DUO wordt getoond maar
    gemarkeerd om na te vragen. Voor de Wi2021 is geen maximum bekend.""",
    tekst_en="""DUO imposes an administrative fine when the person culpably exceeded the term. It
    is DUO's decision, not the gemeente's: the gemeente shows it beside its own fines, as DUO's
    fine, with the law the person falls under. Under the Wi2013 the fine is at most 1,250 euros
    per overrun; a higher amount from DUO is shown but flagged to be checked. No maximum is known
    for the Wi2021.""",
    onderwerp="handhaving",
    zekerheid="M",
    aanname="""DUO's Boete API geeft alleen bedrag en datum, niet de wet: die nemen we van de
    persoon (R2). DUO's koppelvlak bedient Wi2021-personen; een Wi2013-boete komt er
    waarschijnlijk niet langs, maar wordt dan op dezelfde manier getoond.""",
    aanname_en="""DUO's Boete API gives only amount and date, not the law: we take that from the
    person (R2). DUO's interface serves Wi2021 persons; a Wi2013 fine probably does not pass
    through it, but would be shown the same way.""",
)

R74 = definieer_regel(
    id="R74",
    titel="Brief naar een adres in onderzoek: alleen na uitdrukkelijke bevestiging",
    titel_en="Letter to an address under investigation: only after explicit confirmation",
    bron="Awb art. 3:41 lid 1; BRP API Personen 2.x (inOnderzoek)",
    tekst="""Een besluit wordt bekendgemaakt door het aan de belanghebbende toe te zenden. Als de
    BRP onderzoekt of iemand nog op zijn adres woont, komt een brief daar mogelijk niet aan. Een
    brief naar zo'n adres wordt alleen gemaakt als de medewerker uitdrukkelijk bevestigt dat hij
    de waarschuwing heeft gelezen en het adres heeft gecontroleerd.""",
    tekst_en="""A decision is made known by sending it to the person concerned. When the BRP is
    investigating whether someone still lives at their address, a letter may not arrive there. A
    letter to such an address is made only when the caseworker explicitly confirms having read the
    warning and checked the address.""",
    onderwerp="brieven",
    zekerheid="M",
    aanname="""Geen wet verbiedt de brief; de bevestiging is een waarborg tegen een stille
    verzending naar een adres dat mogelijk niet klopt.""",
    aanname_en="""No law forbids the letter; the confirmation guards against sending it silently
    to an address that may be wrong.""",
)


@dataclass(frozen=True)
class Verlengingsaanvraag:
    """Eén aanvraag zoals DUO hem geeft (Verlenging API)."""

    ontvangstdatum: date
    beoordeling: str
    datum_beoordeling: date | None = None


@dataclass(frozen=True)
class VerlengingStand:
    """Wat DUO's aanvragen samen betekenen (R72)."""

    toegekend: bool
    in_behandeling: bool
    #: De termijn van DUO die de gemeente heeft, weerspiegelt een toegekende verlenging niet.
    termijn_ophalen: bool
    uitleg: str
    uitleg_en: str
    regel: Regel = R72


def beoordeel_verlengingen(
    aanvragen: Sequence[Verlengingsaanvraag],
    *,
    termijn_verlengd: bool,
) -> VerlengingStand:
    """R72: wat DUO's verlengingsaanvragen betekenen voor de termijn op het dossier.

    ``termijn_verlengd``: eindigt de termijn die de gemeente van DUO heeft later dan drie jaar na
    de start (R42, :func:`termijnen.inburgeringstermijn_van_duo`)?
    """
    op_datum = sorted(aanvragen, key=lambda a: (a.ontvangstdatum, a.datum_beoordeling or date.max))
    toegekend = [a for a in op_datum if a.beoordeling == TOEGEKEND]
    open_ = [a for a in op_datum if a.beoordeling == IN_BEHANDELING]
    delen, delen_en = [], []
    if not op_datum:
        delen.append("DUO kent geen verlengingsaanvragen van deze persoon")
        delen_en.append("DUO knows no extension requests of this person")
    for a in open_:
        delen.append(f"DUO beoordeelt de aanvraag van {datum_nl(a.ontvangstdatum)} nog")
        delen_en.append(f"DUO is still assessing the request of {datum_nl(a.ontvangstdatum)}")
    if toegekend:
        laatste = toegekend[-1]
        beoordeeld = laatste.datum_beoordeling
        wanneer = f" op {datum_nl(beoordeeld)}" if beoordeeld else ""
        wanneer_en = f" on {datum_nl(beoordeeld)}" if beoordeeld else ""
        ontvangen = datum_nl(laatste.ontvangstdatum)
        delen.append(
            f"DUO heeft de aanvraag van {ontvangen}{wanneer} toegekend; de termijn loopt tot "
            "DUO's nieuwe einddatum"
        )
        delen_en.append(
            f"DUO granted the request of {ontvangen}{wanneer_en}; the term runs until DUO's new "
            "end date"
        )
    ophalen = bool(toegekend) and not termijn_verlengd
    if ophalen:
        delen.append("de termijn van DUO is nog niet verlengd: haal hem opnieuw op bij DUO")
        delen_en.append("DUO's term is not extended yet: fetch it from DUO again")
    return VerlengingStand(
        toegekend=bool(toegekend),
        in_behandeling=bool(open_),
        termijn_ophalen=ophalen,
        uitleg="; ".join(delen) + " (R72).",
        uitleg_en="; ".join(delen_en) + " (R72).",
    )


@dataclass(frozen=True)
class DuoBoeteUitleg:
    """Eén boete van DUO, uitgelegd (R73)."""

    bedrag: Decimal
    datum: date
    regime: Regime
    wet: str
    #: Het bedrag past niet bij wat de wet toestaat: navragen bij DUO.
    nakijken: bool
    uitleg: str
    uitleg_en: str
    regel: Regel = R73


def leg_duo_boete_uit(*, bedrag: Decimal, datum: date, regime: Regime) -> DuoBoeteUitleg:
    """R73: een boete die DUO oplegde, met de wet waaronder de persoon valt."""
    wet = "Wi2013 art. 34" if regime is Regime.WI2013 else "Wi2021"
    nakijken = regime is Regime.WI2013 and bedrag > WI2013_BOETE_MAXIMUM
    uitleg = (
        f"Boete van DUO van € {bedrag} (beschikt op {datum_nl(datum)}), onder de {wet}; DUO "
        "besliste hierover, niet de gemeente"
    )
    uitleg_en = (
        f"DUO's fine of €{bedrag} (decided on {datum_nl(datum)}), under the {wet}; DUO decided "
        "this, not the gemeente"
    )
    if nakijken:
        uitleg += f"; hoger dan de € {WI2013_BOETE_MAXIMUM} die de Wi2013 toestaat: vraag het na"
        uitleg_en += f"; higher than the €{WI2013_BOETE_MAXIMUM} the Wi2013 allows: check with DUO"
    return DuoBoeteUitleg(
        bedrag=bedrag,
        datum=datum,
        regime=regime,
        wet=wet,
        nakijken=nakijken,
        uitleg=uitleg + " (R73).",
        uitleg_en=uitleg_en + " (R73).",
    )


def toets_brief_adres_in_onderzoek(*, adres_in_onderzoek: bool, bevestigd: bool) -> Uitkomst:
    """R74: mag een brief worden gemaakt naar dit adres? Alleen na bevestiging als het in
    onderzoek is."""
    if adres_in_onderzoek and not bevestigd:
        return Uitkomst.fout(
            R74,
            "De BRP onderzoekt of deze persoon nog op dit adres woont; de brief komt daar mogelijk "
            "niet aan. Controleer het adres en bevestig dat u de brief toch naar dit adres wilt "
            "maken.",
            "The BRP is investigating whether this person still lives at this address; the letter "
            "may not arrive there. Check the address and confirm that you still want to make the "
            "letter to this address.",
            veld="adres_in_onderzoek_bevestigd",
        )
    return Uitkomst()
