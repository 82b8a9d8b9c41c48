from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.rollen import (
    ALLE_ROLLEN,
    MATRIX,
    RECHT_OMSCHRIJVING,
    Recht,
    heeft_recht,
)
from openinburgering.gemeenten.middleware import SESSION_KEY


@login_required
def start(request):
    if request.gemeente is None and hasattr(request.user, "taalaanbieder"):
        return redirect("taalaanbieders:portaal")
    if heeft_recht(request.rol, Recht.PERSOONSGEGEVENS_LEZEN):
        return redirect("inburgeraars:lijst")
    if heeft_recht(request.rol, Recht.LOGBOEK_LEZEN):
        return redirect("logboek:lijst")
    if heeft_recht(request.rol, Recht.CIJFERS_LEZEN):
        # The beleidsmedewerker works with figures only: the dashboards are their start.
        return redirect("cijfers:dashboard")
    return redirect("ui:regels")


@login_required
@require_POST
def gemeente_wisselen(request):
    code = request.POST.get("gemeente", "")
    # Only a gemeente the user is a member of can become active.
    lidmaatschap = next((lm for lm in request.lidmaatschappen if lm.gemeente.code == code), None)
    if lidmaatschap is None:
        messages.error(
            request, _("U werkt niet voor die gemeente; de actieve gemeente is niet gewijzigd.")
        )
    else:
        request.session[SESSION_KEY] = code
        messages.info(
            request, _("U werkt nu voor gemeente %(naam)s.") % {"naam": lidmaatschap.gemeente.naam}
        )
        # Offered on a 404 page of an object of the other gemeente: go straight back to it.
        terug = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(terug)
    return redirect("ui:start")


def regels(request):
    """The rules catalogue, generated from ``openinburgering.regels``: one source, no drift."""
    from openinburgering.regels import catalogus

    return render(
        request,
        "ui/regels.html",
        {"regels": catalogus.alle_regels(), "taal_en": get_language() == "en"},
    )


@login_required
def rollen(request):
    rijen = [
        {
            "omschrijving": RECHT_OMSCHRIJVING[recht],
            "cellen": [recht in MATRIX[rol] for rol in ALLE_ROLLEN],
        }
        for recht in Recht
    ]
    return render(request, "ui/rollen.html", {"rollen": ALLE_ROLLEN, "rijen": rijen})
