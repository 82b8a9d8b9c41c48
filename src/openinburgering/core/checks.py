"""System checks that make an unsafe production setting loud on every start."""

from django.conf import settings
from django.core.checks import Tags, Warning

import structlog

logger = structlog.get_logger(__name__)

MTLS_UIT = "openinburgering.W001"


def duo_mtls_uit() -> bool:
    """Production that takes DUO's notifications without a verified client certificate."""
    return bool(settings.PRODUCTIE) and not settings.DUO_MTLS_REQUIRED


def controleer_duo_mtls(app_configs=None, **kwargs):
    if not duo_mtls_uit():
        return []
    return [
        Warning(
            "DUO_MTLS_REQUIRED is off in production: anyone who knows DUO's public OIN can post "
            "notifications to /duo/v1/notificaties.",
            hint="Remove DUO_MTLS_REQUIRED=false and let the reverse proxy verify DUO's "
            "PKIoverheid certificate (ADR 0008, ADR 0054).",
            id=MTLS_UIT,
        )
    ]


def meld_bij_start() -> None:
    """Also in the log, for processes that run no system checks (gunicorn, the workers)."""
    if duo_mtls_uit():
        logger.warning("duo_mtls_uitgezet_in_productie", check=MTLS_UIT)


def registreer() -> None:
    from django.core.checks import register

    register(controleer_duo_mtls, Tags.security, deploy=False)
