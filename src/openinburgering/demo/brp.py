"""What the BRP knows about the demo's people, as plain data for the BRP stand-in (``POST
/_sim/zaaien`` or ``--zaai``), ADR 0062.

The stand-in imports nothing from the product, so the demo hands it JSON: every demo person
with a name and birth date, with their address, nationality and gemeente of registration as the
dossier holds them. A few get what a caseworker must notice, so the demo shows it after
"Opnieuw ophalen uit de BRP": confidentiality, an address under investigation, and one death.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone

from openinburgering.inburgeraars.models import Inburgeraar

from .verhuisd import vertrokken_kopieen

_NAAM = re.compile(r"^[a-zA-Z0-9À-ž \.\-\']{1,200}$")
_VOORVOEGSEL = re.compile(r"^[a-zA-Z \']{1,10}$")
_STRAAT_NUMMER = re.compile(
    r"^(?P<straat>.*\S)\s+(?P<nummer>\d{1,5})\s*(?P<letter>[A-Za-z])?"
    r"(?:[ -]?(?P<toevoeging>[A-Za-z0-9]{1,4}))?$"
)
# The demo's nationalities (ISO 3166-1, regels.plicht) as the BRP describes them.
NATIONALITEITEN = {
    "SY": "Syrische", "ER": "Eritrese", "UA": "Oekraïense", "TR": "Turkse", "AF": "Afghaanse",
    "MA": "Marokkaanse", "IR": "Iraanse", "YE": "Jemenitische",
}  # fmt: skip

#: Which demo people (in the first gemeente, in order) the BRP marks, and how.
BIJZONDER = ("geheimhouding", "adresInOnderzoek", "geheimhouding", "overleden")


def adres_voor_brp(inburgeraar: Inburgeraar) -> dict | None:
    match = _STRAAT_NUMMER.match(inburgeraar.straat_huisnummer.strip())
    if not (match and inburgeraar.postcode and inburgeraar.woonplaats):
        return None
    adres = {
        "straat": match["straat"][:80],
        "huisnummer": int(match["nummer"]),
        "postcode": inburgeraar.postcode,
        "woonplaats": inburgeraar.woonplaats,
    }
    if match["letter"]:
        adres["huisletter"] = match["letter"]
    if match["toevoeging"]:
        adres["huisnummertoevoeging"] = match["toevoeging"]
    return adres


def persoon_voor_brp(inburgeraar: Inburgeraar) -> dict | None:
    """The person as the stand-in takes it, or None when the BRP could not hold it."""
    if not (
        inburgeraar.voornamen
        and inburgeraar.achternaam
        and inburgeraar.geboortedatum
        and _NAAM.match(inburgeraar.voornamen)
        and _NAAM.match(inburgeraar.achternaam)
        and (not inburgeraar.voorvoegsel or _VOORVOEGSEL.match(inburgeraar.voorvoegsel))
    ):
        return None
    gemeente = inburgeraar.gemeente
    persoon = {
        "bsn": inburgeraar.bsn,
        "voornamen": inburgeraar.voornamen,
        "geslachtsnaam": inburgeraar.achternaam,
        "geboortedatum": inburgeraar.geboortedatum.isoformat(),
        "gemeenteVanInschrijving": {"code": gemeente.code, "omschrijving": gemeente.naam},
        "datumInschrijvingInGemeente": inburgeraar.dossier.aangemeld_op.isoformat(),
    }
    if inburgeraar.voorvoegsel:
        persoon["voorvoegsel"] = inburgeraar.voorvoegsel
    nationaliteit = NATIONALITEITEN.get(str(inburgeraar.nationaliteit))
    if nationaliteit:
        persoon["nationaliteiten"] = [nationaliteit]
    adres = adres_voor_brp(inburgeraar)
    if adres:
        persoon["adres"] = adres
    return persoon


def zaaigegevens() -> tuple[dict, list[tuple[str, str]]]:
    """Every demo person the BRP can hold, in the shape of ``POST /_sim/zaaien``; and the
    people it marks, as (name, marker) for the welcome text."""
    # A person who moved is registered once, in the gemeente they live in now.
    inburgeraars = (
        Inburgeraar.objects.select_related("gemeente", "dossier")
        .exclude(id__in=vertrokken_kopieen())
        .order_by("gemeente__code", "id")
    )
    vandaag = timezone.localdate()
    personen, bijzonder = [], []
    eerste_gemeente = None
    for inburgeraar in inburgeraars:
        persoon = persoon_voor_brp(inburgeraar)
        if persoon is None:
            continue
        eerste_gemeente = eerste_gemeente or inburgeraar.gemeente_id
        if (
            inburgeraar.gemeente_id == eerste_gemeente
            and "adres" in persoon
            and len(bijzonder) < len(BIJZONDER)
            and inburgeraar.dossier.status != "afgerond"
        ):
            soort = BIJZONDER[len(bijzonder)]
            if soort == "geheimhouding":
                persoon["geheimhouding"] = True
            elif soort == "adresInOnderzoek":
                persoon["adresInOnderzoek"] = (vandaag - timedelta(days=30)).isoformat()
            else:
                persoon["overlijdensdatum"] = (vandaag - timedelta(days=5)).isoformat()
            bijzonder.append((inburgeraar.volledige_naam, soort))
        personen.append(persoon)
    return {"personen": personen}, bijzonder
