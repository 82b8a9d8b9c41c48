"""Outage: the simulator answers 503 for 12 hours (a scaled clock: our time jumps from one
due retry to the next). Nothing is lost, nothing is given up before 7 days, the backlog is
delivered after recovery, in order per person, every berichtId applied once with one body."""

import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.db.models import Min
from django.utils import timezone

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import bezorging, meldingen
from openinburgering.integrations.duo.models import UitgaandBericht, UitgaandStatus
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.pip import Pip

pytestmark = pytest.mark.django_db

PERSONEN = 4
UREN = ("taalles_knm_brede_intake", "participatieactiviteiten", "participatie_taalles")
STORING = timedelta(hours=12)


def test_long_outage_loses_nothing_and_keeps_order(
    simulator, gemeente_a, inburgeraar_factory, foutverslag
):
    simulator.gemeente(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    start = timezone.make_aware(datetime(2026, 6, 1, 8, 0))
    with time_machine.travel(start, tick=False) as klok:
        volgorde: dict[str, list[str]] = {}
        for i in range(PERSONEN):
            bsn = nieuw_bsn()
            simulator.persoon(bsn, gemeente_a)
            persoon = inburgeraar_factory(gemeente_a, bsn=bsn)
            berichten = [
                meldingen.pip_melden(
                    actor=actor,
                    inburgeraar=persoon,
                    pip=Pip(dagtekening=date(2026, 2, 2), leerroute=Leerroute.B1_ROUTE),
                )
            ]
            # Totals that grow: if the order were lost, DUO would end with a lower total.
            berichten += [
                meldingen.uren_melden(
                    actor=actor, inburgeraar=persoon, soort=UREN[i % 3], uren=n * 10
                )
                for n in range(1, 4)
            ]
            volgorde[bsn] = [str(b.bericht_id) for b in berichten]
        totaal = PERSONEN * 4

        simulator.storing("503")
        pogingen = 0
        while timezone.now() < start + STORING:
            resultaat = bezorging.bezorgen()
            assert resultaat.bezorgd == resultaat.afgewezen == resultaat.dood == 0
            pogingen += resultaat.opnieuw
            # Scaled clock: jump to the next retry that is due.
            volgende = UitgaandBericht.objects.filter(
                status=UitgaandStatus.WACHTEND, volgende_poging_op__gt=timezone.now()
            ).aggregate(t=Min("volgende_poging_op"))["t"]
            klok.move_to(volgende + timedelta(milliseconds=1))
        assert UitgaandBericht.objects.filter(status=UitgaandStatus.WACHTEND).count() == totaal
        # Only the head of each person's queue was tried, and the backoff (capped at 5 minutes,
        # with jitter: 150–300 s) kept it to 12–24 tries per hour per person.
        uren = STORING.total_seconds() / 3600
        assert PERSONEN * uren * 11 < pogingen < PERSONEN * uren * 25
        assert (
            not UitgaandBericht.objects.filter(pogingen__gt=0)
            .exclude(soort="pip_registreren")
            .exists()
        )

        simulator.storing("none")
        for _ in range(100):
            if not UitgaandBericht.objects.filter(status=UitgaandStatus.WACHTEND).exists():
                break
            bezorging.bezorgen()
            klok.shift(timedelta(minutes=5, seconds=1))
    assert UitgaandBericht.objects.filter(status=UitgaandStatus.BEZORGD).count() == totaal

    per_persoon: dict[str, list[str]] = defaultdict(list)
    bodies: dict[str, set] = defaultdict(set)
    toegepast: dict[str, int] = defaultdict(int)
    for b in simulator.berichten():
        if b["methode"] == "GET":
            continue
        bodies[b["berichtId"]].add(json.dumps(b["body"], sort_keys=True))
        if b["toegepast"]:
            toegepast[b["berichtId"]] += 1
            bsn = urlsplit(b["pad"]).path.split("/")[3]
            per_persoon[bsn].append(b["berichtId"])
    assert dict(per_persoon) == volgorde, "order per person kept"
    assert set(toegepast.values()) == {1}, "every berichtId applied exactly once"
    assert all(len(v) == 1 for v in bodies.values()), "every retry carried the same body"
    foutverslag(
        "DUO-storing van uren",
        berichten=totaal,
        verloren=totaal - len(toegepast),
        dubbel_toegepast=sum(n - 1 for n in toegepast.values()),
        pogingen_tijdens_storing=pogingen,
    )
    for bsn in volgorde:
        assert max(_uren(simulator.staat(bsn)["uren"])) == 30, "the last total won"


def _uren(knoop):
    """Every ``{"uren": n}`` total in the simulator's state of a person."""
    if isinstance(knoop, dict):
        for sleutel, waarde in knoop.items():
            if sleutel == "uren" and isinstance(waarde, int):
                yield waarde
            else:
                yield from _uren(waarde)
