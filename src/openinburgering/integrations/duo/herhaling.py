"""When to try again and when to give up: one policy for the outbox and for notifications."""

import random
from datetime import datetime, timedelta

from django.conf import settings


def backoff(poging: int) -> timedelta:
    """Exponential backoff with jitter, capped at ``DUO_OUTBOX_MAX_BACKOFF_SECONDS`` (ADR 6).

    Attempt 1 waits 1–2 s, attempt 2 2–4 s, … up to half to all of the cap (5 minutes).
    """
    maximum = settings.DUO_OUTBOX_MAX_BACKOFF_SECONDS
    basis = min(maximum, 2 ** min(max(poging, 1), 30))
    return timedelta(seconds=basis / 2 + random.uniform(0, basis / 2))  # noqa: S311


def opgeven_na(begin: datetime) -> datetime:
    """The moment after which a message that still cannot be delivered is given up."""
    return begin + timedelta(days=settings.DUO_OUTBOX_OPGEVEN_NA_DAGEN)
