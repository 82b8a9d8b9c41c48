import uuid as uuid_module

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core import brp
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.core.pagination import Pagina
from openinburgering.core.replica import leest_van_replica
from openinburgering.logboek.models import Activiteit, Doel
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import selectors, services
from .forms import BsnZoekForm, InburgeraarForm, NieuweInburgeraarForm, StatusForm, ZoekForm
from .kaarten import KaartVerzoek, kaarten_tonen
from .models import Dossier, Inburgeraar
from .workflow import Status

_NUL = str(uuid_module.UUID(int=0))
# The columns a caseload row shows (lijstrijen) and the processing log needs (pseudoniem).
LIJST_VELDEN = (
    "uuid",
    "pseudoniem",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "geboortedatum",
    "vnummer",
    "doelgroep",
    "regime",
    "dossier__status",
    "dossier__klantregisseur__first_name",
    "dossier__klantregisseur__last_name",
)


def lijstrijen(items) -> list[dict]:
    """The caseload's cells as text, worked out once per page instead of per row in the template.

    A ``{% url %}``, two choice labels and a date filter per row made most of the render time of
    a long page (ADR 0061). Dicts, because a template looks up a dict key before an attribute.
    """
    basis = reverse("inburgeraars:detail", kwargs={"uuid": _NUL})
    doelgroepen = {
        w: str(label) for w, label in Inburgeraar._meta.get_field("doelgroep").flatchoices
    }
    statussen = {w: str(label) for w, label in Dossier._meta.get_field("status").flatchoices}
    rijen = []
    for i in items:
        dossier = getattr(i, "dossier", None)
        status = dossier.status if dossier is not None else ""
        regisseur = dossier.klantregisseur if dossier is not None else None
        rijen.append(
            {
                "url": basis.replace(_NUL, str(i.uuid)),
                "naam": i.lijstnaam,
                "geboortedatum": i.geboortedatum.strftime("%d-%m-%Y") if i.geboortedatum else "–",
                "vnummer": i.vnummer or "–",
                "doelgroep": doelgroepen.get(i.doelgroep, i.doelgroep),
                "regime": i.regime,
                "status": status,
                "status_label": statussen.get(status, status),
                "klantregisseur": (regisseur.get_full_name() if regisseur else "") or "–",
            }
        )
    return rijen


# One caseload row. Written out here, not in the template: 25 to 100 rows of nine cells were
# 200 to 900 template variables, a quarter of a list request (ADR 0061). format_html escapes
# every value, as the template did.
_RIJ = (
    '<tr class="utrecht-table__row">'
    '<td class="utrecht-table__cell"><a class="utrecht-link" href="{url}">{naam}</a></td>'
    '<td class="utrecht-table__cell">{geboortedatum}</td>'
    '<td class="utrecht-table__cell">{vnummer}</td>'
    '<td class="utrecht-table__cell">{doelgroep}</td>'
    '<td class="utrecht-table__cell">{regime}</td>'
    '<td class="utrecht-table__cell">'
    '<span class="oi-status oi-status--{status}">{status_label}</span></td>'
    '<td class="utrecht-table__cell">{klantregisseur}</td>'
    "</tr>\n"
)


def tabelrijen(rijen: list[dict]) -> str:
    """The caseload's ``<tr>`` elements for :func:`lijstrijen`'s rows, as one safe string."""
    return mark_safe("".join(format_html(_RIJ, **rij) for rij in rijen))  # noqa: S308 - escaped


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@leest_van_replica
def lijst(request):
    actor = actor_uit_request(request)
    form = ZoekForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    pagina = selectors.inburgeraar_pagina(
        actor=actor,
        na=request.GET.get("na"),
        voor=request.GET.get("voor"),
        zoekterm=filters.get("zoek", ""),
        status=filters.get("status", ""),
        doelgroep=filters.get("doelgroep", ""),
        velden=LIJST_VELDEN,
    )
    # Outside a transaction the records join the request's one insert (logboek, ADR 0057).
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.ZOEKEN if filters.get("zoek") else Activiteit.LIJST,
        pseudoniemen=[i.pseudoniem for i in pagina.items],
    )
    querystring = request.GET.copy()
    querystring.pop("na", None)
    querystring.pop("voor", None)
    context = {
        "form": form,
        "bsn_form": BsnZoekForm(),
        "pagina": pagina,
        "rijen": tabelrijen(lijstrijen(pagina.items)),
        "querystring": querystring.urlencode(),
    }
    template = "inburgeraars/lijst.html#resultaten" if request.htmx else "inburgeraars/lijst.html"
    return render(request, template, context)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
@require_POST
def zoek_bsn(request):
    """Search by BSN is a POST, so the number never appears in a URL or an access log."""
    actor = actor_uit_request(request)
    bsn_form = BsnZoekForm(request.POST)
    if bsn_form.is_valid():
        gevonden = list(
            selectors.inburgeraar_zoek_bsn(actor=actor, bsn=bsn_form.cleaned_data["bsn"])
        )
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.ZOEKEN,
            pseudoniemen=[i.pseudoniem for i in gevonden],
        )
        if gevonden:
            return redirect("inburgeraars:detail", uuid=gevonden[0].uuid)
        bsn_form.add_error("bsn", _("Geen inburgeraar met dit BSN gevonden in deze gemeente."))
    pagina = Pagina(items=[], volgende=None, vorige=None)
    context = {
        "form": ZoekForm(),
        "bsn_form": bsn_form,
        "pagina": pagina,
        "rijen": [],
        "querystring": "",
    }
    return render(request, "inburgeraars/lijst.html", context, status=400)


@recht_vereist(Recht.PERSOONSGEGEVENS_LEZEN)
def detail(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
    dossier = inburgeraar.dossier
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    status_form = None
    if actor.mag(Recht.DOSSIER_STATUS_WIJZIGEN) and dossier.status != Status.AFGEROND:
        status_form = StatusForm(dossier=dossier, initial={"versie": dossier.versie})
    return render(
        request,
        "inburgeraars/detail.html",
        {
            "inburgeraar": inburgeraar,
            "dossier": dossier,
            "gebeurtenissen": selectors.gebeurtenis_list(dossier=dossier),
            # The other apps' cards, each from its own template (``kaarten``, ADR 0051).
            "kaarten": kaarten_tonen(
                KaartVerzoek(request=request, actor=actor, inburgeraar=inburgeraar, dossier=dossier)
            ),
            "status_form": status_form,
            "mag_wijzigen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
            # What the BRP last said (confidentiality, an address under investigation, death).
            "brp_aan": brp.aan(),
            "brp": brp.brp().stand(inburgeraar) if brp.aan() else None,
        },
    )


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
def aanmaken(request):
    actor = actor_uit_request(request)
    form = NieuweInburgeraarForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        velden = {k: v for k, v in form.cleaned_data.items() if k not in {"bsn", "versie"}}
        try:
            inburgeraar = services.inburgeraar_aanmaken(
                actor=actor, bsn=form.cleaned_data["bsn"], **velden
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De inburgeraar is aangemaakt."))
            if brp.aan():
                _uit_brp_ophalen(request, actor=actor, inburgeraar=inburgeraar)
            return HttpResponseRedirect(
                reverse("inburgeraars:detail", kwargs={"uuid": inburgeraar.uuid})
            )
    return render(
        request,
        "inburgeraars/formulier.html",
        {"form": form, "titel": _("Nieuwe inburgeraar")},
        status=400 if form.errors else 200,
    )


def _uit_brp_ophalen(request, *, actor, inburgeraar) -> None:
    """A person a caseworker created: the BRP's name, birth date and address replace what was
    typed (the BRP is the source). The person stays as saved when the BRP cannot answer."""
    try:
        velden = brp.brp().bijwerken(actor=actor, inburgeraar=inburgeraar, doel=Doel.AANMAKEN)
    except brp.BrpFout as fout:
        messages.warning(
            request,
            _(
                "De gegevens zijn opgeslagen zoals ingevoerd; de BRP gaf geen antwoord "
                "(%(fout)s). Haal ze later op met ‘Opnieuw ophalen uit de BRP’ op het dossier."
            )
            % {"fout": fout.melding},
        )
    else:
        if velden:
            messages.info(request, _("Naam, geboortedatum en adres zijn bijgewerkt uit de BRP."))


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
def wijzigen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = InburgeraarForm(
        request.POST or None, instance=inburgeraar, initial={"versie": inburgeraar.versie}
    )
    if request.method == "POST":
        # ModelForm validation writes into the instance; keep the stored values for the service.
        inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
        if form.is_valid():
            velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
            try:
                services.inburgeraar_wijzigen(
                    actor=actor,
                    inburgeraar=inburgeraar,
                    versie=form.cleaned_data.get("versie"),
                    **velden,
                )
            except (Conflict, ValidationError, Geweigerd) as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, _("De gegevens zijn opgeslagen."))
                return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    else:
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
        )
    return render(
        request,
        "inburgeraars/formulier.html",
        {"form": form, "titel": _("Gegevens wijzigen"), "inburgeraar": inburgeraar},
        status=400 if form.errors else 200,
    )


@recht_vereist(Recht.DOSSIER_STATUS_WIJZIGEN)
@require_POST
def status_wijzigen(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
    dossier = inburgeraar.dossier
    form = StatusForm(request.POST, dossier=dossier)
    if form.is_valid():
        try:
            services.dossier_status_wijzigen(
                actor=actor,
                dossier=dossier,
                naar=form.cleaned_data["status"],
                eindreden=form.cleaned_data["eindreden"],
                versie=form.cleaned_data["versie"],
            )
        except (Conflict, Geweigerd) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("De status is gewijzigd."))
    else:
        messages.error(request, " ".join(e for fouten in form.errors.values() for e in fouten))
    return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
