"""DUO -> gemeente notifications (POST /_sim/notificaties) and the scenario command, against a
tiny local WSGI receiver that plays the gemeente."""

import json
import re
import threading

import pytest
from werkzeug.wrappers import Request, Response

from openinburgering.duo_simulator.scenario import main as scenario_main
from openinburgering.duo_simulator.server import AchtergrondServer

from .conftest import DUO_OIN, GEMEENTE_A, SPECS

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Gemeente:
    """Records every notification; optionally reacts to one (e.g. registers a PIP)."""

    def __init__(self, status=201, reactie=None):
        self.status = status
        self.reactie = reactie
        self.ontvangen: list[dict] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        request = Request(environ)
        body = json.loads(request.get_data() or b"null")
        with self.lock:
            self.ontvangen.append(
                {
                    "pad": request.path,
                    "methode": request.method,
                    "headers": dict(request.headers),
                    "body": body,
                }  # fmt: skip
            )
        if self.reactie:
            self.reactie(body)
        response = Response(b"", status=self.status)
        response.headers["API-Version"] = "1.8.0"
        return response(environ, start_response)


@pytest.fixture
def gemeente():
    ontvanger = Gemeente()
    server = AchtergrondServer(ontvanger).start()
    ontvanger.url = server.url
    yield ontvanger
    server.stop()


def test_notification_conforms_to_the_spec(simulator, gemeente):
    bsn = simulator.persoon(vNummer=1234567890)
    antwoord = simulator.sim(
        "POST",
        "/notificaties",
        {
            "gebeurtenisId": "SS139",
            "bsn": bsn,
            "doelGemeenteOin": GEMEENTE_A,
            "gemeenteUrl": gemeente.url,
        },  # fmt: skip
    )
    assert antwoord.status == 200
    assert antwoord.json["status"] == 201
    [ontvangen] = gemeente.ontvangen
    assert ontvangen["pad"] == "/duo/v1/notificaties"
    assert ontvangen["methode"] == "POST"
    headers = ontvangen["headers"]
    assert headers["Bron"] == DUO_OIN
    assert headers["Doel"] == GEMEENTE_A
    assert UUID.match(headers["Berichtid"])
    assert headers["Content-Type"] == "application/json"
    body = ontvangen["body"]
    assert set(body) == {"registratieDatumTijd", "gebeurtenisId", "bsn", "vNummer"}
    assert (body["gebeurtenisId"], body["bsn"], body["vNummer"]) == ("SS139", bsn, 1234567890)
    assert body["registratieDatumTijd"].startswith("2026-06-01T")  # the simulator's clock
    sent = {"bron": headers["Bron"], "doel": headers["Doel"], "berichtId": headers["Berichtid"]}
    assert SPECS.valideer_notificatie(sent, body) == []
    gelogd = simulator.sim("GET", f"/notificaties?bsn={bsn}").json
    assert [(n["gebeurtenisId"], n["status"]) for n in gelogd] == [("SS139", 201)]


def test_notification_by_vnummer_only_and_default_target(simulator, gemeente):
    simulator.app.gemeente_url = gemeente.url
    antwoord = simulator.sim(
        "POST", "/notificaties",
        {"gebeurtenisId": "SS101", "vNummer": 42, "doelGemeenteOin": GEMEENTE_A},
    )  # fmt: skip
    assert antwoord.json["status"] == 201
    assert set(gemeente.ontvangen[0]["body"]) == {
        "registratieDatumTijd",
        "gebeurtenisId",
        "vNummer",
    }


def test_notification_goes_to_the_coa_gemeente(simulator, gemeente):
    bsn = simulator.persoon(inCoa=True, coaGemeenteOin="00000001003333333000")
    simulator.sim("POST", "/notificaties",
                  {"gebeurtenisId": "SS139", "bsn": bsn, "gemeenteUrl": gemeente.url})  # fmt: skip
    assert gemeente.ontvangen[0]["headers"]["Doel"] == "00000001003333333000"


@pytest.mark.parametrize(
    "body",
    [
        {"gebeurtenisId": "ss139", "bsn": "999999990", "doelGemeenteOin": GEMEENTE_A},
        {"gebeurtenisId": "SS1390X", "bsn": "999999990", "doelGemeenteOin": GEMEENTE_A},
        {"gebeurtenisId": "SS139", "doelGemeenteOin": GEMEENTE_A},
        {"gebeurtenisId": "SS139", "bsn": "999999990", "doelGemeenteOin": "123"},
    ],
)
def test_invalid_notification_is_not_sent(simulator, gemeente, body):
    antwoord = simulator.sim("POST", "/notificaties", {**body, "gemeenteUrl": gemeente.url})
    assert antwoord.status == 400
    assert antwoord.json["fouten"]
    assert gemeente.ontvangen == []


def test_gemeente_status_is_passed_back(simulator, gemeente):
    gemeente.status = 400
    bsn = simulator.persoon()
    antwoord = simulator.sim("POST", "/notificaties",
                             {"gebeurtenisId": "SS101", "bsn": bsn, "gemeenteUrl": gemeente.url})  # fmt: skip
    assert antwoord.json["status"] == 400


def test_unreachable_gemeente_is_a_502(simulator):
    bsn = simulator.persoon()
    antwoord = simulator.sim(
        "POST", "/notificaties",
        {"gebeurtenisId": "SS101", "bsn": bsn, "gemeenteUrl": "http://127.0.0.1:9", "timeout": 2},
    )  # fmt: skip
    assert antwoord.status == 502
    assert antwoord.json["status"] is None


def test_scenario_plays_the_flow(simulator, gemeente, capsys):
    """The fake gemeente registers a PIP at the simulator when it hears SS139 (as the product
    would, later, through a caseworker); the scenario then sends SS102 and SS199."""

    def reageer(body):
        if body["gebeurtenisId"] == "SS139":
            simulator.duo("POST", f"/personen/{body['bsn']}/PIP",
                          {"dagtekeningPip": "2026-06-01", "leerroute": "B"})  # fmt: skip

    gemeente.reactie = reageer
    code = scenario_main(
        [
            "--gemeente-url",
            gemeente.url,
            "--gemeente-oin",
            GEMEENTE_A,
            "--simulator-url",
            simulator.url,
            "--aantal",
            "2",
            "--wacht",
            "5",
            "--seed",
            "7",
        ]  # fmt: skip
    )
    assert code == 0
    ontvangen = [(n["body"]["gebeurtenisId"], n["body"]["bsn"]) for n in gemeente.ontvangen]
    bsns = sorted({b for _, b in ontvangen})
    assert len(bsns) == 2
    for bsn in bsns:
        assert [g for g, b in ontvangen if b == bsn] == [
            "SS101", "SS139", "SS137", "SS131", "SS102", "SS199"
        ]  # fmt: skip
        staat = simulator.staat(bsn)
        assert staat["lbt"]["resultaten"]
        assert staat["examenresultaten"][0]["onderdeel"] == "KNM"
        assert simulator.duo("GET", f"/personen/{bsn}/examens/resultaten").status == 200
        assert simulator.duo("GET", f"/personen/{bsn}/lbt/resultaten").status == 200
    uit = capsys.readouterr().out
    assert "DUO stuurde 12 notificaties; de gemeente nam ze alle aan." in uit
    # The app shows no names for people DUO announced (ADR 0041): neither does the summary.
    for persoon in (simulator.staat(bsn) for bsn in bsns):
        assert persoon["naam"] not in uit
        assert f"V-nummer {persoon['vNummer']}" in uit
    assert "LET OP" not in uit
    assert "Volgende stap" not in uit


def test_a_second_run_sends_ss102_for_people_whose_pip_was_set_since(simulator, gemeente, capsys):
    argumenten = ["--gemeente-url", gemeente.url, "--gemeente-oin", GEMEENTE_A,
                  "--simulator-url", simulator.url, "--aantal", "1", "--seed", "3"]  # fmt: skip
    assert scenario_main(argumenten) == 0
    eerste = capsys.readouterr().out
    assert "Volgende stap" in eerste
    assert "LET OP" not in eerste
    bsn = gemeente.ontvangen[0]["body"]["bsn"]
    # Meanwhile a caseworker sets the PIP and the gemeente reports it to DUO.
    simulator.duo(
        "POST", f"/personen/{bsn}/PIP", {"dagtekeningPip": "2026-06-01", "leerroute": "B"}
    )
    assert scenario_main([*argumenten, "--vervolg"]) == 0
    tweede = capsys.readouterr().out
    assert [n["body"]["gebeurtenisId"] for n in gemeente.ontvangen if n["body"]["bsn"] == bsn][
        -2:
    ] == ["SS102", "SS199"]
    assert "1 personen kregen hun inburgeringstermijn" in tweede


def test_scenario_survives_an_app_without_event_processing(simulator, capsys):
    code = scenario_main(
        [
            "--gemeente-url",
            "http://127.0.0.1:9",
            "--gemeente-oin",
            GEMEENTE_A,
            "--simulator-url",
            simulator.url,
            "--aantal",
            "1",
            "--wacht",
            "0",
        ]  # fmt: skip
    )
    assert code == 0
    uit = capsys.readouterr().out
    assert "NIET AFGELEVERD" in uit
    assert "LET OP: 4 van 4 notificaties kwamen niet aan" in uit
    assert "Volgende stap" in uit


def test_scenario_without_simulator_fails_clearly(capsys):
    code = scenario_main(["--gemeente-oin", GEMEENTE_A, "--simulator-url", "http://127.0.0.1:9"])
    assert code == 2
    assert "simulator niet bereikbaar" in capsys.readouterr().err
