"""The kennisbank pages: search and read (every staff role), write (the beheerder)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht, heeft_recht

from . import selectors, services
from .forms import ArtikelForm
from .plaatsen import Plaats


@recht_vereist(Recht.REGELS_LEZEN)
def lijst(request):
    # A POST, as the BSN search is: whatever someone types (a name, a number) stays out of
    # URLs and access logs.
    vraag = request.POST.get("q", "")[:200] if request.method == "POST" else ""
    beheerder = heeft_recht(request.rol, Recht.KENNISBANK_BEHEREN)
    artikelen = (
        list(selectors.zoeken(vraag)[:100])
        if vraag.strip()
        else list(selectors.artikel_list(alles=beheerder)[:200])
    )
    return render(
        request,
        "kennisbank/lijst.html",
        {"artikelen": artikelen, "vraag": vraag, "beheerder": beheerder},
    )


@recht_vereist(Recht.REGELS_LEZEN)
def artikel(request, uuid):
    beheerder = heeft_recht(request.rol, Recht.KENNISBANK_BEHEREN)
    gevonden = selectors.artikel_get(uuid=uuid, alles=beheerder)
    plaatsen = dict(Plaats.choices)
    return render(
        request,
        "kennisbank/artikel.html",
        {
            "artikel": gevonden,
            "beheerder": beheerder,
            "plaatsen": [plaatsen[p] for p in gevonden.plaatsen if p in plaatsen],
        },
    )


@recht_vereist(Recht.KENNISBANK_BEHEREN)
def bewerken(request, uuid=None):
    bestaand = selectors.artikel_get(uuid=uuid, alles=True) if uuid else None
    form = ArtikelForm(request.POST or None, instance=bestaand)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                opgeslagen = services.artikel_opslaan(
                    actor=actor_uit_request(request),
                    artikel=bestaand,
                    versie=form.cleaned_data.get("versie"),
                    **form.velden(),
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for veld, fouten in exc.message_dict.items():
                        form.add_error(veld if veld in form.fields else None, fouten)
                else:
                    form.add_error(None, exc)
            else:
                messages.success(request, _("Het artikel is opgeslagen."))
                return redirect("kennisbank:artikel", uuid=opgeslagen.uuid)
        status = 400
    return render(
        request, "kennisbank/bewerken.html", {"form": form, "artikel": bestaand}, status=status
    )
