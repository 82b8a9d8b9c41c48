from django.contrib import messages
from django.core.exceptions import ValidationError
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
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.regels import schendingen_weergave
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import selectors, services
from .forms import GesprekForm, IntakeForm, StapForm
from .models import BredeIntake, IntakeStatus

VELDNAMEN = {
    "onderwijs_herkomst": "taal_en_opleiding",
    "werkervaring_herkomst": "werkervaring",
    "leerbaarheidstoets_gedaan": "lbt_afgenomen_op",
}


def _context(
    actor, inburgeraar, intake, form=None, gesprek_form=None, stap_form=None, fouten=None,
    handhaving_fouten=None,
):  # fmt: skip
    mag_gezondheid = actor.mag(Recht.GEZONDHEID_LEZEN)
    context = {
        "inburgeraar": inburgeraar,
        "dossier": inburgeraar.dossier,
        "intake": intake,
        "mag_gezondheid": mag_gezondheid,
    }
    if intake is None:
        return context
    if form is None:
        form = IntakeForm(
            instance=intake, initial={"versie": intake.versie}, mag_gezondheid=mag_gezondheid
        )
    vandaag = timezone.localdate()
    context.update(
        form=form,
        open=intake.status == IntakeStatus.CONCEPT,
        gesprekken=list(intake.gesprekken.select_related("medewerker")),
        stappen=list(intake.stappen.all()),
        mag_handhaven=actor.mag(Recht.HANDHAVING_VOORBEREIDEN),
        zaken=selectors.intake_zaken(actor=actor, dossier=intake.dossier)
        if actor.mag(Recht.HANDHAVING_VOORBEREIDEN)
        else [],
        handhaving_toets=schendingen_weergave(services.toets_handhaving_starten(intake, vandaag)),
        lbt_bericht=services.lbt_vrijstelling_bericht(intake),
        gesprek_form=gesprek_form or GesprekForm(initial={"datum": vandaag}),
        stap_form=stap_form or StapForm(initial={"datum": vandaag}),
        volgende_stap=services.volgende_stap(intake),
        lbt=services.lbt_uitslag(intake),
        advies=services.leerroute_advies(intake),
        afsluiten=schendingen_weergave(services.toets_afsluiten(intake, vandaag)),
        fouten=fouten or [],
        handhaving_fouten=handhaving_fouten or [],
    )
    return context


def _laad(actor, uuid):
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    intake = BredeIntake.objects.filter(dossier=inburgeraar.dossier).first()
    return inburgeraar, intake


@recht_vereist(Recht.INTAKE_VOEREN)
def intake(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    status = 200
    form = None
    if request.method == "POST" and brede_intake is not None:
        form = IntakeForm(
            request.POST, instance=brede_intake, mag_gezondheid=actor.mag(Recht.GEZONDHEID_LEZEN)
        )
        opgeslagen = BredeIntake.objects.get(pk=brede_intake.pk)
        if form.is_valid():
            velden = {k: v for k, v in form.cleaned_data.items() if k != "versie"}
            try:
                services.intake_opslaan(
                    actor=actor, intake=opgeslagen, versie=form.cleaned_data["versie"], **velden
                )
            except (Conflict, Geweigerd) as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("De intake is opgeslagen als concept."))
                return redirect("intake:intake", uuid=inburgeraar.uuid)
        brede_intake = opgeslagen
        status = 400
    else:
        with transaction.atomic():
            verwerkingen_vastleggen(
                actor=actor, activiteit=Activiteit.INZIEN, pseudoniemen=[inburgeraar.pseudoniem]
            )
    return render(
        request,
        "intake/intake.html",
        _context(actor, inburgeraar, brede_intake, form=form),
        status=status,
    )


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def starten(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar, _intake = _laad(actor, uuid)
    try:
        services.intake_starten(actor=actor, dossier=inburgeraar.dossier)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De brede intake is gestart."))
    return redirect("intake:intake", uuid=inburgeraar.uuid)


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def afsluiten(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    if brede_intake is None:
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        versie = None
    try:
        services.intake_afsluiten(actor=actor, intake=brede_intake, versie=versie)
    except RegelsGeschonden as exc:
        return render(
            request,
            "intake/intake.html",
            _context(actor, inburgeraar, brede_intake, fouten=schendingen_weergave(exc.uitkomst)),
            status=400,
        )
    except (Conflict, Geweigerd) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De brede intake is afgesloten."))
    return redirect("intake:intake", uuid=inburgeraar.uuid)


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def gesprek(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    if brede_intake is None:
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    form = GesprekForm(request.POST)
    if form.is_valid():
        try:
            services.gesprek_toevoegen(actor=actor, intake=brede_intake, **form.cleaned_data)
        except Geweigerd as exc:
            form.add_error(exc.veld if exc.veld in form.fields else None, exc.message)
        else:
            messages.success(request, _("Het gesprek is vastgelegd."))
            return redirect("intake:intake", uuid=inburgeraar.uuid)
    return render(
        request,
        "intake/intake.html",
        _context(actor, inburgeraar, brede_intake, gesprek_form=form),
        status=400,
    )


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def stap(request, uuid):
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    if brede_intake is None:
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    form = StapForm(request.POST)
    if form.is_valid():
        try:
            services.handhavingsstap_vastleggen(
                actor=actor,
                intake=brede_intake,
                adres_bevestigd=brieven.adres_bevestigd(request.POST),
                **form.service_kwargs(),
            )
        except Geweigerd as exc:
            veld = {"afspraak_op": "afspraak_datum"}.get(exc.veld, exc.veld)
            form.add_error(veld if veld in form.fields else None, exc.message)
        else:
            messages.success(request, _("De stap is vastgelegd. De brief staat bij de stap."))
            return redirect("intake:intake", uuid=inburgeraar.uuid)
    return render(
        request,
        "intake/intake.html",
        _context(actor, inburgeraar, brede_intake, stap_form=form),
        status=400,
    )


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def stap_genegeerd(request, uuid):
    """The person did not come to the meeting of this step (counts for R31)."""
    actor = actor_uit_request(request)
    stap = selectors.stap_get(actor=actor, uuid=uuid)
    try:
        services.stap_genegeerd_vastleggen(actor=actor, stap=stap)
    except (Conflict, Geweigerd) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Vastgelegd: de persoon kwam niet."))
    return redirect("intake:intake", uuid=stap.intake.dossier.inburgeraar.uuid)


@recht_vereist(Recht.INTAKE_VOEREN)
def brief(request, uuid):
    """The letter of a step, as PDF; only for the step's own gemeente (else 404)."""
    actor = actor_uit_request(request)
    stap = selectors.stap_get(actor=actor, uuid=uuid)
    if not stap.brief_pad:
        raise Http404
    antwoord = brieven.als_download(
        stap.brief_pad, bestandsnaam=f"{stap.soort}-{stap.datum:%Y%m%d}.pdf"
    )
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.INZIEN,
            pseudoniemen=[stap.intake.dossier.inburgeraar.pseudoniem],
        )
    return antwoord


@recht_vereist(Recht.HANDHAVING_VOORBEREIDEN)
@require_POST
def handhaving_starten(request, uuid):
    """Open (or go to) the handhaving zaak for art. 22; R31/R53 explain a refusal."""
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    if brede_intake is None:
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    try:
        zaak, nieuw = services.handhaving_starten(actor=actor, intake=brede_intake)
    except RegelsGeschonden as exc:
        return render(
            request,
            "intake/intake.html",
            _context(
                actor,
                inburgeraar,
                brede_intake,
                handhaving_fouten=schendingen_weergave(exc.uitkomst),
            ),
            status=400,
        )
    except (Geweigerd, ValidationError) as exc:
        messages.error(request, getattr(exc, "message", None) or " ".join(exc.messages))
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    if nieuw:
        messages.success(request, _("Handhaving gestart (art. 22): vaste boete van € 250."))
    else:
        messages.info(request, _("Er loopt al een handhavingszaak voor de brede intake."))
    return redirect("handhaving:zaak", uuid=zaak.uuid)


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def lbt_examennummer(request, uuid):
    """Ask DUO for the exam number to schedule the LBT."""
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    if brede_intake is None:
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    try:
        brede_intake = services.lbt_examennummer_opvragen(actor=actor, intake=brede_intake)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Examennummer van DUO: %(nummer)s.") % {"nummer": brede_intake.lbt_examennummer},
        )
    return redirect("intake:intake", uuid=inburgeraar.uuid)


@recht_vereist(Recht.INTAKE_VOEREN)
@require_POST
def lbt_vrijstelling(request, uuid):
    """Tell DUO the LBT is skipped for a visual or auditory impairment (R27)."""
    actor = actor_uit_request(request)
    inburgeraar, brede_intake = _laad(actor, uuid)
    if brede_intake is None:
        return redirect("intake:intake", uuid=inburgeraar.uuid)
    try:
        services.lbt_vrijstelling_melden(actor=actor, intake=brede_intake)
    except Geweigerd as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "Vastgelegd: de leerbaarheidstoets vervalt (R27). De melding aan DUO staat "
                "klaar; de stand ziet u hieronder."
            ),
        )
    return redirect("intake:intake", uuid=inburgeraar.uuid)
