from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.leerroutes import toets_zroute_afronding
from openinburgering.traject import afronding, duo, examens, selectors, uren
from openinburgering.traject import map as map_diensten
from openinburgering.traject.forms import AfrondingForm, MapActiviteitForm, UrenForm, ZrouteForm
from openinburgering.traject.models import Onderdeel, UrenSoort
from openinburgering.traject.routefeiten import routefeiten


def _context(actor, inburgeraar, **forms):
    dossier = inburgeraar.dossier
    feiten = routefeiten(dossier)
    afrondingen, deelnames, activiteiten, urenregistraties = selectors.traject_van(dossier)
    totalen = uren.uren_per_soort(dossier)
    zroute_uren = duo.zroute_uren(dossier=dossier)
    r41 = toets_zroute_afronding(**zroute_uren)
    map_uren = map_diensten.map_totaal(dossier)
    afgesproken = map_diensten.afgesproken_uren(feiten.map_intensiteit)

    def afronding_form(onderdeel):
        a = afrondingen.get(onderdeel)
        initial = (
            {
                "versie": a.versie,
                "datum": a.datum,
                "verwijtbaar": a.verwijtbaar,
                "motivering": a.motivering,
            }
            if a
            else {}
        )
        return forms.get(f"{onderdeel}_form") or AfrondingForm(prefix=onderdeel, initial=initial)

    return {
        "inburgeraar": inburgeraar,
        "dossier": dossier,
        "feiten": feiten,
        "termijn": feiten.termijn,
        "afrondingen": afrondingen,
        "deelnames": deelnames,
        "activiteiten": activiteiten,
        "urenregistraties": urenregistraties,
        "totalen": [(UrenSoort(s).label, t) for s, t in totalen.items()],
        "r41": r41,
        "zroute_uren": zroute_uren,
        "map_van_toepassing": map_diensten.map_van_toepassing(feiten).toegestaan,
        "map_uren": map_uren,
        "map_afgesproken": afgesproken,
        "map_procent": min(round(100 * map_uren / afgesproken), 100) if afgesproken else None,
        "examens": examens.examenoverzicht(dossier, feiten.leerroute),
        "plicht_voldaan": dossier.status == Status.AFGEROND
        and dossier.eindreden == Eindreden.VOLDAAN,
        "duo_berichten": selectors.duo_berichten(dossier),
        "mag_vastleggen": actor.mag(Recht.TRAJECT_VASTLEGGEN),
        "pvt_form": afronding_form(Onderdeel.PVT),
        "map_form": afronding_form(Onderdeel.MAP),
        "activiteit_form": forms.get("activiteit_form") or MapActiviteitForm(prefix="a"),
        "uren_form": forms.get("uren_form") or UrenForm(prefix="u"),
        "zroute_form": forms.get("zroute_form") or ZrouteForm(prefix="z"),
    }


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def overzicht(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
        )
    return render(request, "traject/overzicht.html", _context(actor, inburgeraar))


def _fout(request, actor, inburgeraar, **forms):
    return render(
        request, "traject/overzicht.html", _context(actor, inburgeraar, **forms), status=400
    )


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def afronding_opslaan(request, uuid, onderdeel):
    if onderdeel not in (Onderdeel.PVT, Onderdeel.MAP):
        raise Http404
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = AfrondingForm(request.POST, prefix=onderdeel)
    if form.is_valid():
        d = form.cleaned_data
        onderwijs = (
            afronding.Onderwijs(d["onderwijs_soort"], d["onderwijs_begin"], d["onderwijs_einde"])
            if d["onderwijs_soort"]
            else None
        )
        try:
            afronding.afronding_vastleggen(
                actor=actor,
                dossier=inburgeraar.dossier,
                onderdeel=onderdeel,
                datum=d["datum"],
                verwijtbaar=d["verwijtbaar"],
                motivering=d["motivering"],
                onderwijs=onderwijs,
                versie=d["versie"],
            )
        except Conflict as exc:
            form.add_error(None, exc.message)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Opgeslagen en klaargezet voor DUO."))
            return redirect("traject:overzicht", uuid=inburgeraar.uuid)
    return _fout(request, actor, inburgeraar, **{f"{onderdeel}_form": form})


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def map_activiteit(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = MapActiviteitForm(request.POST, prefix="a")
    if form.is_valid():
        try:
            map_diensten.activiteit_toevoegen(
                actor=actor, dossier=inburgeraar.dossier, **form.cleaned_data
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De MAP-activiteit is vastgelegd."))
            return redirect("traject:overzicht", uuid=inburgeraar.uuid)
    return _fout(request, actor, inburgeraar, activiteit_form=form)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def uren_opslaan(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = UrenForm(request.POST, prefix="u")
    if form.is_valid():
        try:
            uren.uren_registreren(actor=actor, dossier=inburgeraar.dossier, **form.cleaned_data)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request, _("De uren zijn vastgelegd en het nieuwe totaal is klaargezet voor DUO.")
            )
            return redirect("traject:overzicht", uuid=inburgeraar.uuid)
    return _fout(request, actor, inburgeraar, uren_form=form)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def zroute_afronden(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = ZrouteForm(request.POST, prefix="z")
    if form.is_valid():
        try:
            uren.zroute_afronden(
                actor=actor, dossier=inburgeraar.dossier, datum=form.cleaned_data["datum"]
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De Z-route is afgerond en klaargezet voor DUO."))
            return redirect("traject:overzicht", uuid=inburgeraar.uuid)
    return _fout(request, actor, inburgeraar, zroute_form=form)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def examens_ophalen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    try:
        nieuw = examens.examens_ophalen_bij_duo(actor=actor, dossier=inburgeraar.dossier)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Examengegevens bijgewerkt bij DUO (%(n)s nieuw).") % {"n": nieuw}
        )
    return redirect("traject:overzicht", uuid=inburgeraar.uuid)
