from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.core.keten import raadplegen
from openinburgering.handhaving import selectors, services
from openinburgering.handhaving.forms import BedragForm, StapForm, VoornemenForm, ZaakForm
from openinburgering.handhaving.models import StapSoort, ZaakStatus
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.codes import Regime
from openinburgering.regels.duo_besluiten import DuoBoeteUitleg, leg_duo_boete_uit
from openinburgering.regels.handhaving import intake_escalatie, vervaltermijn_boete


def duo_boetes(inburgeraar) -> tuple[list[DuoBoeteUitleg], bool]:
    """DUO's fines as last fetched (R73, ADR 0064), newest first, and whether DUO was asked.

    DUO imposed them, not the gemeente: they are shown beside the gemeente's own cases, never as
    one of them."""
    boetes = raadplegen.raadpleging().stand(inburgeraar).boetes
    regime = Regime(inburgeraar.regime or Regime.WI2021)
    return [
        leg_duo_boete_uit(bedrag=Decimal(b.bedrag), datum=b.datum, regime=regime)
        for b in boetes or ()
    ], boetes is not None


def _log(actor, inburgeraar):
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
        )


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
def zaken(request, uuid):
    """The cases of one person, and a form to start one."""
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    form = ZaakForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            zaak = services.zaak_openen(
                actor=actor, dossier=inburgeraar.dossier, verplichting=d["verplichting"],
                overtredingsdatum=d["overtredingsdatum"], omschrijving=d["omschrijving"],
                genegeerde_oproepen=d["genegeerde_oproepen"] or 0,
            )  # fmt: skip
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            if zaak.status == ZaakStatus.PARTICIPATIEWET:
                messages.info(
                    request,
                    _(
                        "Deze verplichting valt onder de Participatiewet: geen boete, maar "
                        "een maatregel via de Participatiewet (R33)."
                    ),
                )
            return redirect("handhaving:zaak", uuid=zaak.uuid)
    else:
        _log(actor, inburgeraar)
    boetes_van_duo, duo_gevraagd = duo_boetes(inburgeraar)
    return render(
        request,
        "handhaving/zaken.html",
        {
            "inburgeraar": inburgeraar,
            "zaken": selectors.zaak_list(actor=actor, dossier=inburgeraar.dossier),
            "form": form,
            "duo_boetes": boetes_van_duo,
            "duo_gevraagd": duo_gevraagd,
        },
        status=400 if form.errors else 200,
    )


def _zaak_context(actor, zaak, **forms):
    context = {
        "zaak": zaak,
        "inburgeraar": zaak.dossier.inburgeraar,
        "stappen": list(zaak.stappen.all()),
        "waarschuwing_form": forms.get("waarschuwing_form") or StapForm(prefix="w"),
        "voornemen_form": forms.get("voornemen_form") or VoornemenForm(prefix="v"),
        "zienswijze_form": forms.get("zienswijze_form") or StapForm(prefix="z"),
        "besluit_form": forms.get("besluit_form") or BedragForm(prefix="b"),
        "mag_besluiten": actor.mag(Recht.BOETE_OPLEGGEN),
        "open": zaak.status == ZaakStatus.OPEN,
    }
    if zaak.artikel in ("Wi2021 art. 22", "Wi2021 art. 23"):
        context["verval"] = vervaltermijn_boete(zaak.overtredingsdatum, zaak.artikel)
    if zaak.artikel == "Wi2021 art. 22":
        context["escalatie"] = intake_escalatie(zaak.genegeerde_oproepen)
    return context


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
def zaak(request, uuid):
    actor = actor_uit_request(request)
    zaak = selectors.zaak_get(actor=actor, uuid=uuid)
    _log(actor, zaak.dossier.inburgeraar)
    return render(request, "handhaving/zaak.html", _zaak_context(actor, zaak))


def _stap(request, uuid, soort):
    actor = actor_uit_request(request)
    zaak = selectors.zaak_get(actor=actor, uuid=uuid)
    klassen = {"waarschuwing": (StapForm, "w"), "voornemen": (VoornemenForm, "v"),
               "zienswijze": (StapForm, "z"), "besluit": (BedragForm, "b")}  # fmt: skip
    klasse, prefix = klassen[soort]
    form = klasse(request.POST, prefix=prefix)
    if form.is_valid():
        d = form.cleaned_data
        try:
            # R74: the letter goes to an address under investigation only when confirmed.
            bevestigd = brieven.adres_bevestigd(request.POST)
            if soort == "waarschuwing":
                services.waarschuwing_sturen(
                    actor=actor,
                    zaak=zaak,
                    datum=d["datum"],
                    toelichting=d["toelichting"],
                    adres_bevestigd=bevestigd,
                )
            elif soort == "voornemen":
                services.voornemen_sturen(
                    actor=actor,
                    zaak=zaak,
                    datum=d["datum"],
                    bedrag=d["bedrag"],
                    rapport=d["rapport"],
                    matigingsreden=d["matigingsreden"],
                    adres_bevestigd=bevestigd,
                )
            elif soort == "zienswijze":
                services.zienswijze_vastleggen(
                    actor=actor, zaak=zaak, datum=d["datum"], toelichting=d["toelichting"]
                )
            else:
                services.besluit_nemen(
                    actor=actor,
                    zaak=zaak,
                    datum=d["datum"],
                    bedrag=d["bedrag"],
                    matigingsreden=d["matigingsreden"],
                    adres_bevestigd=bevestigd,
                )
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, _("Vastgelegd. De brief staat klaar bij de stap."))
            return redirect("handhaving:zaak", uuid=zaak.uuid)
    zaak = selectors.zaak_get(actor=actor, uuid=uuid)
    return render(
        request,
        "handhaving/zaak.html",
        _zaak_context(actor, zaak, **{f"{soort}_form": form}),
        status=400,
    )


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
@require_POST
def waarschuwing(request, uuid):
    return _stap(request, uuid, "waarschuwing")


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
@require_POST
def voornemen(request, uuid):
    return _stap(request, uuid, "voornemen")


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
@require_POST
def zienswijze(request, uuid):
    return _stap(request, uuid, "zienswijze")


@recht_vereist(Recht.BOETE_OPLEGGEN)
@require_POST
def besluit(request, uuid):
    return _stap(request, uuid, "besluit")


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
def brief(request, uuid):
    actor = actor_uit_request(request)
    stap = selectors.stap_get(actor=actor, uuid=uuid)
    if not stap.brief_pad:
        raise Http404
    antwoord = brieven.als_download(
        stap.brief_pad, bestandsnaam=f"{StapSoort(stap.soort).value}-{stap.datum:%Y%m%d}.pdf"
    )
    _log(actor, stap.zaak.dossier.inburgeraar)
    return antwoord
