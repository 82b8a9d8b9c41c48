"""Contract tests: what this app makes the outbox send, and reads from DUO, against DUO's own
OpenAPI files (the project's copy in ``openinburgering/specs/duo-m2m``)."""

from datetime import timedelta
from decimal import Decimal

import yaml
from jsonschema import Draft4Validator

from openinburgering.integrations.duo.models import UitgaandBericht
from openinburgering.specs import duo_spec
from openinburgering.taalaanbieders import duo, services

from .conftest import VANDAAG, school_actor, week


def _spec(api: str) -> dict:
    return yaml.safe_load(duo_spec(api).read_text(encoding="utf-8"))


def _schema(spec: dict, naam: str) -> dict:
    """A component schema with its local $refs inlined (DUO's files are OpenAPI 3.0)."""

    def los(knoop):
        if isinstance(knoop, dict):
            if "$ref" in knoop:
                return los(spec["components"]["schemas"][knoop["$ref"].rsplit("/", 1)[-1]])
            return {k: los(v) for k, v in knoop.items()}
        if isinstance(knoop, list):
            return [los(v) for v in knoop]
        return knoop

    return los(spec["components"]["schemas"][naam])


def _valideer(spec, naam, inhoud):
    fouten = sorted(Draft4Validator(_schema(spec, naam)).iter_errors(inhoud), key=str)
    assert not fouten, [f.message for f in fouten]


def _operatie(spec, pad, methode):
    assert pad in spec["paths"], f"{pad} is not in DUO's spec"
    assert methode.lower() in spec["paths"][pad], f"{methode} {pad} is not in DUO's spec"
    return spec["paths"][pad][methode.lower()]


def test_aanbod_message_matches_duos_inburgeringsaanbod_schema(contract, verwijs):
    spec = _spec("Inburgeringsaanbod")
    v = verwijs(contract, verwachte_einddatum=VANDAAG + timedelta(days=300))
    bericht = UitgaandBericht.objects.get(soort="aanbod_registreren")
    operatie = _operatie(spec, bericht.pad, bericht.methode)
    assert operatie["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Inburgeringsaanbod"
    )
    _valideer(spec, "Inburgeringsaanbod", bericht.inhoud)
    assert set(bericht.inhoud) == {
        "datumInburgeringsaanbod",
        "verwachteStartdatumOpleiding",
        "verwachteEinddatumOpleiding",
        "indicatorAlfabetiseringsonderwijs",
    }
    nummer = spec["components"]["parameters"]["Instellingsnummer"]["schema"]
    assert (
        nummer["minLength"]
        <= len(bericht.pad_parameters["instellingsnummer"])
        <= nummer["maxLength"]
    )
    assert v.instelling.instellingsnummer == bericht.pad_parameters["instellingsnummer"]


def test_hours_message_matches_duos_gevolgde_uren_schema(contract, verwijs, school_medewerker):
    spec = _spec("GevolgdeUren")
    v = verwijs(contract)
    actor = school_actor(school_medewerker(contract.instelling), v)
    services.intake_bevestigen(actor=actor, verwijzing=v, datum=VANDAAG)
    start, einde = week()
    services.uren_melden(
        actor=actor, verwijzing=v, periode_start=start, periode_einde=einde,
        uren_aangeboden=Decimal("12"), uren_aanwezig=Decimal("11.5"), uren_fysiek=Decimal("11.5"),
        verzuimreden="ziek",
    )  # fmt: skip
    bericht = UitgaandBericht.objects.get(soort="uren_participatie_taalles")
    operatie = _operatie(spec, bericht.pad.replace("{bsn}", "{bsn}"), bericht.methode)
    assert operatie["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ParticipatieAlsTaalles"
    )
    _valideer(spec, "ParticipatieAlsTaalles", bericht.inhoud)
    assert bericht.inhoud == {"uren": 11}


def test_instellingen_in_duos_format_fill_the_register(db):
    spec = _spec("Inburgeringsaanbod")
    _operatie(spec, "/instellingen", "get")
    item = {
        "instellingsnummer": "1000000002",
        "naam": "ROC Zuidwaard",
        "postcode": "2345BC",
        "huisnummer": 1,
        "huisnummertoevoeging": "A",
        "plaatsnaam": "Proefwijk",
        "bow": "40002",
        "brin": "25XY",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": True,
    }
    _valideer(spec, "Instelling", item)
    # Every property DUO defines is read (a new field in DUO's spec makes this test fail).
    assert set(_schema(spec, "Instelling")["properties"]) == set(item)
    velden = duo.instelling_uit_duo(item)
    assert velden["keurmerk_tst"] and velden["bow_nummer"] == "40002"
    services.instellingen_bijwerken(items=[item])
