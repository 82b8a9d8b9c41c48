from datetime import date, datetime, time

from django.utils import timezone

from openinburgering.core import bsn as bsn_tools

from .models import Verwerking


def verwerking_list(
    *,
    gemeente,
    bsn: str = "",
    activiteit: str = "",
    van: date | None = None,
    tot: date | None = None,
):
    qs = Verwerking.objects.filter(gemeente=gemeente).order_by("-tijdstip", "-id")
    if bsn:
        qs = qs.filter(betrokkene=bsn_tools.pseudoniem(bsn))
    if activiteit:
        qs = qs.filter(activiteit=activiteit)
    if van:
        qs = qs.filter(tijdstip__gte=timezone.make_aware(datetime.combine(van, time.min)))
    if tot:
        qs = qs.filter(tijdstip__lte=timezone.make_aware(datetime.combine(tot, time.max)))
    return qs
