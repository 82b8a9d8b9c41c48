"""Beheer screens of the subscriptions: list, create, edit with the delivery log, a new secret,
"send again" for a given-up delivery. No personal data on any of them (ADR 0072)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.core.pagination import keyset_pagina

from . import selectors, services
from .forms import AbonnementForm
from .models import BezorgStatus

LOG_GROOTTE = 50


@recht_vereist(Recht.ABONNEMENTEN_BEHEREN)
def lijst(request):
    actor = actor_uit_request(request)
    return render(
        request,
        "abonnementen/lijst.html",
        {"abonnementen": list(selectors.abonnement_list(actor=actor)[:200])},
    )


def _geheim_tonen(request, abonnement, geheim, *, nieuw: bool):
    # Rendered, never redirected or put in a message: the secret is shown this once only.
    antwoord = render(
        request,
        "abonnementen/geheim.html",
        {"abonnement": abonnement, "geheim": geheim, "nieuw": nieuw},
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@recht_vereist(Recht.ABONNEMENTEN_BEHEREN)
def aanmaken(request):
    actor = actor_uit_request(request)
    form = AbonnementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            abonnement, geheim = services.abonnement_aanmaken(
                actor=actor,
                naam=form.cleaned_data["naam"],
                url=form.cleaned_data["url"],
                soorten=form.cleaned_data["soorten"],
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            return _geheim_tonen(request, abonnement, geheim, nieuw=True)
    return render(
        request,
        "abonnementen/formulier.html",
        {"form": form, "titel": _("Nieuw abonnement")},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.ABONNEMENTEN_BEHEREN)
def detail(request, uuid):
    actor = actor_uit_request(request)
    abonnement = selectors.abonnement_get(actor=actor, uuid=uuid)
    form = AbonnementForm(
        request.POST if request.method == "POST" else None,
        initial={
            "naam": abonnement.naam,
            "url": abonnement.url,
            "soorten": abonnement.soorten,
            "actief": abonnement.actief,
            "versie": abonnement.versie,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.abonnement_wijzigen(
                actor=actor,
                abonnement=abonnement,
                versie=form.cleaned_data["versie"],
                naam=form.cleaned_data["naam"],
                url=form.cleaned_data["url"],
                soorten=form.cleaned_data["soorten"],
                actief=form.cleaned_data["actief"],
            )
        except (ValidationError, Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het abonnement is opgeslagen."))
            return redirect("abonnementen:detail", uuid=abonnement.uuid)
    status = request.GET.get("status", "")
    if status not in BezorgStatus.values:
        status = ""
    pagina = keyset_pagina(
        selectors.bezorging_list(abonnement=abonnement, status=status),
        na=request.GET.get("na"),
        voor=request.GET.get("voor"),
        grootte=LOG_GROOTTE,
    )
    return render(
        request,
        "abonnementen/detail.html",
        {
            "abonnement": abonnement,
            "form": form,
            "titel": abonnement.naam,
            "pagina": pagina,
            "tellingen": selectors.bezorging_tellingen(abonnement=abonnement),
            "statussen": BezorgStatus,
            "gekozen_status": status,
        },
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.ABONNEMENTEN_BEHEREN)
@require_POST
def geheim_vernieuwen(request, uuid):
    actor = actor_uit_request(request)
    abonnement = selectors.abonnement_get(actor=actor, uuid=uuid)
    geheim = services.geheim_vernieuwen(actor=actor, abonnement=abonnement)
    return _geheim_tonen(request, abonnement, geheim, nieuw=False)


@recht_vereist(Recht.ABONNEMENTEN_BEHEREN)
@require_POST
def opnieuw_aanbieden(request, uuid):
    actor = actor_uit_request(request)
    bezorging = selectors.bezorging_get(actor=actor, uuid=uuid)
    try:
        services.opnieuw_aanbieden(actor=actor, bezorging=bezorging)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("De gebeurtenis wordt opnieuw verstuurd; latere van hetzelfde dossier volgen."),
        )
    return redirect("abonnementen:detail", uuid=bezorging.abonnement.uuid)
