"""Validation of requests and responses against DUO's OpenAPI files with openapi-core.

The files are the project's unchanged copy of DUO's specifications
(``src/openinburgering/specs/duo-m2m``, with their source line); ``--specs`` or ``DUO_SPECS_DIR``
can point at another folder, for example a newer release from DUO. When a folder given that way
is absent the simulator runs without spec validation and says so.
"""

import json
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

MAPPEN = {
    "Inburgeringsplicht": ("Inburgeringsplicht",),
    "Leerbaarheidstoets": ("Leerbaarheidstoets",),
    "Inburgeringstermijn": ("Inburgeringstermijn",),
    "Vrijstelling": ("Vrijstelling",),
    "Ontheffing": ("Ontheffing",),
    "PIP": ("PIP",),
    "Contactpersoon": ("Contactpersoon",),
    "Inburgeringsaanbod": ("Inburgeringsaanbod",),
    "MAP-PVT-Zroute": ("MAP-PVT-Zroute", "MAP,PVT,Zroute"),
    "GevolgdeUren": ("GevolgdeUren",),
    "Examen": ("Examen",),
    "Gebeurtenis": ("Gebeurtenis",),
    "Verlenging": ("Verlenging",),
    "Boete": ("Boete",),
    "Notificatie": ("Notificatie",),
}

# Header parameters that the simulator checks itself (with clearer texts), before the spec.
EIGEN_HEADERS = frozenset({"bron", "doel", "berichtid"})
# Path parameters that the simulator checks itself as well.
EIGEN_PADPARAMS = frozenset({"bsn", "id", "instellingsnummer"})

# DUO's specs use ECMAScript regexes; Java validators (as DUO's) match patterns against the whole
# value. Python's `re` has no \p{..}, so the one such pattern gets an equivalent full match.
_PATROON_VERTALINGEN = {
    "[\\s'‘.\\p{L}\\p{Pd}]{0,100}": "^(?:[\\s'‘.\\-\u2010-\u2015\u2212]|[^\\W\\d_]){0,100}$",
}


# The project's copy; found from this file because the simulator imports nothing from the product
# (openinburgering.specs holds the same path for the rest of the code).
MEEGELEVERDE_SPECMAP = Path(__file__).resolve().parents[1] / "specs" / "duo-m2m"


def standaard_specmap() -> Path:
    """``DUO_SPECS_DIR`` if set, otherwise the project's copy of DUO's specs."""
    uit_env = os.environ.get("DUO_SPECS_DIR")
    if uit_env:
        return Path(uit_env)
    return MEEGELEVERDE_SPECMAP


def _patronen_vertalen(knoop):
    if isinstance(knoop, dict):
        uit = {}
        for sleutel, waarde in knoop.items():
            if sleutel == "pattern" and isinstance(waarde, str) and "\\p{" in waarde:
                vertaald = _PATROON_VERTALINGEN.get(waarde)
                if vertaald:
                    uit[sleutel] = vertaald
                continue  # an unknown \p pattern is dropped rather than crash the validator
            uit[sleutel] = _patronen_vertalen(waarde)
        return uit
    if isinstance(knoop, list):
        return [_patronen_vertalen(w) for w in knoop]
    return knoop


class _Verzoek:
    """The request protocol of openapi-core, for a path relative to DUO's ``/v1`` base."""

    host_url = "http://duo.simulator"

    def __init__(self, methode, pad, headers, body, content_type):
        self.method = methode.lower()
        self.path = pad
        self.body = body or None
        self.content_type = content_type or "application/json"
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(),
            header=Headers(list(headers.items()) if hasattr(headers, "items") else headers),
            cookie=ImmutableMultiDict(),
        )


class _Antwoord:
    def __init__(self, status, headers, data, content_type):
        self.status_code = status
        self.headers = Headers(list(headers.items()) if hasattr(headers, "items") else headers)
        self.data = data or b""
        self.content_type = content_type or ""


_NEGEN_CIJFERS = re.compile(r"[0-9]{9}")


def _zonder_bsn(tekst: str) -> str:
    return _NEGEN_CIJFERS.sub("*********", tekst)


def _veldpad(fout) -> str:
    delen = [str(d) for d in getattr(fout, "absolute_path", [])]
    return ".".join(delen) if delen else "body"


_FORMATEN = {"date": "datum (JJJJ-MM-DD)", "date-time": "datum-tijd", "uuid": "UUID"}


def _schemafout_tekst(fout, waar: str) -> str:
    validator = getattr(fout, "validator", "")
    schema = getattr(fout, "schema", {}) or {}
    if validator == "required":
        m = re.search(r"'([^']+)' is a required property", str(fout.message))
        veld = m.group(1) if m else "?"
        voorvoegsel = "" if waar == "body" else f"{waar}."
        return f"Verplicht veld '{voorvoegsel}{veld}' ontbreekt."
    reden = {
        "enum": "waarde niet toegestaan (toegestaan: "
        + ", ".join(str(w) for w in schema.get("enum", []))
        + ")",
        "format": f"geen geldige {_FORMATEN.get(schema.get('format'), schema.get('format'))}",
        "minLength": f"te kort (minimaal {schema.get('minLength')} tekens)",
        "maxLength": f"te lang (maximaal {schema.get('maxLength')} tekens)",
        "minimum": f"kleiner dan het minimum {schema.get('minimum')}",
        "maximum": f"groter dan het maximum {schema.get('maximum')}",
        "pattern": "voldoet niet aan het voorgeschreven patroon",
        "type": f"verkeerd type (verwacht: {schema.get('type')})",
        "maxItems": f"te veel elementen (maximaal {schema.get('maxItems')})",
    }.get(validator, _zonder_bsn(str(getattr(fout, "message", fout)))[:120])
    return f"Veld '{waar}' voldoet niet aan de specificatie: {reden}."


def _schemafouten(oorzaak) -> list:
    fouten = list(getattr(oorzaak, "schema_errors", None) or [])
    uit = []
    for f in fouten:
        # jsonschema nests errors of anyOf/oneOf in .context; report the leaves.
        if getattr(f, "context", None):
            uit.extend(f.context)
        else:
            uit.append(f)
    return uit


def vertaal_fouten(fouten, overslaan=frozenset(EIGEN_HEADERS)) -> list[str]:
    """openapi-core errors -> Dutch texts (never echoing a BSN), at most 200 characters each.

    Errors about the parameters in ``overslaan`` are left out: the simulator checks those itself.
    """
    teksten: list[str] = []
    for fout in fouten:
        soort = type(fout).__name__
        naam = getattr(fout, "name", None)
        locatie = getattr(fout, "location", None)
        if naam and str(naam).lower() in overslaan:
            continue  # checked by the simulator itself
        if soort == "MissingRequiredParameter":
            teksten.append(f"Verplichte {locatie or ''}-parameter '{naam}' ontbreekt.")
        elif soort in ("InvalidParameter", "ParameterValidationError") or (
            naam and soort.startswith("Invalid")
        ):
            if naam == "bsn":
                teksten.append("Het BSN in het pad is ongeldig: verwacht worden 9 cijfers.")
            else:
                teksten.append(f"Parameter '{naam}' ({locatie}) voldoet niet aan de specificatie.")
        elif soort == "MissingRequestBody":
            teksten.append("Het bericht heeft geen body, maar die is verplicht.")
        elif soort == "MediaTypeNotFound" or type(fout.__cause__).__name__ == "MediaTypeNotFound":
            teksten.append("Content-Type moet application/json zijn.")
        elif soort == "InvalidRequestBody" or soort == "InvalidData":
            oorzaak = fout.__cause__
            schemafouten = _schemafouten(oorzaak)
            if not schemafouten:
                teksten.append("De body voldoet niet aan de specificatie.")
            teksten.extend(_schemafout_tekst(sf, _veldpad(sf)) for sf in schemafouten)
        else:
            teksten.append(_zonder_bsn(f"Verzoek voldoet niet aan de specificatie: {fout}"))
    return [t[:200] for t in teksten]


class Specs:
    """DUO's OpenAPI files, loaded once per folder."""

    def __init__(self, map_: Path):
        self.map = Path(map_)
        self.apis: dict[str, OpenAPI] = {}
        self.documenten: dict[str, dict] = {}
        self.ontbrekend: list[str] = []
        self._lock = threading.Lock()
        for api, namen in MAPPEN.items():
            bestand = next(
                (
                    self.map / n / "openapi.yml"
                    for n in namen
                    if (self.map / n / "openapi.yml").is_file()
                ),
                None,
            )
            if bestand is None:
                self.ontbrekend.append(api)
                continue
            with open(bestand, encoding="utf-8") as f:
                document = yaml.safe_load(f)
            self.documenten[api] = document
            self.apis[api] = OpenAPI.from_dict(_patronen_vertalen(document))

    def versie(self, api: str) -> str | None:
        document = self.documenten.get(api)
        return document["info"]["version"] if document else None

    def valideer_verzoek(self, api, methode, pad, headers, body, content_type) -> list[str]:
        openapi = self.apis.get(api)
        if openapi is None:
            return []
        verzoek = _Verzoek(methode, pad, headers, body, content_type)
        with self._lock:
            resultaat = openapi.unmarshal_request(verzoek)
        return vertaal_fouten(resultaat.errors, overslaan=EIGEN_HEADERS | EIGEN_PADPARAMS)

    def valideer_antwoord(
        self, api, methode, pad, verzoek_headers, verzoek_body, status, headers, data, content_type
    ) -> list[str]:
        """Raw openapi-core errors of a response, as strings (used by the tests)."""
        openapi = self.apis.get(api)
        if openapi is None:
            return []
        verzoek = _Verzoek(methode, pad, verzoek_headers, verzoek_body, "application/json")
        antwoord = _Antwoord(status, headers, data, content_type)
        with self._lock:
            resultaat = openapi.unmarshal_response(verzoek, antwoord)
        uit = []
        for fout in resultaat.errors:
            details = [str(e.message) for e in _schemafouten(fout.__cause__)]
            uit.append(f"{type(fout).__name__}: {fout} {details}")
        return uit

    def valideer_notificatie(self, headers: dict, body: dict) -> list[str]:
        """Check a notification DUO sends against the gemeente's Notificatie API spec."""
        openapi = self.apis.get("Notificatie")
        if openapi is None:
            return []
        verzoek = _Verzoek(
            "post", "/notificaties", headers, json.dumps(body).encode(), "application/json"
        )
        with self._lock:
            resultaat = openapi.unmarshal_request(verzoek)
        return vertaal_fouten(resultaat.errors, overslaan=frozenset())


@lru_cache(maxsize=8)
def _laad(map_str: str) -> Specs:
    return Specs(Path(map_str))


def laad_specs(map_: Path | None) -> Specs | None:
    """The specs in this folder, or ``None`` when the folder does not exist."""
    if map_ is None or not Path(map_).is_dir():
        return None
    return _laad(str(Path(map_).resolve()))
