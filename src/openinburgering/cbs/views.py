"""The CBS delivery pages: the quarter's deadline and the deliveries, one delivery with its
progress, check report, file and record (ADR 0070)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.gemeenten.models import Gemeente
from openinburgering.regels.statistiek import cbs_aanlevertermijn, kwartaal_van, vorig_kwartaal

from . import controle, selectors, services
from .forms import AangeleverdForm, AanvraagForm
from .models import LeveringStatus

#: Where a finding is fixed: the dossier's pages, by the person's uuid (never a BSN).
PAGINAS = {
    "dossier": "inburgeraars:detail",
    "intake": "intake:intake",
    "pip": "pip:overzicht",
    "traject": "traject:overzicht",
}
#: How many quarters back the form offers (a correction of an older one starts from its row).
KWARTALEN_TERUG = 4


def _kwartalen(vandaag):
    jaar, kwartaal = vorig_kwartaal(vandaag)
    uit = []
    for _i in range(KWARTALEN_TERUG):
        uit.append((jaar, kwartaal))
        jaar, kwartaal = (jaar - 1, 4) if kwartaal == 1 else (jaar, kwartaal - 1)
    return uit


def _aanvraagform(request, data=None):
    gemeenten = services.gemeenten_voor(user=request.user)
    return AanvraagForm(
        data,
        kwartalen=_kwartalen(timezone.localdate()),
        gemeenten=Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten]).order_by("naam"),
        initial={"gemeenten": [request.gemeente.pk]},
    )


@recht_vereist(Recht.CBS_AANLEVEREN)
def overzicht(request):
    form = _aanvraagform(request)
    status = 200
    if request.method == "POST":
        form = _aanvraagform(request, request.POST)
        if form.is_valid():
            jaar, kwartaal = form.jaar_kwartaal()
            try:
                levering = services.levering_aanvragen(
                    actor=actor_uit_request(request),
                    gemeenten=list(form.cleaned_data["gemeenten"]),
                    jaar=jaar,
                    kwartaal=kwartaal,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("cbs:levering", uuid=levering.uuid)
        status = 400
    vandaag = timezone.localdate()
    # The quarter due now (R80): the last finished one while its term runs, else the current one.
    termijn = cbs_aanlevertermijn(*vorig_kwartaal(vandaag))
    if termijn.verstreken(vandaag):
        termijn = cbs_aanlevertermijn(*kwartaal_van(vandaag))
    jaar, kwartaal = vorig_kwartaal(vandaag)
    vorige_aangeleverd = selectors.aangeleverd(
        gemeente=request.gemeente, jaar=jaar, kwartaal=kwartaal
    )
    return render(
        request,
        "cbs/overzicht.html",
        {
            "form": form,
            "leveringen": list(selectors.levering_list(gemeente=request.gemeente)[:100]),
            "termijn": termijn,
            "dagen_resterend": termijn.dagen_resterend(vandaag),
            "vorig": {"jaar": jaar, "kwartaal": kwartaal, "levering": vorige_aangeleverd},
            "taal_en": get_language() == "en",
        },
        status=status,
    )


def _rapport(levering):
    """The stored check report with texts in the reader's language and links to fix each."""
    return [
        {
            "nummer": rij["nummer"],
            "gemeente": rij["gemeente"],
            "bevindingen": [
                {
                    "tekst": controle.tekst(b["code"]),
                    "categorie": controle.CATEGORIE_LABELS.get(b["categorie"], b["categorie"]),
                    "regel": b["regel"],
                    "url": reverse(PAGINAS[b["pagina"]], kwargs={"uuid": rij["inburgeraar"]}),
                }
                for b in rij["bevindingen"]
            ],
        }
        for rij in levering.controle
    ]


@recht_vereist(Recht.CBS_AANLEVEREN)
def levering(request, uuid, form=None, status=200):
    gevonden = selectors.levering_get(gemeente=request.gemeente, uuid=uuid)
    onderbroken = services.afgebroken(gevonden)
    bezig = gevonden.status in (LeveringStatus.WACHT, LeveringStatus.BEZIG) and not onderbroken
    context = {
        "afgebroken": onderbroken,
        "levering": gevonden,
        "bezig": bezig,
        "termijn": cbs_aanlevertermijn(gevonden.jaar, gevonden.kwartaal),
        "rapport": [] if bezig or onderbroken else _rapport(gevonden),
        "form": form or AangeleverdForm(),
        "gemeenten": sorted(gevonden.gemeenten.all(), key=lambda g: g.code),
    }
    if request.htmx:
        return render(request, "cbs/levering.html#status", context)
    return render(request, "cbs/levering.html", context, status=status)


@recht_vereist(Recht.CBS_AANLEVEREN)
def download(request, uuid):
    gevonden = selectors.levering_get(gemeente=request.gemeente, uuid=uuid)
    try:
        inhoud = services.bestand_downloaden(actor=actor_uit_request(request), levering=gevonden)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("cbs:levering", uuid=gevonden.uuid)
    response = HttpResponse(inhoud, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{gevonden.bestandsnaam}"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@recht_vereist(Recht.CBS_AANLEVEREN)
def aangeleverd(request, uuid):
    gevonden = selectors.levering_get(gemeente=request.gemeente, uuid=uuid)
    form = AangeleverdForm(request.POST)
    if form.is_valid():
        try:
            services.aangeleverd_vastleggen(
                actor=actor_uit_request(request),
                levering=gevonden,
                aangeleverd_op=form.cleaned_data["aangeleverd_op"],
                kenmerk_cbs=form.cleaned_data["kenmerk_cbs"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for veld, fouten in exc.message_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("De levering aan het CBS is vastgelegd."))
            return redirect("cbs:levering", uuid=gevonden.uuid)
    return levering(request, uuid, form=form, status=400)


@require_POST
@recht_vereist(Recht.CBS_AANLEVEREN)
def correctie(request, uuid):
    gevonden = selectors.levering_get(gemeente=request.gemeente, uuid=uuid)
    try:
        nieuw = services.levering_aanvragen(
            actor=actor_uit_request(request),
            gemeenten=[],
            jaar=gevonden.jaar,
            kwartaal=gevonden.kwartaal,
            vervangt=gevonden,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("cbs:levering", uuid=gevonden.uuid)
    return redirect("cbs:levering", uuid=nieuw.uuid)
