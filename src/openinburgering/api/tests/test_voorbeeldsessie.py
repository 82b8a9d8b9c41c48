"""The example client session in ``docs/api/voorbeeldsessie.md`` runs as written: its shell
command makes the token, its Python blocks run in order with ``requests`` against the live test
server, and a real HTTP receiver from the doc verifies the webhook's signature. If the API
changes, this fails until the doc is right again (issue 18)."""

import io
import os
import re
import shlex
import socket
from datetime import date
from pathlib import Path

from django.core.management import call_command

import pytest
import time_machine

from openinburgering.abonnementen.models import BezorgStatus
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake, ss139

DOC = Path(__file__).resolve().parents[4] / "docs" / "api" / "voorbeeldsessie.md"
BLOK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def _blokken(taal: str) -> list[str]:
    return [code for soort, code in BLOK.findall(DOC.read_text()) if soort == taal]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_the_documented_session_runs_against_the_live_server(
    live_server, gemeente_a, inburgeraar_factory, medewerker, settings, tmp_path, monkeypatch
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    settings.ABONNEMENTEN_HTTPS_VERPLICHT = False
    monkeypatch.setattr("openinburgering.brieven.render_pdf", lambda *a, **kw: b"%PDF-1.7 test")
    from openinburgering.abonnementen import services as abonnementen

    # The world: three persons, one with a concept PIP.
    with time_machine.travel(date(2025, 2, 14), tick=True):
        for _ in range(2):
            inburgeraar_factory(gemeente_a)
        persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))
        ss139(persoon.dossier, date(2025, 1, 6))
        actor = actor_voor(gemeente_a)
        afgesloten_intake(actor, persoon.dossier)
        pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)

    # 1. The token, by the documented command (the doc's gemeente code is an example).
    (commando,) = _blokken("sh")
    argumenten = shlex.split(commando)[3:]  # after ".venv/bin/python src/manage.py <command>"
    assert shlex.split(commando)[2] == "apitoken_aanmaken"
    argumenten[argumenten.index("--gemeente") + 1] = gemeente_a.code
    uit = io.StringIO()
    call_command("apitoken_aanmaken", *argumenten, stdout=uit)
    sleutel = uit.getvalue().strip()

    # 6. The beheerder's subscription, pointing at the doc's receiver.
    poort = _vrije_poort()
    beheerder = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    _abonnement, geheim = abonnementen.abonnement_aanmaken(
        actor=Actor(gemeente=gemeente_a, user=beheerder, rol=Rol.FUNCTIONEEL_BEHEERDER),
        naam="Voorbeeldclient",
        url=f"http://127.0.0.1:{poort}/",
        soorten=["pip.vastgesteld"],
    )
    for naam, waarde in {
        "OI_API": f"{live_server.url}/api/v1",
        "OI_TOKEN": sleutel,
        "OI_WEBHOOK_GEHEIM": geheim,
        "OI_ONTVANGER_POORT": str(poort),
    }.items():
        monkeypatch.setenv(naam, waarde)
    # The server's threads read the ORM while this one waits on HTTP.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    naamruimte: dict = {}
    blokken = _blokken("python")
    assert len(blokken) == 7
    try:
        for blok in blokken:
            exec(compile(blok, str(DOC), "exec"), naamruimte)  # noqa: S102
        # The doc's receiver refuses a delivery whose body was changed after signing.
        import time

        import requests

        vervalst = requests.post(
            f"http://127.0.0.1:{poort}/",
            data=b'{"id": "x", "type": "nl.openinburgering.pip.vastgesteld"}',
            headers={
                "webhook-id": "x",
                "webhook-timestamp": str(int(time.time())),
                "webhook-signature": "v1,AAAA",
            },
            timeout=5,
        )
        assert vervalst.status_code == 401
    finally:
        if "ontvanger" in naamruimte:
            naamruimte["ontvanger"].shutdown()
            naamruimte["ontvanger"].server_close()

    # What the session established, checked from the outside too.
    assert len(naamruimte["personen"]) == 3
    gebeurtenis = naamruimte["gebeurtenis"]
    assert gebeurtenis["subject"] == naamruimte["concept"]["uuid"]
    assert gebeurtenis["dataref"].endswith(f"/api/v1/pips/{gebeurtenis['subject']}")
    assert os.environ["OI_TOKEN"] not in str(naamruimte["ontvangen"])
    (bezorging,) = _abonnement.bezorgingen.all()
    assert bezorging.status == BezorgStatus.BEZORGD  # one delivery, accepted on its first try
