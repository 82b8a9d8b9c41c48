"""The request bodies DUO accepts, written out so the simulator also checks them without the spec
folder. With the specs present, openapi-core does the schema check and this module only adds the
check on unknown fields (DUO's schemas do not forbid them, but an unknown field is almost always
a typo in our client, and DUO would silently ignore it)."""

import re

from .datums import parse_datum

DATUM = ("datum",)
BOOL = ("bool",)


def INT(minimum, maximum):
    return ("int", minimum, maximum)


def TEKST(minimum, maximum, patroon=None):
    return ("tekst", minimum, maximum, patroon)


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_NAAM = re.compile(r"^(?:[\s'‘.\-\u2010-\u2015\u2212]|[^\W\d_]){0,100}$")
_TELEFOON = re.compile(r"^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$")

# handler name -> {field: (type, required)}
BODIES: dict[str, dict[str, tuple]] = {
    "pip_registreren": {
        "dagtekeningPip": (DATUM, True),
        "leerroute": (["B", "O", "Z"], True),
        "niveau": (["A2", "B1"], False),
        "geschatteIntensiteitB1Route": (INT(1, 9999), False),
        "indicatorMagOpleidingAfmaken": (BOOL, False),
        "indicatorAlfabetiseringsonderwijs": (["A", "AA", "NVT"], False),
    },
    "contactpersoon_aanmaken": {
        "naam": (TEKST(0, 100, _NAAM), True),
        "email": (TEKST(4, 241), True),
        "telefoonnummer": (TEKST(3, 22, _TELEFOON), True),
    },
    "aanbod_registreren": {
        "datumInburgeringsaanbod": (DATUM, False),
        "verwachteStartdatumOpleiding": (DATUM, False),
        "verwachteEinddatumOpleiding": (DATUM, False),
        "indicatorAlfabetiseringsonderwijs": (["A", "AA", "NVT"], True),
    },
    "map_registreren": {
        "datumEindgesprekMap": (DATUM, False),
        "verwijtbaar": (["Ja", "Nee"], False),
    },
    "pvt_registreren": {
        "datumOndertekeningPvt": (DATUM, False),
        "verwijtbaar": (["Ja", "Nee"], False),
    },
    "zroute_registreren": {"datumAfrondingZroute": (DATUM, False)},
    "uren_taalles_knm_brede_intake": {"uren": (INT(0, 9999), True)},
    "uren_participatieactiviteiten": {"uren": (INT(0, 9999), True)},
    "uren_participatie_als_taalles": {"uren": (INT(0, 9999), True)},
}
BODIES["contactpersoon_wijzigen"] = BODIES["contactpersoon_aanmaken"]


def onbekende_velden(handler: str, body) -> list[str]:
    schema = BODIES.get(handler)
    if schema is None or not isinstance(body, dict):
        return []
    return [f"Onbekend veld '{veld}' in de body." for veld in body if veld not in schema]


def _waarde_fout(soort, waarde) -> str | None:
    if isinstance(soort, list):
        return (
            None
            if waarde in soort
            else "waarde niet toegestaan (toegestaan: " + ", ".join(soort) + ")"
        )
    if soort[0] == "datum":
        return None if parse_datum(waarde) else "geen geldige datum (JJJJ-MM-DD)"
    if soort[0] == "bool":
        return None if isinstance(waarde, bool) else "verkeerd type (verwacht: boolean)"
    if soort[0] == "int":
        if not isinstance(waarde, int) or isinstance(waarde, bool):
            return "verkeerd type (verwacht: integer)"
        if waarde < soort[1]:
            return f"kleiner dan het minimum {soort[1]}"
        if waarde > soort[2]:
            return f"groter dan het maximum {soort[2]}"
        return None
    if soort[0] == "tekst":
        if not isinstance(waarde, str):
            return "verkeerd type (verwacht: string)"
        if len(waarde) < soort[1]:
            return f"te kort (minimaal {soort[1]} tekens)"
        if len(waarde) > soort[2]:
            return f"te lang (maximaal {soort[2]} tekens)"
        if soort[3] is not None and not soort[3].search(waarde):
            return "voldoet niet aan het voorgeschreven patroon"
    return None


def body_fouten(handler: str, body) -> list[str]:
    """The schema check the spec would do (used when the spec folder is absent)."""
    schema = BODIES.get(handler)
    if schema is None:
        return []
    if not isinstance(body, dict):
        return ["De body moet een JSON-object zijn."]
    fouten = []
    for veld, (soort, verplicht) in schema.items():
        if veld not in body:
            if verplicht:
                fouten.append(f"Verplicht veld '{veld}' ontbreekt.")
            continue
        reden = _waarde_fout(soort, body[veld])
        if reden:
            fouten.append(f"Veld '{veld}' voldoet niet aan de specificatie: {reden}.")
    return fouten


def header_fouten(headers, duo_oin: str) -> tuple[list[str], list[str]]:
    """Check DUO's headers. Returns (errors for a 400, errors for a 403)."""
    fouten, verboden = [], []
    bron = headers.get("bron")
    doel = headers.get("doel")
    bericht_id = headers.get("berichtId")
    if bron is None:
        fouten.append("Verplichte header 'bron' ontbreekt.")
    elif not (len(bron) == 20 and bron.isdigit()):
        fouten.append("Header 'bron' moet een OIN van 20 cijfers zijn.")
    if doel is None:
        fouten.append("Verplichte header 'doel' ontbreekt.")
    elif not (len(doel) == 20 and doel.isdigit()):
        fouten.append("Header 'doel' moet een OIN van 20 cijfers zijn.")
    elif doel != duo_oin:
        verboden.append(
            "Header 'doel' is niet het OIN van DUO; het bericht is niet voor DUO bestemd."
        )
    if bericht_id is None:
        fouten.append("Verplichte header 'berichtId' ontbreekt.")
    else:
        if not _UUID.fullmatch(bericht_id):
            fouten.append("Header 'berichtId' moet een UUID zijn (8-4-4-4-12 hexadecimale tekens).")
    return fouten, verboden


def pad_fouten(params: dict) -> list[str]:
    fouten = []
    if "bsn" in params and not re.fullmatch(r"[0-9]{9}", params["bsn"]):
        fouten.append("Het BSN in het pad is ongeldig: verwacht worden 9 cijfers.")
    if "id" in params and not (params["id"].isdigit() and 1 <= int(params["id"]) <= 99999):
        fouten.append("Parameter 'id' (path) moet een geheel getal van 1 tot en met 99999 zijn.")
    if "instellingsnummer" in params and len(params["instellingsnummer"]) != 10:
        fouten.append("Parameter 'instellingsnummer' (path) moet 10 tekens lang zijn.")
    return fouten
