"""Sign-in rules: lockout after repeated failures, and the second factor."""

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinburgering.core.exceptions import Geweigerd

from .models import User

logger = structlog.get_logger(__name__)

GEBLOKKEERD = _(
    "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw "
    "of neem contact op met de functioneel beheerder."
)


def is_geblokkeerd(user: User) -> bool:
    return user.geblokkeerd_tot is not None and user.geblokkeerd_tot > timezone.now()


@transaction.atomic
def mislukte_poging_registreren(*, user: User) -> None:
    User.objects.filter(pk=user.pk).update(mislukte_pogingen=F("mislukte_pogingen") + 1)
    user.refresh_from_db(fields=["mislukte_pogingen"])
    if user.mislukte_pogingen >= settings.LOCKOUT_MAX_FAILURES:
        user.geblokkeerd_tot = timezone.now() + settings.LOCKOUT_DURATION
        user.mislukte_pogingen = 0
        user.save(update_fields=["geblokkeerd_tot", "mislukte_pogingen"])
        logger.warning("account_geblokkeerd", user=str(user.uuid))


def inloggen_controleren(*, request, username: str, password: str) -> User:
    """Check the password, respecting lockout. Raises Geweigerd with a Dutch message."""
    user = User.objects.filter(username=username).first()
    if user is not None and is_geblokkeerd(user):
        raise Geweigerd(GEBLOKKEERD)
    geauthenticeerd = authenticate(request, username=username, password=password)
    if geauthenticeerd is None:
        if user is not None:
            mislukte_poging_registreren(user=user)
            if is_geblokkeerd(user):
                raise Geweigerd(GEBLOKKEERD)
        logger.info("inloggen_mislukt")
        raise Geweigerd(_("De combinatie van gebruikersnaam en wachtwoord is onjuist."))
    if geauthenticeerd.mislukte_pogingen:
        User.objects.filter(pk=geauthenticeerd.pk).update(mislukte_pogingen=0)
    return geauthenticeerd


def tweede_factor_geldt() -> bool:
    """Whether signing in with a password asks for a TOTP code. Only the demo turns it off, and
    then no page may ask for a code (sign-in through the gemeente's IdP never does: it has its own).
    """
    return settings.TWO_FACTOR_REQUIRED


def totp_apparaat(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def totp_apparaat_voorbereiden(*, user: User) -> TOTPDevice:
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return apparaat or TOTPDevice.objects.create(
        user=user, name="Authenticator-app", confirmed=False
    )


def totp_controleren(*, user: User, apparaat: TOTPDevice, code: str) -> None:
    if is_geblokkeerd(user):
        raise Geweigerd(GEBLOKKEERD)
    code = "".join(ch for ch in code if ch.isdigit())
    if not code or not apparaat.verify_token(code):
        mislukte_poging_registreren(user=user)
        if is_geblokkeerd(user):
            raise Geweigerd(GEBLOKKEERD)
        raise Geweigerd(
            _("Deze code klopt niet. Gebruik de code die nu in uw authenticator-app staat.")
        )
    if not apparaat.confirmed:
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
