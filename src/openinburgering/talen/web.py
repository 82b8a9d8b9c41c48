"""The portal language of a request: from the cookie, and from the dossier at sign-in.

The order (ADR 0089): the newcomer's own choice in the portal (cookie ``oi_portaaltaal``), else
the staff UI's choice if that is Dutch or English, else Dutch. The browser's Accept-Language is
not followed, as in the staff UI: the switch is on every portal page, named in each language's
own script, so nobody has to find it in a language they do not read.

The portal (``portaal``) tells this module who is signed in with
:func:`registreer_inburgeraar_van_verzoek`, and calls :func:`bij_inloggen` after DigiD; then a
choice made in the switch is kept on the dossier as well (``services.taal_bewaren``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from openinburgering.core.talen import COOKIE, COOKIE_LEEFTIJD, STANDAARD, is_portaaltaal

if TYPE_CHECKING:
    from openinburgering.inburgeraars.models import Inburgeraar

#: Paths shown in the portal languages; every other page stays Dutch/English.
PORTAAL_PADEN: tuple[str, ...] = ("/portaal/", "/talen/")
#: The klantregisseur's actions on a newcomer's message live under the portal's URLs but are
#: staff pages: they keep the staff language.
MEDEWERKER_PADEN: tuple[str, ...] = ("/portaal/medewerker/",)

_inburgeraar_van_verzoek: Callable[[HttpRequest], Inburgeraar | None] | None = None


def registreer_inburgeraar_van_verzoek(
    functie: Callable[[HttpRequest], Inburgeraar | None],
) -> None:
    """The portal names the signed-in newcomer of a request (``None`` when nobody is)."""
    global _inburgeraar_van_verzoek
    _inburgeraar_van_verzoek = functie


def ingelogde_inburgeraar(request: HttpRequest) -> Inburgeraar | None:
    return _inburgeraar_van_verzoek(request) if _inburgeraar_van_verzoek else None


def is_portaalpad(pad: str) -> bool:
    return pad.startswith(PORTAAL_PADEN) and not pad.startswith(MEDEWERKER_PADEN)


def taal_van_verzoek(request: HttpRequest) -> str:
    gekozen = request.COOKIES.get(COOKIE, "")
    if is_portaaltaal(gekozen):
        return gekozen
    medewerker = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if medewerker in dict(settings.LANGUAGES):
        return medewerker
    return STANDAARD


def onthouden(response: HttpResponse, taal: str) -> None:
    """Set the cookie; it holds only a language code, so JavaScript needs no access to it."""
    response.set_cookie(
        COOKIE,
        taal,
        max_age=COOKIE_LEEFTIJD,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def bij_inloggen(request: HttpRequest, response: HttpResponse, inburgeraar: Inburgeraar) -> str:
    """After DigiD: the language the person chose before (on any device) wins; a person who
    never chose keeps what they picked on the sign-in page, and that is stored. Returns it."""
    from .selectors import opgeslagen_taal
    from .services import taal_bewaren

    opgeslagen = opgeslagen_taal(inburgeraar=inburgeraar)
    if opgeslagen and is_portaaltaal(opgeslagen):
        taal = opgeslagen
    else:
        taal = taal_van_verzoek(request)
        if is_portaaltaal(request.COOKIES.get(COOKIE, "")):
            taal_bewaren(inburgeraar=inburgeraar, taal=taal)
    onthouden(response, taal)
    return taal
