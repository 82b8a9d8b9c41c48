"""The fictional people the stand-in knows, and how one is shown as the spec's ``Persoon``.

A person is seeded as a small flat dict (``POST /_sim/personen``, ``--zaai``); :func:`als_persoon`
turns it into the full ``Persoon`` of the BRP API, and :func:`filteren` keeps what ``fields``
asked for plus what the BRP always delivers with it (``geheimhoudingPersoonsgegevens`` and the
``inOnderzoek`` markers of the groups asked for).
"""

from __future__ import annotations

import re
from datetime import date

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip
GESLACHT = {"V": "vrouw", "M": "man", "O": "onbekend"}
_NAAM = re.compile(r"^[a-zA-Z0-9À-ž \.\-\']{1,200}$")
_VOORVOEGSEL = re.compile(r"^[a-zA-Z \']{1,10}$")
_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
_WOONPLAATS = re.compile(r"^[a-zA-Z0-9À-ž, \(\)\.\-\']{1,80}$")
_OMSCHRIJVING = re.compile(r"^[a-zA-Z0-9À-ž \'\.\-\(\),]{1,200}$")


def elfproef(bsn: str) -> bool:
    if not (len(bsn) == 9 and bsn.isascii() and bsn.isdigit()):
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (som - int(bsn[8])) % 11 == 0


def datum(waarde: str) -> dict:
    """A full date as the spec's ``VolledigeDatum``."""
    d = date.fromisoformat(waarde)
    return {
        "type": "Datum",
        "datum": d.isoformat(),
        "langFormaat": f"{d.day} {MAANDEN[d.month - 1]} {d.year}",
    }  # noqa: E501


def _datum_of_fout(invoer: dict, sleutel: str, fouten: list[str]) -> None:
    waarde = invoer.get(sleutel)
    if waarde in (None, "", True):
        return
    try:
        date.fromisoformat(str(waarde))
    except ValueError:
        fouten.append(f"{sleutel} is geen datum (JJJJ-MM-DD)")


def controleer(invoer: dict) -> list[str]:
    """What is wrong with a seeded person (Dutch, for the admin endpoint); [] when fine."""
    fouten = []
    if not isinstance(invoer, dict):
        return ["een persoon is een JSON-object"]
    if not elfproef(str(invoer.get("bsn", ""))):
        fouten.append("bsn moet 9 cijfers zijn en voldoen aan de 11-proef")
    fouten += [
        f"{sleutel} ontbreekt of bevat tekens die de BRP niet kent"
        for sleutel in ("voornamen", "geslachtsnaam")
        if not _NAAM.match(str(invoer.get(sleutel) or ""))
    ]
    if invoer.get("voorvoegsel") and not _VOORVOEGSEL.match(invoer["voorvoegsel"]):
        fouten.append("voorvoegsel bevat tekens die de BRP niet kent")
    if invoer.get("geslacht") and invoer["geslacht"] not in GESLACHT:
        fouten.append("geslacht is V, M of O")
    for sleutel in ("geboortedatum", "datumInschrijvingInGemeente", "overlijdensdatum",
                    "adresInOnderzoek"):  # fmt: skip
        _datum_of_fout(invoer, sleutel, fouten)
    if not invoer.get("geboortedatum"):
        fouten.append("geboortedatum ontbreekt")
    adres = invoer.get("adres")
    if adres is not None:
        if not isinstance(adres, dict):
            fouten.append("adres is een JSON-object")
        else:
            if not str(adres.get("straat") or "") or len(adres["straat"]) > 80:
                fouten.append("adres.straat ontbreekt of is te lang")
            nummer = adres.get("huisnummer")
            if not isinstance(nummer, int) or not 1 <= nummer <= 99999:
                fouten.append("adres.huisnummer is een getal van 1 tot en met 99999")
            if not _POSTCODE.match(str(adres.get("postcode") or "")):
                fouten.append("adres.postcode is 4 cijfers en 2 letters")
            if not _WOONPLAATS.match(str(adres.get("woonplaats") or "")):
                fouten.append("adres.woonplaats ontbreekt of bevat tekens die de BRP niet kent")
            if adres.get("huisletter") and not re.fullmatch(r"[a-zA-Z]", adres["huisletter"]):
                fouten.append("adres.huisletter is één letter")
            toevoeging = adres.get("huisnummertoevoeging")
            if toevoeging and not re.fullmatch(r"[a-zA-Z0-9 \-]{1,4}", toevoeging):
                fouten.append("adres.huisnummertoevoeging is hoogstens 4 tekens")
    gemeente = invoer.get("gemeenteVanInschrijving")
    if gemeente is not None and not (
        isinstance(gemeente, dict) and re.fullmatch(r"[0-9]{4}", str(gemeente.get("code", "")))
    ):
        fouten.append("gemeenteVanInschrijving is {code: 4 cijfers, omschrijving}")
    if any(not _OMSCHRIJVING.match(str(n)) for n in invoer.get("nationaliteiten") or []):
        fouten.append("een nationaliteit bevat tekens die de BRP niet kent")
    return fouten


def _voorletters(voornamen: str) -> str:
    return "".join(f"{deel[0]}." for deel in voornamen.split() if deel)


def _adresregel1(adres: dict) -> str:
    nummer = f"{adres['huisnummer']}{adres.get('huisletter') or ''}"
    if adres.get("huisnummertoevoeging"):
        nummer += f"-{adres['huisnummertoevoeging']}"
    return f"{adres['straat']} {nummer}"[:40]


def _postcode(waarde: str) -> str:
    kaal = waarde.replace(" ", "").upper()
    return f"{kaal[:4]} {kaal[4:]}"


def als_persoon(invoer: dict, *, vandaag: date) -> dict:
    """The full ``Persoon`` (spec) of a seeded person."""
    voornamen = invoer["voornamen"]
    voorvoegsel = invoer.get("voorvoegsel") or ""
    geslachtsnaam = invoer["geslachtsnaam"]
    achternaam = f"{voorvoegsel} {geslachtsnaam}".strip()
    naam = {
        "voornamen": voornamen,
        "geslachtsnaam": geslachtsnaam,
        "voorletters": _voorletters(voornamen),
        "volledigeNaam": f"{voornamen} {achternaam}",
        "aanduidingNaamgebruik": {"code": "E", "omschrijving": "eigen geslachtsnaam"},
    }
    if voorvoegsel:
        naam["voorvoegsel"] = voorvoegsel
    geboren = date.fromisoformat(invoer["geboortedatum"])
    einde = (
        date.fromisoformat(invoer["overlijdensdatum"])
        if invoer.get("overlijdensdatum")
        else vandaag
    )
    leeftijd = einde.year - geboren.year - ((einde.month, einde.day) < (geboren.month, geboren.day))
    persoon: dict = {
        "burgerservicenummer": invoer["bsn"],
        "naam": naam,
        "geboorte": {"datum": datum(invoer["geboortedatum"])},
        "leeftijd": max(0, min(150, leeftijd)),
    }
    if invoer.get("geboorteland"):
        persoon["geboorte"]["land"] = {"omschrijving": invoer["geboorteland"]}
    geslacht = invoer.get("geslacht")
    if geslacht:
        persoon["geslacht"] = {"code": geslacht, "omschrijving": GESLACHT[geslacht]}
    if invoer.get("nationaliteiten"):
        persoon["nationaliteiten"] = [
            {"type": "Nationaliteit", "nationaliteit": {"omschrijving": n}}
            for n in invoer["nationaliteiten"]
        ]
    if invoer.get("gemeenteVanInschrijving"):
        persoon["gemeenteVanInschrijving"] = dict(invoer["gemeenteVanInschrijving"])
    if invoer.get("datumInschrijvingInGemeente"):
        persoon["datumInschrijvingInGemeente"] = datum(invoer["datumInschrijvingInGemeente"])
    adres = invoer.get("adres")
    onderzoek = invoer.get("adresInOnderzoek")
    if adres:
        verblijfadres = {
            "officieleStraatnaam": adres["straat"][:80],
            "korteStraatnaam": adres["straat"][:24],
            "huisnummer": adres["huisnummer"],
            "postcode": _postcode(adres["postcode"]),
            "woonplaats": adres["woonplaats"],
        }
        for sleutel in ("huisletter", "huisnummertoevoeging"):
            if adres.get(sleutel):
                verblijfadres[sleutel] = adres[sleutel]
        verblijfplaats = {
            "type": "Adres",
            "verblijfadres": verblijfadres,
            "functieAdres": {"code": "W", "omschrijving": "woonadres"},
        }
        if invoer.get("datumInschrijvingInGemeente"):
            verblijfplaats["datumVan"] = datum(invoer["datumInschrijvingInGemeente"])
        aanspreek = {"V": "mevrouw", "M": "de heer"}.get(geslacht or "")
        adressering = {
            "adresregel1": _adresregel1(adres),
            "adresregel2": f"{_postcode(adres['postcode'])}  {adres['woonplaats'].upper()}"[:50],
            "aanschrijfwijze": {"naam": f"{_voorletters(voornamen)} {achternaam}"},
            "gebruikInLopendeTekst": f"{aanspreek} {achternaam}" if aanspreek else achternaam,
            "aanhef": f"Geachte {aanspreek} {achternaam}"
            if aanspreek
            else f"Geachte {voornamen} {achternaam}",  # noqa: E501
        }
        if onderzoek:
            sinds = datum(onderzoek if isinstance(onderzoek, str) else vandaag.isoformat())
            verblijfplaats["inOnderzoek"] = {
                "type": True,
                "datumVan": True,
                "functieAdres": True,
                "datumIngangOnderzoek": sinds,
            }
            verblijfadres["inOnderzoek"] = {
                "officieleStraatnaam": True,
                "korteStraatnaam": True,
                "huisnummer": True,
                "postcode": True,
                "woonplaats": True,
                "datumIngangOnderzoek": sinds,
            }
            adressering["inOnderzoek"] = {
                "adresregel1": True,
                "adresregel2": True,
                "datumIngangOnderzoekVerblijfplaats": sinds,
            }
        persoon["verblijfplaats"] = verblijfplaats
        persoon["adressering"] = adressering
    if invoer.get("overlijdensdatum"):
        persoon["overlijden"] = {
            "datum": datum(invoer["overlijdensdatum"]),
            "land": {"code": "6030", "omschrijving": "Nederland"},
        }
    if invoer.get("geheimhouding"):
        persoon["geheimhoudingPersoonsgegevens"] = True
    return persoon


def _filter(knoop, paden: list[list[str]]):
    """Keep the requested subtrees of ``knoop``; an ``inOnderzoek`` beside a kept field comes
    along, as the BRP delivers it with the group."""
    if any(not p for p in paden):
        return knoop  # the whole group was asked for
    if isinstance(knoop, list):
        uit_lijst = [_filter(item, paden) for item in knoop]
        return [item for item in uit_lijst if item not in (None, {})]
    if not isinstance(knoop, dict):
        return knoop
    uit = {}
    for sleutel, waarde in knoop.items():
        onder = [p[1:] for p in paden if p[0] == sleutel]
        if onder:
            gefilterd = _filter(waarde, onder)
            if gefilterd not in (None, {}, []):
                uit[sleutel] = gefilterd
    for verplicht in ("type", "langFormaat"):
        if uit and verplicht in knoop and verplicht not in uit:
            uit[verplicht] = knoop[verplicht]  # a polymorphic object always says what it is
    if uit and "inOnderzoek" in knoop:
        uit["inOnderzoek"] = knoop["inOnderzoek"]
    return uit


def filteren(persoon: dict, fields: list[str]) -> dict:
    """The person as ``fields`` asked for, with what the BRP always delivers."""
    uit = _filter(persoon, [f.split(".") for f in fields])
    if persoon.get("geheimhoudingPersoonsgegevens"):
        uit["geheimhoudingPersoonsgegevens"] = True
    return uit
