"""Signing deliveries the Standard Webhooks way (ADR 0073).

Every POST carries three headers:

- ``webhook-id``: the CloudEvent's ``id`` (the same on every attempt; the receiver dedups on it);
- ``webhook-timestamp``: the moment of this attempt, in Unix seconds;
- ``webhook-signature``: ``v1,`` + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")), where
  the key is the base64-decoded part of the subscription's secret after ``whsec_``.

The receiver recomputes the HMAC over the raw body, compares in constant time and refuses a
timestamp more than five minutes away from its clock (replay). :func:`verifieren` is that check,
used by our tests and shown in ``docs/abonnementen.md``.

The secret is kept encrypted (Fernet, with ``ABONNEMENTEN_SLEUTEL`` or a key derived from
``SECRET_KEY``): we need it in clear to sign, so it cannot be a hash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

from django.conf import settings

from cryptography.fernet import Fernet

VOORVOEGSEL = "whsec_"
#: A timestamp further than this from the receiver's clock is refused (Standard Webhooks).
TOLERANTIE_SECONDEN = 5 * 60


def nieuw_geheim() -> str:
    return VOORVOEGSEL + base64.b64encode(secrets.token_bytes(32)).decode()


def _fernet() -> Fernet:
    if settings.ABONNEMENTEN_SLEUTEL:
        return Fernet(settings.ABONNEMENTEN_SLEUTEL.encode())
    afgeleid = hmac.new(settings.SECRET_KEY.encode(), b"abonnement-geheim", hashlib.sha256)
    return Fernet(base64.urlsafe_b64encode(afgeleid.digest()))


def versleutel(geheim: str) -> str:
    return _fernet().encrypt(geheim.encode()).decode()


def ontsleutel(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def _sleutel(geheim: str) -> bytes:
    return base64.b64decode(geheim.removeprefix(VOORVOEGSEL))


def handtekening(*, geheim: str, bericht_id: str, tijdstip: int, body: bytes) -> str:
    inhoud = f"{bericht_id}.{tijdstip}.".encode() + body
    digest = hmac.new(_sleutel(geheim), inhoud, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(*, geheim: str, bericht_id: str, body: bytes, tijdstip: int | None = None) -> dict:
    tijdstip = int(time.time()) if tijdstip is None else tijdstip
    return {
        "webhook-id": bericht_id,
        "webhook-timestamp": str(tijdstip),
        "webhook-signature": handtekening(
            geheim=geheim, bericht_id=bericht_id, tijdstip=tijdstip, body=body
        ),
    }


def verifieren(*, geheim: str, headers: dict, body: bytes, nu: float | None = None) -> bool:
    """The receiver's check: the signature matches and the timestamp is recent."""
    kop = {k.lower(): v for k, v in headers.items()}
    try:
        bericht_id = kop["webhook-id"]
        tijdstip = int(kop["webhook-timestamp"])
        handtekeningen = kop["webhook-signature"].split()
    except (KeyError, ValueError):
        return False
    if abs((time.time() if nu is None else nu) - tijdstip) > TOLERANTIE_SECONDEN:
        return False
    verwacht = handtekening(geheim=geheim, bericht_id=bericht_id, tijdstip=tijdstip, body=body)
    return any(hmac.compare_digest(verwacht, h) for h in handtekeningen)
