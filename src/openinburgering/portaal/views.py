"""The newcomer's pages (DigiD) and the two actions of the klantregisseur on a message."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering import brieven as brieven_opslag
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.rijbeveiliging import beperk_tot, opheffen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.digid import niveau_voldoende
from openinburgering.talen import web as talen_web

from . import digid, selectors, services, sessie
from .forms import BerichtForm
from .ics import Gebeurtenis, agenda
from .models import Bericht

VERLOPEN = "verlopen"


def _standaard(request, context=None, *, status=200, sjabloon="portaal/inloggen.html"):
    return render(request, sjabloon, context or {}, status=status)


def met_inburgeraar(onderdeel: str, *, download: bool = False):
    """The view gets the signed-in newcomer's own record, or the visitor is sent to sign in.

    An object URL without a (valid) portal session answers 403 with a sign-in link; the
    database is restricted to the newcomer's gemeente for the request (ADR 0056); a page that
    was shown is a read of the newcomer's own data in the processing log.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            status, wie = sessie.huidige(request)
            inburgeraar = selectors.eigen_inburgeraar(wie.inburgeraar_id) if wie else None
            if inburgeraar is None:
                if status == VERLOPEN:
                    messages.info(
                        request, _("U was te lang niet actief. Log opnieuw in met DigiD.")
                    )
                if "uuid" in kwargs or request.method == "POST":
                    return render(request, "portaal/niet_ingelogd.html", status=403)
                return redirect("portaal:inloggen")
            beperk_tot([inburgeraar.gemeente_id])
            try:
                antwoord = view(request, inburgeraar, *args, **kwargs)
                if request.method == "GET" and antwoord.status_code == 200:
                    services.inzage_vastleggen(
                        inburgeraar=inburgeraar, onderdeel=onderdeel, download=download
                    )
                return antwoord
            finally:
                opheffen()

        return wrapper

    return decorator


# --- signing in -------------------------------------------------------------------------------


def inloggen(request):
    status, wie = sessie.huidige(request)
    if wie is not None:
        return redirect("portaal:overzicht")
    return render(request, "portaal/inloggen.html", {"ingericht": digid.ingericht()})


def digid_starten(request):
    if not digid.ingericht():
        return redirect("portaal:inloggen")
    return digid.DigidAanvraag.as_view()(request)


def digid_terug(request):
    """The broker sends the newcomer back here with a code; we check it and find their record."""
    staten = request.session.get("oidc_states") or {}
    staat = request.GET.get("state", "")
    gegevens = staten.pop(staat, None)
    request.session["oidc_states"] = staten
    if request.GET.get("error"):
        messages.info(request, _("U heeft het inloggen afgebroken."))
        return redirect("portaal:inloggen")
    if gegevens is None:
        messages.error(request, _("Inloggen is niet gelukt. Probeer het opnieuw."))
        return redirect("portaal:inloggen")
    request.session.save()
    claims = digid.DigidBackend().claims(
        request, nonce=gegevens.get("nonce", ""), code_verifier=gegevens.get("code_verifier")
    )
    bsn, niveau = digid.bsn_en_niveau(claims or {})
    if not bsn:
        messages.error(request, _("Inloggen is niet gelukt. Probeer het opnieuw."))
        return redirect("portaal:inloggen")
    if not niveau_voldoende(niveau, settings.DIGID_MINIMAAL_NIVEAU).waarde:
        return render(request, "portaal/niveau_te_laag.html", status=403)
    inburgeraar = selectors.inburgeraar_voor_bsn(bsn)
    if inburgeraar is None:
        return render(request, "portaal/geen_dossier.html", status=200)
    sessie.aanmelden(request, inburgeraar_id=inburgeraar.pk, niveau=niveau)
    antwoord = redirect("portaal:overzicht")
    # The language the newcomer chose before, on any device, or the one picked here (ADR 0089).
    talen_web.bij_inloggen(request, antwoord, inburgeraar)
    return antwoord


@require_POST
def uitloggen(request):
    sessie.afmelden(request)
    messages.success(request, _("U bent uitgelogd."))
    return redirect("portaal:inloggen")


# --- the newcomer's pages ---------------------------------------------------------------------


@met_inburgeraar("pip")
def overzicht(request, inburgeraar):
    return render(
        request, "portaal/overzicht.html", {"o": selectors.overzicht(inburgeraar), "actief": "pip"}
    )


@met_inburgeraar("afspraken")
def afspraken(request, inburgeraar):
    vandaag = timezone.localdate()
    alle = selectors.afspraken(inburgeraar)
    return render(
        request,
        "portaal/afspraken.html",
        {
            "komend": [a for a in alle if a.dag >= vandaag],
            "geweest": [a for a in alle if a.dag < vandaag][-5:],
            "actief": "afspraken",
        },
    )


@met_inburgeraar("agenda", download=True)
def agenda_ics(request, inburgeraar, uuid):
    afspraak = selectors.afspraak(inburgeraar, uuid)
    if afspraak is None:
        raise Http404
    inhoud = agenda(
        [
            Gebeurtenis(
                uid=f"{afspraak.uuid}@openinburgering",
                titel=afspraak.titel,
                begin=afspraak.begin,
                einde=afspraak.einde,
                plaats=afspraak.plaats,
            )
        ],
        nu=timezone.now(),
    )
    antwoord = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="afspraak.ics"'
    return antwoord


@met_inburgeraar("termijnen")
def termijnen(request, inburgeraar):
    return render(
        request,
        "portaal/termijnen.html",
        {"termijnen": selectors.termijnen(inburgeraar), "actief": "termijnen"},
    )


@met_inburgeraar("contact")
def contact(request, inburgeraar):
    return render(
        request, "portaal/contact.html", {**selectors.contact(inburgeraar), "actief": "contact"}
    )


@met_inburgeraar("brieven")
def brieven(request, inburgeraar):
    return render(
        request,
        "portaal/brieven.html",
        {"brieven": selectors.brieven(inburgeraar), "actief": "brieven"},
    )


@met_inburgeraar("brief", download=True)
def brief(request, inburgeraar, uuid):
    gevonden = selectors.brief(inburgeraar, uuid)
    if gevonden is None:
        raise Http404
    return brieven_opslag.als_download(gevonden.pad, bestandsnaam=gevonden.bestandsnaam)


@met_inburgeraar("bericht")
def bericht(request, inburgeraar):
    form = BerichtForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.bericht_versturen(
            inburgeraar=inburgeraar,
            onderwerp=form.cleaned_data["onderwerp"],
            tekst=form.cleaned_data["tekst"],
            bijlage=form.bijlage_inhoud,
            bijlage_naam=getattr(form, "bijlage_naam", ""),
            bijlage_soort=getattr(form, "bijlage_soort", ""),
            extensie=getattr(form, "bijlage_extensie", ""),
        )
        messages.success(
            request, _("Uw bericht is verstuurd. Uw klantregisseur leest het en neemt contact op.")
        )
        return redirect("portaal:bericht")
    return render(
        request,
        "portaal/bericht.html",
        {"form": form, "berichten": selectors.eigen_berichten(inburgeraar), "actief": "bericht"},
        status=400 if form.errors else 200,
    )


# --- the klantregisseur -----------------------------------------------------------------------


def _eigen_bericht(request, uuid) -> Bericht:
    return get_object_or_404(
        Bericht.objects.select_related("dossier__inburgeraar"), uuid=uuid, gemeente=request.gemeente
    )


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def bijlage(request, uuid):
    gevonden = _eigen_bericht(request, uuid)
    if not gevonden.bijlage_pad:
        raise Http404
    try:
        bestand = services.bijlage_pad(gevonden).open("rb")
    except (OSError, ValueError):
        raise Http404 from None
    verwerkingen_vastleggen(
        actor=actor_uit_request(request),
        activiteit=Activiteit.EXPORTEREN,
        pseudoniemen=[gevonden.dossier.inburgeraar.pseudoniem],
    )
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=gevonden.bijlage_naam or "document",
        content_type=gevonden.bijlage_soort or "application/octet-stream",
    )


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
@require_POST
def afhandelen(request, uuid):
    gevonden = _eigen_bericht(request, uuid)
    try:
        services.bericht_afhandelen(actor=actor_uit_request(request), bericht=gevonden)
    except Geweigerd as fout:
        messages.error(request, fout.message)
    else:
        messages.success(request, _("Het bericht is afgehandeld."))
    return redirect(
        reverse("inburgeraars:detail", kwargs={"uuid": gevonden.dossier.inburgeraar.uuid})
        + "#portaal"
    )
