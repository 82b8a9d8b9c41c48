"""The gemeente's letterhead: its settings page with a preview of the letter's own partials, the
logo on letters and a sample letter. The settings are the gemeente's (gemeenten.services); the
page lives here because it shows them as letters show them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.gemeenten import selectors, services
from openinburgering.gemeenten.forms import GemeenteInstellingenForm, LogoForm

from . import samenvattingen


@recht_vereist(Recht.GEMEENTE_INSTELLEN)
def instellingen(request):
    """Gemeente-instellingen: always the active gemeente of the signed-in user, never another."""
    actor = actor_uit_request(request)
    gemeente = selectors.actieve_gemeente_get(actor=actor)
    # The form validates a copy, so the preview keeps showing what is stored.
    form = GemeenteInstellingenForm(
        request.POST or None,
        instance=selectors.actieve_gemeente_get(actor=actor),
        initial={"versie": gemeente.versie},
    )
    if request.method == "POST" and form.is_valid():
        velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
        try:
            services.gemeente_instellingen_wijzigen(
                gemeente=gemeente, versie=form.cleaned_data["versie"], **velden
            )
        except (Conflict, ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De instellingen van de gemeente zijn opgeslagen."))
            return redirect("brieven:instellingen")
    return _pagina(request, gemeente, form=form, logo_form=LogoForm())


def _voorbeeldkenmerk(gemeente) -> str:
    # Not a real kenmerk: the sample must never use up (or look like) a number of the counter.
    return f"{gemeente.code}-{timezone.localdate().year}-VOORBEELD"


def _pagina(request, gemeente, *, form, logo_form):
    """The settings page; its preview renders the letter's own partials with the stored data."""
    voorbeeld = brieven.briefcontext(
        gemeente=gemeente,
        ontvanger=brieven.VOORBEELD_ONTVANGER,
        kenmerk=_voorbeeldkenmerk(gemeente),
        datum=timezone.localdate(),
    )
    return render(
        request,
        "brieven/instellingen.html",
        {
            "form": form,
            "logo_form": logo_form,
            "gemeente": gemeente,
            "voorbeeld": voorbeeld,
            # The subscriptions and their delivery logs sit beside the API tokens: both are
            # about the other systems of the gemeente (issue 18).
            "mag_abonnementen": actor_uit_request(request).mag(Recht.ABONNEMENTEN_BEHEREN),
        },
        status=400 if form.errors or logo_form.errors else 200,
    )


@require_POST
@recht_vereist(Recht.GEMEENTE_INSTELLEN)
def logo(request):
    """Upload or remove the logo on letters of the active gemeente."""
    actor = actor_uit_request(request)
    gemeente = selectors.actieve_gemeente_get(actor=actor)
    if "verwijderen" in request.POST:
        services.gemeente_logo_wijzigen(gemeente=gemeente, inhoud=None)
        messages.success(request, _("Het logo is verwijderd. Brieven tonen nu de naam."))
        return redirect("brieven:instellingen")
    logo_form = LogoForm(request.POST, request.FILES)
    if logo_form.is_valid():
        bestand = logo_form.cleaned_data["logo"]
        try:
            # A file far over the limit is not read into memory at all.
            inhoud = bestand.read(services.LOGO_MAX_BYTES + 1)
            services.gemeente_logo_wijzigen(gemeente=gemeente, inhoud=inhoud)
        except Geweigerd as exc:
            logo_form.add_error("logo", exc.message)
        else:
            messages.success(request, _("Het logo is opgeslagen. Het staat op nieuwe brieven."))
            return redirect("brieven:instellingen")
    form = GemeenteInstellingenForm(instance=gemeente, initial={"versie": gemeente.versie})
    return _pagina(request, gemeente, form=form, logo_form=logo_form)


@require_GET
@recht_vereist(Recht.GEMEENTE_INSTELLEN)
def voorbeeldbrief(request):
    """A sample letter as PDF, rendered exactly as real letters are, to a fictional person."""
    gemeente = selectors.actieve_gemeente_get(actor=actor_uit_request(request))
    inhoud = brieven.render_pdf(
        "brieven/voorbeeld.html",
        {},
        gemeente=gemeente,
        ontvanger=brieven.VOORBEELD_ONTVANGER,
        kenmerk=_voorbeeldkenmerk(gemeente),
        datum=timezone.localdate(),
        samenvatting=samenvattingen.samenvatting_brief("en"),
    )
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="voorbeeldbrief.pdf"'
    return response
