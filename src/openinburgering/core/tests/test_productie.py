"""Issue 15, findings 3 and 8: production settings, each started in its own process as a server
would be (settings are read once per process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

REPO_ROOT = Path(__file__).resolve().parents[4]
DUO_OIN = "00000001800866472000"
GEMEENTE_OIN = "00000001234567890000"

#: Posts a notification as anyone on the internet could: DUO's public OIN as bron, no certificate.
NOTIFICATIE_ZONDER_CERTIFICAAT = f"""
import json, uuid
import django
django.setup()
from django.conf import settings
from django.core.checks import run_checks
from django.test import Client

response = Client().post(
    "/duo/v1/notificaties",
    data=json.dumps({{"gebeurtenisId": "SS101", "registratieDatumTijd": "2026-03-02T09:15:00+01:00"}}),
    content_type="application/json",
    headers={{"bron": "{DUO_OIN}", "doel": "{GEMEENTE_OIN}", "berichtId": str(uuid.uuid4())}},
    secure=True,
)
print(json.dumps({{
    "status": response.status_code,
    "mtls": settings.DUO_MTLS_REQUIRED,
    "checks": [m.id for m in run_checks(include_deployment_checks=True)],
}}))
"""

_ONZE_VARIABELEN = (
    "SECRET_KEY",
    "BSN_ENCRYPTION_KEY",
    "BSN_HASH_KEY",
    "DUO_MTLS_REQUIRED",
    "PRODUCTIE",
    "DEBUG",
    "DEMO_MODE",
    "DATABASE_URL",
    "LOG_LEVEL",
)


def _productie_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in _ONZE_VARIABELEN}
    env.update(
        DJANGO_SETTINGS_MODULE="openinburgering.conf.production",
        PYTHONPATH=str(REPO_ROOT / "src"),
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="sqlite:///:memory:",
        DUO_OIN=DUO_OIN,
        SECRET_KEY="productie-sleutel-voor-de-test-" + "x" * 40,
        BSN_ENCRYPTION_KEY=Fernet.generate_key().decode(),
        BSN_HASH_KEY="een-eigen-hash-sleutel-voor-de-test",
    )
    for naam, waarde in extra.items():
        if waarde is None:
            env.pop(naam, None)
        else:
            env[naam] = waarde
    return env


def _start(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=str(REPO_ROOT),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _uitkomst(proces) -> dict:
    assert proces.returncode == 0, proces.stderr[-2000:]
    return json.loads(proces.stdout.strip().splitlines()[-1])


def test_production_refuses_a_notification_without_a_client_certificate():
    uitkomst = _uitkomst(_start(NOTIFICATIE_ZONDER_CERTIFICAAT, _productie_env()))
    assert uitkomst["mtls"] is True
    assert uitkomst["status"] == 401
    assert "openinburgering.W001" not in uitkomst["checks"]


def test_turning_mtls_off_in_production_is_explicit_and_loud():
    proces = _start(NOTIFICATIE_ZONDER_CERTIFICAAT, _productie_env(DUO_MTLS_REQUIRED="false"))
    uitkomst = _uitkomst(proces)
    assert uitkomst["mtls"] is False
    # A system check warning (and so `check --deploy --fail-level WARNING` fails) ...
    assert "openinburgering.W001" in uitkomst["checks"]
    # ... and a warning in the log of every process, also those that run no checks.
    assert "duo_mtls_uitgezet_in_productie" in proces.stderr


@pytest.mark.parametrize("ontbreekt", ["SECRET_KEY", "BSN_ENCRYPTION_KEY", "BSN_HASH_KEY"])
def test_production_does_not_start_without_its_secrets(ontbreekt):
    proces = _start("import django; django.setup()", _productie_env(**{ontbreekt: None}))
    assert proces.returncode != 0
    assert "ImproperlyConfigured" in proces.stderr
    assert ontbreekt in proces.stderr


@pytest.mark.parametrize(
    ("naam", "waarde", "melding"),
    [
        ("BSN_ENCRYPTION_KEY", "geen-fernet-sleutel", "not a Fernet key"),
        ("SECRET_KEY", "dev-only-not-secret-0penInburgering-demo-key", "its own SECRET_KEY"),
    ],
)
def test_production_does_not_start_with_an_unusable_secret(naam, waarde, melding):
    proces = _start("import django; django.setup()", _productie_env(**{naam: waarde}))
    assert proces.returncode != 0
    assert melding in proces.stderr


def test_the_dev_settings_still_start_without_any_secret():
    env = _productie_env(SECRET_KEY=None, BSN_ENCRYPTION_KEY=None, BSN_HASH_KEY=None)
    env["DJANGO_SETTINGS_MODULE"] = "openinburgering.conf.dev"
    proces = _start("import django; django.setup(); print('ok')", env)
    assert proces.returncode == 0, proces.stderr[-2000:]
