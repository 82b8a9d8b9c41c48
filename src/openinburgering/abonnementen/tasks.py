"""Thin, idempotent tasks."""

from django.tasks import task


@task
def bezorgen() -> dict:
    """Deliver what is due now. Retries later are picked up by ``abonnementen_bezorgen --loop``."""
    from .bezorging import bezorgen as bezorgen_service

    resultaat = bezorgen_service()
    return {"bezorgd": resultaat.bezorgd, "opnieuw": resultaat.opnieuw, "dood": resultaat.dood}
