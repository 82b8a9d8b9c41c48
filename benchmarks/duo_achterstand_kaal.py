"""Part of ``make bench-duo-achterstand``: the bare baseline of the inbox.

The same claim loop as ``duo_inbox_verwerken`` (batches, SKIP LOCKED, one transaction per
batch), but each notification is only marked processed: what the queue itself costs. Afterwards
the notifications are put back in the inbox for the real run.
"""

import sys

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from openinburgering.integrations.duo.inbox import INBOX_BATCH  # noqa: E402
from openinburgering.integrations.duo.models import Notificatie, NotificatieStatus  # noqa: E402


def main() -> None:
    if sys.argv[1:] == ["terug"]:
        Notificatie.objects.update(status=NotificatieStatus.ONTVANGEN, verwerkt_op=None)
        return
    while True:
        with transaction.atomic():
            ids = list(
                Notificatie.objects.select_for_update(skip_locked=True)
                .filter(status=NotificatieStatus.ONTVANGEN)
                .order_by("id")
                .values_list("pk", flat=True)[:INBOX_BATCH]
            )
            for pk in ids:
                with transaction.atomic():
                    Notificatie.objects.filter(pk=pk).update(
                        status=NotificatieStatus.VERWERKT, verwerkt_op=timezone.now()
                    )
        if not ids:
            return


if __name__ == "__main__":
    main()
