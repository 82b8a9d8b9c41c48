"""BSN handling: 11-proef validation, encryption at rest and keyed hashes.

The BSN is stored only encrypted. Lookups use a keyed hash (HMAC), and the processing log uses
a second keyed hash with another purpose, so the two cannot be joined without the key.
"""

import base64
import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cryptography.fernet import Fernet
from stdnum.nl import bsn as stdnum_bsn


def normaliseer(waarde: str) -> str:
    """The ASCII digits of ``waarde`` (spaces and dots dropped). Only 0-9: ``str.isdigit`` would
    keep Arabic-Indic or superscript digits, which no BSN has (issue 15)."""
    return "".join(ch for ch in str(waarde) if ch in "0123456789")


def is_geldig(waarde: str) -> bool:
    digits = normaliseer(waarde)
    return len(digits) == 9 and stdnum_bsn.is_valid(digits)


def valideer_bsn(waarde: str) -> None:
    """Django validator: nine digits that pass the 11-proef."""
    digits = normaliseer(waarde)
    if len(digits) != 9:
        raise ValidationError(_("Een BSN bestaat uit 9 cijfers."), code="bsn_lengte")
    if not stdnum_bsn.is_valid(digits):
        raise ValidationError(
            _("Dit BSN klopt niet: het voldoet niet aan de 11-proef. Controleer de cijfers."),
            code="bsn_elfproef",
        )


def _afgeleid(doel: bytes) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), doel, hashlib.sha256).digest()


def _hash_sleutel() -> bytes:
    return settings.BSN_HASH_KEY.encode() if settings.BSN_HASH_KEY else _afgeleid(b"bsn-hash")


def _fernet() -> Fernet:
    if settings.BSN_ENCRYPTION_KEY:
        return Fernet(settings.BSN_ENCRYPTION_KEY.encode())
    return Fernet(base64.urlsafe_b64encode(_afgeleid(b"bsn-encryptie")))


def versleutel(bsn: str) -> str:
    return _fernet().encrypt(normaliseer(bsn).encode()).decode()


def ontsleutel(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def zoekhash(bsn: str) -> str:
    bericht = b"zoek:" + normaliseer(bsn).encode()
    return hmac.new(_hash_sleutel(), bericht, hashlib.sha256).hexdigest()


def pseudoniem(bsn: str) -> str:
    """The person's pseudonym in the processing log (never the BSN itself)."""
    bericht = b"logboek:" + normaliseer(bsn).encode()
    return hmac.new(_hash_sleutel(), bericht, hashlib.sha256).hexdigest()[:32]


def afnemerpseudoniem(afnemer: str, pseudoniem_in_logboek: str) -> str:
    """A person's pseudonym for one recipient (an API token; ADR 0091): stable for that
    recipient, different for every other, and not linkable to the processing log's pseudonym
    without the server's key. Keyed on the log's pseudonym (from the BSN), so a person keeps it
    when their record is made again."""
    bericht = b"afnemer:" + afnemer.encode() + b":" + pseudoniem_in_logboek.encode()
    return hmac.new(_hash_sleutel(), bericht, hashlib.sha256).hexdigest()[:32]


def gemaskeerd(bsn: str) -> str:
    digits = normaliseer(bsn)
    return "•••••" + digits[-4:] if len(digits) == 9 else ""
