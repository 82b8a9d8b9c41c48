"""Beheer of the gemeente's API tokens: make one (its key shown once), show and change its scopes,
revoke it (ADR 0074). Not personal data, so no processing-log record."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from openinburgering.accounts.bereiken import keuzes
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form

from . import selectors, services
from .forms import ApiTokenAanmakenForm, ApiTokenWijzigenForm


def _labels():
    return dict(keuzes())


@never_cache  # the page that shows a new key once must not be stored anywhere
@recht_vereist(Recht.GEMEENTE_INSTELLEN)
def apitokens(request):
    actor = actor_uit_request(request)
    form = ApiTokenAanmakenForm(request.POST or None)
    sleutel = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                token, sleutel = services.apitoken_aanmaken(
                    gemeente=actor.gemeente,
                    naam=form.cleaned_data["naam"],
                    bereiken=form.cleaned_data["bereiken"],
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
                status = 400
            else:
                form = ApiTokenAanmakenForm()
                messages.success(
                    request, _("Het token ‘%(naam)s’ is aangemaakt.") % {"naam": token.naam}
                )
        else:
            status = 400
    labels = _labels()
    tokens = [
        {"token": t, "bereiken": [labels.get(b, b) for b in t.bereiken]}
        for t in selectors.apitoken_list(actor=actor)
    ]
    return render(
        request,
        "gemeenten/apitokens.html",
        {"form": form, "tokens": tokens, "sleutel": sleutel},
        status=status,
    )


@recht_vereist(Recht.GEMEENTE_INSTELLEN)
def apitoken(request, uuid):
    actor = actor_uit_request(request)
    token = selectors.apitoken_get(actor=actor, uuid=uuid)
    form = ApiTokenWijzigenForm(
        request.POST or None,
        initial={"bereiken": token.bereiken, "actief": token.actief, "versie": token.versie},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.apitoken_wijzigen(
                gemeente=actor.gemeente,
                token=token,
                versie=form.cleaned_data["versie"],
                bereiken=form.cleaned_data["bereiken"],
                actief=form.cleaned_data["actief"],
            )
        except (Conflict, Geweigerd, ValidationError) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het token is opgeslagen."))
            return redirect("gemeenten:apitokens")
    return render(
        request,
        "gemeenten/apitoken.html",
        {"form": form, "token": token},
        status=400 if form.errors else 200,
    )
