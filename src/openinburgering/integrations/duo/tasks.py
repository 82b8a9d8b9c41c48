"""Thin, idempotent tasks: they take ids, reload state and call a service."""

from django.tasks import task


@task
def notificatie_verwerken(notificatie_id: int) -> str:
    from .verwerking import notificatie_verwerken as verwerken

    return verwerken(notificatie_id=notificatie_id)


@task
def uitgaande_berichten_bezorgen() -> dict:
    """Deliver what is due now. Retries later are picked up by ``duo_outbox_verwerken``."""
    from .bezorging import bezorgen

    resultaat = bezorgen()
    return {
        "bezorgd": resultaat.bezorgd,
        "afgewezen": resultaat.afgewezen,
        "opnieuw": resultaat.opnieuw,
        "dood": resultaat.dood,
    }


@task
def afstemmen(gemeente_id: int, gestart_door: str = "") -> str:
    """Reconcile one gemeente's active dossiers with DUO."""
    from openinburgering.gemeenten.models import Gemeente

    from .afstemming import afstemmen as afstemmen_service

    gemeente = Gemeente.objects.get(pk=gemeente_id)
    return str(afstemmen_service(gemeente=gemeente, gestart_door=gestart_door).uuid)
