from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.brieven import samenvattingen
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.regels import schendingen_weergave
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.termijnen import inburgeringstermijn

from . import selectors, services
from .forms import (
    GesprekForm,
    GesprekPlannenForm,
    NieuwPipForm,
    PipForm,
)
from .models import PipStatus, PipVersie, Samenvattingstaal, Wijzigingsreden


def _log(actor, inburgeraar, activiteit=Activiteit.INZIEN):
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor, activiteit=activiteit, pseudoniemen=[inburgeraar.pseudoniem]
        )


def _overzicht_context(actor, inburgeraar, **extra):
    dossier = inburgeraar.dossier
    versies = selectors.pip_list(dossier=dossier)
    geldend = next((v for v in versies if v.status == PipStatus.VASTGESTELD), None)
    concept = next((v for v in versies if v.status == PipStatus.CONCEPT), None)
    dagtekeningen = [v.dagtekening for v in versies if v.status != PipStatus.CONCEPT]
    redenen = (
        [c for c in Wijzigingsreden.choices if c[0] != Wijzigingsreden.EERSTE]
        if geldend
        else [c for c in Wijzigingsreden.choices if c[0] in ("eerste", "verhuizing")]
    )
    nieuw_form = NieuwPipForm()
    nieuw_form.fields["reden"].choices = redenen
    return {
        "inburgeraar": inburgeraar,
        "dossier": dossier,
        "versies": versies,
        "geldend": geldend,
        "concept": concept,
        "termijn": inburgeringstermijn(dagtekeningen),
        "nieuw_form": nieuw_form,
        "gesprekken": selectors.gesprek_list(dossier=dossier),
        "plan_form": GesprekPlannenForm(),
        "mag_pip": actor.mag(Recht.PIP_VASTSTELLEN),
        **extra,
    }


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def overzicht(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    _log(actor, inburgeraar)
    return render(request, "pip/overzicht.html", _overzicht_context(actor, inburgeraar))


@recht_vereist(Recht.PIP_VASTSTELLEN)
@require_POST
def nieuw(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = NieuwPipForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies de soort PIP."))
        return redirect("pip:overzicht", uuid=inburgeraar.uuid)
    try:
        pip = services.pip_concept_aanmaken(
            actor=actor, dossier=inburgeraar.dossier, reden=form.cleaned_data["reden"]
        )
    except Geweigerd as exc:
        messages.error(request, exc.message)
        return redirect("pip:overzicht", uuid=inburgeraar.uuid)
    messages.success(request, _("Het concept-PIP is aangemaakt."))
    return redirect("pip:bewerken", uuid=pip.uuid)


def _bewerken_context(actor, pip, form):
    vandaag = timezone.localdate()
    return {
        "pip": pip,
        "inburgeraar": pip.dossier.inburgeraar,
        "form": form,
        "schendingen": schendingen_weergave(services.toets(pip, peildatum=vandaag)),
        "advies": _advies(pip),
        "samenvattingstaal": Samenvattingstaal(
            samenvattingen.samenvattingstaal(pip.dossier.inburgeraar.talen)
        ).label,
    }


def _advies(pip):
    from openinburgering.intake.models import BredeIntake
    from openinburgering.intake.services import leerroute_advies

    intake = BredeIntake.objects.filter(dossier=pip.dossier).first()
    return leerroute_advies(intake) if intake else None


@recht_vereist(Recht.PIP_VASTSTELLEN)
def bewerken(request, uuid):
    actor = actor_uit_request(request)
    pip = selectors.pip_get(actor=actor, uuid=uuid)
    if pip.status != PipStatus.CONCEPT:
        return redirect("pip:overzicht", uuid=pip.dossier.inburgeraar.uuid)
    if request.method == "POST":
        opgeslagen = PipVersie.objects.get(pk=pip.pk)
        form = PipForm(request.POST, instance=pip)
        if form.is_valid():
            velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
            try:
                services.pip_concept_opslaan(
                    actor=actor, pip=opgeslagen, versie=form.cleaned_data["versie"], **velden
                )
            except Conflict as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Het concept is opgeslagen."))
                return redirect("pip:bewerken", uuid=pip.uuid)
        context = _bewerken_context(actor, pip, form)
        return render(request, "pip/bewerken.html", context, status=400)
    _log(actor, pip.dossier.inburgeraar)
    form = PipForm(instance=pip, initial={"versie": pip.versie})
    return render(request, "pip/bewerken.html", _bewerken_context(actor, pip, form))


@recht_vereist(Recht.PIP_VASTSTELLEN)
@require_POST
def valideren(request, uuid):
    """htmx: check the draft as typed (unsaved) against regels; returns the violations partial."""
    actor = actor_uit_request(request)
    pip = selectors.pip_get(actor=actor, uuid=uuid)
    form = PipForm(request.POST, instance=pip)
    form.is_valid()  # fills the instance with what parsed; shape errors are shown on save
    return render(
        request,
        "pip/bewerken.html#toets",
        {"schendingen": schendingen_weergave(services.toets(pip)), "form": form},
    )


@recht_vereist(Recht.PIP_VASTSTELLEN)
@require_POST
def vaststellen(request, uuid):
    actor = actor_uit_request(request)
    pip = selectors.pip_get(actor=actor, uuid=uuid)
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        versie = None
    try:
        services.pip_vaststellen(
            actor=actor,
            pip=pip,
            versie=versie,
            adres_bevestigd=brieven.adres_bevestigd(request.POST),
        )
    except RegelsGeschonden as exc:
        form = PipForm(instance=pip, initial={"versie": pip.versie})
        context = _bewerken_context(actor, pip, form)
        context["schendingen"] = schendingen_weergave(exc.uitkomst)
        context["vaststellen_geweigerd"] = True
        return render(request, "pip/bewerken.html", context, status=400)
    except (Conflict, Geweigerd) as exc:
        messages.error(request, exc.message)
        return redirect("pip:bewerken", uuid=pip.uuid)
    messages.success(
        request, _("Het PIP is vastgesteld. De beschikking staat klaar om te downloaden.")
    )
    return redirect("pip:overzicht", uuid=pip.dossier.inburgeraar.uuid)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def beschikking(request, uuid):
    actor = actor_uit_request(request)
    pip = selectors.pip_get(actor=actor, uuid=uuid)
    if not pip.beschikking_pad:
        raise Http404
    antwoord = brieven.als_download(
        pip.beschikking_pad, bestandsnaam=f"beschikking-pip-{pip.volgnummer}.pdf"
    )
    _log(actor, pip.dossier.inburgeraar, Activiteit.EXPORTEREN)
    return antwoord


@recht_vereist(Recht.INTAKE_VOEREN)
def gesprek(request, uuid):
    actor = actor_uit_request(request)
    gesprek = selectors.gesprek_get(actor=actor, uuid=uuid)
    inburgeraar = gesprek.dossier.inburgeraar
    form = GesprekForm(
        request.POST or None,
        initial={"versie": gesprek.versie, "gevoerd_op": timezone.localdate()},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
            try:
                services.gesprek_vastleggen(
                    actor=actor, gesprek=gesprek, versie=form.cleaned_data["versie"], **data
                )
            except (Geweigerd, Conflict) as exc:
                form.add_error(getattr(exc, "veld", None), exc.message)
            else:
                messages.success(request, _("Het gesprek is vastgelegd."))
                return redirect("pip:overzicht", uuid=inburgeraar.uuid)
        status = 400
    else:
        _log(actor, inburgeraar)
    return render(
        request,
        "pip/gesprek.html",
        {"gesprek": gesprek, "inburgeraar": inburgeraar, "form": form},
        status=status,
    )


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def gesprek_plannen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = GesprekPlannenForm(request.POST)
    if form.is_valid():
        try:
            services.gesprek_plannen(
                actor=actor, dossier=inburgeraar.dossier, gepland_op=form.cleaned_data["gepland_op"]
            )
        except Geweigerd as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Het gesprek is gepland."))
    else:
        messages.error(request, _("Vul een geldige datum in, bijvoorbeeld 31-12-2026."))
    return redirect("pip:overzicht", uuid=inburgeraar.uuid)


@recht_vereist(Recht.INTAKE_VOEREN)
def agenda(request):
    actor = actor_uit_request(request)
    vandaag = timezone.localdate()
    team = request.GET.get("wie") == "team"
    gesprekken = list(
        selectors.agenda(actor=actor, vanaf=vandaag - timedelta(days=30), alleen_eigen=not team)[
            :200
        ]
    )
    _log_lijst(actor, [g.dossier.inburgeraar for g in gesprekken])
    return render(
        request,
        "pip/agenda.html",
        {"gesprekken": gesprekken, "team": team, "vandaag": vandaag},
    )


def _log_lijst(actor, inburgeraars):
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.LIJST,
            pseudoniemen=[i.pseudoniem for i in inburgeraars],
        )
