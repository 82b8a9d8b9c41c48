"""DUO's Notificatie API as we serve it: ``POST /duo/v1/notificaties`` (ADR 0007).

DUO's contract, not ours: answers are DUO's shapes (``Foutmelding``), not problem+json, and every
answer carries DUO's ``API-Version`` header.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

import structlog

from . import intake

logger = structlog.get_logger(__name__)


def _antwoord(status: int, fouttekst: str = "") -> HttpResponse:
    if fouttekst:
        response = JsonResponse({"fouttekst": fouttekst[:200]}, status=status)
    else:
        response = HttpResponse(status=status)
        del response["Content-Type"]
    response["API-Version"] = intake.NOTIFICATIE_API_VERSIE
    return response


@csrf_exempt
def notificaties(request):
    """Persist first, answer 201, then process in a task."""
    if request.method != "POST":
        response = _antwoord(405, _("Alleen POST is toegestaan."))
        response["Allow"] = "POST"
        return response
    try:
        intake.controleer_certificaat(request.META)
        try:
            body = request.body
        except RequestDataTooBig:
            raise intake.OngeldigVerzoek(_("Het bericht is te groot.")) from None
        verzoek = intake.lees_verzoek(
            headers=request.headers, content_type=request.content_type or "", body=body
        )
        gemeente = intake.gemeente_voor(verzoek)
        intake.notificatie_ontvangen(gemeente=gemeente, verzoek=verzoek)
    except intake.NietToegestaan as exc:
        logger.warning("duo_notificatie_geweigerd", status=exc.status)
        return _antwoord(exc.status, exc.fouttekst)
    except intake.OngeldigVerzoek as exc:
        logger.info("duo_notificatie_ongeldig")
        return _antwoord(400, exc.fouttekst)
    except intake.BerichtIdHergebruikt:
        return _antwoord(
            400,
            _(
                "Dit berichtId is al gebruikt voor een ander bericht. Het bericht is geweigerd "
                "en gemeld aan de beheerder."
            ),
        )
    except Exception as exc:  # noqa: BLE001 - DUO gets its 500 with the version header
        # Only the class name: exception messages of lower layers may contain personal data.
        logger.error("duo_notificatie_fout", fout=type(exc).__name__)
        return _antwoord(500, _("Interne fout; probeer het later opnieuw."))
    return _antwoord(201)
