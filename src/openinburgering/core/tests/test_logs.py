"""Issue 15, finding 8: an error log names the kind of error and where, never what was sent."""

import io
import json
import logging

from django.test import Client

import pytest

from openinburgering.conf.logs import traceback_zonder_meldingen

RAUW = "Jansen-geheim-9f3a"


@pytest.fixture
def logregels():
    """The log lines as production writes them: the console handler's own formatter."""
    # The stdlib handlers themselves are under test here, not a place to log from.
    console = next(h for h in logging.root.handlers if h.get_name() == "console")
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    handler.setFormatter(console.formatter)
    loggers = [
        logging.getLogger(n)  # noqa: TID251
        for n in ("django.request", "django.security.DisallowedHost", "openinburgering.ui.fouten")
    ]
    for logger in loggers:
        logger.addHandler(handler)
    yield lambda: [json.loads(r) for r in uit.getvalue().splitlines() if r.strip()]
    for logger in loggers:
        logger.removeHandler(handler)


@pytest.mark.urls("openinburgering.core.tests.urls_invoer")
def test_a_server_error_log_does_not_quote_the_submitted_value(db, logregels):
    client = Client(raise_request_exception=False)
    response = client.get("/zoek-op-id/", {"id": RAUW})
    assert response.status_code == 500
    regels = logregels()
    assert regels, "the error was not logged"
    tekst = json.dumps(regels)
    assert RAUW not in tekst
    # What is logged: that it failed, the kind of error, and where.
    regel = regels[0]
    assert regel["exception_type"] == "ValidationError"
    assert "urls_invoer.py" in regel["exception"]
    assert "zoek" in regel["exception"]


def test_a_security_log_does_not_quote_the_host_header(db, logregels):
    response = Client(HTTP_HOST=f"{RAUW}.example").get("/inloggen/")
    assert response.status_code == 400
    regels = logregels()
    assert regels
    assert RAUW not in json.dumps(regels)
    assert regels[0]["event"] == "DisallowedHost"


def test_a_csrf_failure_log_does_not_quote_the_origin(db, logregels, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client(enforce_csrf_checks=True)
    client.get("/inloggen/")
    response = client.post(
        "/inloggen/",
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "username": "x"},
        headers={"Origin": f"https://{RAUW}.example"},
        secure=True,
    )
    assert response.status_code == 403
    regels = [r for r in logregels() if r.get("event") == "csrf_mislukt"]
    assert regels
    assert RAUW not in json.dumps(regels)
    assert regels[0]["reden"] == "Origin checking failed"


def test_a_chained_exception_keeps_both_kinds_and_no_message():
    try:
        try:
            int(RAUW)
        except ValueError as exc:
            raise KeyError(RAUW) from exc
    except KeyError as exc:
        tekst = traceback_zonder_meldingen(exc)
    assert RAUW not in tekst
    assert "builtins.ValueError" in tekst
    assert "builtins.KeyError" in tekst
