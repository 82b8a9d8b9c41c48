"""DUO's OpenAPI files as test oracles (the project's copy in ``openinburgering/specs/duo-m2m``).

``valideer_verzoek`` and ``valideer_antwoord`` check one HTTP exchange against DUO's contract with
openapi-core.
"""

import json
from functools import cache
from urllib.parse import parse_qsl, urlsplit

import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from openinburgering.specs import DUO_M2M, duo_spec

SPEC_MAP = DUO_M2M

API_MAPPEN = (
    "Inburgeringsplicht",
    "Leerbaarheidstoets",
    "Inburgeringstermijn",
    "Vrijstelling",
    "Ontheffing",
    "PIP",
    "Contactpersoon",
    "Inburgeringsaanbod",
    "MAP-PVT-Zroute",
    "GevolgdeUren",
    "Examen",
    "Gebeurtenis",
    "Verlenging",
    "Boete",
)

# DUO writes ECMAScript/Java patterns; Python's `re` lacks \p{..}. The one such pattern (the
# Contactpersoon name) gets an equivalent that Python understands.
_PATROON_VERTALINGEN = {
    "[\\s'‘.\\p{L}\\p{Pd}]{0,100}": "^(?:[\\s'‘.\\-\u2010-\u2015\u2212]|[^\\W\\d_]){0,100}$",
}


def _vertaal(knoop):
    if isinstance(knoop, dict):
        uit = {}
        for sleutel, waarde in knoop.items():
            if sleutel == "pattern" and isinstance(waarde, str) and "\\p{" in waarde:
                uit[sleutel] = _PATROON_VERTALINGEN[waarde]
            else:
                uit[sleutel] = _vertaal(waarde)
        return uit
    if isinstance(knoop, list):
        return [_vertaal(w) for w in knoop]
    return knoop


@cache
def spec_dict(api: str) -> dict:
    with open(duo_spec(api), encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


@cache
def openapi(api: str) -> OpenAPI:
    return OpenAPI.from_dict(_vertaal(spec_dict(api)))


def spec_versie(api: str) -> str:
    return spec_dict(api)["info"]["version"]


class Verzoek:
    """openapi-core's request protocol, for a path relative to the API's base (after ``/v1``)."""

    def __init__(self, *, methode: str, pad: str, headers, body: bytes | None, query: str = ""):
        self.host_url = "http://duo.test"
        self.method = methode.lower()
        self.path = pad
        self.body = body or None
        koppen = Headers(list(headers.items()))
        self.content_type = koppen.get("Content-Type", "application/json")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(query)),
            header=koppen,
            cookie=ImmutableMultiDict(),
        )


class Antwoord:
    def __init__(self, *, status: int, headers, body: bytes | None):
        self.status_code = status
        self.headers = Headers(list(headers.items()))
        self.content_type = self.headers.get("Content-Type", "application/json")
        self.data = body or None


def valideer_verzoek(api: str, verzoek: Verzoek) -> None:
    openapi(api).validate_request(verzoek)


def valideer_antwoord(api: str, verzoek: Verzoek, antwoord: Antwoord) -> None:
    openapi(api).validate_response(verzoek, antwoord)


def verzoek_uit_requests(request) -> tuple[str, Verzoek]:
    """Turn a request that ``requests`` sent (as requests-mock saw it) into (api, Verzoek)."""
    delen = urlsplit(request.url)
    pad = delen.path
    assert "/v1/" in pad, f"DUO's paths start with /v1: {request.method} (path hidden)"
    relatief = pad.split("/v1", 1)[1]
    body = request.body
    if isinstance(body, str):
        body = body.encode()
    verzoek = Verzoek(
        methode=request.method, pad=relatief, headers=request.headers, body=body, query=delen.query
    )
    return api_voor_pad(request.method, relatief), verzoek


def api_voor_pad(methode: str, pad: str) -> str:
    """Which of DUO's APIs serves this path (the first whose spec has a matching operation)."""
    from openapi_core.templating.paths.finders import APICallPathFinder

    for api in API_MAPPEN:
        finder = APICallPathFinder(openapi(api).spec)
        try:
            finder.find(methode.lower(), f"http://duo.test{pad}")
        except Exception:  # noqa: BLE001 - not this API
            continue
        return api
    raise AssertionError(f"No DUO API has {methode} for this path")


def json_body(data) -> bytes:
    return json.dumps(data).encode()
