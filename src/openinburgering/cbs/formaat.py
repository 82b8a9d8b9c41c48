"""The SWI file format: the ONE module that knows element names, order and codes (ADR 0070).

Everything else in this app speaks in our own terms: a person is a :class:`Persoonsgegevens`
with a dict per category (``"brede_intake"``, ``"pip"``, …) of our own keys. This module turns
that into XML by the table :data:`CATEGORIEEN`, and checks the result against the ONE schema file
``schema/swi-gemeenten.xsd`` (our rendering of CBS's guidelines; see the note in that file).

Replacing our rendering with CBS's published schema:

1. put CBS's XSD in place of ``schema/swi-gemeenten.xsd`` (same name), and
2. where CBS names or orders elements differently, change :data:`NAMESPACE`, :data:`KOP`,
   :data:`PERSOON` and :data:`CATEGORIEEN` below, and the code lists in :data:`CODES`.

Nothing outside this module and that file changes; the tests build the demo file and validate
it against whatever schema is in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

#: Which rendering this is; written into every file and kept with every delivery.
FORMAATVERSIE = "openinburgering-swi-1"
SCHEMA_PAD = Path(__file__).parent / "schema" / "swi-gemeenten.xsd"
NAMESPACE = "urn:openinburgering:cbs:swi:1"
SOFTWARE = "Open Inburgering"

# --- code lists: our value -> the file's value ---------------------------------------------------

CODES: dict[str, dict[str, str]] = {
    "doelgroep": {
        "Asielstatushouder": "asielstatushouder",
        "Gezinsmigrant en overige migrant": "gezinsmigrant_overig",
    },
    "leerroute": {"B": "B1", "O": "O", "Z": "Z"},
    "lbt": {
        "B1-route haalbaar": "haalbaar",
        "B1-route niet haalbaar": "niet_haalbaar",
        "Onbekend": "onbekend",
    },
    "janee": {"Ja": "J", "Nee": "N", True: "J", False: "N"},  # type: ignore[dict-item]
}


def _datum(waarde: date) -> str:
    return waarde.isoformat()


def _tekst(waarde: Any) -> str:
    return str(waarde)


def _uren(waarde: Decimal | int) -> str:
    return str(Decimal(waarde).quantize(Decimal("0.1")))


def _code(lijst: str) -> Callable[[Any], str]:
    def omzetten(waarde: Any) -> str:
        return CODES[lijst][waarde]

    return omzetten


@dataclass(frozen=True)
class Veld:
    element: str
    sleutel: str
    omzetten: Callable[[Any], str] = _tekst


#: The header: (element, key in the header dict). Order as the schema asks.
KOP = ("Jaar", "Kwartaal", "Correctie", "Aangemaakt")
#: The person's own elements, before the categories.
PERSOON = (
    Veld("BSN", "bsn"),
    Veld("Doelgroep", "doelgroep", _code("doelgroep")),
    Veld("DatumAanmelding", "aangemeld_op", _datum),
)
#: Per category (our key): its element and its fields, in the schema's order. A category that is
#: None for a person is left out, and so is a field whose value is None (R82).
CATEGORIEEN: tuple[tuple[str, str, tuple[Veld, ...]], ...] = (
    (
        "brede_intake",
        "BredeIntake",
        (
            Veld("Startdatum", "gestart_op", _datum),
            Veld("Einddatum", "afgesloten_op", _datum),
            Veld("DatumLeerbaarheidstoets", "lbt_afgenomen_op", _datum),
            Veld("UitslagLeerbaarheidstoets", "lbt_resultaat", _code("lbt")),
            Veld("AdviesLeerroute", "geadviseerde_leerroute", _code("leerroute")),
        ),
    ),
    (
        "pip",
        "Pip",
        (
            Veld("DagtekeningEerstePip", "eerste_dagtekening", _datum),
            Veld("DagtekeningGeldendePip", "dagtekening", _datum),
            Veld("Leerroute", "leerroute", _code("leerroute")),
            Veld("Taalniveau", "niveau"),
            Veld("AantalVersies", "versies"),
            Veld("LaatsteWijziging", "reden"),
        ),
    ),
    (
        "map",
        "Map",
        (
            Veld("Startdatum", "startdatum", _datum),
            Veld("Uren", "uren", _uren),
            Veld("Afrondingsdatum", "afgerond_op", _datum),
            Veld("Verwijtbaar", "verwijtbaar", _code("janee")),
        ),
    ),
    (
        "pvt",
        "Pvt",
        (
            Veld("Startdatum", "startdatum", _datum),
            Veld("Uren", "uren", _uren),
            Veld("Afrondingsdatum", "afgerond_op", _datum),
            Veld("Verwijtbaar", "verwijtbaar", _code("janee")),
        ),
    ),
    (
        "ontzorgen",
        "Ontzorgen",
        (
            Veld("Ontzorgd", "ontzorgd", _code("janee")),
            Veld("DatumBesluit", "besluit_op", _datum),
        ),
    ),
    (
        "begeleiding",
        "Begeleiding",
        (
            Veld("StappenAfgerond", "afgerond"),
            Veld("StappenTotaal", "totaal"),
            Veld("DatumLaatsteStap", "laatste_op", _datum),
        ),
    ),
    (
        "voortgang",
        "Voortgang",
        (
            Veld("GesprekkenInKwartaal", "gesprekken"),
            Veld("DatumLaatsteGesprek", "laatste_gesprek_op", _datum),
            Veld("UrenTaalInKwartaal", "uren_taal", _uren),
        ),
    ),
    (
        "einde",
        "EindePlicht",
        (
            Veld("Datum", "afgerond_op", _datum),
            Veld("Reden", "eindreden"),
        ),
    ),
)


@dataclass
class Persoonsgegevens:
    """One person as the file needs them, in our own terms (no element names)."""

    gemeentecode: str
    bsn: str
    doelgroep: str
    aangemeld_op: date
    categorieen: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    def waarde(self, categorie: str, sleutel: str) -> Any:
        gegevens = self.categorieen.get(categorie)
        return None if gegevens is None else gegevens.get(sleutel)


@dataclass(frozen=True)
class Kop:
    berichtgever_naam: str
    berichtgever_code: str
    jaar: int
    kwartaal: int
    correctie: bool
    aangemaakt: datetime
    gemeentecodes: tuple[str, ...]


def _q(naam: str) -> str:
    return f"{{{NAMESPACE}}}{naam}"


def _sub(ouder: etree._Element, naam: str, tekst: str | None = None) -> etree._Element:
    element = etree.SubElement(ouder, _q(naam))
    if tekst is not None:
        element.text = tekst
    return element


def persoon_element(persoon: Persoonsgegevens) -> etree._Element:
    """One ``Inburgeraar`` element by the table."""
    element = etree.Element(_q("Inburgeraar"))
    bron = {
        "bsn": persoon.bsn,
        "doelgroep": persoon.doelgroep,
        "aangemeld_op": persoon.aangemeld_op,
    }
    for veld in PERSOON:
        _sub(element, veld.element, veld.omzetten(bron[veld.sleutel]))
    for sleutel, naam, velden in CATEGORIEEN:
        gegevens = persoon.categorieen.get(sleutel)
        if gegevens is None:
            continue
        categorie = _sub(element, naam)
        for veld in velden:
            waarde = gegevens.get(veld.sleutel)
            if waarde is not None and waarde != "":
                _sub(categorie, veld.element, veld.omzetten(waarde))
    return element


def bestand_maken(kop: Kop, personen: Iterable[Persoonsgegevens]) -> bytes:
    """The whole file: header, then per gemeente (in ``kop.gemeentecodes``' order) its people."""
    wortel = etree.Element(_q("SwiLevering"), nsmap={None: NAMESPACE})
    wortel.set("formaatversie", FORMAATVERSIE)
    berichtgever = _sub(wortel, "Berichtgever")
    _sub(berichtgever, "Naam", kop.berichtgever_naam)
    _sub(berichtgever, "Gemeentecode", kop.berichtgever_code)
    _sub(berichtgever, "Software", SOFTWARE)
    waarden = {
        "Jaar": str(kop.jaar),
        "Kwartaal": str(kop.kwartaal),
        "Correctie": "true" if kop.correctie else "false",
        "Aangemaakt": kop.aangemaakt.isoformat(timespec="seconds"),
    }
    for naam in KOP:
        _sub(wortel, naam, waarden[naam])
    per_gemeente = {code: _sub(wortel, "Gemeente") for code in kop.gemeentecodes}
    for code, element in per_gemeente.items():
        element.set("code", code)
    for persoon in personen:
        per_gemeente[persoon.gemeentecode].append(persoon_element(persoon))
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PAD)))


def valideren(inhoud: bytes) -> list[str]:
    """Every schema error in the file (line and message); empty = valid."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    document = etree.fromstring(inhoud, parser)
    validator = schema()
    if validator.validate(document):
        return []
    return [f"regel {fout.line}: {fout.message}" for fout in validator.error_log]


def waarden_in_bestand(inhoud: bytes, bsn: str) -> dict[str, str]:
    """The file's values for one person as ``Categorie/Element`` -> text (for checks and tests)."""
    document = etree.fromstring(inhoud)
    for persoon in document.iter(_q("Inburgeraar")):
        if persoon.findtext(_q("BSN")) != bsn:
            continue
        uit = {}
        for kind in persoon:
            naam = etree.QName(kind).localname
            if len(kind):
                for veld in kind:
                    uit[f"{naam}/{etree.QName(veld).localname}"] = veld.text or ""
            else:
                uit[naam] = kind.text or ""
        return uit
    return {}
