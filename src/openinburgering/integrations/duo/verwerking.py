"""Processing a stored DUO notification (filled in with the DUO clients in the next step)."""

from django.db import transaction
from django.utils import timezone

from openinburgering.regels.codes import Gebeurtenis

from .models import Notificatie, NotificatieStatus


def notificatie_verwerken(*, notificatie_id: int) -> str:
    with transaction.atomic():
        notificatie = Notificatie.objects.select_for_update().get(pk=notificatie_id)
        if notificatie.status != NotificatieStatus.ONTVANGEN:
            return notificatie.status
        if notificatie.gebeurtenis_id not in Gebeurtenis.__members__:
            notificatie.status = NotificatieStatus.ONBEKEND
            notificatie.verwerkt_op = timezone.now()
            notificatie.save(update_fields=["status", "verwerkt_op"])
        return notificatie.status
