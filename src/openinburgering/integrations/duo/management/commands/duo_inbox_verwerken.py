"""Process DUO's notifications from the inbox (ADR 0007); several workers can run side by side."""

import signal
import time

from django.core.management.base import BaseCommand

import structlog

from openinburgering.core import brp
from openinburgering.integrations.duo.inbox import INBOX_BATCH, inbox_verwerken

#: While idle, reads from the BRP that failed (people DUO announced while it was down) are
#: tried again at most this often (ADR 0062).
BRP_INHALEN_ELKE = 30.0

logger = structlog.get_logger(__name__)


class Command(BaseCommand):
    help = (
        "Verwerk de notificaties van DUO die wachten (nieuw ontvangen of klaar voor een nieuwe "
        "poging), in porties. Met --loop blijft het draaien tot SIGTERM; meerdere tegelijk kan "
        "(PostgreSQL, SKIP LOCKED)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Blijf draaien tot SIGTERM.")
        parser.add_argument(
            "--interval", type=float, default=0.5, help="Seconden wachten als er niets is."
        )
        parser.add_argument(
            "--limiet", type=int, default=INBOX_BATCH, help="Notificaties per portie."
        )
        parser.add_argument(
            "--tot-leeg", action="store_true", help="Verwerk tot de inbox leeg is en stop dan."
        )

    def handle(self, *args, loop, interval, limiet, tot_leeg, **options):
        self._stoppen = False

        def stop(signum, frame):
            self._stoppen = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        totaal = 0
        brp_ingehaald = time.monotonic()
        while not self._stoppen:
            aantal = inbox_verwerken(limiet=limiet)
            totaal += aantal
            if not loop and not (tot_leeg and aantal):
                break
            if aantal == 0 and time.monotonic() - brp_ingehaald >= BRP_INHALEN_ELKE:
                brp_ingehaald = time.monotonic()
                if brp.aan():
                    brp.brp().achterstand_bijwerken(limiet=limiet)
            if aantal == 0:
                time.sleep(interval)
        if not loop:
            self.stdout.write(f"notificaties={totaal}")
        logger.info("duo_inbox_worker_gestopt", verwerkt=totaal)
