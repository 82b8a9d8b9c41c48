"""Thin, idempotent tasks: they take ids, reload state and call a service."""

from django.tasks import task


@task
def notificatie_verwerken(notificatie_id: int) -> str:
    from .verwerking import notificatie_verwerken as verwerken

    return verwerken(notificatie_id=notificatie_id)
