"""Errors as application/problem+json (RFC 9457), as the NL API Design Rules ask."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden

TITELS = {
    400: _("Ongeldige invoer."),
    401: _("Niet geauthenticeerd."),
    403: _("Geen toegang."),
    404: _("Niet gevonden."),
    405: _("Methode niet toegestaan."),
    406: _("Formaat niet ondersteund."),
    409: _("Conflict."),
    412: _("Voorwaarde niet vervuld."),
    415: _("Mediatype niet ondersteund."),
    422: _("Niet verwerkbaar."),
    429: _("Te veel verzoeken."),
}


def _invalid_params(detail, prefix=""):
    params = []
    if isinstance(detail, dict):
        for naam, waarde in detail.items():
            sleutel = naam if naam != "non_field_errors" else "nonFieldErrors"
            params += _invalid_params(waarde, f"{prefix}.{sleutel}" if prefix else sleutel)
    elif isinstance(detail, list):
        for item in detail:
            if isinstance(item, (dict, list)):
                params += _invalid_params(item, prefix)
            else:
                params.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(item, "code", "invalid"),
                        "reason": str(item),
                    }
                )
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return params


def problem(
    status_code: int, *, detail: str = "", code: str = "", invalid_params=None, headers=None
) -> Response:
    body = {
        "type": f"https://openinburgering.nl/problemen/{code or status_code}",
        "title": TITELS.get(status_code, _("Fout.")),
        "status": status_code,
        "detail": detail or TITELS.get(status_code, ""),
        "code": code or str(status_code),
    }
    if invalid_params:
        body["invalidParams"] = invalid_params
    return Response(
        body, status=status_code, headers=headers, content_type="application/problem+json"
    )


def regels_probleem(exc: RegelsGeschonden, veldnamen: Mapping[str, str] | None = None) -> Response:
    """A rule refusal as problem+json: ``code`` "regels", ``detail`` every reason with rule id and
    article, and per violation an ``invalidParams`` entry whose ``code`` is the rule id.

    ``veldnamen`` maps the refusal's field names to the API's (``datum_x`` → ``datumX``).
    """
    params = []
    for veld, tekst, schending in exc.fouten():
        naam = (veldnamen or {}).get(veld, veld) if veld else None
        params.append(
            {"name": naam or "nonFieldErrors", "code": schending.regel.id, "reason": tekst}
        )
    return problem(
        400,
        detail=exc.message,
        code="regels",
        invalid_params=params,
    )


def exception_handler(exc, context):
    if isinstance(exc, Conflict):
        return problem(409, detail=exc.message, code="conflict")
    if isinstance(exc, RegelsGeschonden):
        return regels_probleem(exc)
    if isinstance(exc, Geweigerd):
        params = [
            {"name": exc.veld or "nonFieldErrors", "code": "geweigerd", "reason": exc.message}
        ]
        return problem(400, detail=exc.message, code="geweigerd", invalid_params=params)
    if isinstance(exc, DjangoValidationError):
        fouten = (
            exc.error_dict if hasattr(exc, "error_dict") else {"nonFieldErrors": exc.error_list}
        )
        params = [
            {
                "name": "nonFieldErrors" if veld == "__all__" else veld,
                "code": fout.code or "invalid",
                "reason": " ".join(fout.messages),
            }
            for veld, lijst in fouten.items()
            for fout in lijst
        ]
        return problem(
            400, detail=_("De invoer is niet geldig."), code="invalid", invalid_params=params
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            400,
            detail=_("De invoer is niet geldig."),
            code="invalid",
            invalid_params=_invalid_params(exc.detail),
            headers=dict(response.items()),
        )
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    code = exc.get_codes() if isinstance(exc.get_codes(), str) else "error"
    return problem(response.status_code, detail=detail, code=code, headers=dict(response.items()))


PROBLEM_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
