"""Reads of a move. The tenant filter is applied here, once: another gemeente's handover or
import is a 404, as if it did not exist."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.models import Dossier

from .models import Overdracht, Overname, Verhuismelding


def overdracht_get(*, actor: Actor, uuid: Any) -> Overdracht:
    try:
        return Overdracht.objects.select_related("dossier__inburgeraar").get(
            gemeente=actor.gemeente, uuid=uuid
        )
    except (Overdracht.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def overdracht_van(*, dossier: Dossier) -> Overdracht | None:
    return Overdracht.objects.filter(dossier=dossier, gemeente=dossier.gemeente).first()


def overname_van(*, dossier: Dossier) -> Overname | None:
    return Overname.objects.filter(dossier=dossier, gemeente=dossier.gemeente).first()


def laatste_melding(*, dossier: Dossier) -> Verhuismelding | None:
    return Verhuismelding.objects.filter(dossier=dossier, gemeente=dossier.gemeente).first()


def vorige_leerroute(dossier: Dossier) -> str:
    """The leerroute in the handover file read in for this dossier (R22, R75), or ""."""
    inhoud = (
        Overname.objects.filter(dossier=dossier, gemeente=dossier.gemeente)
        .values_list("inhoud", flat=True)
        .first()
    )
    return (inhoud or {}).get("route", {}).get("leerroute", "") if inhoud else ""
