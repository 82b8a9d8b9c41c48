from dataclasses import replace
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core import brp
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.core.pagination import Pagina
from openinburgering.core.replica import leest_van_replica
from openinburgering.gemeenten.toegang import gemeente_keuzes, lijst_actor
from openinburgering.logboek.models import Activiteit, Doel
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import caseload, selectors, services
from .forms import BsnZoekForm, InburgeraarForm, NieuweInburgeraarForm, StatusForm, ZoekForm
from .kaarten import KaartVerzoek, kaarten_tonen
from .workflow import Status


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@leest_van_replica
def lijst(request):
    gemeenten = gemeente_keuzes(request, Recht.PERSOONSGEGEVENS_LEZEN)
    form = ZoekForm(request.GET or None, gemeenten=gemeenten)
    filters = form.cleaned_data if form.is_valid() else {}
    # A regional team's combined caseload spans its gemeenten; each row stays in its own.
    actor = lijst_actor(
        request,
        actor_uit_request(request),
        filters.get("gemeente", ""),
        Recht.PERSOONSGEGEVENS_LEZEN,
    )
    pagina = selectors.inburgeraar_pagina(
        actor=actor,
        na=request.GET.get("na"),
        voor=request.GET.get("voor"),
        zoekterm=filters.get("zoek", ""),
        status=filters.get("status", ""),
        doelgroep=filters.get("doelgroep", ""),
        velden=caseload.LIJST_VELDEN,
    )
    # Outside a transaction the records join the request's one insert (logboek, ADR 0057);
    # each person's record in their own gemeente's log.
    for gemeente in actor.tenants:
        verwerkingen_vastleggen(
            actor=replace(actor, gemeente=gemeente, regio=()),
            activiteit=Activiteit.ZOEKEN if filters.get("zoek") else Activiteit.LIJST,
            pseudoniemen=[i.pseudoniem for i in pagina.items if i.gemeente_id == gemeente.pk],
        )
    # The filters without the cursor (a QueryDict copy is a deep copy of every list).
    querystring = urlencode(
        [(k, v) for k, waarden in request.GET.lists() if k not in ("na", "voor") for v in waarden]
    )
    regionaal = len(actor.tenants) > 1
    context = {
        "form": form,
        "bsn_form": BsnZoekForm(),
        "pagina": pagina,
        "rijen": caseload.tabelrijen(
            caseload.lijstrijen(pagina.items, gemeenten=actor.tenants if regionaal else ()),
            actief=request.gemeente,
            csrf=get_token(request) if regionaal else "",
        ),
        "regionaal": regionaal,
        "querystring": querystring,
    }
    template = "inburgeraars/lijst.html#resultaten" if request.htmx else "inburgeraars/lijst.html"
    return render(request, template, context)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def zoek_bsn(request):
    """Search by BSN is a POST, so the number never appears in a URL or an access log."""
    actor = actor_uit_request(request)
    bsn_form = BsnZoekForm(request.POST)
    if bsn_form.is_valid():
        gevonden = selectors.bsn_treffers(actor=actor, bsn=bsn_form.cleaned_data["bsn"])
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.ZOEKEN,
            pseudoniemen=[pseudoniem for _uuid, pseudoniem in gevonden],
        )
        if gevonden:
            return redirect("inburgeraars:detail", uuid=gevonden[0][0])
        bsn_form.add_error("bsn", _("Geen inburgeraar met dit BSN gevonden in deze gemeente."))
    pagina = Pagina(items=[], volgende=None, vorige=None)
    context = {
        "form": ZoekForm(),
        "bsn_form": bsn_form,
        "pagina": pagina,
        "rijen": [],
        "querystring": "",
    }
    return render(request, "inburgeraars/lijst.html", context, status=400)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def detail(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
    dossier = inburgeraar.dossier
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    status_form = None
    if actor.mag(Recht.DOSSIER_STATUS_WIJZIGEN) and dossier.status != Status.AFGEROND:
        status_form = StatusForm(dossier=dossier, initial={"versie": dossier.versie})
    return render(
        request,
        "inburgeraars/detail.html",
        {
            "inburgeraar": inburgeraar,
            "dossier": dossier,
            "gebeurtenissen": selectors.gebeurtenis_list(dossier=dossier),
            # The other apps' cards, each from its own template (``kaarten``, ADR 0051).
            "kaarten": kaarten_tonen(
                KaartVerzoek(request=request, actor=actor, inburgeraar=inburgeraar, dossier=dossier)
            ),
            "status_form": status_form,
            "mag_wijzigen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
            # What the BRP last said (confidentiality, an address under investigation, death).
            "brp_aan": brp.aan(),
            "brp": brp.brp().stand(inburgeraar) if brp.aan() else None,
        },
    )


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
def aanmaken(request):
    actor = actor_uit_request(request)
    form = NieuweInburgeraarForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        velden = {k: v for k, v in form.cleaned_data.items() if k not in {"bsn", "versie"}}
        try:
            inburgeraar = services.inburgeraar_aanmaken(
                actor=actor, bsn=form.cleaned_data["bsn"], **velden
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De inburgeraar is aangemaakt."))
            if brp.aan():
                _uit_brp_ophalen(request, actor=actor, inburgeraar=inburgeraar)
            return HttpResponseRedirect(
                reverse("inburgeraars:detail", kwargs={"uuid": inburgeraar.uuid})
            )
    return render(
        request,
        "inburgeraars/formulier.html",
        {"form": form, "titel": _("Nieuwe inburgeraar")},
        status=400 if form.errors else 200,
    )


def _uit_brp_ophalen(request, *, actor, inburgeraar) -> None:
    """A person a caseworker created: the BRP's name, birth date and address replace what was
    typed (the BRP is the source). The person stays as saved when the BRP cannot answer."""
    try:
        velden = brp.brp().bijwerken(actor=actor, inburgeraar=inburgeraar, doel=Doel.AANMAKEN)
    except brp.BrpFout as fout:
        messages.warning(
            request,
            _(
                "De gegevens zijn opgeslagen zoals ingevoerd; de BRP gaf geen antwoord "
                "(%(fout)s). Haal ze later op met ‘Opnieuw ophalen uit de BRP’ op het dossier."
            )
            % {"fout": fout.melding},
        )
    else:
        if velden:
            messages.info(request, _("Naam, geboortedatum en adres zijn bijgewerkt uit de BRP."))


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
def wijzigen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = InburgeraarForm(
        request.POST or None, instance=inburgeraar, initial={"versie": inburgeraar.versie}
    )
    if request.method == "POST":
        # ModelForm validation writes into the instance; keep the stored values for the service.
        inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
        if form.is_valid():
            velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
            try:
                services.inburgeraar_wijzigen(
                    actor=actor,
                    inburgeraar=inburgeraar,
                    versie=form.cleaned_data.get("versie"),
                    **velden,
                )
            except (Conflict, ValidationError, Geweigerd) as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De gegevens zijn opgeslagen."))
                return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    else:
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
        )
    return render(
        request,
        "inburgeraars/formulier.html",
        {"form": form, "titel": _("Gegevens wijzigen"), "inburgeraar": inburgeraar},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.DOSSIER_STATUS_WIJZIGEN)
@require_POST
def status_wijzigen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
    dossier = inburgeraar.dossier
    form = StatusForm(request.POST, dossier=dossier)
    if form.is_valid():
        try:
            services.dossier_status_wijzigen(
                actor=actor,
                dossier=dossier,
                naar=form.cleaned_data["status"],
                eindreden=form.cleaned_data["eindreden"],
                versie=form.cleaned_data["versie"],
            )
        except (Conflict, Geweigerd) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("De status is gewijzigd."))
    else:
        messages.error(request, " ".join(e for fouten in form.errors.values() for e in fouten))
    return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
