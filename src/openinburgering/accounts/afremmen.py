"""Slow down password and code guessing per IP address and per account, never lock anyone out.

Every failed attempt adds one to a score per IP address and one per account (for an unknown
username: per hashed username, so the answer does not reveal whether the account exists). The
score halves every hour. Below a free allowance nothing happens; above it, the next attempt from
that address or for that account must wait a time that doubles with every point, up to a
maximum. An attempt inside the waiting time is refused without checking the password, and does
not count. After the waiting time a correct password works again (ADR 0054).

The numbers, with what they mean in practice:
- an account: 5 free failures, then 2 s, 4 s, 8 s … and at most 15 minutes. Five anonymous
  requests cost the real user nothing; an attacker gets a few guesses an hour per account.
- an IP address: 20 free failures (an office behind one address holds many colleagues who
  mistype), then the same doubling, at most an hour.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Afremming

VRIJE_POGINGEN_ACCOUNT = 5
VRIJE_POGINGEN_IP = 20
EERSTE_WACHTTIJD = timedelta(seconds=2)
MAX_WACHTTIJD_ACCOUNT = timedelta(minutes=15)
MAX_WACHTTIJD_IP = timedelta(hours=1)
#: The score halves in this time: an office's typos fade, a guessing run does not.
HALVERINGSTIJD = timedelta(hours=1)
#: Rows untouched this long are removed (the score has long decayed to nothing).
OPRUIMEN_NA = timedelta(days=2)


@dataclass(frozen=True)
class Sleutel:
    waarde: str
    vrij: int
    maximum: timedelta


def ip_sleutel(request) -> Sleutel:
    """The client's address, from the header the reverse proxy sets (``INLOGGEN_IP_HEADER``).

    Without that header (a request that bypassed the proxy, a misconfiguration) the socket's
    address: never one shared bucket that would slow everybody down at once.
    """
    meta = request.META
    return ip_sleutel_voor(meta.get(settings.INLOGGEN_IP_HEADER) or meta.get("REMOTE_ADDR") or "")


def ip_sleutel_voor(ruw: str) -> Sleutel:
    """IPv6 per /64, because one host holds a whole /64."""
    ruw = ruw.split(",")[0].strip()
    try:
        adres = ipaddress.ip_address(ruw)
    except ValueError:
        waarde = "onbekend"
    else:
        if adres.version == 6:
            waarde = str(ipaddress.ip_network(f"{adres}/64", strict=False))
        else:
            waarde = str(adres)
    return Sleutel(f"ip:{waarde}", VRIJE_POGINGEN_IP, MAX_WACHTTIJD_IP)


def account_sleutel(username: str) -> Sleutel:
    """Per username, hashed: a password typed into the username field is never stored."""
    digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:40]
    return Sleutel(f"account:{digest}", VRIJE_POGINGEN_ACCOUNT, MAX_WACHTTIJD_ACCOUNT)


def wachttijd(score: float, *, vrij: int, maximum: timedelta) -> timedelta:
    """The wait after a failure, given the score including that failure."""
    # Rounded: the decay of a few minutes must not undo the failure just made.
    telling = round(score)
    if telling < vrij:
        return timedelta(0)
    stappen = min(telling - vrij, 30)  # 2**30 s is far past any maximum
    return min(EERSTE_WACHTTIJD * 2**stappen, maximum)


def _huidige_score(rij: Afremming, nu: datetime) -> float:
    verstreken = (nu - rij.bijgewerkt_op) / HALVERINGSTIJD
    return rij.score * 0.5 ** max(verstreken, 0)


def nog_wachten(sleutels: list[Sleutel]) -> timedelta:
    """How long the longest wait among these keys still lasts (zero: try now)."""
    nu = timezone.now()
    tot = (
        Afremming.objects.filter(sleutel__in=[s.waarde for s in sleutels], wachten_tot__gt=nu)
        .order_by("-wachten_tot")
        .values_list("wachten_tot", flat=True)
        .first()
    )
    return tot - nu if tot else timedelta(0)


@transaction.atomic
def mislukt(sleutels: list[Sleutel]) -> None:
    nu = timezone.now()
    for sleutel in sleutels:
        rij, _nieuw = Afremming.objects.select_for_update().get_or_create(
            sleutel=sleutel.waarde, defaults={"score": 0.0, "bijgewerkt_op": nu}
        )
        rij.score = _huidige_score(rij, nu) + 1
        rij.bijgewerkt_op = nu
        wacht = wachttijd(rij.score, vrij=sleutel.vrij, maximum=sleutel.maximum)
        rij.wachten_tot = nu + wacht if wacht else None
        rij.save(update_fields=["score", "bijgewerkt_op", "wachten_tot"])
    Afremming.objects.filter(bijgewerkt_op__lt=nu - OPRUIMEN_NA).delete()


def gelukt(sleutel: Sleutel) -> None:
    """A correct password or code clears the account's score (never the address's: one valid
    account must not buy an attacker's address fresh guesses at others)."""
    Afremming.objects.filter(sleutel=sleutel.waarde).delete()
