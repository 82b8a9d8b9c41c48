"""DUO's headers, validation of requests against DUO's spec, and the route table vs. the specs."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from openinburgering.duo_simulator.routes import API_VERSIES, NOTIFICATIE_VERSIE, ROUTES
from openinburgering.duo_simulator.spec import laad_specs

from .conftest import DUO_OIN, GEMEENTE_A, SPECS, start_simulator

UUID = "0b6f3f52-2b8c-4c55-9a3c-4a4f0c3e6f11"


@pytest.mark.parametrize(
    ("headers", "status", "fout"),
    [
        ({"doel": DUO_OIN, "berichtId": UUID}, 400, "Verplichte header 'bron' ontbreekt."),
        ({"bron": GEMEENTE_A, "berichtId": UUID}, 400, "Verplichte header 'doel' ontbreekt."),
        ({"bron": GEMEENTE_A, "doel": DUO_OIN}, 400, "Verplichte header 'berichtId' ontbreekt."),
        (
            {"bron": GEMEENTE_A[:19], "doel": DUO_OIN, "berichtId": UUID},
            400,
            "Header 'bron' moet een OIN van 20 cijfers zijn.",
        ),
        (
            {"bron": "0000000100111111100X", "doel": DUO_OIN, "berichtId": UUID},
            400,
            "Header 'bron' moet een OIN van 20 cijfers zijn.",
        ),
        (
            {"bron": GEMEENTE_A, "doel": DUO_OIN, "berichtId": "bericht-1"},
            400,
            "Header 'berichtId' moet een UUID zijn (8-4-4-4-12 hexadecimale tekens).",
        ),
        (
            {"bron": GEMEENTE_A, "doel": "00000001999999999000", "berichtId": UUID},
            403,
            "Header 'doel' is niet het OIN van DUO; het bericht is niet voor DUO bestemd.",
        ),
    ],
)
def test_header_checks(simulator, headers, status, fout):
    bsn = simulator.persoon()
    antwoord = simulator.duo("GET", f"/personen/{bsn}/inburgeringsplicht", headers=headers)
    assert antwoord.status == status
    assert antwoord.fouten == [fout]
    assert antwoord.headers["API-Version"] == "1.2.2"


def test_all_header_errors_in_one_answer(simulator):
    bsn = simulator.persoon()
    antwoord = simulator.duo("GET", f"/personen/{bsn}/PIP", headers={"bron": "1"})
    assert antwoord.status == 400
    assert len(antwoord.fouten) == 3


def test_wrong_doel_on_an_api_without_403_is_a_400(simulator):
    antwoord = simulator.duo("GET", "/instellingen", doel="00000001999999999000")
    assert antwoord.status == 400


def test_ok_answer_carries_api_version_and_echoes_berichtid(simulator):
    bsn = simulator.persoon()
    antwoord = simulator.duo("GET", f"/personen/{bsn}/doelgroep", bericht_id=UUID)
    assert antwoord.status == 200
    assert antwoord.headers["API-Version"] == "1.2.2"
    assert antwoord.headers["berichtId"] == UUID


@pytest.mark.parametrize(("api", "versie"), sorted(API_VERSIES.items()))
def test_every_api_answers_with_its_version(simulator, api, versie):
    route = next(r for r in ROUTES if r.api == api)
    pad = route.sjabloon.format(bsn="999999990", id="1", instellingsnummer="1000000001")
    antwoord = simulator.duo(route.methode, pad, body={} if route.wijzigt else None)
    assert antwoord.headers["API-Version"] == versie


def test_unknown_path_and_wrong_method(simulator):
    assert simulator.duo("GET", "/personen/999999990/onbekend").status == 404
    antwoord = simulator.duo("PATCH", "/personen/999999990/PIP")
    assert antwoord.status == 405
    assert antwoord.headers["API-Version"] == "1.2.0"
    # paths are case-sensitive, exactly as in DUO's spec
    assert simulator.duo("GET", "/personen/999999990/pip").status == 404


def test_invalid_bsn_in_path(simulator):
    antwoord = simulator.duo("GET", "/personen/12345/inburgeringsplicht")
    assert antwoord.status == 400
    assert antwoord.fouten == ["Het BSN in het pad is ongeldig: verwacht worden 9 cijfers."]


@pytest.mark.parametrize(
    ("body", "fout"),
    [
        (
            {"dagtekeningPip": "2026-02-01", "leerroute": "X"},
            "Veld 'leerroute' voldoet niet aan de specificatie: waarde niet toegestaan "
            "(toegestaan: B, O, Z).",
        ),
        (
            {"dagtekeningPip": "01-02-2026", "leerroute": "B"},
            "Veld 'dagtekeningPip' voldoet niet aan de specificatie: geen geldige datum "
            "(JJJJ-MM-DD).",
        ),
        ({"leerroute": "B"}, "Verplicht veld 'dagtekeningPip' ontbreekt."),
        (
            {"dagtekeningPip": "2026-02-01", "leerroute": "B", "geschatteIntensiteitB1Route": 0},
            "Veld 'geschatteIntensiteitB1Route' voldoet niet aan de specificatie: kleiner dan "
            "het minimum 1.",
        ),
        (
            {
                "dagtekeningPip": "2026-02-01",
                "leerroute": "B",
                "indicatorMagOpleidingAfmaken": "ja",
            },
            "Veld 'indicatorMagOpleidingAfmaken' voldoet niet aan de specificatie: verkeerd type "
            "(verwacht: boolean).",
        ),
        (
            {"dagtekeningPip": "2026-02-01", "leerroute": "B", "nivo": "B1"},
            "Onbekend veld 'nivo' in de body.",
        ),
    ],
)
def test_request_body_is_validated_against_the_spec(simulator, duo_specs, body, fout):
    bsn = simulator.persoon()
    antwoord = simulator.duo("POST", f"/personen/{bsn}/PIP", body)
    assert antwoord.status == 400
    assert antwoord.fouten == [fout]
    assert simulator.staat(bsn)["pips"] == []


def test_all_schema_errors_in_one_400(simulator, duo_specs):
    bsn = simulator.persoon()
    antwoord = simulator.duo(
        "POST", f"/personen/{bsn}/PIP", {"dagtekeningPip": "x", "leerroute": "X", "foo": 1}
    )
    assert antwoord.status == 400
    assert len(antwoord.fouten) == 3


def test_request_needs_json_content_type(simulator, duo_specs):
    bsn = simulator.persoon()
    antwoord = simulator.duo(
        "POST",
        f"/personen/{bsn}/PIP",
        {"dagtekeningPip": "2026-02-01", "leerroute": "B"},
        content_type="text/plain",
    )
    assert antwoord.status == 400
    assert "Content-Type moet application/json zijn." in antwoord.fouten


def test_contactpersoon_name_pattern_matches_whole_value(simulator, duo_specs):
    goed = {"naam": "Zoë O'Neil-Bakker", "email": "z@demodam.nl", "telefoonnummer": "0201234567"}
    assert simulator.duo("POST", "/contactpersonen", goed).status == 201
    fout = {**goed, "naam": "Kamer 12"}
    assert simulator.duo("POST", "/contactpersonen", fout).status == 400


def test_without_specs_the_simulator_still_checks_bodies(tmp_path):
    from .conftest import SimClient

    app, server = start_simulator(tmp_path / "zonder.sqlite3", specs=None)
    try:
        client = SimClient(app, server.url, server.server.server_port)
        bsn = client.persoon()
        antwoord = client.duo("POST", f"/personen/{bsn}/PIP", {"leerroute": "X"})
        assert antwoord.status == 400
        assert "Verplicht veld 'dagtekeningPip' ontbreekt." in antwoord.fouten
        goed = client.duo(
            "POST", f"/personen/{bsn}/PIP", {"dagtekeningPip": "2026-02-01", "leerroute": "B"}
        )
        assert goed.status == 201
    finally:
        server.stop()
        app.sluit()


def test_missing_spec_folder_gives_one_clear_warning(tmp_path):
    assert laad_specs(tmp_path / "bestaat-niet") is None
    with socket.socket() as bezet:  # a taken port makes the process stop right after starting
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        proces = subprocess.run(
            [sys.executable, "-m", "openinburgering.duo_simulator",
             "--port", str(bezet.getsockname()[1]), "--db", str(tmp_path / "w.sqlite3"),
             "--specs", str(tmp_path / "bestaat-niet")],
            capture_output=True, text=True, timeout=60,
            # The package's folder, whatever the caller's working directory or PYTHONPATH.
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
        )  # fmt: skip
    regels = proces.stderr.splitlines()
    assert proces.returncode == 1
    assert [r for r in regels if r.startswith("WAARSCHUWING")] == [
        f"WAARSCHUWING: map met DUO-specificaties niet gevonden ({tmp_path / 'bestaat-niet'}); "
        "de simulator draait zonder validatie tegen DUO's OpenAPI-bestanden."
    ]
    assert regels[-1].startswith("FOUT: kan niet luisteren op 127.0.0.1:")


def test_route_table_matches_dues_specs(duo_specs):
    for api, versie in API_VERSIES.items():
        document = duo_specs.documenten[api]
        assert document["info"]["version"] == versie, api
        in_spec = {
            (methode.upper(), pad, frozenset(operatie["responses"]))
            for pad, operaties in document["paths"].items()
            for methode, operatie in operaties.items()
        }
        in_simulator = {(r.methode, r.sjabloon, r.statussen) for r in ROUTES if r.api == api}
        assert in_simulator == in_spec, api
    assert duo_specs.versie("Notificatie") == NOTIFICATIE_VERSIE


def test_specs_load_quickly_once():
    begin = time.monotonic()
    laad_specs(SPECS.map)
    assert time.monotonic() - begin < 0.5  # cached per folder
