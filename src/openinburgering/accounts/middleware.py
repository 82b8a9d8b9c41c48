from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .services import tweede_factor_geldt

LOGIN_TIJD = "login_tijd"
LAATSTE_ACTIVITEIT = "laatste_activiteit"
SSO = "sso"

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
            request.session[LAATSTE_ACTIVITEIT] = nu.isoformat()
        return self.get_response(request)


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
