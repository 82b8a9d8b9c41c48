"""Idempotency on berichtId, the fault switches, and state surviving a restart."""

import http.client
import json
import socket
import time
import uuid

import pytest

from .conftest import DUO_OIN, GEMEENTE_A, GEMEENTE_B, SimClient, start_simulator

PIP = {"dagtekeningPip": "2026-02-01", "leerroute": "B"}


def _toegepast(simulator, pad):
    return [b for b in simulator.sim("GET", f"/berichten?pad=/v1{pad}").json if b["toegepast"]]


def test_same_berichtid_applied_once(simulator):
    bsn = simulator.persoon()
    bericht_id = str(uuid.uuid4())
    pad = f"/personen/{bsn}/PIP"
    eerste = simulator.duo("POST", pad, PIP, bericht_id=bericht_id)
    tweede = simulator.duo("POST", pad, PIP, bericht_id=bericht_id)
    assert (eerste.status, tweede.status) == (201, 201)
    assert len(simulator.staat(bsn)["pips"]) == 1
    berichten = simulator.sim("GET", f"/berichten?pad=/v1{pad}&bron={GEMEENTE_A}").json
    assert [(b["berichtId"], b["herhaling"], b["toegepast"]) for b in berichten] == [
        (bericht_id, False, True),
        (bericht_id, True, False),
    ]
    assert berichten[0]["body"] == PIP
    assert berichten[0]["methode"] == "POST"


def test_a_refusal_is_replayed_too(simulator):
    bsn = simulator.persoon()
    bericht_id = str(uuid.uuid4())
    fout = {"dagtekeningPip": "2025-01-01", "leerroute": "B"}
    eerste = simulator.duo("POST", f"/personen/{bsn}/PIP", fout, bericht_id=bericht_id)
    tweede = simulator.duo("POST", f"/personen/{bsn}/PIP", fout, bericht_id=bericht_id)
    assert eerste.status == tweede.status == 403
    assert eerste.fouten == tweede.fouten


def test_same_berichtid_other_body_is_refused(simulator):
    bsn = simulator.persoon()
    bericht_id = str(uuid.uuid4())
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", PIP, bericht_id=bericht_id).status == 201
    ander = {**PIP, "leerroute": "Z"}
    antwoord = simulator.duo("POST", f"/personen/{bsn}/PIP", ander, bericht_id=bericht_id)
    assert antwoord.status == 400
    assert antwoord.fouten == [
        "Dit berichtId is al gebruikt voor een ander bericht van uw organisatie."
    ]
    assert len(simulator.staat(bsn)["pips"]) == 1


def test_berichtid_is_per_bron(simulator):
    """The key is (bron, berichtId): another gemeente may (by chance) use the same UUID."""
    persoon_a = simulator.persoon()
    persoon_b = simulator.persoon(woongemeenteOin=GEMEENTE_B)
    bericht_id = str(uuid.uuid4())
    antwoord_a = simulator.duo("POST", f"/personen/{persoon_a}/PIP", PIP, bericht_id=bericht_id)
    antwoord_b = simulator.duo(
        "POST", f"/personen/{persoon_b}/PIP", PIP, bericht_id=bericht_id, bron=GEMEENTE_B
    )
    assert (antwoord_a.status, antwoord_b.status) == (201, 201)
    assert len(simulator.staat(persoon_b)["pips"]) == 1


def test_fault_503_with_count_and_paths(simulator):
    bsn = simulator.persoon()
    zet = simulator.sim("POST", "/fouten", {"mode": "503", "paths": "/personen", "count": 1})
    assert zet.json == {"mode": "503", "seconds": 0.0, "paths": ["/personen"], "count": 1}
    assert simulator.duo("GET", "/instellingen").status == 200  # other path: no fault
    storing = simulator.duo("POST", f"/personen/{bsn}/PIP", PIP)
    assert storing.status == 503
    assert storing.headers["API-Version"] == "1.2.0"
    assert storing.fouten == ["Service niet beschikbaar (gesimuleerde storing)."]
    assert simulator.staat(bsn)["pips"] == []  # not processed
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", PIP).status == 201  # count used up
    assert simulator.sim("GET", "/fouten").json == {"mode": "none"}


def test_fault_hang_processes_then_answers_late(simulator):
    bsn = simulator.persoon()
    simulator.sim("POST", "/fouten", {"mode": "hang", "seconds": 3, "count": 1})
    bericht_id = str(uuid.uuid4())
    begin = time.monotonic()
    with pytest.raises((TimeoutError, socket.timeout)):
        simulator.duo("POST", f"/personen/{bsn}/PIP", PIP, bericht_id=bericht_id, timeout=0.3)
    assert time.monotonic() - begin < 2
    # DUO did process it; a retry with the same berichtId gets the stored answer, no second PIP
    opnieuw = simulator.duo("POST", f"/personen/{bsn}/PIP", PIP, bericht_id=bericht_id)
    assert opnieuw.status == 201
    assert len(simulator.staat(bsn)["pips"]) == 1


def test_fault_hang_is_bounded(simulator):
    antwoord = simulator.sim("POST", "/fouten", {"mode": "hang", "seconds": 9999})
    assert antwoord.json["seconds"] == 120.0
    simulator.sim("POST", "/fouten", {"mode": "none"})


def test_fault_close_drops_the_connection(simulator):
    bsn = simulator.persoon()
    simulator.sim("POST", "/fouten", {"mode": "close", "count": 1})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        simulator.duo("GET", f"/personen/{bsn}/inburgeringsplicht")
    assert simulator.duo("GET", f"/personen/{bsn}/inburgeringsplicht").status == 200


def test_fault_slow_delays_every_answer(simulator):
    bsn = simulator.persoon()
    simulator.sim("POST", "/fouten", {"mode": "slow", "seconds": 0.3})
    for _ in range(2):
        begin = time.monotonic()
        assert simulator.duo("GET", f"/personen/{bsn}/doelgroep").status == 200
        assert time.monotonic() - begin >= 0.3
    assert simulator.sim("POST", "/fouten", {"mode": "none"}).json == {"mode": "none"}
    assert simulator.sim("GET", "/fouten").json == {"mode": "none"}


def test_fault_switch_refuses_nonsense(simulator):
    assert simulator.sim("POST", "/fouten", {"mode": "kapot"}).status == 400
    assert simulator.sim("POST", "/fouten", {"mode": "503", "count": 0}).status == 400


def test_state_survives_a_restart(tmp_path):
    db = tmp_path / "blijvend.sqlite3"
    app, server = start_simulator(db)
    client = SimClient(app, server.url, server.server.server_port)
    bsn = client.persoon()
    bericht_id = str(uuid.uuid4())
    assert client.duo("POST", f"/personen/{bsn}/PIP", PIP, bericht_id=bericht_id).status == 201
    client.klok("2026-06-01")
    server.stop()
    app.sluit()

    app, server = start_simulator(db)
    try:
        client = SimClient(app, server.url, server.server.server_port)
        assert client.duo("GET", f"/personen/{bsn}/PIP").json["pip"] == {**PIP, "niveau": "B1"}
        assert client.sim("GET", "/klok").json["vandaag"] == "2026-06-01"
        # the idempotency store survived as well
        assert client.duo("POST", f"/personen/{bsn}/PIP", PIP, bericht_id=bericht_id).status == 201
        assert len(client.staat(bsn)["pips"]) == 1
        assert [b["methode"] for b in client.sim("GET", "/berichten").json] == [
            "POST",
            "GET",
            "POST",
        ]
    finally:
        server.stop()
        app.sluit()


def test_reset_clears_everything(simulator):
    bsn = simulator.persoon()
    simulator.sim("POST", "/fouten", {"mode": "503"})
    assert simulator.sim("POST", "/reset").status == 200
    assert simulator.sim("GET", f"/personen/{bsn}").status == 404
    assert simulator.sim("GET", "/berichten").json == []
    assert simulator.sim("GET", "/fouten").json == {"mode": "none"}
    assert len(simulator.duo("GET", "/instellingen").json) == 3


def test_concurrent_requests_are_safe(simulator):
    import threading

    bsns = [simulator.persoon() for _ in range(8)]
    resultaten = []

    def registreer(bsn):
        resultaten.append(simulator.duo("POST", f"/personen/{bsn}/PIP", PIP).status)
        resultaten.append(simulator.duo("PUT", f"/personen/{bsn}/uren/participatietaalles",
                                        {"uren": 5}).status)  # fmt: skip

    draden = [threading.Thread(target=registreer, args=(b,)) for b in bsns]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert sorted(resultaten) == [200] * 8 + [201] * 8
    assert all(len(simulator.staat(b)["pips"]) == 1 for b in bsns)


def test_a_connection_is_kept_open_between_requests(simulator):
    """HTTP/1.1 keep-alive, as DUO's servers offer it: one connection for many requests, also
    after a request with a body and after a refusal."""
    bsn = simulator.persoon()
    verbinding = http.client.HTTPConnection("127.0.0.1", simulator.port, timeout=5)
    koppen = {"bron": GEMEENTE_A, "doel": simulator.app.duo_oin}
    try:
        verbinding.connect()
        eerste_socket = verbinding.sock
        verzoeken = [
            ("GET", f"/v1/personen/{bsn}/inburgeringsplicht", None, 200),
            ("POST", f"/v1/personen/{bsn}/PIP", json.dumps(PIP).encode(), 201),
            ("GET", f"/v1/personen/{bsn}/PIP", None, 200),
            ("GET", "/v1/personen/123456782/onbekend", None, 404),
            ("GET", f"/v1/personen/{bsn}/doelgroep", None, 200),
        ]
        for methode, pad, body, status in verzoeken:
            headers = {**koppen, "berichtId": str(uuid.uuid4())}
            if body is not None:
                headers["Content-Type"] = "application/json"
            verbinding.request(methode, pad, body=body, headers=headers)
            antwoord = verbinding.getresponse()
            antwoord.read()
            assert antwoord.status == status, (methode, pad)
            assert antwoord.getheader("Connection") != "close"
            assert verbinding.sock is eerste_socket, "the connection was not reused"
    finally:
        verbinding.close()


def test_a_client_that_asks_to_close_gets_a_closed_connection(simulator):
    verbinding = http.client.HTTPConnection("127.0.0.1", simulator.port, timeout=5)
    try:
        verbinding.request("GET", "/_sim/klok", headers={"Connection": "close"})
        antwoord = verbinding.getresponse()
        antwoord.read()
        assert antwoord.status == 200
        assert antwoord.getheader("Connection") == "close"
    finally:
        verbinding.close()


def test_a_request_cut_off_midway_is_neither_applied_nor_logged(simulator):
    """A worker killed between its headers and its body leaves half a request; DUO never runs
    it. The retry then carries the whole body and is applied once (the crash test's premise)."""
    bsn = simulator.persoon()
    bericht_id = str(uuid.uuid4())
    pad = f"/personen/{bsn}/PIP"
    raw = json.dumps(PIP).encode()
    kop = (
        f"POST /v1{pad} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"bron: {GEMEENTE_A}\r\ndoel: {DUO_OIN}\r\nberichtId: {bericht_id}\r\n"
        f"Content-Length: {len(raw)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", simulator.port), timeout=5) as s:
        s.sendall(kop + raw[: len(raw) // 2])
        s.shutdown(socket.SHUT_WR)
        assert s.recv(1024) == b"", "no answer to half a request"
    assert simulator.sim("GET", f"/berichten?pad=/v1{pad}").json == []
    assert simulator.staat(bsn)["pips"] == []

    opnieuw = simulator.duo("POST", pad, PIP, bericht_id=bericht_id)
    assert opnieuw.status == 201
    assert [(b["herhaling"], b["toegepast"]) for b in _toegepast(simulator, pad)] == [(False, True)]
