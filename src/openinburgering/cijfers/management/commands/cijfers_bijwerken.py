"""Recompute the figures of the dashboards and the council page (ADR 0068)."""

import signal
import time

from django.core.management.base import BaseCommand, CommandError

from openinburgering.cijfers.services import alle_kengetallen_bijwerken
from openinburgering.gemeenten.models import Gemeente


class Command(BaseCommand):
    help = (
        "Bereken de cijfers van de stuurdashboards en de raadsinformatie opnieuw, per gemeente "
        "(dagelijks draaien). Zonder --gemeente: alle gemeenten. Met --loop elke --interval "
        "seconden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", help="Gemeentecode (4 cijfers).")
        parser.add_argument("--loop", action="store_true", help="Blijf draaien tot SIGTERM.")
        parser.add_argument(
            "--interval", type=float, default=86400.0, help="Seconden tussen rondes (met --loop)."
        )

    def handle(self, *args, gemeente=None, loop=False, interval=86400.0, **options):
        if gemeente and not Gemeente.objects.filter(code=gemeente).exists():
            raise CommandError(f"Onbekende gemeente: {gemeente}")
        self._stoppen = False

        def stop(signum, frame):
            self._stoppen = True

        if loop:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        while not self._stoppen:
            gemeenten = Gemeente.objects.filter(code=gemeente) if gemeente else None
            for u in alle_kengetallen_bijwerken(gemeenten=gemeenten):
                self.stdout.write(
                    f"{u.gemeente}: dossiers={u.dossiers} rijen={u.rijen} seconden={u.seconden}"
                )
            if not loop:
                return
            wacht = time.monotonic() + interval
            while not self._stoppen and time.monotonic() < wacht:
                time.sleep(min(1.0, interval))
