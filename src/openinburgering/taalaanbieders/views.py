"""Gemeente side: the register, contracts and their utilisation, referrals and work items."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.aanbod import aanbod_starttermijn
from openinburgering.regels.codes import Leerroute

from . import bronnen, selectors, services
from .codes import LEERROUTES
from .forms import ContactForm, ContractForm, EigenCursusForm, VerwijzingForm
from .grafiek import staafgrafiek


def _euro(bedrag: Decimal) -> str:
    tekst = f"{bedrag:,.0f}".replace(",", ".")
    return f"€ {tekst}"


def _uren(waarde: Decimal) -> str:
    return f"{waarde.normalize():f}".replace(".", ",") + " uur"


@recht_vereist(Recht.CONTRACTEN_LEZEN)
def overzicht(request):
    actor = actor_uit_request(request)
    benutting = selectors.contract_benutting(actor=actor)
    label = lambda b: f"{b.contract.instelling.naam} ({b.contract.kenmerk})"  # noqa: E731
    uren = staafgrafiek(
        [
            (
                label(b),
                [
                    (b.uren_aangeboden, "aangeboden", _uren(b.uren_aangeboden)),
                    (b.uren_aanwezig, "aanwezig", _uren(b.uren_aanwezig)),
                ],
            )
            for b in benutting
        ]
    )
    geld = staafgrafiek(
        [
            (
                label(b),
                [
                    (b.contract.contractwaarde, "waarde", _euro(b.contract.contractwaarde)),
                    (b.uitgegeven, "uitgegeven", _euro(b.uitgegeven)),
                ],
            )
            for b in benutting
        ]
    )
    return render(
        request,
        "taalaanbieders/overzicht.html",
        {
            "benutting": benutting,
            "grafiek_uren": uren,
            "grafiek_geld": geld,
            "mag_beheren": actor.mag(Recht.CONTRACTEN_BEHEREN),
        },
    )


@recht_vereist(Recht.CONTRACTEN_LEZEN)
def instellingen(request):
    actor = actor_uit_request(request)
    if request.method == "POST":
        try:
            uitkomst = services.instellingen_bijwerken_uit_duo(actor=actor)
        except Geweigerd as exc:
            messages.error(request, exc.message)
        except Exception:  # DUO unreachable or answering wrongly: say so, keep the old list
            messages.error(
                request, _("DUO gaf geen bruikbaar antwoord. De lijst is niet bijgewerkt.")
            )
        else:
            messages.success(
                request,
                _(
                    "De lijst is bijgewerkt uit DUO: %(nieuw)s nieuw, %(bijgewerkt)s bijgewerkt, "
                    "%(vervallen)s niet meer erkend."
                )
                % uitkomst,
            )
        return redirect("taalaanbieders:instellingen")
    return render(
        request,
        "taalaanbieders/instellingen.html",
        {
            "instellingen": selectors.instelling_list(actor=actor),
            "mag_beheren": actor.mag(Recht.CONTRACTEN_BEHEREN),
        },
    )


@recht_vereist(Recht.CONTRACTEN_BEHEREN)
def instelling_contact(request, uuid):
    actor = actor_uit_request(request)
    instelling = selectors.instelling_get(uuid=uuid)
    contact = selectors.instelling_contact_get(actor=actor, instelling=instelling)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        services.instelling_contact_wijzigen(
            actor=actor, instelling=instelling, **form.cleaned_data
        )
        messages.success(request, _("De contactgegevens zijn opgeslagen."))
        return redirect("taalaanbieders:instellingen")
    return render(
        request,
        "taalaanbieders/formulier.html",
        {"form": form, "titel": _("Contact bij %(naam)s") % {"naam": instelling.naam}},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.CONTRACTEN_BEHEREN)
def contract_aanmaken(request):
    actor = actor_uit_request(request)
    form = ContractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        velden = dict(form.cleaned_data)
        instelling = velden.pop("instelling")
        try:
            contract = services.contract_aanmaken(actor=actor, instelling=instelling, **velden)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Het contract is vastgelegd."))
            return redirect("taalaanbieders:contract", uuid=contract.uuid)
    return render(
        request,
        "taalaanbieders/formulier.html",
        {"form": form, "titel": _("Nieuw contract met een taalaanbieder"), "breed": True},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.CONTRACTEN_LEZEN)
def contract_detail(request, uuid):
    actor = actor_uit_request(request)
    contract = selectors.contract_get(actor=actor, uuid=uuid)
    benutting = next(b for b in selectors.contract_benutting(actor=actor) if b.contract == contract)
    return render(request, "taalaanbieders/contract.html", {"contract": contract, "b": benutting})


@recht_vereist(Recht.VERWIJZEN)
def verwijzen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    vandaag = timezone.localdate()
    contracten = selectors.contracten_voor_verwijzing(actor=actor, op=vandaag)
    pip = bronnen.huidige_pip(inburgeraar.dossier)
    form = VerwijzingForm(request.POST or None, contracten=contracten)
    if request.method == "POST" and form.is_valid():
        try:
            services.verwijzen(actor=actor, inburgeraar=inburgeraar, **form.cleaned_data)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                _("%(naam)s is verwezen. De school ziet alleen de verwijsgegevens.")
                % {"naam": inburgeraar.volledige_naam},
            )
            return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    else:
        with transaction.atomic():
            verwerkingen_vastleggen(
                actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
            )
    starttermijn = (
        aanbod_starttermijn(pip.dagtekening, Leerroute(pip.leerroute))
        if pip and pip.leerroute
        else None
    )
    return render(
        request,
        "taalaanbieders/verwijzen.html",
        {
            "form": form,
            "inburgeraar": inburgeraar,
            "pip": pip,
            "starttermijn": starttermijn,
            "pip_route": dict(LEERROUTES).get(pip.leerroute) if pip else None,
            "geen_contracten": not contracten,
        },
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
def eigen_cursus(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = EigenCursusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.eigen_cursus_vastleggen(
                actor=actor, inburgeraar=inburgeraar, **form.cleaned_data
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De school is vastgelegd."))
            return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    elif request.method == "GET":
        with transaction.atomic():
            verwerkingen_vastleggen(
                actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
            )
    return render(
        request,
        "taalaanbieders/formulier.html",
        {
            "form": form,
            "titel": _("Zelf gekozen cursus van %(naam)s") % {"naam": inburgeraar.volledige_naam},
            "terug": inburgeraar,
        },
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def aandachtspunten(request):
    actor = actor_uit_request(request)
    punten = list(selectors.aandachtspunt_list(actor=actor)[:200])
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.LIJST,
            pseudoniemen=[p.dossier.inburgeraar.pseudoniem for p in punten],
        )
    return render(request, "taalaanbieders/aandachtspunten.html", {"punten": punten})


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def aandachtspunt_afhandelen(request, uuid):
    actor = actor_uit_request(request)
    punt = selectors.aandachtspunt_get(actor=actor, uuid=uuid)
    services.aandachtspunt_afhandelen(actor=actor, aandachtspunt=punt)
    messages.success(request, _("Het aandachtspunt is afgehandeld."))
    terug = request.POST.get("terug")
    if terug == "dossier":
        return redirect("inburgeraars:detail", uuid=punt.dossier.inburgeraar.uuid)
    return redirect("taalaanbieders:aandachtspunten")
