"""Crash: deliverers (``manage.py abonnementen_bezorgen --loop``, separate processes on
PostgreSQL) are killed with SIGKILL at random moments while they deliver to two real HTTP
receivers; one receiver is taken down for a while, the other answers 503 for a while. Every event
arrives exactly once per subscriber (the receiver recognises a repeat by its ``id``), in order per
dossier, with a valid signature."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from uuid import uuid4

from django.conf import settings as django_settings
from django.db import connection, transaction

import pytest

from openinburgering.abonnementen import services, tasks
from openinburgering.abonnementen.models import Bericht, Bezorging, BezorgStatus
from openinburgering.core import publicatie
from openinburgering.core.publicatie import Soort

from .ontvanger import Ontvanger

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPO_ROOT = Path(__file__).resolve().parents[4]
DOSSIERS = 20
PER_DOSSIER = 10  # the opening and nine reports of hours
WORKERS = 2
MAX_SECONDEN = 60
UITLOOP_SECONDEN = 240


def _worker_env() -> dict:
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "openinburgering.conf.test",
        "DATABASE_URL": f"postgres://{db['USER']}{wachtwoord}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SECRET_KEY": django_settings.SECRET_KEY,
        "BSN_ENCRYPTION_KEY": django_settings.BSN_ENCRYPTION_KEY,
        "BSN_HASH_KEY": django_settings.BSN_HASH_KEY,
        "ABONNEMENTEN_MAX_BACKOFF_SECONDS": "2",
        "PYTHONPATH": str(REPO_ROOT / "src"),
        "LOG_LEVEL": "WARNING",
    }


def _start(env):
    return subprocess.Popen(
        [
            sys.executable,
            str(REPO_ROOT / "src" / "manage.py"),
            "abonnementen_bezorgen",
            "--loop",
            "--interval",
            "0.05",
            "--limiet",
            "20",
        ],
        env=env,
        cwd=str(REPO_ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class _GeenTaak:
    """The task queue is down: nothing is delivered until the deliverers start."""

    def enqueue(self, *args, **kwargs):
        return None


def _wachtend() -> bool:
    return Bezorging.objects.filter(status=BezorgStatus.WACHTEND).exists()


def test_sigkilled_deliverers_and_a_receiver_down_lose_nothing_and_deliver_each_event_once(
    gemeente_a, beheerder_actor, inburgeraar_factory, monkeypatch, foutverslag
):
    monkeypatch.setattr(tasks, "bezorgen", _GeenTaak())
    rng = random.Random(7)
    a, b = Ontvanger(vertraging=0.02).start(), Ontvanger(vertraging=0.02).start()
    for ontvanger, naam in ((a, "Zaaksysteem"), (b, "Datawarehouse")):
        _, ontvanger.geheim = services.abonnement_aanmaken(
            actor=beheerder_actor, naam=naam, url=ontvanger.url, soorten=list(Soort.values)
        )
    # The real opening of each dossier, then reports of hours one transaction each.
    personen = [inburgeraar_factory(gemeente_a) for _ in range(DOSSIERS)]
    for _ in range(PER_DOSSIER - 1):
        for persoon in personen:
            with transaction.atomic():
                onderwerp = uuid4()
                publicatie.publiceren(
                    publicatie.Feit(
                        gemeente_id=gemeente_a.pk,
                        soort=Soort.UREN_GEMELD,
                        onderwerp=onderwerp,
                        dossier=persoon.dossier.uuid,
                        inburgeraar=persoon.uuid,
                        objecten={"urenregistratie": onderwerp},
                    )
                )
    totaal = DOSSIERS * PER_DOSSIER
    assert Bericht.objects.count() == totaal
    assert Bezorging.objects.filter(status=BezorgStatus.WACHTEND).count() == 2 * totaal
    verwacht: dict[str, list[str]] = {}
    for uuid, sleutel in Bericht.objects.order_by("pk").values_list("uuid", "volgorde_sleutel"):
        verwacht.setdefault(sleutel, []).append(str(uuid))

    env = _worker_env()
    begin = time.monotonic()
    workers = [_start(env) for _ in range(WORKERS)]
    kills = 0
    b.storing = 503
    try:
        while time.monotonic() - begin < MAX_SECONDEN:
            time.sleep(rng.uniform(0.5, 1.5))
            slachtoffer = rng.randrange(WORKERS)
            workers[slachtoffer].send_signal(signal.SIGKILL)
            workers[slachtoffer].wait()
            kills += 1
            workers[slachtoffer] = _start(env)
            if kills == 3:
                a.stop()  # receiver A goes down: connections refused
            if kills == 8:
                a.start()  # and comes back on the same port
                b.storing = None
            if kills > 8 and not _wachtend():
                break
        while time.monotonic() - begin < MAX_SECONDEN + UITLOOP_SECONDEN and _wachtend():
            time.sleep(0.2)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        a.stop()
        b.stop()
    verstreken = time.monotonic() - begin

    assert kills >= 8
    assert Bezorging.objects.filter(status=BezorgStatus.BEZORGD).count() == 2 * totaal, (
        "every event delivered to both subscribers"
    )
    herhalingen = 0
    for ontvanger in (a, b):
        assert all(o.geldig for o in ontvanger.ontvangsten), "every delivery correctly signed"
        assert ontvanger.per_dossier == verwacht, "each event once, in order per dossier"
        herhalingen += sum(o.herhaling for o in ontvanger.ontvangsten)
    # A repeat carries the same body as the first delivery.
    for ontvanger in (a, b):
        eerste = {}
        for o in ontvanger.ontvangsten:
            assert eerste.setdefault(o.id, o.event) == o.event
    foutverslag(
        "Abonnementen-bezorging met SIGKILL en ontvanger plat",
        gebeurtenissen=totaal,
        abonnees=2,
        kills=kills,
        verloren=2 * totaal - len(a.gezien) - len(b.gezien),
        herhalingen_herkend=herhalingen,
        ongeldige_handtekeningen=sum(not o.geldig for o in a.ontvangsten + b.ontvangsten),
    )
    print(
        f"\nabonnementen crash test: {totaal} events to 2 subscribers in {verstreken:.1f} s with "
        f"{kills} SIGKILLs, receiver A down and B answering 503 for a while; {herhalingen} repeats "
        "recognised by the receivers from the id"
    )
