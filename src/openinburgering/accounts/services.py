"""Sign-in rules: slowing down guesses, and the second factor that only a beheerder hands out.

Account events go to the structured log (event names below, the user as UUID, never a name or
a secret); that is where the processing of staff accounts is audited (ADR 0004, ADR 0054).
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import structlog
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinburgering.core.exceptions import Geweigerd

from . import afremmen, selectors
from .models import TweedeFactorUitnodiging, User, hash_uitnodiging

logger = structlog.get_logger(__name__)

#: Recovery codes handed out at enrolment, each good for one sign-in.
AANTAL_HERSTELCODES = 10
#: Readable characters only (no 0/O, 1/l/I): the codes are typed from paper.
_HERSTEL_ALFABET = "abcdefghjkmnpqrstuvwxyz23456789"
_HERSTEL_LENGTE = 10
HERSTELAPPARAAT = "Herstelcodes"


class Afgeremd(Geweigerd):
    """Too many failures from this address or for this account: wait, then try again."""

    def __init__(self, wacht: timedelta):
        self.seconden = max(1, int(wacht.total_seconds() + 0.999))
        super().__init__(
            ngettext(
                "Te veel mislukte pogingen. Wacht %(seconden)s seconde en probeer het opnieuw.",
                "Te veel mislukte pogingen. Wacht %(seconden)s seconden en probeer het opnieuw.",
                self.seconden,
            )
            % {"seconden": self.seconden}
        )


def _sleutels(request, username: str) -> list[afremmen.Sleutel]:
    return [afremmen.ip_sleutel(request), afremmen.account_sleutel(username)]


def _eerst_wachten(sleutels: list[afremmen.Sleutel]) -> None:
    wacht = afremmen.nog_wachten(sleutels)
    if wacht > timedelta(0):
        logger.info("inloggen_afgeremd", seconden=int(wacht.total_seconds()))
        raise Afgeremd(wacht)


def inloggen_controleren(*, request, username: str, password: str) -> User:
    """Check the password, after any waiting time. Raises Geweigerd with a Dutch message."""
    sleutels = _sleutels(request, username)
    _eerst_wachten(sleutels)
    geauthenticeerd = authenticate(request, username=username, password=password)
    if geauthenticeerd is None:
        afremmen.mislukt(sleutels)
        logger.info("inloggen_mislukt")
        raise Geweigerd(_("De combinatie van gebruikersnaam en wachtwoord is onjuist."))
    if not tweede_factor_geldt():
        # With a second factor the account's score is cleared only after that step: the
        # password alone must not buy fresh guesses at the code.
        afremmen.gelukt(sleutels[1])
    return geauthenticeerd


def tweede_factor_geldt() -> bool:
    """Whether signing in with a password asks for a TOTP code. Only the demo turns it off, and
    then no page may ask for a code (sign-in through the gemeente's IdP never does: it has its own).
    """
    return settings.TWO_FACTOR_REQUIRED


def _herstelcode_hash(code: str) -> str:
    """What is stored of a recovery code (django-otp's token field holds 16 characters)."""
    schoon = "".join(ch for ch in code.casefold() if ch.isalnum())
    return salted_hmac("openinburgering.herstelcode", schoon, algorithm="sha256").hexdigest()[:16]


def _is_herstelcode(code: str) -> bool:
    return any(ch.isalpha() for ch in code)


def tweede_factor_controleren(*, request, user: User, code: str):
    """Check a TOTP code or a recovery code; return the device that matched (for otp_login).

    Wrong codes count towards the same slowing-down as wrong passwords, and django-otp's own
    per-device throttle applies as well.
    """
    sleutels = _sleutels(request, user.username)
    _eerst_wachten(sleutels)
    code = code.strip()
    apparaat = None
    if _is_herstelcode(code):
        herstel = StaticDevice.objects.filter(user=user, confirmed=True).first()
        if herstel is not None and herstel.verify_token(_herstelcode_hash(code)):
            apparaat = herstel
            logger.warning(
                "herstelcode_gebruikt",
                user=str(user.uuid),
                over=herstel.token_set.count(),
            )
    else:
        totp = selectors.totp_apparaat(user=user)
        cijfers = "".join(ch for ch in code if ch.isdigit())
        if totp is not None and cijfers and totp.verify_token(cijfers):
            apparaat = totp
    if apparaat is None:
        afremmen.mislukt(sleutels)
        logger.info("tweede_factor_mislukt", user=str(user.uuid))
        raise Geweigerd(
            _(
                "Deze code klopt niet. Gebruik de code die nu in uw authenticator-app staat, "
                "of een van uw herstelcodes."
            )
        )
    afremmen.gelukt(sleutels[1])
    return apparaat


# --- enrolment only through an invitation ---------------------------------------------------


@transaction.atomic
def uitnodiging_uitgeven(*, user: User, door: User | None) -> str:
    """Issue a single-use invitation link token for ``user``; earlier open ones stop working.

    ``door`` is the beheerder (None: the ``tweede_factor_uitnodigen`` command on the server).
    Returns the token; only its hash is kept.
    """
    nu = timezone.now()
    TweedeFactorUitnodiging.objects.filter(user=user, gebruikt_op__isnull=True).delete()
    token = TweedeFactorUitnodiging.nieuw_token()
    TweedeFactorUitnodiging.objects.create(
        user=user,
        token_hash=hash_uitnodiging(token),
        uitgegeven_door=door,
        aangemaakt_op=nu,
        geldig_tot=nu + settings.TWEEDE_FACTOR_UITNODIGING_GELDIG,
    )
    logger.info(
        "tweede_factor_uitnodiging_uitgegeven",
        user=str(user.uuid),
        door=str(door.uuid) if door else "beheercommando",
    )
    return token


@transaction.atomic
def tweede_factor_resetten(*, user: User, door: User | None) -> str:
    """Remove the user's authenticator and recovery codes and issue a new invitation.

    Sessions verified with the old device stop being verified on their next request
    (django-otp finds no device), so they are sent to the second-factor page.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    logger.warning(
        "tweede_factor_gereset",
        user=str(user.uuid),
        door=str(door.uuid) if door else "beheercommando",
    )
    return uitnodiging_uitgeven(user=user, door=door)


@transaction.atomic
def totp_apparaat_voorbereiden(*, uitnodiging: TweedeFactorUitnodiging) -> TOTPDevice:
    """The not yet confirmed authenticator whose secret the invitation page shows."""
    apparaat = TOTPDevice.objects.filter(user=uitnodiging.user, confirmed=False).first()
    return apparaat or TOTPDevice.objects.create(
        user=uitnodiging.user, name="Authenticator-app", confirmed=False
    )


def _nieuwe_herstelcode() -> str:
    code = "".join(secrets.choice(_HERSTEL_ALFABET) for _ in range(_HERSTEL_LENGTE))
    return f"{code[:5]}-{code[5:]}"


@transaction.atomic
def tweede_factor_instellen(
    *, request, uitnodiging: TweedeFactorUitnodiging, apparaat: TOTPDevice, code: str
) -> list[str]:
    """Confirm the authenticator with a code from it, use up the invitation, and return the
    recovery codes (shown once; only their keyed hashes are stored)."""
    user = uitnodiging.user
    sleutels = _sleutels(request, user.username)
    _eerst_wachten(sleutels)
    # Lock the invitation: two tabs confirming at once use it once.
    uitnodiging = TweedeFactorUitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if not uitnodiging.bruikbaar:
        raise Geweigerd(_("Deze uitnodiging is al gebruikt of verlopen."))
    cijfers = "".join(ch for ch in code if ch.isdigit())
    if not cijfers or not apparaat.verify_token(cijfers):
        afremmen.mislukt(sleutels)
        raise Geweigerd(
            _("Deze code klopt niet. Gebruik de code die nu in uw authenticator-app staat.")
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=apparaat.pk).delete()
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    herstel = StaticDevice.objects.create(user=user, name=HERSTELAPPARAAT, confirmed=True)
    codes = [_nieuwe_herstelcode() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=herstel, token=_herstelcode_hash(c)) for c in codes
    )
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruikt_op"])
    afremmen.gelukt(sleutels[1])
    logger.info("tweede_factor_ingesteld", user=str(user.uuid))
    return codes
