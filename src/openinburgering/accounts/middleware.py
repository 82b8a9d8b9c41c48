from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from .services import tweede_factor_geldt
from .toegang import apparaat_onthouden, apparaat_uit_sessie

LOGIN_TIJD = "login_tijd"
LAATSTE_ACTIVITEIT = "laatste_activiteit"
SSO = "sso"
# The last activity is written at most this often, so that a request that changes nothing
# saves no session (ADR 0061). The idle timeout counts from the written time: a session ends
# after 14 to 15 idle minutes, never later than before.
ACTIVITEIT_SCHRIJVEN_NA = timedelta(seconds=60)

# Paths that work before the second factor: signing in itself, static files, machine APIs.
VRIJ = ("/inloggen/", "/uitloggen/", "/static/", "/api/", "/duo/", "/i18n/", "/oidc/", "/gezond/")


class SessionTimeoutMiddleware:
    """End a session after 15 idle minutes and after 12 hours in all (BIO / session policy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            nu = timezone.now()
            login_tijd = request.session.get(LOGIN_TIJD)
            laatste = request.session.get(LAATSTE_ACTIVITEIT)
            idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
            verlopen = (
                login_tijd is None
                or nu - datetime.fromisoformat(login_tijd) > settings.SESSION_ABSOLUTE_TIMEOUT
                or (laatste is not None and nu - datetime.fromisoformat(laatste) > idle)
            )
            if verlopen:
                logout(request)
                messages.info(request, _("Uw sessie is verlopen. Log opnieuw in."))
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
            if laatste is None or nu - datetime.fromisoformat(laatste) >= ACTIVITEIT_SCHRIJVEN_NA:
                request.session[LAATSTE_ACTIVITEIT] = nu.isoformat()
        return self.get_response(request)


class TweedeFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.otp_device``, ``is_verified()``) without a query
    for the device on every request.

    The session remembers the device it checked and the user's ``toegang_versie`` at that time;
    deleting, unconfirming or changing a device raises the version (``accounts.toegang``), and
    the user row is read on every request anyway. So a removed device still counts for nothing
    from the next request on.
    """

    def _verify_user_sync(self, request, user):
        self._init_user_fields(user)
        if user.is_authenticated:
            device = apparaat_uit_sessie(request.session, user)
            if device is None:
                persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
                if persistent_id:
                    device = self._device_from_persistent_id(persistent_id)
                device = self._finalize_device(request, user, device)
                apparaat_onthouden(request.session, user, device)
            user.otp_device = device
        return user


class RequireSecondFactorMiddleware:
    """Staff must have passed a second factor, unless they came in through the gemeente's IdP."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            tweede_factor_geldt()
            and request.user.is_authenticated
            and not request.user.is_verified()
            and not request.session.get(SSO)
            and not request.path.startswith(VRIJ)
        ):
            return redirect("accounts:tweede_factor")
        return self.get_response(request)
