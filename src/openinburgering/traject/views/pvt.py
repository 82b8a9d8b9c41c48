from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.traject import pvt, selectors
from openinburgering.traject.forms import (
    BijeenkomstForm,
    GroepForm,
    MateriaalForm,
    OndertekeningForm,
)
from openinburgering.traject.models import Aanwezigheid


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
def groepen(request):
    actor = actor_uit_request(request)
    return render(
        request,
        "traject/pvt_groepen.html",
        {"groepen": list(selectors.groep_list(actor=actor)[:200])},
    )


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
def groep_nieuw(request):
    actor = actor_uit_request(request)
    form = GroepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            groep = pvt.groep_aanmaken(actor=actor, **form.cleaned_data)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De groep is aangemaakt. Plan nu de bijeenkomsten."))
            return redirect("traject:pvt_groep", uuid=groep.uuid)
    return render(
        request, "traject/pvt_groep_nieuw.html", {"form": form}, status=400 if form.errors else 200
    )


def _groep_context(actor, groep, request, **forms):
    bijeenkomsten, deelnames, aanwezig = selectors.groep_detail(actor=actor, groep=groep)
    rijen = []
    for d in deelnames:
        afronding = d.dossier.pvt_afronding[0] if d.dossier.pvt_afronding else None
        rijen.append(
            {
                "deelname": d,
                "inburgeraar": d.dossier.inburgeraar,
                "ondertekend": afronding.datum if afronding else None,
                "aanwezig": [aanwezig.get((d.pk, b.pk), "") for b in bijeenkomsten],
                "aantal_aanwezig": sum(
                    1 for b in bijeenkomsten if aanwezig.get((d.pk, b.pk)) == Aanwezigheid.AANWEZIG
                ),
            }
        )
    zoek = request.GET.get("zoek", "")
    kandidaten = selectors.pvt_kandidaten(actor=actor, groep=groep, zoekterm=zoek)
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.LIJST,
        pseudoniemen=[r["inburgeraar"].pseudoniem for r in rijen]
        + [k.inburgeraar.pseudoniem for k in kandidaten],
    )
    vandaag = timezone.localdate()
    return {
        "groep": groep,
        "bijeenkomsten": [
            {
                "b": b,
                "geweest": b.datum <= vandaag,
                "lijst": [
                    (d, d.dossier.inburgeraar, aanwezig.get((d.pk, b.pk), ""))
                    for d in deelnames
                    if d.status == "uitgenodigd"
                ],
                # One materiaal form per bijeenkomst, each with its own ids.
                "materiaal_form": forms["materiaal_form"]
                if forms.get("materiaal_bijeenkomst") == b.pk
                else _materiaal_form(b),
            }
            for b in bijeenkomsten
        ],
        "rijen": rijen,
        "kandidaten": kandidaten,
        "zoek": zoek,
        "vrij": groep.capaciteit - sum(1 for d in deelnames if d.status == "uitgenodigd"),
        "aanwezigheid_keuzes": Aanwezigheid.choices,
        "bijeenkomst_form": forms.get("bijeenkomst_form") or BijeenkomstForm(prefix="b"),
        "ondertekening_fout": forms.get("ondertekening_fout"),
        "vandaag": vandaag,
    }


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
def groep(request, uuid):
    actor = actor_uit_request(request)
    groep = selectors.groep_get(actor=actor, uuid=uuid)
    with transaction.atomic():
        context = _groep_context(actor, groep, request)
    return render(request, "traject/pvt_groep.html", context)


def _materiaal_form(bijeenkomst, *args):
    return MateriaalForm(*args, prefix="m", auto_id=f"id_m{bijeenkomst.pk}-%s")


def _opnieuw(request, actor, groep, **forms):
    with transaction.atomic():
        context = _groep_context(actor, groep, request, **forms)
    return render(request, "traject/pvt_groep.html", context, status=400)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def bijeenkomst_toevoegen(request, uuid):
    actor = actor_uit_request(request)
    groep = selectors.groep_get(actor=actor, uuid=uuid)
    form = BijeenkomstForm(request.POST, prefix="b")
    if form.is_valid():
        try:
            pvt.bijeenkomst_toevoegen(actor=actor, groep=groep, **form.cleaned_data)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De bijeenkomst is gepland."))
            return redirect("traject:pvt_groep", uuid=groep.uuid)
    return _opnieuw(request, actor, groep, bijeenkomst_form=form)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def uitnodigen(request, uuid):
    actor = actor_uit_request(request)
    groep = selectors.groep_get(actor=actor, uuid=uuid)
    dossiers = selectors.dossiers_get(actor=actor, uuids=request.POST.getlist("personen"))
    if not dossiers:
        messages.error(request, _("Kies minstens één persoon om uit te nodigen."))
    else:
        try:
            nieuw = pvt.deelnemers_uitnodigen(actor=actor, groep=groep, dossiers=dossiers)
        except Geweigerd as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                ngettext("%(n)s persoon uitgenodigd.", "%(n)s personen uitgenodigd.", len(nieuw))
                % {"n": len(nieuw)},
            )
    return redirect("traject:pvt_groep", uuid=groep.uuid)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def aanwezigheid(request, uuid):
    actor = actor_uit_request(request)
    bijeenkomst = selectors.bijeenkomst_get(actor=actor, uuid=uuid)
    statussen = {}
    for sleutel, waarde in request.POST.items():
        if sleutel.startswith("deelname-") and waarde:
            try:
                statussen[int(sleutel.removeprefix("deelname-"))] = waarde
            except ValueError:
                continue
    try:
        n = pvt.aanwezigheid_vastleggen(actor=actor, bijeenkomst=bijeenkomst, statussen=statussen)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Aanwezigheid opgeslagen voor %(n)s deelnemers.") % {"n": n})
    return redirect("traject:pvt_groep", uuid=bijeenkomst.groep.uuid)


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def ondertekening(request, uuid):
    actor = actor_uit_request(request)
    deelname = selectors.deelname_get(actor=actor, uuid=uuid)
    form = OndertekeningForm(request.POST)
    if form.is_valid():
        try:
            pvt.ondertekening_vastleggen(
                actor=actor, deelname=deelname, datum=form.cleaned_data["datum"]
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _("Ondertekening van %(naam)s vastgelegd en klaargezet voor DUO.")
                % {"naam": deelname.dossier.inburgeraar.volledige_naam},
            )
            return redirect("traject:pvt_groep", uuid=deelname.groep.uuid)
    fouten = [f for lijst in form.errors.values() for f in lijst]
    return _opnieuw(
        request,
        actor,
        deelname.groep,
        ondertekening_fout=(
            deelname.dossier.inburgeraar.volledige_naam,
            fouten,
            deelname.pk,
            request.POST.get("datum", ""),
        ),
    )


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
@require_POST
def materiaal_toevoegen(request, uuid):
    actor = actor_uit_request(request)
    bijeenkomst = selectors.bijeenkomst_get(actor=actor, uuid=uuid)
    form = _materiaal_form(bijeenkomst, request.POST, request.FILES)
    if form.is_valid():
        try:
            pvt.materiaal_toevoegen(
                actor=actor,
                bijeenkomst=bijeenkomst,
                titel=form.cleaned_data["titel"],
                link=form.cleaned_data["link"],
                bestand=form.cleaned_data["bestand"],
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het materiaal is toegevoegd."))
            return redirect("traject:pvt_groep", uuid=bijeenkomst.groep.uuid)
    return _opnieuw(
        request, actor, bijeenkomst.groep, materiaal_form=form, materiaal_bijeenkomst=bijeenkomst.pk
    )


@recht_vereist(Recht.TRAJECT_VASTLEGGEN)
def materiaal_downloaden(request, uuid):
    actor = actor_uit_request(request)
    materiaal = selectors.materiaal_get(actor=actor, uuid=uuid)
    if not materiaal.bestand_pad:
        raise Http404
    try:
        pad = pvt.materiaal_pad(materiaal)
        bestand = open(pad, "rb")  # noqa: SIM115 (FileResponse closes it)
    except (OSError, ValueError):
        raise Http404 from None
    return FileResponse(bestand, as_attachment=True, filename=materiaal.bestandsnaam)
