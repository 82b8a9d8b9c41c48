"""Pages for money: the budget per year, the cohorts, entering a grant, a person's bookings
(ADR 0082–0084). Thin: the numbers come from ``selectors``, the writes from ``services``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.cijfers.grafiek import Reeks, staven
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.taalaanbieders.models import Contract

from . import selectors, services
from .export import XLSX, werkboek
from .forms import BoekingForm, CorrectieForm, RijksbijdrageForm
from .models import BRONNEN, KOSTENSOORTEN
from .prognose import VENSTER_MAANDEN, euro
from .verantwoording import BEDRAG, indicatoren


def _jaar(request, vandaag) -> int:
    try:
        jaar = int(request.GET.get("jaar", vandaag.year))
    except ValueError:
        return vandaag.year
    return (
        jaar
        if services.EERSTE_JAAR <= jaar <= vandaag.year + services.JAREN_VOORUIT
        else (vandaag.year)
    )


def _bronrijen(overzicht):
    bronnen = dict(BRONNEN)
    return [
        {
            "bron": r.bron,
            "label": bronnen[r.bron],
            "bijdrage": euro(r.bijdrage_cent),
            "besteed": euro(r.besteed_cent),
            "saldo": euro(r.saldo_cent),
            "prognose": euro(r.prognose.bedrag_cent),
            "saldo_prognose": euro(r.saldo_prognose_cent),
            "tekort": r.saldo_prognose_cent < 0,
        }
        for r in overzicht.bronnen
    ]


def _grafiek(overzicht):
    bronnen = dict(BRONNEN)
    rijen = overzicht.bronnen
    return staven(
        id="budget",
        titel=_("Rijksbijdrage, besteed en prognose in %(jaar)s, per bron (euro)")
        % {"jaar": overzicht.jaar},
        uitleg=_(
            "Per bron drie staven: de rijksbijdrage, wat tot nu toe is besteed en de prognose "
            "voor het hele jaar. De tabel eronder heeft dezelfde bedragen."
        ),
        categorieen=[str(bronnen[r.bron]) for r in rijen],
        reeksen=[
            Reeks(
                _("Rijksbijdrage"),
                [r.bijdrage_cent / 100 for r in rijen],
                [euro(r.bijdrage_cent) for r in rijen],
            ),
            Reeks(
                _("Besteed"),
                [r.besteed_cent / 100 for r in rijen],
                [euro(r.besteed_cent) for r in rijen],
            ),
            Reeks(
                _("Prognose"),
                [r.prognose.bedrag_cent / 100 for r in rijen],
                [euro(r.prognose.bedrag_cent) for r in rijen],
            ),
        ],
    )


@recht_vereist(Recht.FINANCIEN_LEZEN)
def overzicht(request):
    vandaag = timezone.localdate()
    jaar = _jaar(request, vandaag)
    gegevens = selectors.jaaroverzicht(gemeente=request.gemeente, jaar=jaar, peildatum=vandaag)
    soorten = dict(KOSTENSOORTEN)
    bronnen = dict(BRONNEN)
    actor = actor_uit_request(request)
    return render(
        request,
        "financien/overzicht.html",
        {
            "jaar": jaar,
            "jaren": selectors.jaren(gemeente=request.gemeente, vandaag=vandaag),
            "overzicht": gegevens,
            "grafiek": _grafiek(gegevens),
            "bronrijen": _bronrijen(gegevens),
            "totaal": euro(gegevens.totaal_besteed_cent),
            "soortrijen": [
                {"bron": bronnen[b], "soort": soorten[s], "bedrag": euro(c)}
                for (b, s), c in sorted(gegevens.per_soort.items())
            ],
            "wi2013": {
                "statushouders": gegevens.wi2013_statushouders,
                "middelen": euro(gegevens.wi2013_middelen_cent),
                "besteed": euro(gegevens.bron("wi2013").besteed_cent),
                "bijdrage": euro(gegevens.bron("wi2013").bijdrage_cent),
                "besteed_totaal": euro(gegevens.wi2013_besteed_totaal_cent),
                "over": euro(gegevens.wi2013_middelen_cent - gegevens.wi2013_besteed_totaal_cent),
            },
            "indicatoren": [
                {
                    "code": i.code,
                    "omschrijving": i.omschrijving,
                    "waarde": euro(i.waarde) if i.soort == BEDRAG else i.waarde,
                    "regeling": i.regeling,
                }
                for i in indicatoren(gegevens)
            ],
            "venster_maanden": VENSTER_MAANDEN,
            "mag_vastleggen": actor.mag(Recht.RIJKSBIJDRAGEN_VASTLEGGEN),
            "mag_boeken": actor.mag(Recht.KOSTEN_BOEKEN),
        },
    )


@recht_vereist(Recht.FINANCIEN_LEZEN)
def cohorten(request):
    rijen = selectors.cohorten(gemeente=request.gemeente)
    met_jaar = [r for r in rijen if r.cohort is not None]
    grafiek = staven(
        id="cohorten",
        titel=_("Specifieke uitkering en besteding per cohort (euro)"),
        uitleg=_(
            "Per cohort (het jaar waarin de plicht begon) de specifieke uitkering van dat jaar "
            "en wat voor de inburgeraars van dat cohort is besteed. De tabel eronder heeft "
            "dezelfde bedragen."
        ),
        categorieen=[str(r.cohort) for r in met_jaar],
        reeksen=[
            Reeks(
                _("Specifieke uitkering"),
                [r.spuk_bijdrage_cent / 100 for r in met_jaar],
                [euro(r.spuk_bijdrage_cent) for r in met_jaar],
            ),
            Reeks(
                _("Besteed (alle bronnen)"),
                [r.totaal_cent / 100 for r in met_jaar],
                [euro(r.totaal_cent) for r in met_jaar],
            ),
        ],
    )
    return render(
        request,
        "financien/cohorten.html",
        {
            "mag_vastleggen": actor_uit_request(request).mag(Recht.RIJKSBIJDRAGEN_VASTLEGGEN),
            "grafiek": grafiek,
            "rijen": [
                {
                    "cohort": r.cohort,
                    "personen": r.personen,
                    "spuk_bijdrage": euro(r.spuk_bijdrage_cent),
                    "spuk_besteed": euro(r.spuk_besteed_cent),
                    "spuk_saldo": euro(r.spuk_saldo_cent),
                    "wi2013": euro(r.wi2013_besteed_cent),
                    "algemeen": euro(r.algemeen_besteed_cent),
                    "totaal": euro(r.totaal_cent),
                    "per_persoon": euro(r.per_persoon_cent),
                }
                for r in rijen
            ],
        },
    )


@recht_vereist(Recht.FINANCIEN_LEZEN)
def export(request):
    vandaag = timezone.localdate()
    jaar = _jaar(request, vandaag)
    gegevens = selectors.jaaroverzicht(gemeente=request.gemeente, jaar=jaar, peildatum=vandaag)
    inhoud = werkboek(gegevens, selectors.cohorten(gemeente=request.gemeente))
    antwoord = HttpResponse(inhoud, content_type=XLSX)
    antwoord["Content-Disposition"] = (
        f'attachment; filename="financien-{request.gemeente.code}-{jaar}.xlsx"'
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@recht_vereist(Recht.RIJKSBIJDRAGEN_VASTLEGGEN)
def bijdrage_vastleggen(request):
    vandaag = timezone.localdate()
    form = RijksbijdrageForm(initial={"jaar": vandaag.year})
    status = 200
    if request.method == "POST":
        form = RijksbijdrageForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                bijdrage = services.rijksbijdrage_vastleggen(
                    actor=actor_uit_request(request),
                    jaar=d["jaar"],
                    soort=d["soort"],
                    bedrag_cent=services.naar_cent(d["bedrag"]),
                    grondslag=d["grondslag"],
                    regeling=d["regeling"],
                    aantal_personen=d["aantal_personen"],
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request,
                    _("De rijksbijdrage voor %(jaar)s is vastgelegd: %(bedrag)s.")
                    % {"jaar": bijdrage.jaar, "bedrag": euro(bijdrage.bedrag_cent)},
                )
                return redirect(f"{reverse('financien:overzicht')}?jaar={bijdrage.jaar}")
        status = 400
    return render(
        request,
        "financien/bijdrage.html",
        {"form": form, "bijdragen": selectors.bijdragen(gemeente=request.gemeente)},
        status=status,
    )


def _contracten(gemeente):
    return Contract.objects.filter(gemeente=gemeente).order_by("kenmerk")


def _persoonpagina(request, inburgeraar, form, correctieform=None, status=200):
    boekingen = selectors.boekingen_van(actor=actor_uit_request(request), inburgeraar=inburgeraar)
    return render(
        request,
        "financien/persoon.html",
        {
            "inburgeraar": inburgeraar,
            "boekingen": boekingen,
            "totaal": euro(boekingen.totaal_cent),
            "form": form,
            "correctieform": correctieform or CorrectieForm(),
        },
        status=status,
    )


@recht_vereist(Recht.KOSTEN_BOEKEN)
def persoon(request, uuid):
    inburgeraar = selectors.inburgeraar_get(gemeente=request.gemeente, uuid=uuid)
    contracten = _contracten(request.gemeente)
    if request.method != "POST":
        return _persoonpagina(request, inburgeraar, BoekingForm(contracten=contracten))
    form = BoekingForm(request.POST, contracten=contracten)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.kosten_boeken(
                actor=actor_uit_request(request),
                inburgeraar=inburgeraar,
                soort=d["soort"],
                bedrag_cent=services.naar_cent(d["bedrag"]),
                datum=d["datum"],
                reden=d["reden"],
                leerroute=d["leerroute"],
                contract=d["contract"],
            )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("De kosten zijn geboekt."))
            return redirect("financien:persoon", uuid=inburgeraar.uuid)
    return _persoonpagina(request, inburgeraar, form, status=400)


@require_POST
@recht_vereist(Recht.KOSTEN_BOEKEN)
def corrigeren(request, uuid):
    boeking = selectors.boeking_get(gemeente=request.gemeente, uuid=uuid)
    form = CorrectieForm(request.POST)
    if form.is_valid():
        try:
            services.boeking_corrigeren(
                actor=actor_uit_request(request), boeking=boeking, reden=form.cleaned_data["reden"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("De boeking is gecorrigeerd met een tegenboeking."))
    else:
        messages.error(request, _("Vul de reden van de correctie in."))
    if boeking.inburgeraar is None:
        return redirect("financien:overzicht")
    return redirect("financien:persoon", uuid=boeking.inburgeraar.uuid)


@require_POST
@recht_vereist(Recht.KOSTEN_BOEKEN)
def afleiden(request):
    aantal = services.cursuskosten_afleiden(
        actor=actor_uit_request(request), gemeente=request.gemeente
    )
    messages.success(
        request,
        _("Cursuskosten afgeleid uit verwijzingen en gemelde uren: %(n)s nieuwe boeking(en).")
        % {"n": aantal},
    )
    return redirect("financien:overzicht")
