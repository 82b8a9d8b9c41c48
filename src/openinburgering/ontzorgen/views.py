"""Thin views of ontzorgen: the person's bijstand and decision, the bijstand import with its
preview, and the payment runs. URLs carry uuids only; another gemeente's object is a 404."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import invoer, selectors, services
from .forms import (
    AfbouwstapForm,
    BesluitForm,
    ImportForm,
    PeriodeForm,
    RunForm,
    VasteLastForm,
    VaststellenForm,
    WeigerenForm,
    WijzigenForm,
)
from .models import Bijstandsperiode, Ontzorgbesluit

R = Recht.ONTZORGEN_VASTLEGGEN


def _log(actor, pseudoniemen, activiteit=Activiteit.INZIEN):
    with transaction.atomic():
        verwerkingen_vastleggen(actor=actor, activiteit=activiteit, pseudoniemen=pseudoniemen)


def _persoon(request, uuid):
    actor = actor_uit_request(request)
    return actor, inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)


@recht_vereist(R)
def overzicht(request, uuid, periode_form=None, status=200):
    actor, inburgeraar = _persoon(request, uuid)
    dossier = inburgeraar.dossier
    _log(actor, [inburgeraar.pseudoniem])
    return render(
        request,
        "ontzorgen/overzicht.html",
        {
            "inburgeraar": inburgeraar,
            "periodes": list(Bijstandsperiode.objects.filter(dossier=dossier)),
            "besluiten": list(Ontzorgbesluit.objects.filter(dossier=dossier)),
            "form": periode_form or PeriodeForm(),
        },
        status=status,
    )


@require_POST
@recht_vereist(R)
def periode(request, uuid):
    actor, inburgeraar = _persoon(request, uuid)
    form = PeriodeForm(request.POST)
    if form.is_valid():
        try:
            services.periode_handmatig(
                actor=actor,
                dossier=inburgeraar.dossier,
                start=form.cleaned_data["start"],
                einde=form.cleaned_data["einde"],
            )
        except (Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De bijstandsperiode is vastgelegd."))
            return redirect("ontzorgen:overzicht", uuid=inburgeraar.uuid)
    return overzicht(request, uuid=uuid, periode_form=form, status=400)


@require_POST
@recht_vereist(R)
def besluit_aanmaken(request, uuid):
    actor = actor_uit_request(request)
    try:
        periode = Bijstandsperiode.objects.select_related("dossier__inburgeraar").get(
            gemeente=actor.gemeente, uuid=uuid
        )
    except Bijstandsperiode.DoesNotExist:
        from django.http import Http404

        raise Http404 from None
    try:
        besluit = services.besluit_aanmaken(actor=actor, periode=periode)
    except (Geweigerd, Conflict) as exc:
        messages.error(request, exc.message)
        return redirect("ontzorgen:overzicht", uuid=periode.dossier.inburgeraar.uuid)
    return redirect("ontzorgen:besluit", uuid=besluit.uuid)


def _besluit_pagina(request, besluit, *, status=200, **forms):
    actor = actor_uit_request(request)
    _log(actor, [besluit.dossier.inburgeraar.pseudoniem])
    context = {
        "besluit": besluit,
        "inburgeraar": besluit.dossier.inburgeraar,
        "lasten": list(besluit.lasten.all()),
        "stappen": list(besluit.stappen.all()),
        "beleid": services.beleid(besluit.gemeente),
        "termijn": services._termijn(besluit),
        "toets": services.toets(besluit),
        "besluit_form": forms.get("besluit_form")
        or BesluitForm(
            initial={
                "afbouwplan": besluit.afbouwplan,
                "toestemming_op": besluit.toestemming_op,
                "versie": besluit.versie,
            }
        ),
        "last_form": forms.get("last_form") or VasteLastForm(),
        "stap_form": forms.get("stap_form") or AfbouwstapForm(),
        "vaststellen_form": forms.get("vaststellen_form")
        or VaststellenForm(initial={"versie": besluit.versie}),
        "wijzigen_form": forms.get("wijzigen_form")
        or WijzigenForm(initial={"versie": besluit.versie}),
    }
    return render(request, "ontzorgen/besluit.html", context, status=status)


@recht_vereist(R)
def besluit(request, uuid):
    actor = actor_uit_request(request)
    besluit = selectors.besluit_get(actor=actor, uuid=uuid)
    if request.method != "POST":
        return _besluit_pagina(request, besluit)
    form = BesluitForm(request.POST)
    if form.is_valid():
        try:
            services.besluit_opslaan(
                actor=actor,
                besluit=besluit,
                afbouwplan=form.cleaned_data["afbouwplan"],
                toestemming_op=form.cleaned_data["toestemming_op"],
                versie=form.cleaned_data["versie"],
            )
        except (Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het concept is opgeslagen."))
            return redirect("ontzorgen:besluit", uuid=besluit.uuid)
    return _besluit_pagina(request, besluit, status=400, besluit_form=form)


@require_POST
@recht_vereist(R)
def vaste_last(request, uuid):
    actor = actor_uit_request(request)
    besluit = selectors.besluit_get(actor=actor, uuid=uuid)
    form = VasteLastForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.vaste_last_toevoegen(
                actor=actor, besluit=besluit, post=d["post"], begunstigde=d["begunstigde"],
                iban=d["iban"], bedrag_centen=d["bedrag"], frequentie=d["frequentie"],
                contractreferentie=d["contractreferentie"],
            )  # fmt: skip
        except (Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De vaste last is toegevoegd."))
            return redirect("ontzorgen:besluit", uuid=besluit.uuid)
    return _besluit_pagina(request, besluit, status=400, last_form=form)


@require_POST
@recht_vereist(R)
def afbouwstap(request, uuid):
    actor = actor_uit_request(request)
    besluit = selectors.besluit_get(actor=actor, uuid=uuid)
    form = AfbouwstapForm(request.POST)
    if form.is_valid():
        try:
            services.afbouwstap_toevoegen(
                actor=actor,
                besluit=besluit,
                omschrijving=form.cleaned_data["omschrijving"],
                datum=form.cleaned_data["datum"],
            )
        except (Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De stap is toegevoegd aan het afbouwplan."))
            return redirect("ontzorgen:besluit", uuid=besluit.uuid)
    return _besluit_pagina(request, besluit, status=400, stap_form=form)


@require_POST
@recht_vereist(R)
def vaststellen(request, uuid):
    actor = actor_uit_request(request)
    besluit = selectors.besluit_get(actor=actor, uuid=uuid)
    form = VaststellenForm(request.POST)
    if form.is_valid():
        try:
            services.besluit_vaststellen(
                actor=actor,
                besluit=besluit,
                versie=form.cleaned_data["versie"],
                dagtekening=form.cleaned_data["dagtekening"],
                adres_bevestigd=brieven.adres_bevestigd(request.POST),
            )
        except (Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het ontzorgen is vastgesteld; de brief staat klaar."))
            return redirect("ontzorgen:besluit", uuid=besluit.uuid)
    return _besluit_pagina(request, besluit, status=400, vaststellen_form=form)


@require_POST
@recht_vereist(R)
def wijzigen(request, uuid):
    actor = actor_uit_request(request)
    besluit = selectors.besluit_get(actor=actor, uuid=uuid)
    form = WijzigenForm(request.POST)
    if form.is_valid():
        try:
            services.besluit_wijzigen(
                actor=actor,
                besluit=besluit,
                stoppen=form.cleaned_data["actie"] == "stoppen",
                datum=form.cleaned_data["datum"],
                reden=form.cleaned_data["reden"],
                versie=form.cleaned_data["versie"],
            )
        except (Geweigerd, Conflict) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het ontzorgen is gewijzigd."))
            return redirect("ontzorgen:besluit", uuid=besluit.uuid)
    return _besluit_pagina(request, besluit, status=400, wijzigen_form=form)


@recht_vereist(R)
def brief(request, uuid):
    actor = actor_uit_request(request)
    besluit = selectors.besluit_get(actor=actor, uuid=uuid)
    if not besluit.brief_pad:
        from django.http import Http404

        raise Http404
    _log(actor, [besluit.dossier.inburgeraar.pseudoniem])
    return brieven.als_download(besluit.brief_pad, bestandsnaam="besluit-ontzorgen.pdf")


@recht_vereist(R)
def importeren(request):
    actor = actor_uit_request(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    fouten = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                gemaakt = invoer.voorbeeld_maken(
                    actor=actor,
                    naam=bestand.name,
                    inhoud=bestand.read(invoer.GRENZEN.max_bytes + 1),
                )
            except invoer.ImportGeweigerd as exc:
                fouten = exc.fouten
            except (Geweigerd, Conflict) as exc:
                fouten = [exc.message]
            else:
                return redirect("ontzorgen:import_voorbeeld", uuid=gemaakt.uuid)
    return render(request, "ontzorgen/import.html", {"form": form, "fouten": fouten}, status=status)


@recht_vereist(R)
def import_voorbeeld(request, uuid):
    actor = actor_uit_request(request)
    gemaakt = selectors.import_get(actor=actor, uuid=uuid)
    if request.method == "POST":
        try:
            aantal = invoer.verwerken(actor=actor, invoer=gemaakt)
        except (Geweigerd, Conflict) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Het bestand is verwerkt: %(n)d periodes gewijzigd.") % {"n": aantal}
            )
        return redirect("ontzorgen:import_voorbeeld", uuid=gemaakt.uuid)
    from openinburgering.inburgeraars.models import Dossier

    dossiers = Dossier.objects.select_related("inburgeraar").in_bulk(
        [r["dossier"] for r in gemaakt.regels]
    )
    _log(actor, [d.inburgeraar.pseudoniem for d in dossiers.values()], Activiteit.LIJST)
    regels = [{**r, "inburgeraar": dossiers[r["dossier"]].inburgeraar} for r in gemaakt.regels]
    return render(request, "ontzorgen/import_voorbeeld.html", {"invoer": gemaakt, "regels": regels})


@recht_vereist(R)
def runs(request):
    actor = actor_uit_request(request)
    form = RunForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                run = services.betaalrun_maken(
                    actor=actor,
                    maand=form.cleaned_data["maand"],
                    uitvoerdatum=form.cleaned_data["uitvoerdatum"],
                )
            except (Geweigerd, Conflict) as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De betaalrun is gemaakt. Een collega keurt hem goed."))
                return redirect("ontzorgen:run", uuid=run.uuid)
    return render(
        request,
        "ontzorgen/runs.html",
        {"form": form, "runs": list(selectors.runs(actor=actor)[:60])},
        status=status,
    )


@recht_vereist(R)
def run(request, uuid):
    actor = actor_uit_request(request)
    betaalrun = selectors.run_get(actor=actor, uuid=uuid)
    regels = list(selectors.betalingen(run=betaalrun))
    _log(actor, sorted({b.dossier.inburgeraar.pseudoniem for b in regels}), Activiteit.LIJST)
    return render(
        request,
        "ontzorgen/run.html",
        {
            "run": betaalrun,
            "betalingen": regels,
            "mag_goedkeuren": actor.mag(Recht.BETAALRUN_GOEDKEUREN),
            "weigeren_form": WeigerenForm(),
        },
    )


@require_POST
@recht_vereist(Recht.BETAALRUN_GOEDKEUREN)
def goedkeuren(request, uuid):
    actor = actor_uit_request(request)
    betaalrun = selectors.run_get(actor=actor, uuid=uuid)
    try:
        services.betaalrun_goedkeuren(actor=actor, run=betaalrun)
    except (Geweigerd, Conflict) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De betaalrun is goedgekeurd."))
    return redirect("ontzorgen:run", uuid=betaalrun.uuid)


@recht_vereist(Recht.BETAALRUN_GOEDKEUREN)
def bestand(request, uuid):
    actor = actor_uit_request(request)
    betaalrun = selectors.run_get(actor=actor, uuid=uuid)
    from .workflow import RunStatus

    if betaalrun.status != RunStatus.GOEDGEKEURD or not betaalrun.bestand:
        from django.http import Http404

        raise Http404
    pseudoniemen = sorted(
        {b.dossier.inburgeraar.pseudoniem for b in selectors.betalingen(run=betaalrun)}
    )
    _log(actor, pseudoniemen, Activiteit.INZIEN)
    antwoord = HttpResponse(betaalrun.bestand, content_type="application/xml")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="pain001-{betaalrun.maand:%Y-%m}-{betaalrun.pk}.xml"'
    )
    return antwoord


@require_POST
@recht_vereist(R)
def weigeren(request, uuid):
    actor = actor_uit_request(request)
    betaling = selectors.betaling_get(actor=actor, uuid=uuid)
    form = WeigerenForm(request.POST)
    if form.is_valid():
        try:
            services.betaling_weigeren(
                actor=actor,
                betaling=betaling,
                teruggeboekt=form.cleaned_data["teruggeboekt"],
                reden=form.cleaned_data["reden"],
            )
        except (Geweigerd, Conflict) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("De betaling staat als niet aangekomen op de werklijst."))
    else:
        messages.error(request, _("Geef de reden van de bank."))
    return redirect("ontzorgen:run", uuid=betaling.run.uuid)
