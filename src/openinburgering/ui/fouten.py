"""Our own 400/403/404/500 pages: the house style and plain language, never a technical page.

Django calls these through ``handler400`` … ``handler500`` in the root URLconf (and
``CSRF_FAILURE_VIEW``); they answer the same status codes as Django would.
"""

import functools
import uuid as uuid_lib

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve

import structlog

logger = structlog.get_logger(__name__)

# How deep we follow foreign keys from an object to its gemeente (PipVersie → dossier → gemeente
# is two steps; a handhavingsstap → intake → dossier → gemeente is three).
_MAX_STAPPEN = 3


@functools.cache
def _pad_naar_gemeente(model) -> str | None:
    """The ORM path from ``model`` to its gemeente ("gemeente", "dossier__gemeente", …)."""
    from openinburgering.gemeenten.models import Gemeente

    rij = [(model, "")]
    for _stap in range(_MAX_STAPPEN):
        volgende = []
        for huidig, pad in rij:
            for veld in huidig._meta.get_fields():
                if not isinstance(veld, models.ForeignKey | models.OneToOneField):
                    continue
                if veld.auto_created and not veld.concrete:
                    continue
                nieuw = f"{pad}__{veld.name}" if pad else veld.name
                if veld.related_model is Gemeente:
                    return nieuw
                volgende.append((veld.related_model, nieuw))
        rij = volgende
    return None


def _modellen_met_uuid() -> list:
    gevonden = []
    for model in apps.get_models():
        if not model.__module__.startswith("openinburgering."):
            continue
        try:
            model._meta.get_field("uuid")
        except FieldDoesNotExist:
            continue
        pad = _pad_naar_gemeente(model)
        if pad is not None:
            gevonden.append((model, pad))
    return gevonden


def gemeente_van_object(uuid) -> str | None:
    """The gemeentecode of the object with this UUID, whatever its model; None if unknown.

    UUIDs are unique across the product (uuid4), so the first hit is the object.
    """
    for model, pad in _modellen_met_uuid():
        code = model.objects.filter(uuid=uuid).values_list(f"{pad}__code", flat=True).first()
        if code:
            return code
    return None


def wisselaanbod(request):
    """The membership to switch to when this URL's object belongs to another of the user's
    gemeenten; None otherwise.

    Only gemeenten the user works for are ever named, so to anyone else a 404 stays a 404: the
    page does not reveal that the object exists.
    """
    user = getattr(request, "user", None)
    lidmaatschappen = getattr(request, "lidmaatschappen", None) or []
    if user is None or not user.is_authenticated or len(lidmaatschappen) < 2:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    waarde = match.kwargs.get("uuid")
    if waarde is None:
        return None
    try:
        waarde = uuid_lib.UUID(str(waarde))
    except ValueError:
        return None
    code = gemeente_van_object(waarde)
    actief = getattr(request, "gemeente", None)
    if code is None or (actief is not None and actief.code == code):
        return None
    return next((lm for lm in lidmaatschappen if lm.gemeente.code == code), None)


# Machines get their errors as application/problem+json, as from the API's own views.
_API_PADEN = ("/api/", "/duo/v1/")


def _api_probleem(request, status: int):
    if not request.path_info.startswith(_API_PADEN):
        return None
    from django.utils.translation import gettext as _

    from openinburgering.api.problems import TITELS

    titel = TITELS.get(status) or _("Interne fout.")
    return JsonResponse(
        {
            "type": f"https://openinburgering.nl/problemen/{status}",
            "title": titel,
            "status": status,
            "detail": titel,
            "code": str(status),
        },
        status=status,
        content_type="application/problem+json",
    )


def niet_gevonden(request, exception=None):
    if (probleem := _api_probleem(request, 404)) is not None:
        return probleem
    return render(request, "ui/fouten/404.html", {"wissel_naar": wisselaanbod(request)}, status=404)


def geen_toegang(request, exception=None):
    if (probleem := _api_probleem(request, 403)) is not None:
        return probleem
    return render(request, "ui/fouten/403.html", status=403)


def ongeldig_verzoek(request, exception=None):
    if (probleem := _api_probleem(request, 400)) is not None:
        return probleem
    return render(request, "ui/fouten/400.html", status=400)


def csrf_mislukt(request, reason=""):
    # The reason is technical ("CSRF token missing"); we log it and tell the user what to do.
    # Only the part before " - ": after it Django quotes the request's Origin or Referer.
    logger.warning("csrf_mislukt", reden=reason.split(" - ")[0])
    return render(request, "ui/fouten/csrf.html", status=403)


def serverfout(request):
    """The 500 page; if even that fails (say the database is down), a page with no context."""
    try:
        if (probleem := _api_probleem(request, 500)) is not None:
            return probleem
        return render(request, "ui/fouten/500.html", status=500)
    except Exception:
        logger.exception("foutpagina_mislukt")
        inhoud = loader.get_template("ui/fouten/500_kaal.html").render({})
        return HttpResponseServerError(inhoud) if inhoud else HttpResponse(status=500)
