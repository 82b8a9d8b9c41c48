from dataclasses import replace

from django.contrib import messages
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.models import User
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht, Rol
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.http import geldige_uuids, terug_naar
from openinburgering.core.replica import leest_van_replica
from openinburgering.gemeenten.toegang import gemeente_keuzes, lijst_actor
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import selectors, services
from .forms import ToewijzenForm, WerklijstFilterForm
from .selectors import Tab
from .weergave import link, titel, uitleg, verkeerslicht


def _medewerkers(gemeente):
    return list(
        User.objects.filter(
            lidmaatschappen__gemeente=gemeente,
            lidmaatschappen__rol__in=[Rol.KLANTREGISSEUR, Rol.TEAMLEIDER],
            is_active=True,
        ).order_by("first_name", "last_name", "username")
    )


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@leest_van_replica
def werklijst(request):
    gemeenten = gemeente_keuzes(request, Recht.PERSOONSGEGEVENS_LEZEN)
    form = WerklijstFilterForm(request.GET or None, gemeenten=gemeenten)
    filters = form.cleaned_data if form.is_valid() else {}
    # A regional team's combined worklist spans its gemeenten; each item stays in its own.
    actor = lijst_actor(
        request,
        actor_uit_request(request),
        filters.get("gemeente", ""),
        Recht.PERSOONSGEGEVENS_LEZEN,
    )
    tab = filters.get("tab") or Tab.MIJN
    qs = selectors.signaal_list(
        actor=actor, tab=tab, soort=filters.get("soort", ""), doelgroep=filters.get("doelgroep", "")
    )
    pagina = selectors.werklijst_pagina(qs, na=request.GET.get("na"), voor=request.GET.get("voor"))
    vandaag = timezone.localdate()
    teksten = selectors.titelteksten(pagina.items)
    regionaal = len(actor.tenants) > 1
    per_id = {g.pk: g for g in actor.tenants}
    rijen = [
        {
            "signaal": s,
            "titel": titel(s, teksten),
            "uitleg": uitleg(s),
            "link": link(s),
            "licht": verkeerslicht(s.deadline, vandaag),
            "inburgeraar": s.dossier.inburgeraar,
            "gemeente": per_id.get(s.gemeente_id) if regionaal else None,
            # An item of another of the user's gemeenten opens through a switch of the active
            # gemeente, and is picked up or assigned there.
            "elders": s.gemeente_id != request.gemeente.pk,
        }
        for s in pagina.items
    ]
    # Outside a transaction the records join the request's one insert (logboek, ADR 0057);
    # each person's record in their own gemeente's log.
    for gemeente in actor.tenants:
        verwerkingen_vastleggen(
            actor=replace(actor, gemeente=gemeente, regio=()),
            activiteit=Activiteit.LIJST,
            pseudoniemen=[
                s.dossier.inburgeraar.pseudoniem
                for s in pagina.items
                if s.gemeente_id == gemeente.pk
            ],
        )
    mag_toewijzen = actor.mag(Recht.WERK_TOEWIJZEN)
    querystring = request.GET.copy()
    querystring.pop("na", None)
    querystring.pop("voor", None)
    return render(
        request,
        "signalen/werklijst.html",
        {
            "form": form,
            "tab": tab,
            "tabs": form.fields["tab"].choices,
            "rijen": rijen,
            "pagina": pagina,
            "regionaal": regionaal,
            "andere_gemeenten": [g for g in actor.tenants if g != request.gemeente],
            "querystring": querystring.urlencode(),
            "mag_toewijzen": mag_toewijzen,
            "toewijzen_form": ToewijzenForm(medewerkers=_medewerkers(request.gemeente))
            if mag_toewijzen
            else None,
        },
    )


def _terug(request):
    return terug_naar(request, "signalen:werklijst")


@recht_vereist(Recht.WERK_TOEWIJZEN)
@require_POST
def toewijzen(request):
    actor = actor_uit_request(request)
    medewerkers = _medewerkers(actor.gemeente)
    form = ToewijzenForm(request.POST, medewerkers=medewerkers)
    gekozen = selectors.signaal_list_voor_ids(actor=actor, uuids=_uuids(request))
    if not gekozen:
        messages.error(request, _("Kies eerst een of meer werkitems."))
        return _terug(request)
    if not form.is_valid():
        messages.error(request, _("Kies aan wie u het werk toewijst."))
        return _terug(request)
    keuze = form.cleaned_data["aan"]
    aan = None if keuze == "niemand" else next(m for m in medewerkers if str(m.pk) == keuze)
    try:
        aantal = services.signalen_toewijzen(actor=actor, signalen=gekozen, aan=aan)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            ngettext("%(n)d werkitem toegewezen.", "%(n)d werkitems toegewezen.", aantal)
            % {"n": aantal},
        )
    return _terug(request)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def oppakken(request):
    actor = actor_uit_request(request)
    gekozen = selectors.signaal_list_voor_ids(actor=actor, uuids=_uuids(request))
    if not gekozen:
        messages.error(request, _("Kies eerst een of meer werkitems."))
        return _terug(request)
    aantal = services.signalen_oppakken(actor=actor, signalen=gekozen)
    messages.success(
        request,
        ngettext("U hebt %(n)d werkitem opgepakt.", "U hebt %(n)d werkitems opgepakt.", aantal)
        % {"n": aantal},
    )
    return _terug(request)


def _uuids(request):
    return geldige_uuids(request.POST.getlist("signalen"))
