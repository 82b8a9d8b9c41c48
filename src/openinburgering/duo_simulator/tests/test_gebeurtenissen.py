"""DUO's Gebeurtenis API in the simulator: every event DUO "notifies" is recorded, also when the
gemeente never gets it, and an event can be recorded without notifying at all."""

import pytest

from openinburgering.duo_simulator.server import AchtergrondServer

from .conftest import GEMEENTE_B
from .test_notificaties_en_scenario import Gemeente


@pytest.fixture
def gemeente():
    ontvanger = Gemeente()
    server = AchtergrondServer(ontvanger).start()
    ontvanger.url = server.url
    yield ontvanger
    server.stop()


def _lijst(simulator, bsn):
    """DUO's Gebeurtenis API; the answer is validated against DUO's spec."""
    return simulator.duo("GET", f"/personen/{bsn}/gebeurtenissen")


def test_every_notified_event_is_listed_with_duos_description_and_date(simulator, gemeente):
    bsn = simulator.persoon()
    for gebeurtenis in ("SS139", "SS137"):
        antwoord = simulator.sim(
            "POST", "/notificaties",
            {"gebeurtenisId": gebeurtenis, "bsn": bsn, "gemeenteUrl": gemeente.url},
        )  # fmt: skip
        assert antwoord.json["status"] == 201
    antwoord = _lijst(simulator, bsn)  # validated against the Gebeurtenis spec
    assert antwoord.status == 200
    assert antwoord.headers["API-Version"] == "1.0.0"
    assert antwoord.json == [
        {
            "id": "SS139",
            "omschrijving": "Persoon is inburgeringsplichtig en de termijn van 10 weken voor "
            "vaststellen leerroute is gestart.",
            "datum": "2026-06-01",
        },
        {
            "id": "SS137",
            "omschrijving": "Persoon is aangemeld voor de leerbaarheidstoets",
            "datum": "2026-06-01",
        },
    ]


def test_an_event_is_recorded_even_when_the_gemeente_was_unreachable(simulator):
    bsn = simulator.persoon()
    antwoord = simulator.sim(
        "POST", "/notificaties",
        {"gebeurtenisId": "SS101", "bsn": bsn, "gemeenteUrl": "http://127.0.0.1:9", "timeout": 2},
    )  # fmt: skip
    assert antwoord.status == 502
    assert [g["id"] for g in _lijst(simulator, bsn).json] == ["SS101"]


def test_an_event_can_be_recorded_without_notifying(simulator, gemeente):
    bsn = simulator.persoon()
    antwoord = simulator.sim(
        "POST", "/notificaties",
        {"gebeurtenisId": "SS133", "bsn": bsn, "gemeenteUrl": gemeente.url, "versturen": False},
    )  # fmt: skip
    assert antwoord.status == 200
    assert antwoord.json["verzonden"] is None
    assert antwoord.json["vastgelegd"]["gebeurtenisId"] == "SS133"
    assert gemeente.ontvangen == []
    assert simulator.sim("GET", f"/notificaties?bsn={bsn}").json == []
    [gebeurtenis] = _lijst(simulator, bsn).json
    assert gebeurtenis["id"] == "SS133"
    beheer = simulator.sim("GET", f"/gebeurtenissen?bsn={bsn}").json
    assert [(g["gebeurtenisId"], g["genotificeerd"]) for g in beheer] == [("SS133", False)]


def test_recording_without_notifying_checks_the_switch_and_the_event(simulator):
    bsn = simulator.persoon()
    antwoord = simulator.sim(
        "POST", "/notificaties", {"gebeurtenisId": "SS133", "bsn": bsn, "versturen": "nee"}
    )
    assert antwoord.status == 400
    antwoord = simulator.sim(
        "POST", "/notificaties", {"gebeurtenisId": "ss133", "bsn": bsn, "versturen": False}
    )
    assert antwoord.status == 400
    assert _lijst(simulator, bsn).json == []


def test_a_person_unknown_or_of_another_gemeente_is_not_listed(simulator):
    assert _lijst(simulator, "999999990").status == 404
    bsn = simulator.persoon(woongemeenteOin=GEMEENTE_B)
    assert _lijst(simulator, bsn).status == 403


def test_a_reset_forgets_the_events(simulator):
    bsn = simulator.persoon()
    simulator.sim("POST", "/notificaties", {"gebeurtenisId": "SS101", "bsn": bsn,
                                            "versturen": False})  # fmt: skip
    simulator.sim("POST", "/reset")
    assert simulator.sim("GET", f"/gebeurtenissen?bsn={bsn}").json == []
