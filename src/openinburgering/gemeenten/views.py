from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict
from openinburgering.ui.permissions import recht_vereist

from . import selectors, services
from .forms import GemeenteInstellingenForm


def _fouten_naar_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc)


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
        except Conflict as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De instellingen van de gemeente zijn opgeslagen."))
            return redirect("gemeenten:instellingen")
    return render(
        request,
        "gemeenten/instellingen.html",
        {"form": form, "gemeente": gemeente},
        status=400 if form.errors else 200,
    )
