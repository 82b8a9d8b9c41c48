from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import selectors, services
from .forms import StapForm, StapVoortgangForm

# --- beheer (functioneel beheerder; no personal data) -------------------------------------------


@recht_vereist(Recht.BEGELEIDING_BEHEREN)
def beheer(request):
    actor = actor_uit_request(request)
    form = StapForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            stap = services.stap_aanmaken(
                actor=actor,
                naam=form.cleaned_data["naam"],
                omschrijving=form.cleaned_data["omschrijving"],
                streefdagen=form.cleaned_data["streefdagen"],
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Stap ‘%(naam)s’ toegevoegd.") % {"naam": stap.naam})
            return redirect("begeleiding:beheer")
    return render(
        request,
        "begeleiding/beheer.html",
        {"stappen": list(selectors.stap_list(actor=actor)), "form": form},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.BEGELEIDING_BEHEREN)
@require_POST
def standaard_laden(request):
    aantal = services.standaardstappen_aanmaken(actor=actor_uit_request(request))
    if aantal:
        messages.success(
            request, _("De standaardlijst met %(n)s stappen is geladen.") % {"n": aantal}
        )
    else:
        messages.info(request, _("Er staan al stappen in de lijst; er is niets toegevoegd."))
    return redirect("begeleiding:beheer")


@recht_vereist(Recht.BEGELEIDING_BEHEREN)
def stap_wijzigen(request, uuid):
    actor = actor_uit_request(request)
    stap = selectors.stap_get(actor=actor, uuid=uuid)
    form = StapForm(request.POST or None, instance=stap, initial={"versie": stap.versie})
    if request.method == "POST":
        stap = selectors.stap_get(actor=actor, uuid=uuid)
        if form.is_valid():
            try:
                services.stap_wijzigen(
                    actor=actor,
                    stap=stap,
                    versie=form.cleaned_data.get("versie") or stap.versie,
                    naam=form.cleaned_data["naam"],
                    omschrijving=form.cleaned_data["omschrijving"],
                    streefdagen=form.cleaned_data["streefdagen"],
                )
            except (Conflict, ValidationError, Geweigerd) as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De stap is opgeslagen."))
                return redirect("begeleiding:beheer")
    return render(
        request,
        "begeleiding/stap_formulier.html",
        {"form": form, "stap": stap},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.BEGELEIDING_BEHEREN)
@require_POST
def stap_actief(request, uuid):
    actor = actor_uit_request(request)
    stap = selectors.stap_get(actor=actor, uuid=uuid)
    actief = request.POST.get("actief") == "1"
    try:
        services.stap_in_gebruik_zetten(actor=actor, stap=stap, actief=actief)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        if actief:
            messages.success(request, _("‘%(naam)s’ is weer in gebruik.") % {"naam": stap.naam})
        else:
            messages.success(
                request,
                _("‘%(naam)s’ is uit gebruik genomen. Wat al is vastgelegd, blijft zichtbaar.")
                % {"naam": stap.naam},
            )
    return redirect("begeleiding:beheer")


# --- one person's checklist --------------------------------------------------------------------


def _checklist_context(actor, inburgeraar, data=None):
    dossier = inburgeraar.dossier
    lijst = selectors.checklist(actor=actor, dossier=dossier, peildatum=timezone.localdate())
    formulieren = []
    for rij in lijst.rijen:
        initial = {"status": rij.status}
        if rij.voortgang:
            initial.update(
                datum=rij.voortgang.datum,
                geholpen_door=rij.voortgang.geholpen_door,
                toelichting=rij.voortgang.toelichting,
            )
        formulieren.append(StapVoortgangForm(data, rij=rij, initial=initial))
    return {
        "inburgeraar": inburgeraar,
        "dossier": dossier,
        "checklist": lijst,
        "formulieren": formulieren,
        "van_toepassing": selectors.heeft_begeleiding(dossier),
        "mag_vastleggen": actor.mag(Recht.TRAJECT_VASTLEGGEN),
    }


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def checklist(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
        )
    return render(request, "begeleiding/checklist.html", _checklist_context(actor, inburgeraar))


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def checklist_opslaan(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    context = _checklist_context(actor, inburgeraar, request.POST)
    formulieren = context["formulieren"]
    if all(f.is_valid() for f in formulieren):
        invoer = [services.StapInvoer(stap=f.rij.stap, **f.cleaned_data) for f in formulieren]
        try:
            gewijzigd = services.voortgang_vastleggen(
                actor=actor, dossier=inburgeraar.dossier, invoer=invoer
            )
        except ValidationError as exc:
            per_stap = {str(f.rij.stap.uuid): f for f in formulieren}
            for sleutel, fouten in exc.message_dict.items():
                per_stap[sleutel].add_error(None, fouten)
        else:
            if gewijzigd:
                messages.success(request, _("De begeleiding is bijgewerkt."))
            else:
                messages.info(request, _("Er was niets gewijzigd."))
            return redirect("begeleiding:checklist", uuid=inburgeraar.uuid)
    context["fouten"] = [
        (f.rij.stap, fout) for f in formulieren for fouten in f.errors.values() for fout in fouten
    ]
    return render(request, "begeleiding/checklist.html", context, status=400)
