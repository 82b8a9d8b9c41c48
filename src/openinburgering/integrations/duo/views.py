"""Pages of the DUO integration: beheer (no personal data), the Portal worklist and work items."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.ui.permissions import recht_vereist

from . import bezorging, selectors, services, tasks
from .meldingen import invoerwaarden
from .models import NotificatieStatus, UitgaandStatus, WerkitemSoort

AANDACHT_NOTIFICATIES = [
    NotificatieStatus.ONBEKEND,
    NotificatieStatus.MISLUKT,
    NotificatieStatus.OPNIEUW,
    NotificatieStatus.ONTVANGEN,
]
LIMIET = 50


@recht_vereist(Recht.KOPPELING_BEHEREN)
def beheer(request):
    actor = actor_uit_request(request)
    status = request.GET.get("status", "")
    if status not in NotificatieStatus.values:
        status = ""
    notificaties = selectors.notificatie_list(actor=actor, status=status)
    if not status:
        notificaties = notificaties.filter(status__in=AANDACHT_NOTIFICATIES)
    context = {
        "notificatie_tellingen": selectors.notificatie_tellingen(actor=actor),
        "notificatie_statussen": NotificatieStatus,
        "gekozen_status": status,
        "notificaties": notificaties[:LIMIET],
        "incidenten": selectors.incident_list(actor=actor)[:LIMIET],
        "uitgaand_tellingen": selectors.uitgaand_tellingen(actor=actor),
        "uitgaand_statussen": UitgaandStatus,
        "problemen": selectors.uitgaand_list(
            actor=actor, statussen=[UitgaandStatus.DOOD, UitgaandStatus.AFGEWEZEN]
        )[:LIMIET],
        "wachtend": selectors.uitgaand_list(
            actor=actor, statussen=[UitgaandStatus.WACHTEND]
        ).order_by("volgende_poging_op", "id")[:LIMIET],
        "afstemmingen": selectors.afstemming_list(actor=actor),
        "portal": actor.gemeente.koppeling == "portal",
    }
    return render(request, "duo/beheer.html", context)


@recht_vereist(Recht.KOPPELING_BEHEREN)
@require_POST
def opnieuw_aanbieden(request, uuid):
    actor = actor_uit_request(request)
    bericht = selectors.uitgaand_get(actor=actor, uuid=uuid)
    try:
        bezorging.opnieuw_aanbieden(actor=actor, bericht=bericht)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Het bericht wordt opnieuw aan DUO aangeboden."))
    return redirect("duo:beheer")


@recht_vereist(Recht.KOPPELING_BEHEREN)
@require_POST
def incident_afhandelen(request, uuid):
    actor = actor_uit_request(request)
    services.incident_afhandelen(
        actor=actor, incident=selectors.incident_get(actor=actor, uuid=uuid)
    )
    messages.success(request, _("Het incident is als afgehandeld gemarkeerd."))
    return redirect("duo:beheer")


@recht_vereist(Recht.KOPPELING_BEHEREN)
@require_POST
def afstemmen(request):
    actor = actor_uit_request(request)
    gemeente_id, door = actor.gemeente.pk, actor.label
    transaction.on_commit(lambda: tasks.afstemmen.enqueue(gemeente_id, door))
    messages.success(
        request,
        _("De afstemming met DUO is gestart. Verschillen verschijnen als werkitem op het dossier."),
    )
    return redirect("duo:beheer")


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def portal(request):
    """Messages to enter by hand in DUO's Portal Inburgering, with values to copy."""
    actor = actor_uit_request(request)
    berichten = list(selectors.portal_list(actor=actor)[:LIMIET])
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.LIJST,
            pseudoniemen=[b.pseudoniem for b in berichten if b.pseudoniem],
        )
    rijen = [{"bericht": b, "waarden": invoerwaarden(b)} for b in berichten]
    return render(
        request,
        "duo/portal.html",
        {"rijen": rijen, "mag_invoeren": actor.mag(Recht.INBURGERAAR_WIJZIGEN)},
    )


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
@require_POST
def portal_ingevoerd(request, uuid):
    actor = actor_uit_request(request)
    bericht = selectors.uitgaand_get(actor=actor, uuid=uuid)
    try:
        bezorging.portal_ingevoerd(actor=actor, bericht=bericht)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Gemarkeerd als ingevoerd in het Portal Inburgering."))
    return redirect("duo:portal")


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def werkitems(request):
    """Open work items from the DUO exchange, also those without a dossier."""
    actor = actor_uit_request(request)
    items = list(selectors.werkitem_list(actor=actor)[:200])
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.LIJST,
            pseudoniemen=[
                i.dossier.inburgeraar.pseudoniem if i.dossier_id else i.pseudoniem
                for i in items
                if i.dossier_id or i.pseudoniem
            ],
        )
    return render(
        request,
        "duo/werkitems.html",
        {
            "items": items,
            "onbekend": WerkitemSoort.PERSOON_ONBEKEND,
            "mag_afhandelen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
        },
    )


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
@require_POST
def werkitem_afhandelen(request, uuid):
    actor = actor_uit_request(request)
    werkitem = selectors.werkitem_get(actor=actor, uuid=uuid)
    try:
        services.werkitem_afhandelen(
            actor=actor,
            werkitem=werkitem,
            afhandeling=request.POST.get("afhandeling", "").strip()[:2000],
        )
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Het werkitem is afgehandeld."))
    volgende = request.POST.get("volgende", "")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(volgende)
    return redirect(reverse("duo:werkitems"))
