"""The portal for school staff: only people referred to their school, only the referred fields.

Every view reads through ``selectors.deelnemer_*`` (a value object with the referred fields) and
logs each read per person under the gemeente that referred them. A person not referred to the
user's school is a 404, exactly like a person who does not exist.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from openinburgering.accounts.rollen import RECHT_OMSCHRIJVING, ExterneRol, Recht, heeft_recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.forms import fouten_naar_form
from openinburgering.core.tabellen import csv_tekst
from openinburgering.logboek.models import Activiteit

from . import selectors, services, upload
from .codes import UPLOAD_BEZIG
from .forms import AfschaalForm, ExamenForm, IntakeForm, UploadForm, UrenForm, VoortgangForm


def school_vereist(recht: Recht):
    """Require sign-in (with the second factor, by middleware) and a link to a school."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            instelling = selectors.instelling_van(request.user)
            if instelling is None:
                reden = _(
                    "Dit deel is voor medewerkers van taalaanbieders. Uw account is niet "
                    "gekoppeld aan een taalaanbieder."
                )
                return render(request, "ui/geen_toegang.html", {"reden": reden}, status=403)
            if not heeft_recht(ExterneRol.TAALAANBIEDER, recht):  # pragma: no cover
                reden = RECHT_OMSCHRIJVING[recht]
                return render(request, "ui/geen_toegang.html", {"reden": reden}, status=403)
            request.instelling = instelling
            return view(request, *args, **kwargs)

        wrapper.recht = recht
        return wrapper

    return decorator


def _inzage(request, deelnemers, activiteit=Activiteit.INZIEN):
    with transaction.atomic():
        selectors.school_inzage_vastleggen(
            user=request.user, deelnemers=deelnemers, activiteit=activiteit
        )


@school_vereist(Recht.DEELNEMERS_SCHOOL_LEZEN)
def portaal(request):
    deelnemers = selectors.deelnemer_list(instelling=request.instelling)
    _inzage(request, deelnemers, Activiteit.LIJST)
    return render(
        request,
        "taalaanbieders/portaal/deelnemers.html",
        {"instelling": request.instelling, "deelnemers": deelnemers},
    )


def _deelnemer_pagina(request, deelnemer, formulieren=None, status=200):
    formulieren = formulieren or {}
    context = {
        "instelling": request.instelling,
        "d": deelnemer,
        "intake_form": formulieren.get("intake") or IntakeForm(prefix="intake"),
        "uren_form": formulieren.get("uren") or UrenForm(prefix="uren"),
        "voortgang_form": formulieren.get("voortgang") or VoortgangForm(prefix="voortgang"),
        "examen_form": formulieren.get("examen") or ExamenForm(prefix="examen"),
        "afschaal_form": formulieren.get("afschalen") or AfschaalForm(prefix="afschalen"),
        "meldingen": selectors.meldingen_van_deelnemer(
            instelling=request.instelling, deelnemer=deelnemer
        ),
        "formulier_met_fouten": next((k for k, f in formulieren.items() if f.errors), None),
    }
    if deelnemer.leerroute == "B" and deelnemer.intake_bevestigd:
        verwijzing = selectors.verwijzing_voor_school(
            instelling=request.instelling, uuid=deelnemer.uuid
        )
        context["lesuren"] = services.lesuren_bij_keurmerkscholen(
            inburgeraar=verwijzing.inburgeraar
        )
        context["afschalen_nog_niet"] = services.afschalen_nog_niet_mogelijk(
            verwijzing=verwijzing, lesuren=context["lesuren"]
        )
    return render(request, "taalaanbieders/portaal/deelnemer.html", context, status=status)


@school_vereist(Recht.DEELNEMERS_SCHOOL_LEZEN)
def deelnemer(request, uuid):
    d = selectors.deelnemer_get(instelling=request.instelling, uuid=uuid)
    _inzage(request, [d])
    return _deelnemer_pagina(request, d)


# Each report: (form class, prefix, service, success message).
def _melding(request, uuid, *, soort, form_klasse, uitvoeren, gelukt):
    d = selectors.deelnemer_get(instelling=request.instelling, uuid=uuid)
    verwijzing = selectors.verwijzing_voor_school(instelling=request.instelling, uuid=uuid)
    actor = services.school_actor(user=request.user, verwijzing=verwijzing)
    form = form_klasse(request.POST, prefix=soort)
    if form.is_valid():
        try:
            uitvoeren(actor, verwijzing, form.cleaned_data)
        except (ValidationError, Geweigerd) as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, gelukt)
            return redirect("taalaanbieders:deelnemer", uuid=uuid)
    _inzage(request, [d])
    d = selectors.deelnemer_get(instelling=request.instelling, uuid=uuid)
    return _deelnemer_pagina(request, d, {soort: form}, status=400)


@school_vereist(Recht.DEELNAME_MELDEN)
@require_POST
def intake(request, uuid):
    return _melding(
        request,
        uuid,
        soort="intake",
        form_klasse=IntakeForm,
        uitvoeren=lambda a, v, c: services.intake_bevestigen(actor=a, verwijzing=v, **c),
        gelukt=_("De intake is bevestigd."),
    )


@school_vereist(Recht.DEELNAME_MELDEN)
@require_POST
def uren(request, uuid):
    return _melding(
        request,
        uuid,
        soort="uren",
        form_klasse=UrenForm,
        uitvoeren=lambda a, v, c: services.uren_melden(actor=a, verwijzing=v, **c),
        gelukt=_("De uren zijn gemeld."),
    )


@school_vereist(Recht.DEELNAME_MELDEN)
@require_POST
def voortgang(request, uuid):
    return _melding(
        request,
        uuid,
        soort="voortgang",
        form_klasse=VoortgangForm,
        uitvoeren=lambda a, v, c: services.voortgang_melden(actor=a, verwijzing=v, **c),
        gelukt=_("Het voortgangsverslag is opgeslagen."),
    )


@school_vereist(Recht.DEELNAME_MELDEN)
@require_POST
def examen(request, uuid):
    return _melding(
        request,
        uuid,
        soort="examen",
        form_klasse=ExamenForm,
        uitvoeren=lambda a, v, c: services.examendatum_melden(actor=a, verwijzing=v, **c),
        gelukt=_("De examendatum is opgeslagen."),
    )


@school_vereist(Recht.DEELNAME_MELDEN)
@require_POST
def afschalen(request, uuid):
    return _melding(
        request,
        uuid,
        soort="afschalen",
        form_klasse=AfschaalForm,
        uitvoeren=lambda a, v, c: services.afschalen_adviseren(actor=a, verwijzing=v, **c),
        gelukt=_("Het advies is naar de gemeente gestuurd."),
    )


EXPORT_KOLOMMEN = (
    (_("kenmerk"), "kenmerk"),
    (_("naam"), "naam"),
    (_("telefoon"), "telefoon"),
    (_("e-mail"), "email"),
    (_("talen"), "talen"),
    (_("leerroute"), "leerroute_label"),
    (_("niveau"), "niveau"),
    (_("uren per week"), "uren_per_week"),
    (_("inschrijfdatum"), "datum_inburgeringsaanbod"),
    (_("startdatum"), "verwachte_startdatum"),
    (_("gemeente"), "gemeente"),
)


@school_vereist(Recht.DEELNEMERS_SCHOOL_LEZEN)
def export(request):
    """The school's participant list as CSV: the referred fields only, logged per person."""
    deelnemers = selectors.deelnemer_list(instelling=request.instelling)
    _inzage(request, deelnemers, Activiteit.EXPORTEREN)
    # Names and languages are typed by people: csv_tekst makes a cell like =HYPERLINK(…) inert.
    inhoud = csv_tekst(
        [str(k) for k, _v in EXPORT_KOLOMMEN],
        ([getattr(d, veld) for _k, veld in EXPORT_KOLOMMEN] for d in deelnemers),
    )
    response = HttpResponse(inhoud, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="deelnemers.csv"'
    return response


@school_vereist(Recht.DEELNAME_MELDEN)
def voorbeeld(request):
    response = HttpResponse(upload.voorbeeld_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="uren-voorbeeld.csv"'
    return response


@school_vereist(Recht.DEELNAME_MELDEN)
def uren_uploaden(request):
    """Store the file and hand it to a task; the upload's own page shows how it goes.

    Nothing of the file is read here (ADR 0055): a hostile spreadsheet costs the web process
    no more than its upload.
    """
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        nieuw = upload.upload_aanmaken(
            user=request.user,
            instelling=request.instelling,
            bestandsnaam=bestand.name,
            inhoud=bestand.read(),
        )
        return redirect("taalaanbieders:upload", uuid=nieuw.uuid)
    return render(
        request,
        "taalaanbieders/portaal/uploaden.html",
        {"form": form, "instelling": request.instelling},
        status=400 if form.errors else 200,
    )


@school_vereist(Recht.DEELNAME_MELDEN)
def upload_status(request, uuid):
    """One upload: waiting, being read, or its outcome; htmx asks again while it runs."""
    gevonden = selectors.urenupload_get(instelling=request.instelling, uuid=uuid)
    if request.method == "POST" and request.POST.get("actie") == "geldige_importeren":
        aantal = upload.goede_regels_importeren(user=request.user, upload=gevonden)
        if not aantal:
            messages.error(request, _("Deze controle is al gebruikt. Upload het bestand opnieuw."))
            return redirect("taalaanbieders:uren_uploaden")
        messages.success(
            request,
            ngettext(
                "%(aantal)s goede regel is geïmporteerd; de regels met fouten niet.",
                "%(aantal)s goede regels zijn geïmporteerd; de regels met fouten niet.",
                aantal,
            )
            % {"aantal": aantal},
        )
        return redirect("taalaanbieders:portaal")
    afgebroken = upload.afgebroken(gevonden)
    context = {
        "upload": gevonden,
        "bezig": gevonden.status in UPLOAD_BEZIG and not afgebroken,
        "afgebroken": afgebroken,
        "instelling": request.instelling,
        "form": UploadForm(),
    }
    if request.htmx:
        return render(request, "taalaanbieders/portaal/upload.html#status", context)
    return render(request, "taalaanbieders/portaal/upload.html", context)
