"""Schemathesis drives our Notificatie endpoint with DUO's own Notificatie spec (positive and
negative cases): no server errors, and every answer conforms to the spec (status code, headers,
content type, body)."""

from copy import deepcopy

from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from . import spec
from .conftest import DUO_OIN

CONTROLES = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
_ruw = deepcopy(spec.spec_dict("Notificatie"))
_ruw["servers"] = [{"url": "http://testserver/duo/v1"}]
schema = schemathesis.openapi.from_dict(_ruw)


SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def wsgi_app():
    return get_wsgi_application()


@pytest.fixture(autouse=True)
def _verbinding_open_houden():
    """As Django's test client does: a request must not close the test's DB connection (on
    PostgreSQL ``close_old_connections`` would end the test transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@SETTINGS
def test_duo_spec_as_generated(case, wsgi_app, gemeente_a, settings):
    """As schemathesis generates them: mostly a sender that is not DUO (403) or malformed (400)."""
    settings.DUO_OIN = DUO_OIN
    response = case.call(app=wsgi_app)
    case.validate_response(response, checks=CONTROLES)


@schema.parametrize()
@SETTINGS
def test_duo_spec_from_duo_to_our_gemeente(case, wsgi_app, gemeente_a, settings):
    """With DUO as sender and our gemeente as receiver, so the body decides (201 or 400)."""
    settings.DUO_OIN = DUO_OIN
    case.headers = {**(case.headers or {}), "bron": DUO_OIN, "doel": gemeente_a.oin}
    response = case.call(app=wsgi_app)
    case.validate_response(response, checks=CONTROLES)
    # 405: a negative case with another HTTP method.
    assert response.status_code in (201, 400, 405)
