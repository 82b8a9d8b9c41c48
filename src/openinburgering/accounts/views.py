import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

import segno
from django_otp import login as otp_login

from openinburgering.core.exceptions import Geweigerd

from . import selectors, services
from .forms import CodeForm, InlogForm, TweedeStapForm
from .middleware import LAATSTE_ACTIVITEIT, LOGIN_TIJD
from .models import User
from .permissions import recht_vereist
from .rollen import Recht, Rol

_beheerder = recht_vereist(Recht.TWEEDE_FACTOR_BEHEREN)


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
        return volgende
    return reverse(settings.LOGIN_REDIRECT_URL)


def _is_uitnodiging(pad: str) -> bool:
    try:
        return resolve(pad.split("?")[0]).view_name == "accounts:uitnodiging"
    except Resolver404:
        return False


def _status(form, exc: Geweigerd | None = None) -> int:
    if isinstance(exc, services.Afgeremd):
        return 429
    return 200 if not form.errors else 400


def _afgeremd_antwoord(response, exc: Geweigerd | None):
    if isinstance(exc, services.Afgeremd):
        response["Retry-After"] = str(exc.seconden)
    return response


@sensitive_post_parameters("password")
def inloggen(request):
    form = InlogForm(request.POST or None)
    fout = None
    if request.method == "POST" and form.is_valid():
        try:
            user = services.inloggen_controleren(
                request=request,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except Geweigerd as exc:
            fout = exc
            form.add_error(None, exc.message)
        else:
            login(request, user, backend="openinburgering.accounts.backends.WachtwoordBackend")
            nu = timezone.now().isoformat()
            request.session[LOGIN_TIJD] = nu
            request.session[LAATSTE_ACTIVITEIT] = nu
            if services.tweede_factor_geldt():
                return redirect(f"{reverse('accounts:tweede_factor')}?next={_volgende(request)}")
            return redirect(_volgende(request))
    response = render(
        request,
        "accounts/inloggen.html",
        {
            "form": form,
            "next": _volgende(request),
            "oidc": settings.OIDC_ENABLED,
            "tweede_factor": services.tweede_factor_geldt(),
        },
        status=_status(form, fout),
    )
    return _afgeremd_antwoord(response, fout)


@sensitive_post_parameters("code")
def tweede_factor(request):
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    if not services.tweede_factor_geldt():
        # Where no second factor applies (the demo) this page asks for nothing and sets up no
        # authenticator: it sends the user on, as the sign-in itself does.
        return redirect(_volgende(request))
    if not selectors.heeft_tweede_factor(user=request.user):
        # The password alone never sets up a second factor: that takes an invitation from a
        # beheerder (ADR 0054). Someone who followed an invitation link goes back to it.
        if _is_uitnodiging(_volgende(request)):
            return redirect(_volgende(request))
        return render(request, "accounts/tweede_factor_ontbreekt.html")
    form = TweedeStapForm(request.POST or None)
    fout = None
    if request.method == "POST" and form.is_valid():
        try:
            apparaat = services.tweede_factor_controleren(
                request=request, user=request.user, code=form.cleaned_data["code"]
            )
        except Geweigerd as exc:
            fout = exc
            form.add_error("code", exc.message)
        else:
            otp_login(request, apparaat)
            if apparaat.name == services.HERSTELAPPARAAT:
                messages.warning(
                    request,
                    _(
                        "U bent ingelogd met een herstelcode; die werkt niet nog een keer. Kwijt "
                        "u uw authenticator-app? Vraag dan uw beheerder om een nieuwe uitnodiging."
                    ),
                )
            return redirect(_volgende(request))
    response = render(
        request,
        "accounts/tweede_factor.html",
        {"form": form, "next": _volgende(request)},
        status=_status(form, fout),
    )
    return _afgeremd_antwoord(response, fout)


@sensitive_variables("token")
@sensitive_post_parameters("code")
def uitnodiging(request, token):
    """Set up the second factor with an invitation from a beheerder: the link and the password."""
    if not services.tweede_factor_geldt():
        return redirect(settings.LOGIN_REDIRECT_URL)
    uitnodiging = selectors.uitnodiging_zoeken(token=token)
    if uitnodiging is None:
        return render(
            request, "accounts/uitnodiging_ongeldig.html", {"ander_account": False}, status=404
        )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.pk != uitnodiging.user_id:
        return render(
            request, "accounts/uitnodiging_ongeldig.html", {"ander_account": True}, status=403
        )
    apparaat = services.totp_apparaat_voorbereiden(uitnodiging=uitnodiging)
    form = CodeForm(request.POST or None)
    fout = None
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.tweede_factor_instellen(
                request=request,
                uitnodiging=uitnodiging,
                apparaat=apparaat,
                code=form.cleaned_data["code"],
            )
        except Geweigerd as exc:
            fout = exc
            form.add_error("code", exc.message)
        else:
            otp_login(request, apparaat)
            # Shown once, in this answer only: no URL leads back to them.
            return render(
                request,
                "accounts/herstelcodes.html",
                {"codes": codes, "verder": reverse(settings.LOGIN_REDIRECT_URL)},
            )
    qr = segno.make(apparaat.config_url, error="m")
    response = render(
        request,
        "accounts/uitnodiging.html",
        {
            "form": form,
            "qr_data_uri": qr.svg_data_uri(scale=5, dark="#000", light="#fff"),
            "sleutel": base64.b32encode(apparaat.bin_key).decode().rstrip("="),
            "geldig_tot": uitnodiging.geldig_tot,
        },
        status=_status(form, fout),
    )
    return _afgeremd_antwoord(response, fout)


@_beheerder
def medewerkers(request):
    """The gemeente's staff and their second factor; the beheerder hands out invitations."""
    lijst = list(selectors.medewerker_list(gemeente=request.gemeente))
    for medewerker in lijst:
        medewerker.rol_label = Rol(medewerker.rol_hier).label
    return render(
        request,
        "accounts/medewerkers.html",
        {"medewerkers": lijst, "gemeente": request.gemeente},
    )


@require_POST
@_beheerder
def medewerker_uitnodigen(request, uuid):
    try:
        medewerker = selectors.medewerker_get(gemeente=request.gemeente, uuid=uuid)
    except User.DoesNotExist:
        raise Http404 from None
    if medewerker.pk == request.user.pk:
        # Four eyes: nobody hands themselves a new second factor.
        return render(
            request,
            "ui/geen_toegang.html",
            {
                "reden": _(
                    "U kunt uzelf geen uitnodiging geven. Vraag een andere beheerder om uw "
                    "tweede factor te resetten."
                )
            },
            status=403,
        )
    if selectors.heeft_tweede_factor(user=medewerker):
        token = services.tweede_factor_resetten(user=medewerker, door=request.user)
    else:
        token = services.uitnodiging_uitgeven(user=medewerker, door=request.user)
    link = request.build_absolute_uri(reverse("accounts:uitnodiging", kwargs={"token": token}))
    return render(
        request,
        "accounts/uitnodiging_uitgegeven.html",
        {
            "medewerker": medewerker,
            "link": link,
            "geldig_uren": int(settings.TWEEDE_FACTOR_UITNODIGING_GELDIG.total_seconds() // 3600),
        },
    )


@require_POST
def uitloggen(request):
    logout(request)
    return redirect(settings.LOGIN_URL)
