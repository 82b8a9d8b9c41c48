import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

import segno
from django_otp import login as otp_login

from openinburgering.core.exceptions import Geweigerd

from . import services
from .forms import CodeForm, InlogForm
from .middleware import LAATSTE_ACTIVITEIT, LOGIN_TIJD


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
        return volgende
    return reverse(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("password")
def inloggen(request):
    form = InlogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.inloggen_controleren(
                request=request,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except Geweigerd as exc:
            form.add_error(None, exc.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            nu = timezone.now().isoformat()
            request.session[LOGIN_TIJD] = nu
            request.session[LAATSTE_ACTIVITEIT] = nu
            if services.tweede_factor_geldt():
                return redirect(f"{reverse('accounts:tweede_factor')}?next={_volgende(request)}")
            return redirect(_volgende(request))
    return render(
        request,
        "accounts/inloggen.html",
        {
            "form": form,
            "next": _volgende(request),
            "oidc": settings.OIDC_ENABLED,
            "tweede_factor": services.tweede_factor_geldt(),
        },
        status=200 if not form.errors else 400,
    )


def tweede_factor(request):
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if not services.tweede_factor_geldt():
        # Where no second factor applies (the demo) this page asks for nothing and sets up no
        # authenticator: it sends the user on, as the sign-in itself does.
        return redirect(_volgende(request))
    apparaat = services.totp_apparaat(user=request.user)
    instellen = apparaat is None
    if instellen:
        apparaat = services.totp_apparaat_voorbereiden(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_controleren(
                user=request.user, apparaat=apparaat, code=form.cleaned_data["code"]
            )
        except Geweigerd as exc:
            if services.is_geblokkeerd(request.user):
                logout(request)
                messages.error(request, exc.message)
                return redirect(settings.LOGIN_URL)
            form.add_error("code", exc.message)
        else:
            otp_login(request, apparaat)
            return redirect(_volgende(request))
    context = {"form": form, "instellen": instellen, "next": _volgende(request)}
    if instellen:
        qr = segno.make(apparaat.config_url, error="m")
        context["qr_data_uri"] = qr.svg_data_uri(scale=5, dark="#000", light="#fff")
        context["sleutel"] = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    return render(
        request, "accounts/tweede_factor.html", context, status=200 if not form.errors else 400
    )


@require_POST
def uitloggen(request):
    logout(request)
    return redirect(settings.LOGIN_URL)
