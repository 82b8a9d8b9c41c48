"""The inbox worker's round: claim a batch of stored notifications and process it (ADR 0007).

Notifications that announce a new person go set-based (:mod:`.nieuwe_personen`); the rest one by
one (:mod:`.verwerking`), each in its own savepoint. All of a batch shares one transaction, one
HTTP connection to DUO and one recomputation of the worklist.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

import requests
import structlog

from .herhaling import backoff
from .models import Notificatie, NotificatieStatus
from .nieuwe_personen import nieuwe_personen_verwerken
from .services import signalen_gebundeld
from .verwerking import notificatie_verwerken

logger = structlog.get_logger(__name__)

#: How many notifications one worker claims at once. They share one transaction and one
#: set-based recomputation of the worklist; new people among them are created set-based.
INBOX_BATCH = 100


def inbox_verwerken(*, limiet: int = INBOX_BATCH) -> int:
    """Process the oldest waiting notifications: received ones, and retries that are due.

    The notification table is the inbox (ADR 0007). Workers claim rows with SKIP LOCKED, so
    several run side by side without taking the same notification. A batch stops early when DUO
    is unreachable: the rest waits for the next round instead of each running into a timeout.
    Returns how many notifications were claimed.
    """
    nu = timezone.now()
    with transaction.atomic(), signalen_gebundeld(), requests.Session() as sessie:
        notificaties = list(
            Notificatie.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("gemeente")
            .filter(
                Q(status=NotificatieStatus.ONTVANGEN)
                | Q(status=NotificatieStatus.OPNIEUW, volgende_poging_op__lte=nu)
            )
            .order_by("id")[:limiet]
        )
        klaar = nieuwe_personen_verwerken(notificaties=notificaties, sessie=sessie)
        for notificatie in notificaties:
            if notificatie.pk in klaar:
                continue
            try:
                with transaction.atomic():
                    status = notificatie_verwerken(notificatie_id=notificatie.pk, sessie=sessie)
            except DatabaseError as exc:
                # The savepoint is rolled back; park the notification so it cannot block the
                # head of the inbox, and try again after the usual backoff.
                logger.error("duo_inbox_databasefout", fout=type(exc).__name__)
                Notificatie.objects.filter(pk=notificatie.pk).update(
                    status=NotificatieStatus.OPNIEUW,
                    pogingen=F("pogingen") + 1,
                    volgende_poging_op=nu + backoff(1),
                )
                continue
            if status == NotificatieStatus.OPNIEUW:
                break
    return len(notificaties)
