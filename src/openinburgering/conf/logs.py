"""A log processor that keeps what a client sent out of the log.

Exception messages quote input (Django's ``“abc” is not a valid UUID``, a database error with the
offending value), and Django's security loggers quote the Host header or a file name. A log line
names where it went wrong and what kind of error it was; never the value (issue 15).
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

# Loggers whose message text is built from request data (DisallowedHost, SuspiciousOperation, …).
_LOGGERS_MET_INVOER = ("django.security",)


def _als_exc_info(waarde: Any):
    if waarde is True:
        return sys.exc_info()
    if isinstance(waarde, BaseException):
        return (type(waarde), waarde, waarde.__traceback__)
    if isinstance(waarde, tuple) and len(waarde) == 3:
        return waarde
    return None


def traceback_zonder_meldingen(exc: BaseException | None) -> str:
    """The frames and the exception classes of the whole chain, without any message."""
    delen: list[str] = []
    gezien: set[int] = set()
    while exc is not None and id(exc) not in gezien:
        gezien.add(id(exc))
        frames = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        soort = type(exc)
        delen.append(
            f"Traceback (most recent call last):\n{frames}{soort.__module__}.{soort.__qualname__}"
        )
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return "\n\nThe above was raised while handling:\n".join(delen)


def zonder_invoer(logger, methode: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """structlog processor: render exceptions without their messages, and replace the message
    of loggers that quote request data by the logger's own name."""
    record = event_dict.get("_record")
    naam = getattr(record, "name", "") or ""
    if naam.startswith(_LOGGERS_MET_INVOER) and not event_dict.get("_from_structlog"):
        event_dict["event"] = naam.rsplit(".", 1)[-1]
        event_dict.pop("positional_args", None)
    if "exc_info" in event_dict:
        exc_info = _als_exc_info(event_dict.pop("exc_info"))
        if exc_info and exc_info[1] is not None:
            event_dict["exception"] = traceback_zonder_meldingen(exc_info[1])
            event_dict["exception_type"] = exc_info[0].__qualname__
    return event_dict


class ZonderTaakregels:
    """A logging filter for the demo's terminal: the task worker logs two lines per task run
    (RUNNING, SUCCESSFUL), several per second, and they buried the lines a demo user reads.
    A failing task (WARNING and up) still shows."""

    def filter(self, record) -> bool:
        return not (record.name.startswith("django_tasks") and record.levelno < 30)
