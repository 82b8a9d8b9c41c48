"""DUO's API paths and versions, as in DUO's OpenAPI files (``specs/duo-m2m/*/openapi.yml``).

The table is written out here so that the simulator also runs without the spec folder; a test
checks that it matches the spec files exactly (paths, methods, versions).
"""

import re
from dataclasses import dataclass, field

# API name (= folder in specs/duo-m2m) -> the version in that spec's info.version.
API_VERSIES: dict[str, str] = {
    "Inburgeringsplicht": "1.2.2",
    "Leerbaarheidstoets": "1.2.0",
    "Inburgeringstermijn": "1.0.0",
    "Vrijstelling": "1.0.0",
    "Ontheffing": "1.0.0",
    "PIP": "1.2.0",
    "Contactpersoon": "1.0.0",
    "Inburgeringsaanbod": "1.2.0",
    "MAP-PVT-Zroute": "1.0.0",
    "GevolgdeUren": "1.0.0",
    "Examen": "1.0.0",
    "Gebeurtenis": "1.0.0",
    "Verlenging": "1.0.0",
    "Boete": "1.0.0",
}
NOTIFICATIE_VERSIE = "1.8.0"

_PARAM = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Route:
    api: str
    methode: str
    sjabloon: str
    handler: str
    # Statuses the spec declares for this operation (the simulator picks 403 vs 400 with this).
    statussen: frozenset[str] = field(default_factory=frozenset)
    regex: re.Pattern = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        patroon = _PARAM.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", self.sjabloon)
        object.__setattr__(self, "regex", re.compile(f"^{patroon}$"))

    @property
    def wijzigt(self) -> bool:
        return self.methode != "GET"


def _r(api, methode, sjabloon, handler, statussen="200 400 403 404 500 503"):
    return Route(api, methode, sjabloon, handler, frozenset(statussen.split()))


ROUTES: tuple[Route, ...] = (
    _r("Inburgeringsplicht", "GET", "/personen/{bsn}/doelgroep", "doelgroep"),
    _r("Inburgeringsplicht", "GET", "/personen/{bsn}/doelgroep/historie", "doelgroep_historie"),
    _r("Inburgeringsplicht", "GET", "/personen/{bsn}/inburgeringsplicht", "plicht"),
    _r(
        "Inburgeringsplicht",
        "GET",
        "/personen/{bsn}/inburgeringsplicht/historie",
        "plicht_historie",
    ),
    _r("Leerbaarheidstoets", "GET", "/personen/{bsn}/lbt/examennummer", "lbt_examennummer"),
    _r("Leerbaarheidstoets", "DELETE", "/personen/{bsn}/lbt/examennummer", "lbt_overslaan"),
    _r("Leerbaarheidstoets", "GET", "/personen/{bsn}/lbt/resultaten", "lbt_resultaten"),
    _r("Inburgeringstermijn", "GET", "/personen/{bsn}/inburgeringstermijn", "termijn"),
    _r(
        "Inburgeringstermijn",
        "GET",
        "/personen/{bsn}/inburgeringstermijn/historie",
        "termijn_historie",
    ),
    _r(
        "Inburgeringstermijn", "GET", "/verlengingsgronden", "verlengingsgronden", "200 400 500 503"
    ),
    _r(
        "Vrijstelling", "GET", "/personen/{bsn}/vrijstellingen", "vrijstellingen", "200 400 403 404"
    ),
    _r("Ontheffing", "GET", "/personen/{bsn}/ontheffingen", "ontheffingen", "200 400 403 404"),
    _r("PIP", "GET", "/personen/{bsn}/PIP", "pip"),
    _r("PIP", "POST", "/personen/{bsn}/PIP", "pip_registreren", "201 400 403 404 500 503"),
    _r("PIP", "DELETE", "/personen/{bsn}/PIP", "pip_verwijderen"),
    _r(
        "Contactpersoon",
        "POST",
        "/contactpersonen",
        "contactpersoon_aanmaken",
        "201 400 403 500 503",
    ),
    _r("Contactpersoon", "PUT", "/contactpersonen/{id}", "contactpersoon_wijzigen"),
    _r("Contactpersoon", "DELETE", "/contactpersonen/{id}", "contactpersoon_verwijderen"),
    _r(
        "Contactpersoon",
        "POST",
        "/contactpersonen/{id}/personen/{bsn}",
        "contactpersoon_koppelen",
        "201 400 403 404 500 503",
    ),
    _r(
        "Contactpersoon",
        "DELETE",
        "/contactpersonen/{id}/personen/{bsn}",
        "contactpersoon_ontkoppelen",
    ),
    _r("Inburgeringsaanbod", "GET", "/instellingen", "instellingen", "200 400 500 503"),
    _r(
        "Inburgeringsaanbod",
        "POST",
        "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
        "aanbod_registreren",
        "201 400 403 404 500 503",
    ),
    _r(
        "Inburgeringsaanbod",
        "DELETE",
        "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
        "aanbod_verwijderen",
        "204 400 403 404 500 503",
    ),
    _r("MAP-PVT-Zroute", "GET", "/personen/{bsn}/map", "map", "200 400 403 404"),
    _r("MAP-PVT-Zroute", "PUT", "/personen/{bsn}/map", "map_registreren", "200 400 403 404"),
    _r("MAP-PVT-Zroute", "GET", "/personen/{bsn}/pvt", "pvt", "200 400 403 404"),
    _r("MAP-PVT-Zroute", "PUT", "/personen/{bsn}/pvt", "pvt_registreren", "200 400 403 404"),
    _r("MAP-PVT-Zroute", "PUT", "/personen/{bsn}/zroute", "zroute_registreren", "200 400 403 404"),
    _r("GevolgdeUren", "GET", "/personen/{bsn}/uren", "uren", "200 400 401 403 404"),
    _r(
        "GevolgdeUren",
        "PUT",
        "/personen/{bsn}/uren/bredeintake/taallesknm",
        "uren_taalles_knm_brede_intake",
        "200 400 403 404",
    ),
    _r(
        "GevolgdeUren",
        "PUT",
        "/personen/{bsn}/uren/participatieactiviteiten",
        "uren_participatieactiviteiten",
        "200 400 403 404",
    ),
    _r(
        "GevolgdeUren",
        "PUT",
        "/personen/{bsn}/uren/participatietaalles",
        "uren_participatie_als_taalles",
        "200 400 403 404",
    ),
    _r(
        "Examen",
        "GET",
        "/personen/{bsn}/examens/gratispogingen",
        "gratis_pogingen",
        "200 400 403 404",
    ),
    _r(
        "Examen", "GET", "/personen/{bsn}/examens/resultaten", "examenresultaten", "200 400 403 404"
    ),
    _r(
        "Gebeurtenis",
        "GET",
        "/personen/{bsn}/gebeurtenissen",
        "gebeurtenissen",
        "200 400 401 403 404",
    ),
    _r("Verlenging", "GET", "/personen/{bsn}/verlengingen", "verlengingen", "200 400 403 404"),
    _r("Boete", "GET", "/personen/{bsn}/boetes", "boetes", "200 400 401 403 404"),
)


@dataclass(frozen=True)
class Treffer:
    route: Route | None
    params: dict[str, str]
    api: str | None  # set also when the path exists but the method does not (405)


def zoek_route(methode: str, pad: str) -> Treffer | None:
    """Find the route for a path without the ``/v1`` prefix; ``None`` when the path is unknown."""
    api_van_pad = None
    for route in ROUTES:
        m = route.regex.match(pad)
        if not m:
            continue
        api_van_pad = route.api
        if route.methode == methode:
            return Treffer(route, m.groupdict(), route.api)
    if api_van_pad:
        return Treffer(None, {}, api_van_pad)
    return None
