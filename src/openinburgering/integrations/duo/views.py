"""Pages of the DUO integration: beheer (no personal data), the Portal worklist, work items and
the gemeente's contact persons at DUO (with linking them on the dossier)."""

from django.contrib import messages
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
from openinburgering.core.http import geldige_uuids, terug_naar
from openinburgering.core.pagination import keyset_pagina
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import besluiten, bezorging, meldingen, selectors, services, tasks
from .forms import ContactpersoonForm
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
        "mag_contactpersonen": actor.mag(Recht.CONTACTPERSONEN_BEHEREN),
        # The other systems' subscriptions to events (webhooks, ADR 0072) sit beside DUO's link.
        "mag_abonnementen": actor.mag(Recht.ABONNEMENTEN_BEHEREN),
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


@recht_vereist(Recht.KOPPELING_BEHEREN)
@require_POST
def inhalen(request):
    """Start a round catching up on events DUO recorded and never notified (ADR 0063)."""
    gemeente_id = actor_uit_request(request).gemeente.pk
    transaction.on_commit(lambda: tasks.gebeurtenissen_inhalen.enqueue(gemeente_id))
    messages.success(
        request,
        _(
            "Het inhalen is gestart. Wat DUO vastlegde maar niet meldde, komt in de inbox en "
            "wordt verwerkt als een notificatie."
        ),
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
            "mag_contactpersonen": actor.mag(Recht.CONTACTPERSONEN_BEHEREN),
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
    return terug_naar(request, "duo:werkitems")


# --- contact persons at DUO (staff details; linking touches the inburgeraar) ------------------


@recht_vereist(Recht.CONTACTPERSONEN_BEHEREN)
def contactpersonen(request):
    """The gemeente's contact persons at DUO, newest first, a page at a time (keyset)."""
    actor = actor_uit_request(request)
    pagina = keyset_pagina(
        selectors.contactpersoon_list(actor=actor),
        na=request.GET.get("na"),
        voor=request.GET.get("voor"),
    )
    return render(request, "duo/contactpersonen.html", {"pagina": pagina})


@recht_vereist(Recht.CONTACTPERSONEN_BEHEREN)
def contactpersoon_aanmaken(request):
    actor = actor_uit_request(request)
    form = ContactpersoonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meldingen.contactpersoon_aanmaken(
                actor=actor,
                naam=form.cleaned_data["naam"],
                email=form.cleaned_data["email"],
                telefoonnummer=form.cleaned_data["telefoonnummer"],
            )
        except Geweigerd as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request, _("De contactpersoon is aangemaakt en wordt aan DUO doorgegeven.")
            )
            return redirect("duo:contactpersonen")
    return render(
        request,
        "duo/contactpersoon_formulier.html",
        {"form": form, "titel": _("Nieuwe contactpersoon")},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.CONTACTPERSONEN_BEHEREN)
def contactpersoon_wijzigen(request, uuid):
    actor = actor_uit_request(request)
    contactpersoon = selectors.contactpersoon_get(actor=actor, uuid=uuid)
    form = ContactpersoonForm(
        request.POST if request.method == "POST" else None,
        initial={
            "naam": contactpersoon.naam,
            "email": contactpersoon.email,
            "telefoonnummer": contactpersoon.telefoonnummer,
            "versie": contactpersoon.versie,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            meldingen.contactpersoon_wijzigen(
                actor=actor,
                contactpersoon=contactpersoon,
                naam=form.cleaned_data["naam"],
                email=form.cleaned_data["email"],
                telefoonnummer=form.cleaned_data["telefoonnummer"],
                versie=form.cleaned_data["versie"],
            )
        except Conflict as exc:
            form.add_error(None, exc.message)
        except Geweigerd as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request, _("De contactpersoon is gewijzigd en wordt aan DUO doorgegeven.")
            )
            return redirect("duo:contactpersonen")
    return render(
        request,
        "duo/contactpersoon_formulier.html",
        {"form": form, "titel": _("Contactpersoon wijzigen"), "contactpersoon": contactpersoon},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.CONTACTPERSONEN_BEHEREN)
def contactpersoon_verwijderen(request, uuid):
    """Ask first (the contact person's links go too, R48); then delete here and at DUO."""
    actor = actor_uit_request(request)
    contactpersoon = selectors.contactpersoon_get(actor=actor, uuid=uuid)
    if request.method == "POST":
        try:
            versie = int(request.POST.get("versie", ""))
        except ValueError:
            versie = None
        try:
            meldingen.contactpersoon_verwijderen(
                actor=actor, contactpersoon=contactpersoon, versie=versie
            )
        except (Conflict, Geweigerd) as exc:
            messages.error(request, exc.message)
            return redirect("duo:contactpersoon_verwijderen", uuid=contactpersoon.uuid)
        messages.success(
            request,
            _(
                "De contactpersoon is verwijderd, ook bij de inburgeraars aan wie hij gekoppeld "
                "was. DUO krijgt dit door."
            ),
        )
        return redirect("duo:contactpersonen")
    return render(
        request,
        "duo/contactpersoon_verwijderen.html",
        {
            "contactpersoon": contactpersoon,
            "aantal_gekoppeld": contactpersoon.koppelingen.count(),
        },
    )


@recht_vereist(Recht.CONTACTPERSOON_KOPPELEN)
@require_POST
def contactpersoon_koppelen(request, uuid):
    """On the dossier: link one of the gemeente's contact persons (replaces the current one)."""
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    gekozen = request.POST.get("contactpersoon", "")
    if not gekozen:
        messages.error(request, _("Kies een contactpersoon."))
        return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    # A tampered value that is no UUID names no contact person: 404, as an unknown UUID does
    # (it reached the database as a lookup and failed there as a 500; issue 15).
    if not geldige_uuids([gekozen]):
        raise Http404
    contactpersoon = selectors.contactpersoon_get(actor=actor, uuid=gekozen)
    try:
        meldingen.contactpersoon_koppelen(
            actor=actor, contactpersoon=contactpersoon, inburgeraar=inburgeraar
        )
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(naam)s is nu de contactpersoon; DUO krijgt dit door.")
            % {"naam": contactpersoon.naam},
        )
    return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)


@recht_vereist(Recht.CONTACTPERSOON_KOPPELEN)
@require_POST
def contactpersoon_ontkoppelen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    contactpersoon = selectors.contactpersoon_van_inburgeraar(actor=actor, inburgeraar=inburgeraar)
    if contactpersoon is None:
        messages.error(request, _("Er is geen contactpersoon gekoppeld."))
        return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    try:
        meldingen.contactpersoon_ontkoppelen(
            actor=actor, contactpersoon=contactpersoon, inburgeraar=inburgeraar
        )
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De contactpersoon is ontkoppeld; DUO krijgt dit door."))
    return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
@require_POST
def besluiten_ophalen(request, uuid):
    """On the dossier: ask DUO now for the extension requests, fines and term (ADR 0064)."""
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    try:
        resultaat = besluiten.ophalen(actor=actor, inburgeraar=inburgeraar)
    except besluiten.Ophaalfout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(
            request,
            _(
                "Opgehaald bij DUO: %(verlengingen)s verlengingsaanvragen en %(boetes)s boetes "
                "(%(nieuw)s nieuw)."
            )
            % {
                "verlengingen": resultaat.verlengingen,
                "boetes": resultaat.boetes,
                "nieuw": resultaat.nieuwe_boetes,
            },
        )
    return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
