from django.shortcuts import render

from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.pagination import keyset_pagina

from . import selectors
from .forms import LogboekFilterForm


@recht_vereist(Recht.LOGBOEK_LEZEN)
def lijst(request):
    form = LogboekFilterForm(request.POST or request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = selectors.verwerking_list(
        gemeente=request.gemeente,
        bsn=filters.get("bsn", ""),
        activiteit=filters.get("activiteit", ""),
        van=filters.get("van"),
        tot=filters.get("tot"),
    ).select_related("gebruiker")
    pagina = keyset_pagina(qs, na=request.GET.get("na"), voor=request.GET.get("voor"), grootte=50)
    return render(
        request,
        "logboek/lijst.html",
        {"form": form, "pagina": pagina},
        status=400 if form.is_bound and form.errors else 200,
    )
