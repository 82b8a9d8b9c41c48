"""Catch up on DUO's events that never arrived as a notification (Gebeurtenis API, ADR 0063)."""

import signal
import time

from django.core.management.base import BaseCommand, CommandError

import structlog

from openinburgering.gemeenten.models import Gemeente
from openinburgering.integrations.duo.inhalen import INHAAL_BATCH, gebeurtenissen_inhalen

logger = structlog.get_logger(__name__)


class Command(BaseCommand):
    help = (
        "Vraag per persoon met een lopend dossier DUO's lijst van gebeurtenissen op en zet wat "
        "DUO vastlegde maar nooit meldde in de inbox; de inbox verwerkt het één keer. Zonder "
        "--gemeente: alle gemeenten met een M2M-koppeling. Met --loop elke --interval seconden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", help="Gemeentecode (4 cijfers).")
        parser.add_argument("--batch", type=int, default=INHAAL_BATCH, help="Dossiers per portie.")
        parser.add_argument("--loop", action="store_true", help="Blijf draaien tot SIGTERM.")
        parser.add_argument(
            "--interval", type=float, default=3600.0, help="Seconden tussen rondes (met --loop)."
        )

    def handle(self, *args, gemeente=None, batch, loop, interval, **options):
        if gemeente and not Gemeente.objects.filter(code=gemeente).exists():
            raise CommandError(f"Onbekende gemeente: {gemeente}")
        self._stoppen = False

        def stop(signum, frame):
            self._stoppen = True

        if loop:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        while not self._stoppen:
            # Read every round: a gemeente added or switched to M2M joins the next one.
            gemeenten = (
                Gemeente.objects.filter(code=gemeente)
                if gemeente
                else Gemeente.objects.filter(koppeling="m2m")
            )
            for g in gemeenten.order_by("code"):
                ronde = gebeurtenissen_inhalen(gemeente=g, batch=batch)
                if not loop:
                    self.stdout.write(
                        f"{g.code}: personen={ronde.personen} ingehaald={ronde.ingehaald} "
                        f"fouten={ronde.fouten}"
                        + (
                            " (DUO onbereikbaar: volgende ronde verder)"
                            if ronde.onderbroken
                            else ""
                        )
                    )
            if not loop:
                break
            einde = time.monotonic() + interval
            while not self._stoppen and time.monotonic() < einde:
                time.sleep(min(1.0, interval))
        logger.info("duo_inhalen_gestopt")
