from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _


class ApiVersionMiddleware:
    """Every API response carries the full version (NL API Design Rules, API-57)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response


class ApiInvoerMiddleware:
    """Refuse a query string with a NUL or other control character, for every filter at once.

    PostgreSQL cannot hold a NUL in a text value, so ``?doelgroep=%00`` reached the database and
    failed there as a 500 (issue 15). No filter of ours has a use for control characters. The
    API answers problem+json naming the parameter; a page answers with our 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for naam, waarden in request.GET.lists():
            if any(_stuurteken(tekst) for tekst in (naam, *waarden)):
                if request.path_info.startswith("/api/"):
                    return _ongeldige_parameter(naam)
                from openinburgering.ui.fouten import ongeldig_verzoek

                return ongeldig_verzoek(request)
        return self.get_response(request)


def _stuurteken(tekst: str) -> bool:
    return any(ord(teken) < 0x20 or ord(teken) == 0x7F for teken in tekst)


def _ongeldige_parameter(naam: str) -> JsonResponse:
    from .problems import TITELS

    reden = _("Deze parameter bevat een stuurteken (zoals NUL); dat is niet toegestaan.")
    return JsonResponse(
        {
            "type": "https://openinburgering.nl/problemen/invalid",
            "title": str(TITELS[400]),
            "status": 400,
            "detail": _("De invoer is niet geldig."),
            "code": "invalid",
            "invalidParams": [
                {
                    "name": "".join(t for t in naam if not _stuurteken(t)),
                    "code": "invalid",
                    "reason": reden,
                }
            ],
        },
        status=400,
        content_type="application/problem+json",
    )
