from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from openinburgering.api.problems import TITELS

from .fouten import ongeldig_verzoek


class NederlandsEerstMiddleware:
    """Dutch unless the user chose another language (cookie); the browser's language is ignored.

    Django's LocaleMiddleware follows Accept-Language, which would show half-translated pages to
    caseworkers with an English browser. A gemeente's application is Dutch first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        gekozen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        taal = gekozen if gekozen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = taal
        # override() restores the previous language afterwards, so nothing leaks to the thread.
        with translation.override(taal):
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", taal)
        return response


class StuurtekenMiddleware:
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
                return ongeldig_verzoek(request)
        return self.get_response(request)


def _stuurteken(tekst: str) -> bool:
    return any(ord(teken) < 0x20 or ord(teken) == 0x7F for teken in tekst)


def _ongeldige_parameter(naam: str) -> JsonResponse:
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
