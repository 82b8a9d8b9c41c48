"""Delivering the outbox to the subscribers (ADR 0072), with the DUO outbox's guarantees (ADR 6).

- One delivery at a time, each in its own transaction, taken with ``SELECT … FOR UPDATE SKIP
  LOCKED`` on PostgreSQL, so any number of deliverers can run side by side. A deliverer that
  dies mid-delivery rolls back: the row stays ``wachtend`` and is sent again, with the same
  ``id`` and the same body (the receiver recognises the repeat by ``id``). Once a 2xx is
  recorded, that event is never sent to that subscriber again.
- Order per subscriber and dossier: a delivery waits while an older one of the same queue
  (``volgorde_sleutel``) is ``wachtend`` or ``dood``. A given-up event blocks the later events of
  its dossier for that subscriber until a beheerder offers it again: event n+1 never arrives
  before event n.
- Anything but a 2xx (connection refused, timeout, redirect, 4xx, 5xx): try again after an
  exponential backoff with jitter, capped at ``ABONNEMENTEN_MAX_BACKOFF_SECONDS``; after
  ``ABONNEMENTEN_OPGEVEN_NA_DAGEN`` of failed attempts the delivery goes to ``dood``.
- Every attempt is a row in the delivery log (status code or the kind of failure, duration).

On SQLite (demo) there is no ``SKIP LOCKED``: one deliverer is assumed.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

import requests
import structlog

from . import cloudevents, ondertekenen
from .models import Bezorging, BezorgStatus, Poging

logger = structlog.get_logger(__name__)

USER_AGENT = "OpenInburgering-Abonnementen/1"


@dataclass
class Resultaat:
    bezorgd: int = 0
    opnieuw: int = 0
    dood: int = 0

    @property
    def verwerkt(self) -> int:
        return self.bezorgd + self.opnieuw + self.dood


def backoff(poging: int) -> timedelta:
    """Attempt 1 waits 1–2 s, attempt 2 2–4 s, … up to half to all of the cap."""
    maximum = settings.ABONNEMENTEN_MAX_BACKOFF_SECONDS
    basis = min(maximum, 2 ** min(max(poging, 1), 30))
    return timedelta(seconds=basis / 2 + random.uniform(0, basis / 2))  # noqa: S311


def _kandidaten(nu):
    """Due deliveries of active subscriptions that are at the head of their queue."""
    eerder = Bezorging.objects.filter(
        volgorde_sleutel=OuterRef("volgorde_sleutel"),
        status__in=[BezorgStatus.WACHTEND, BezorgStatus.DOOD],
        pk__lt=OuterRef("pk"),
    )
    return (
        Bezorging.objects.filter(
            status=BezorgStatus.WACHTEND, volgende_poging_op__lte=nu, abonnement__actief=True
        )
        .exclude(Exists(eerder))
        .order_by("pk")
    )


def _versturen(bezorging: Bezorging, sessie: requests.Session) -> tuple[int | None, str]:
    """POST the event; returns (status code or None, the kind of failure or "")."""
    body = bezorging.bericht.inhoud.encode()
    geheim = ondertekenen.ontsleutel(bezorging.abonnement.geheim_versleuteld)
    kop = {
        "Content-Type": cloudevents.MEDIA_TYPE,
        "User-Agent": USER_AGENT,
        **ondertekenen.headers(geheim=geheim, bericht_id=str(bezorging.bericht.uuid), body=body),
    }
    try:
        antwoord = sessie.post(
            bezorging.abonnement.url,
            data=body,
            headers=kop,
            timeout=(settings.ABONNEMENTEN_CONNECT_TIMEOUT, settings.ABONNEMENTEN_READ_TIMEOUT),
            allow_redirects=False,
        )
    except requests.Timeout:
        return None, "timeout"
    except requests.ConnectionError:
        return None, "verbinding mislukt"
    except requests.RequestException as exc:
        return None, type(exc).__name__[:100]
    antwoord.close()
    if 200 <= antwoord.status_code < 300:
        return antwoord.status_code, ""
    return antwoord.status_code, f"HTTP {antwoord.status_code}"


def _een_bezorgen(bezorging: Bezorging, sessie: requests.Session, resultaat: Resultaat) -> None:
    begin = time.monotonic()
    statuscode, fout = _versturen(bezorging, sessie)
    nu = timezone.now()
    Poging.objects.create(
        bezorging=bezorging,
        tijdstip=nu,
        statuscode=statuscode,
        fout=fout,
        duur_ms=int((time.monotonic() - begin) * 1000),
    )
    bezorging.pogingen += 1
    bezorging.eerste_poging_op = bezorging.eerste_poging_op or nu
    bezorging.laatste_poging_op = nu
    bezorging.laatste_statuscode = statuscode
    bezorging.laatste_fout = fout
    if not fout:
        bezorging.status = BezorgStatus.BEZORGD
        bezorging.afgerond_op = nu
        resultaat.bezorgd += 1
    elif nu >= bezorging.eerste_poging_op + timedelta(days=settings.ABONNEMENTEN_OPGEVEN_NA_DAGEN):
        bezorging.status = BezorgStatus.DOOD
        bezorging.afgerond_op = nu
        resultaat.dood += 1
    else:
        bezorging.volgende_poging_op = nu + backoff(bezorging.pogingen)
        resultaat.opnieuw += 1
    bezorging.save()
    logger.info(
        "abonnement_bezorgpoging",
        bezorging=str(bezorging.uuid),
        bericht=str(bezorging.bericht.uuid),
        status=bezorging.status,
        poging=bezorging.pogingen,
        statuscode=statuscode,
    )


def bezorgen(*, limiet: int = 200, sessie: requests.Session | None = None) -> Resultaat:
    """Deliver up to ``limiet`` due events; returns what happened. Safe to run in parallel."""
    resultaat = Resultaat()
    sessie = sessie or requests.Session()
    vergrendelen = connection.features.has_select_for_update_skip_locked
    for _poging in range(limiet):
        nu = timezone.now()
        if vergrendelen:
            with transaction.atomic():
                bezorging = (
                    _kandidaten(nu)
                    .select_for_update(skip_locked=True, of=("self",))
                    .select_related("abonnement", "bericht")
                    .first()
                )
                if bezorging is None:
                    break
                _een_bezorgen(bezorging, sessie, resultaat)
        else:
            bezorging = _kandidaten(nu).select_related("abonnement", "bericht").first()
            if bezorging is None:
                break
            with transaction.atomic():
                _een_bezorgen(bezorging, sessie, resultaat)
    if resultaat.verwerkt:
        logger.info(
            "abonnementen_ronde",
            bezorgd=resultaat.bezorgd,
            opnieuw=resultaat.opnieuw,
            dood=resultaat.dood,
        )
    return resultaat
