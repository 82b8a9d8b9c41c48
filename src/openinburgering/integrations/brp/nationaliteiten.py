"""The BRP's nationality (``Nationaliteit.omschrijving``, the Dutch adjective of the BRP's table
of nationalities, Tabel 32) as the country code the person's ``nationaliteit`` field holds
(ISO 3166-1 alpha-2, django-countries).

The BRP API gives the nationality as a table entry: a four-digit code and its description. The
codes are the BRP's own, not ISO's; the descriptions are the plain Dutch adjectives. The table
below maps the descriptions of every EU/EEA country and Switzerland (which decide R3: never
inburgeringsplichtig) and of the countries most newcomers come from; a description it does not
know (and "Staatloos", "Onbekend", "Behandeld als Nederlander") leaves the field as it was, for the
caseworker to fill in. Source of the adjectives: the BRP's Tabel 32 (Landelijke tabellen, RvIG),
as far as the project's authors could check them; ADR 0065.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Dutch adjective in the BRP -> ISO 3166-1 alpha-2.
NATIONALITEITEN: dict[str, str] = {
    # EU, EEA and Switzerland (R3), and the Netherlands
    "Nederlandse": "NL",
    "Belgische": "BE",
    "Bulgaarse": "BG",
    "Cypriotische": "CY",
    "Deense": "DK",
    "Duitse": "DE",
    "Estische": "EE",
    "Finse": "FI",
    "Franse": "FR",
    "Griekse": "GR",
    "Hongaarse": "HU",
    "Ierse": "IE",
    "IJslandse": "IS",
    "Italiaanse": "IT",
    "Kroatische": "HR",
    "Letse": "LV",
    "Liechtensteinse": "LI",
    "Litouwse": "LT",
    "Luxemburgse": "LU",
    "Maltese": "MT",
    "Noorse": "NO",
    "Oostenrijkse": "AT",
    "Poolse": "PL",
    "Portugese": "PT",
    "Roemeense": "RO",
    "Sloveense": "SI",
    "Slowaakse": "SK",
    "Spaanse": "ES",
    "Tsjechische": "CZ",
    "Zweedse": "SE",
    "Zwitserse": "CH",
    # Countries many newcomers come from
    "Afghaanse": "AF",
    "Algerijnse": "DZ",
    "Braziliaanse": "BR",
    "Britse": "GB",
    "Burger van Bosnië-Herzegovina": "BA",
    "Chinese": "CN",
    "Colombiaanse": "CO",
    "Congolese": "CD",
    "Egyptische": "EG",
    "Eritrese": "ER",
    "Ethiopische": "ET",
    "Filipijnse": "PH",
    "Georgische": "GE",
    "Ghanese": "GH",
    "Indiase": "IN",
    "Indonesische": "ID",
    "Iraakse": "IQ",
    "Iraanse": "IR",
    "Jemenitische": "YE",
    "Jordaanse": "JO",
    "Koeweitse": "KW",
    "Libanese": "LB",
    "Libische": "LY",
    "Marokkaanse": "MA",
    "Nigeriaanse": "NG",
    "Oekraïense": "UA",
    "Pakistaanse": "PK",
    "Russische": "RU",
    "Servische": "RS",
    "Somalische": "SO",
    "Soedanese": "SD",
    "Surinaamse": "SR",
    "Syrische": "SY",
    "Thaise": "TH",
    "Tunesische": "TN",
    "Turkse": "TR",
    "Venezolaanse": "VE",
    "Vietnamese": "VN",
    "Wit-Russische": "BY",
    "Zuid-Afrikaanse": "ZA",
}


def landcode(omschrijvingen: Iterable[str]) -> str:
    """The first of the BRP's nationalities (in the BRP's order) this table knows, as ISO
    alpha-2; "" when none is known."""
    for omschrijving in omschrijvingen:
        code = NATIONALITEITEN.get(omschrijving.strip())
        if code:
            return code
    return ""
