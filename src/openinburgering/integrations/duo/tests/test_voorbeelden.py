"""The example answers used by requests-mock conform to DUO's spec, and cover every operation."""

import pytest

from . import spec, voorbeelden
from .conftest import _VOORBEELD_PARAMS, _api_versie


@pytest.mark.parametrize(("methode", "pad"), sorted(voorbeelden.GET_VOORBEELDEN))
def test_example_answer_conforms_to_duos_spec(methode, pad):
    concreet = pad.format(**_VOORBEELD_PARAMS)
    api = spec.api_voor_pad(methode, concreet)
    verzoek = spec.Verzoek(methode=methode, pad=concreet, headers={}, body=None)
    antwoord = spec.Antwoord(
        status=200,
        headers={"API-Version": _api_versie(pad, methode), "Content-Type": "application/json"},
        body=spec.json_body(voorbeelden.voorbeeld(methode, pad)),
    )
    spec.valideer_antwoord(api, verzoek, antwoord)


def test_contact_person_example_conforms():
    verzoek = spec.Verzoek(methode="POST", pad="/contactpersonen", headers={}, body=None)
    antwoord = spec.Antwoord(
        status=201,
        headers={"API-Version": "1.0.0", "Content-Type": "application/json"},
        body=spec.json_body(voorbeelden.CONTACTPERSOON_AANGEMAAKT),
    )
    spec.valideer_antwoord("Contactpersoon", verzoek, antwoord)


def test_refusal_example_conforms():
    verzoek = spec.Verzoek(methode="POST", pad="/personen/123456782/PIP", headers={}, body=None)
    antwoord = spec.Antwoord(
        status=403,
        headers={"API-Version": "1.2.0", "Content-Type": "application/json"},
        body=spec.json_body(voorbeelden.AFWIJZING_PIP),
    )
    spec.valideer_antwoord("PIP", verzoek, antwoord)


def test_examples_cover_every_operation_of_every_duo_api():
    in_spec = set()
    for api in spec.API_MAPPEN:
        for pad, operaties in spec.spec_dict(api)["paths"].items():
            for methode in operaties:
                if methode in {"get", "post", "put", "delete"}:
                    in_spec.add((methode.upper(), pad))
    gedekt = set(voorbeelden.GET_VOORBEELDEN) | set(voorbeelden.SCHRIJF_STATUS)
    assert in_spec == gedekt
