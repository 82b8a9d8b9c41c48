"""Part of ``make bench-duo-achterstand``: put the backlog in the database, as received.

Reads BSNs from stdin; argv: number of notifications. Each notification is stored as the
endpoint stores it (BSN encrypted, fingerprint, status "ontvangen": the inbox), in bulk.
"""

import sys
import uuid
from datetime import UTC, datetime

import django

django.setup()

from django.db import transaction  # noqa: E402

from openinburgering.gemeenten.models import Gemeente  # noqa: E402
from openinburgering.integrations.duo import intake  # noqa: E402
from openinburgering.integrations.duo.models import Notificatie  # noqa: E402


def main() -> None:
    aantal = int(sys.argv[1])
    bsns = sys.stdin.read().split()[:aantal]
    gemeente = Gemeente.objects.get()
    tijdstip = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
    for begin in range(0, len(bsns), 2000):
        rijen = []
        for bsn in bsns[begin : begin + 2000]:
            verzoek = intake.NotificatieVerzoek(
                bron=intake.settings.DUO_OIN, doel=gemeente.oin, bericht_id=uuid.uuid4(),
                registratie_datum_tijd=tijdstip, gebeurtenis_id="SS139", bsn=bsn, vnummer="",
            )  # fmt: skip
            n = Notificatie(
                gemeente=gemeente, bron=verzoek.bron, doel=verzoek.doel,
                bericht_id=verzoek.bericht_id, gebeurtenis_id="SS139",
                registratie_datum_tijd=tijdstip, vingerafdruk=intake.vingerafdruk(verzoek),
            )  # fmt: skip
            n.zet_bsn(bsn)
            rijen.append(n)
        with transaction.atomic():
            Notificatie.objects.bulk_create(rijen)


if __name__ == "__main__":
    main()
