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


@task
def gebeurtenissen_inhalen(gemeente_id: int | None = None) -> dict:
    """Catch up on the events DUO recorded and never notified (ADR 0063): one round for one
    gemeente, or for every gemeente with an M2M link. Run it periodically (e.g. every night);
    a second run stores nothing twice."""
    from openinburgering.gemeenten.models import Gemeente

    from .inhalen import gebeurtenissen_inhalen as inhalen

    gemeenten = (
        Gemeente.objects.filter(pk=gemeente_id)
        if gemeente_id
        else Gemeente.objects.filter(koppeling="m2m")
    )
    return {g.code: inhalen(gemeente=g).als_dict() for g in gemeenten.order_by("code")}
