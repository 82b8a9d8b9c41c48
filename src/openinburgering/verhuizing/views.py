"""Thin views of a move: hand the dossier over (R76), download the package from the closed
dossier, read a handover file in (R77) and show the history it brought. URLs carry uuids only;
another gemeente's dossier or package is a 404."""

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.inburgeraars.workflow import Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import pakket, selectors, services
from .forms import InlezenForm, OverdragenForm
from .models import Richting


def _log(actor, inburgeraar, activiteit=Activiteit.INZIEN):
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor, activiteit=activiteit, pseudoniemen=[inburgeraar.pseudoniem]
        )


@recht_vereist(Recht.DOSSIER_STATUS_WIJZIGEN)
def overdragen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    dossier = inburgeraar.dossier
    if dossier.status == Status.AFGEROND:
        messages.info(request, _("Dit dossier is al afgerond."))
        return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    melding = selectors.laatste_melding(dossier=dossier)
    vertrek = melding if melding is not None and melding.richting == Richting.VERTREK else None
    form = OverdragenForm(
        request.POST or None,
        initial={
            "versie": dossier.versie,
            "naar_gemeentecode": vertrek.andere_gemeentecode if vertrek else "",
            "naar_gemeentenaam": vertrek.andere_gemeentenaam if vertrek else "",
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.dossier_overdragen(
                    actor=actor,
                    dossier=dossier,
                    naar_gemeentecode=form.cleaned_data["naar_gemeentecode"],
                    naar_gemeentenaam=form.cleaned_data["naar_gemeentenaam"],
                    versie=form.cleaned_data["versie"],
                )
            except (Geweigerd, Conflict) as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Het dossier is afgesloten en overgedragen. Het overdrachtsdocument en "
                        "het overdrachtsbestand staan klaar om te downloaden."
                    ),
                )
                return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
        status = 400
    else:
        _log(actor, inburgeraar)
    return render(
        request,
        "verhuizing/overdragen.html",
        {"inburgeraar": inburgeraar, "dossier": dossier, "form": form, "melding": melding},
        status=status,
    )


def _download(request, uuid, *, soort: str):
    actor = actor_uit_request(request)
    overdracht = selectors.overdracht_get(actor=actor, uuid=uuid)
    if soort == "pdf":
        antwoord = brieven.als_download(
            overdracht.pdf_pad, bestandsnaam=f"overdracht-{overdracht.kenmerk}.pdf"
        )
    else:
        try:
            bestand = brieven.pad(overdracht.json_pad).open("rb")  # FileResponse closes it
        except (OSError, ValueError):
            raise Http404 from None
        antwoord = FileResponse(
            bestand,
            as_attachment=True,
            filename=f"overdracht-{overdracht.kenmerk}.json",
            content_type="application/json",
        )
    _log(actor, overdracht.dossier.inburgeraar, Activiteit.EXPORTEREN)
    return antwoord


@recht_vereist(Recht.DOSSIER_STATUS_WIJZIGEN)
def document(request, uuid):
    return _download(request, uuid, soort="pdf")


@recht_vereist(Recht.DOSSIER_STATUS_WIJZIGEN)
def bestand(request, uuid):
    return _download(request, uuid, soort="json")


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
def inlezen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    dossier = inburgeraar.dossier
    if selectors.overname_van(dossier=dossier) is not None:
        return redirect("verhuizing:geschiedenis", uuid=inburgeraar.uuid)
    form = InlezenForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            inhoud = upload.read(pakket.MAX_BESTAND + 1)
            try:
                services.overdracht_inlezen(actor=actor, dossier=dossier, inhoud=inhoud)
            except (Geweigerd, Conflict) as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Het overdrachtsdossier is ingelezen. De geschiedenis uit de vorige "
                        "gemeente staat nu bij dit dossier."
                    ),
                )
                return redirect("verhuizing:geschiedenis", uuid=inburgeraar.uuid)
        status = 400
    else:
        _log(actor, inburgeraar)
    return render(
        request,
        "verhuizing/inlezen.html",
        {"inburgeraar": inburgeraar, "dossier": dossier, "form": form},
        status=status,
    )


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def geschiedenis(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    overname = selectors.overname_van(dossier=inburgeraar.dossier)
    if overname is None:
        raise Http404
    _log(actor, inburgeraar)
    return render(
        request,
        "verhuizing/geschiedenis.html",
        {
            "inburgeraar": inburgeraar,
            "overname": overname,
            "weergave": pakket.weergave(overname.inhoud),
        },
    )
