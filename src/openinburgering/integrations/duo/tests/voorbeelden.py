"""Example answers of DUO's APIs, for requests-mock.

DUO's OpenAPI files carry no examples, so these are written by hand from the schemas; the test
``test_voorbeelden.py`` and the ``duo_mock`` fixture validate every one against DUO's spec, so a
mock cannot drift from the contract. All persons are fictional.
"""

from copy import deepcopy

# (methode, pad in the spec) -> answer
GET_VOORBEELDEN = {
    ("GET", "/personen/{bsn}/verlengingen"): [
        {
            "beoordelingAanvraag": "Toegekend",
            "datumBeoordeling": "2026-04-14",
            "ontvangstdatum": "2026-03-02",
        },
    ],
    ("GET", "/personen/{bsn}/boetes"): [],
    ("GET", "/personen/{bsn}/gebeurtenissen"): [
        {"id": "SS101", "omschrijving": "Persoon is inburgeringsplichtig.", "datum": "2026-03-02"},
    ],
    ("GET", "/personen/{bsn}/inburgeringsplicht"): {
        "indicatorInburgeringsplicht": True,
        "begindatum": "2026-01-12",
        "wijzigingsdatum": "2026-01-12",
        "datumKennisgevingInburgeringsplicht": "2026-01-15",
    },
    ("GET", "/personen/{bsn}/inburgeringsplicht/historie"): [
        {"indicatorInburgeringsplicht": True, "begindatum": "2026-01-12"},
    ],
    ("GET", "/personen/{bsn}/doelgroep"): {
        "indeling": "Asielstatushouder",
        "begindatum": "2026-01-12",
        "gedetailleerdeDoelgroep": "Asielstatushouder",
    },
    ("GET", "/personen/{bsn}/doelgroep/historie"): [
        {"indeling": "Asielstatushouder", "begindatum": "2026-01-12"},
    ],
    ("GET", "/personen/{bsn}/lbt/examennummer"): {"examennummer": "LBT000123456"},
    ("GET", "/personen/{bsn}/lbt/resultaten"): [
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": "31,00",
            "benodigdeScore": "28,00",
            "datumAfname": "2026-02-10",
        }
    ],
    ("GET", "/personen/{bsn}/inburgeringstermijn"): {
        "startdatum": "2026-03-21",
        "einddatum": "2029-03-21",
        "wijzigingsdatum": "2026-03-21",
    },
    ("GET", "/personen/{bsn}/inburgeringstermijn/historie"): [
        {"einddatum": "2029-03-21", "wijzigingsdatum": "2026-03-21"},
    ],
    ("GET", "/verlengingsgronden"): [
        {"code": "ZIEK", "omschrijving": "Ziekte van de inburgeraar of een gezinslid"},
    ],
    ("GET", "/personen/{bsn}/vrijstellingen"): [
        {
            "TijdelijkeVrijstelling": {
                "oordeel": "Toekenning",
                "reden": "OPL",
                "datumOordeel": "2026-04-01",
                "startdatum": "2026-04-01",
                "einddatum": "2027-07-31",
            }
        }
    ],
    ("GET", "/personen/{bsn}/ontheffingen"): [
        {
            "GedeeltelijkeOntheffing": {
                "oordeel": "Toekenning",
                "datumOordeel": "2026-05-04",
                "grond": "MED",
                "examenonderdeel": "SC",
            }
        }
    ],
    ("GET", "/personen/{bsn}/PIP"): {
        "gemeentecode": "0001",
        "pip": {
            "dagtekeningPip": "2026-03-20",
            "leerroute": "B",
            "niveau": "B1",
            "geschatteIntensiteitB1Route": 600,
            "indicatorMagOpleidingAfmaken": False,
            "indicatorAlfabetiseringsonderwijs": "NVT",
        },
    },
    ("GET", "/instellingen"): [
        {
            "instellingsnummer": "1234567890",
            "naam": "Taalschool Voorbeeld",
            "postcode": "1234AB",
            "huisnummer": 12,
            "plaatsnaam": "Amstelwaard",
            "bow": "4711",
            "indicatieBowKeurmerk": True,
            "indicatieTstKeurmerk": False,
        }
    ],
    ("GET", "/personen/{bsn}/map"): {"datumEindgesprekMap": "2027-05-10"},
    ("GET", "/personen/{bsn}/pvt"): {"datumOndertekeningPvt": "2026-11-02"},
    ("GET", "/personen/{bsn}/uren"): [
        {
            "gemeentecode": "0001",
            "TaallesEnKnmBredeIntake": {"uren": 40},
            "ParticipatieactiviteitenBredeIntake": {"uren": 12},
        }
    ],
    ("GET", "/personen/{bsn}/examens/resultaten"): [
        {"examendatum": "2027-02-01", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"},
        {
            "examendatum": "2027-02-03",
            "resultaat": "Geen",
            "onderdeel": "SP",
            "niveau": "B1",
            "redenGeenResultaat": "Afgemeld",
        },
    ],
    ("GET", "/personen/{bsn}/examens/gratispogingen"): [
        {"onderdeel": "SP", "gratisPogingenTegoed": 1},
    ],
}

# Writes and their success status in DUO's spec.
SCHRIJF_STATUS = {
    ("POST", "/personen/{bsn}/PIP"): 201,
    ("DELETE", "/personen/{bsn}/PIP"): 200,
    ("DELETE", "/personen/{bsn}/lbt/examennummer"): 200,
    ("POST", "/contactpersonen"): 201,
    ("PUT", "/contactpersonen/{id}"): 200,
    ("DELETE", "/contactpersonen/{id}"): 200,
    ("POST", "/contactpersonen/{id}/personen/{bsn}"): 201,
    ("DELETE", "/contactpersonen/{id}/personen/{bsn}"): 200,
    ("POST", "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"): 201,
    ("DELETE", "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"): 204,
    ("PUT", "/personen/{bsn}/map"): 200,
    ("PUT", "/personen/{bsn}/pvt"): 200,
    ("PUT", "/personen/{bsn}/zroute"): 200,
    ("PUT", "/personen/{bsn}/uren/bredeintake/taallesknm"): 200,
    ("PUT", "/personen/{bsn}/uren/participatieactiviteiten"): 200,
    ("PUT", "/personen/{bsn}/uren/participatietaalles"): 200,
}

CONTACTPERSOON_AANGEMAAKT = {
    "id": 42,
    "contactpersoongegevens": {
        "naam": "Ilse de Vries",
        "email": "inburgering@amstelwaard.example",
        "telefoonnummer": "0201234567",
    },
}

# A refusal as DUO gives it on a POST/PUT: status 403 with a list of Foutmelding.
AFWIJZING_PIP = [
    {"fouttekst": "De dagtekening van het PIP ligt voor de begindatum van de inburgeringsplicht."},
    {"fouttekst": "Niveau A2 is niet toegestaan bij de onderwijsroute."},
]


def voorbeeld(methode: str, pad: str):
    return deepcopy(GET_VOORBEELDEN[(methode, pad)])
