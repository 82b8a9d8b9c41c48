"""Deliver the events to the subscribers, with retries (ADR 0072)."""

import signal
import time

from django.core.management.base import BaseCommand

import structlog

from openinburgering.abonnementen.bezorging import bezorgen

logger = structlog.get_logger(__name__)


class Command(BaseCommand):
    help = (
        "Bezorg wachtende gebeurtenissen aan de abonnees (met herhaalpogingen). Met --loop blijft "
        "het draaien; meerdere tegelijk kan (PostgreSQL, SKIP LOCKED)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Blijf draaien tot SIGTERM.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconden tussen rondes.")
        parser.add_argument("--limiet", type=int, default=200, help="Bezorgingen per ronde.")

    def handle(self, *args, loop, interval, limiet, **options):
        self._stoppen = False

        def stop(signum, frame):
            self._stoppen = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while True:
            resultaat = bezorgen(limiet=limiet)
            if not loop:
                self.stdout.write(
                    f"bezorgd={resultaat.bezorgd} opnieuw={resultaat.opnieuw} dood={resultaat.dood}"
                )
                return
            if self._stoppen:
                logger.info("abonnementen_bezorger_gestopt")
                return
            if resultaat.verwerkt < limiet:
                time.sleep(interval)
