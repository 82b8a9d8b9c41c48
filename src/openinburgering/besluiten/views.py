"""The decision page: what was decided, until when bezwaar is possible, and every bezwaar."""

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
from openinburgering.accounts.rollen import RECHT_OMSCHRIJVING, Recht, Rol
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.termijnen import R23, R67

from . import selectors, services, soorten
from .forms import BezwaarBeslissenForm, BezwaarForm
from .workflow import BezwaarUitkomst


def _geen_recht(request, recht: Recht):
    reden = _("Uw rol ‘%(rol)s’ heeft niet het recht ‘%(recht)s’.") % {
        "rol": Rol(request.rol).label,
        "recht": RECHT_OMSCHRIJVING[recht],
    }
    return render(request, "ui/geen_toegang.html", {"reden": reden}, status=403)


def _context(actor, beschikking, **extra):
    bezwaren = list(beschikking.bezwaren.all())
    for b in bezwaren:
        # One decision form per open bezwaar, each with its own element ids.
        b.beslis_form = BezwaarBeslissenForm(
            prefix="beslis", auto_id=f"id_{b.pk}_%s", initial={"beslist_op": timezone.localdate()}
        )
    return {
        "beschikking": beschikking,
        "inburgeraar": beschikking.dossier.inburgeraar,
        "bezwaren": bezwaren,
        "verwijzing": soorten.verwijzing(beschikking),
        "r23": R23,
        "r67": R67,
        "mag_registreren": actor.mag(services.RECHT_REGISTREREN[beschikking.soort]),
        "mag_beslissen": actor.mag(services.RECHT_BESLISSEN[beschikking.soort]),
        "bezwaar_form": extra.pop("bezwaar_form", None) or BezwaarForm(prefix="bezwaar"),
        "open": BezwaarUitkomst.OPEN,
        **extra,
    }


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def beschikking(request, uuid):
    actor = actor_uit_request(request)
    beschikking = selectors.beschikking_get(actor=actor, uuid=uuid)
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.INZIEN,
            pseudoniemen=[beschikking.dossier.inburgeraar.pseudoniem],
        )
    return render(request, "besluiten/beschikking.html", _context(actor, beschikking))


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def bezwaar(request, uuid):
    """A bezwaar is handled on its decision's page (the work item links here)."""
    actor = actor_uit_request(request)
    bezwaar = selectors.bezwaar_get(actor=actor, uuid=uuid)
    return redirect("besluiten:beschikking", uuid=bezwaar.beschikking.uuid)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def bezwaar_registreren(request, uuid):
    actor = actor_uit_request(request)
    beschikking = selectors.beschikking_get(actor=actor, uuid=uuid)
    recht = services.RECHT_REGISTREREN[beschikking.soort]
    if not actor.mag(recht):
        return _geen_recht(request, recht)
    form = BezwaarForm(request.POST, prefix="bezwaar")
    if form.is_valid():
        try:
            services.bezwaar_registreren(actor=actor, beschikking=beschikking, **form.cleaned_data)
        except Geweigerd as exc:
            form.add_error(exc.veld if exc.veld in form.fields else None, exc.message)
        else:
            messages.success(request, _("Het bezwaar is geregistreerd."))
            return redirect("besluiten:beschikking", uuid=beschikking.uuid)
    beschikking = selectors.beschikking_get(actor=actor, uuid=uuid)
    context = _context(actor, beschikking, bezwaar_form=form)
    return render(request, "besluiten/beschikking.html", context, status=400)


def _bezwaar_actie(request, uuid, actie):
    actor = actor_uit_request(request)
    bezwaar = selectors.bezwaar_get(actor=actor, uuid=uuid)
    recht = services.RECHT_BESLISSEN[bezwaar.beschikking.soort]
    if not actor.mag(recht):
        return _geen_recht(request, recht)
    actie(actor, bezwaar)
    return redirect("besluiten:beschikking", uuid=bezwaar.beschikking.uuid)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def bezwaar_beslissen(request, uuid):
    def beslissen(actor, bezwaar):
        form = BezwaarBeslissenForm(request.POST, prefix="beslis")
        if not form.is_valid():
            messages.error(request, _("Kies een uitkomst en een geldige datum."))
            return
        try:
            services.bezwaar_beslissen(actor=actor, bezwaar=bezwaar, **form.cleaned_data)
        except (Geweigerd, Conflict) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("De beslissing op het bezwaar is vastgelegd."))

    return _bezwaar_actie(request, uuid, beslissen)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def bezwaar_verdagen(request, uuid):
    def verdagen(actor, bezwaar):
        try:
            bezwaar = services.bezwaar_verdagen(
                actor=actor, bezwaar=bezwaar, adres_bevestigd=brieven.adres_bevestigd(request.POST)
            )
        except (Geweigerd, Conflict) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("De beslissing is verdaagd. Beslis uiterlijk op %(d)s.")
                % {"d": bezwaar.beslissen_uiterlijk.strftime("%d-%m-%Y")},
            )

    return _bezwaar_actie(request, uuid, verdagen)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def verdagingsbrief(request, uuid):
    """The letter that told the objector of the postponement (Awb 7:10 lid 3)."""
    actor = actor_uit_request(request)
    bezwaar = selectors.bezwaar_get(actor=actor, uuid=uuid)
    if not bezwaar.verdaging_brief_pad:
        raise Http404
    antwoord = brieven.als_download(
        bezwaar.verdaging_brief_pad, bestandsnaam="verdaging-bezwaar.pdf"
    )
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.INZIEN,
            pseudoniemen=[bezwaar.beschikking.dossier.inburgeraar.pseudoniem],
        )
    return antwoord
