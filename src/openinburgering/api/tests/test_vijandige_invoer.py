"""Hostile input and contract gaps of the API (issue 15, findings 6 and 7).

The paths walked here come from the committed OpenAPI document, so a new endpoint is walked
without editing this file.
"""

import uuid
from pathlib import Path

from django.conf import settings

import pytest
import yaml

from openinburgering.inburgeraars.tests.factories import nieuw_bsn

SCHEMA = yaml.safe_load((Path(settings.SRC_DIR) / "api" / "openapi.yaml").read_text())
METHODEN = ("get", "post", "put", "patch", "delete")
PROBLEM = "application/problem+json"


def _pad(sjabloon: str) -> str:
    return sjabloon.replace("{uuid}", str(uuid.uuid4()))


def _probleem(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:200])
    assert response["Content-Type"] == PROBLEM, response["Content-Type"]
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"]
    return body


# --- finding 7: every error under /api/ is problem+json --------------------------------------------


def test_every_unknown_path_and_method_under_the_api_is_a_problem_json(api_client, gemeente_a):
    """Finding 7 (issue 15): 404s on the API came as HTML. Walk every documented path with an
    unknown id, every method it does not have, and unknown paths beside it."""
    client = api_client(gemeente_a)
    gelopen = 0
    for sjabloon, operaties in SCHEMA["paths"].items():
        pad = _pad(sjabloon)
        for methode in METHODEN:
            if methode in operaties:
                continue
            _probleem(getattr(client, methode)(pad), 405)
            gelopen += 1
        for onbekend in (pad + "/", pad + "/onbekend", pad.replace("/api/v1/", "/api/v2/")):
            _probleem(client.get(onbekend), 404)
            _probleem(client.post(onbekend, {}, format="json"), 404)
            gelopen += 2
        if "{uuid}" in sjabloon:
            _probleem(client.get(sjabloon.replace("{uuid}", "geen-uuid")), 404)
            gelopen += 1
    for pad in ("/api/", "/api/v1/", "/api/v1/onbekend", "/api/v1/inburgeraars/%00"):
        _probleem(client.get(pad), 404)
        gelopen += 1
    assert gelopen > 40


def test_errors_without_a_token_and_with_a_bad_body_are_problem_json(api_client, gemeente_a):
    """Finding 7: 401, 400 (broken JSON) and 415 are problem+json as well."""
    from rest_framework.test import APIClient

    _probleem(APIClient().get("/api/v1/inburgeraars"), 401)
    client = api_client(gemeente_a)
    _probleem(client.post("/api/v1/inburgeraars", b"{", content_type="application/json"), 400)
    _probleem(client.post("/api/v1/inburgeraars", b"a=b", content_type="text/plain"), 415)


# --- finding 6: a NUL byte in an API filter --------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["doelgroep=%00", "status=a%00b", "vNummer=%00", "%00=x", "cursor=%01"]
)
def test_a_control_character_in_a_filter_is_a_400_problem_not_a_500(query, api_client, gemeente_a):
    """Finding 6 (issue 15): ``?doelgroep=%00`` reached PostgreSQL and failed there as a 500.
    One check for every API filter: no query parameter may hold a control character."""
    body = _probleem(api_client(gemeente_a).get(f"/api/v1/inburgeraars?{query}"), 400)
    assert body["invalidParams"][0]["code"] == "invalid"
    assert "\x00" not in str(body)


def test_a_control_character_in_a_page_filter_is_our_400_page(gemeente_a, medewerker, inloggen):
    """Finding 6: the same check covers the filters of the pages (same database, same 500)."""
    from openinburgering.accounts.rollen import Rol

    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.get("/inburgeraars/?status=%00")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


# --- findings 6 and 7: the schema states what the API enforces -------------------------------------


def _component(naam: str) -> dict:
    return SCHEMA["components"]["schemas"][naam]


def test_the_schema_states_the_bsn_pattern_and_the_11_proef():
    """Finding 7 (issue 15): the document let through BSNs the API then refused."""
    for naam in ("InburgeraarAanmakenRequest", "ZoekRequest"):
        bsn = _component(naam)["properties"]["bsn"]
        assert bsn["pattern"] == "^[0-9]{9}$"
        assert "11-proef" in bsn["description"]


def test_the_schema_marks_the_names_and_date_of_birth_required_and_not_empty_when_written():
    """Finding 7 (issue 15): required names were documented as may-be-empty."""
    for naam in ("InburgeraarAanmakenRequest", "PatchedInburgeraarRequest"):
        velden = _component(naam)["properties"]
        assert velden["voornamen"]["minLength"] == 1 and velden["achternaam"]["minLength"] == 1
        assert "nullable" not in velden["geboortedatum"]
    assert {"voornamen", "achternaam", "geboortedatum"} <= set(
        _component("InburgeraarAanmakenRequest")["required"]
    )
    # An answer can still hold a person DUO announced, whose date of birth is not known yet.
    assert _component("InburgeraarDetail")["properties"]["geboortedatum"]["nullable"] is True


def test_the_schema_states_the_maxima_of_the_pip_numbers():
    """Finding 6 (issue 15): gesprekFrequentieWeken had no maximum in the schema."""
    velden = _component("PipRequest")["properties"]
    assert velden["gesprekFrequentieWeken"]["maximum"] == 32767  # a PositiveSmallIntegerField
    assert velden["geschatteIntensiteitB1Route"]["maximum"] == 9999  # DUO's PIP API
    assert velden["pvtIntensiteit"]["maxLength"] == 200


@pytest.mark.parametrize(
    "bsn",
    ["١٢٣٤٥٦٧٨٢", "۱۲۳۴۵۶۷۸۲", "１２３４５６７８２", "12345678²"],
    ids=["arabic-indic", "extended-arabic-indic", "fullwidth", "superscript"],
)
def test_a_bsn_in_other_digits_than_0_to_9_is_refused(bsn, api_client, gemeente_a):
    """Finding 7 (issue 15): Python's ``\\d`` and ``str.isdigit`` take other scripts' digits."""
    client = api_client(gemeente_a)
    _probleem(client.post("/api/v1/inburgeraars/_zoek", {"bsn": bsn}, format="json"), 400)
    nieuw = {
        "voornamen": "Dawit",
        "achternaam": "Oefenberg",
        "geboortedatum": "1988-07-01",
        "doelgroep": "Gezinsmigrant en overige migrant",
        "bsn": bsn,
    }
    _probleem(client.post("/api/v1/inburgeraars", nieuw, format="json"), 400)
    nieuw["bsn"] = nieuw_bsn()
    assert client.post("/api/v1/inburgeraars", nieuw, format="json").status_code == 201
