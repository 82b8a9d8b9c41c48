"""DigiD through the gemeente's OpenID Connect broker, with mozilla-django-oidc (ADR 0085).

The library's request view and backend do the protocol: state, nonce, PKCE, the token exchange
and the ID token's signature. They read their settings under the prefix ``DIGID_`` here, apart
from the staff IdP's ``OIDC_*``. The backend is not one of ``AUTHENTICATION_BACKENDS``: it never
logs anyone in as a user; the portal keeps its own session (``portaal.sessie``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

import structlog
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationRequestView
from requests import RequestException

from openinburgering.core import bsn as bsn_tools
from openinburgering.regels.digid import niveau_uit_claim

logger = structlog.get_logger(__name__)


def _instelling(attr, *args):
    if attr.startswith("OIDC_"):
        if attr == "OIDC_AUTHENTICATION_CALLBACK_URL":
            return "portaal:digid_terug"
        if attr == "OIDC_REDIRECT_FIELD_NAME":
            return "volgende"
        return import_from_settings(f"DIGID_{attr}", *args)
    return import_from_settings(attr, *args)


def ingericht() -> bool:
    return bool(settings.DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT and settings.DIGID_OIDC_RP_CLIENT_ID)


class DigidAanvraag(OIDCAuthenticationRequestView):
    """To the broker's login page: state, nonce and PKCE in the session, as the library does."""

    get_settings = staticmethod(_instelling)


class DigidBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(_instelling)

    def claims(self, request, *, nonce: str, code_verifier: str | None) -> dict | None:
        """The verified ID token's claims for the code in this callback, or None."""
        self.request = request
        code = request.GET.get("code")
        if not code:
            return None
        from django.urls import reverse

        from mozilla_django_oidc.utils import absolutify

        payload = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": absolutify(request, reverse("portaal:digid_terug")),
        }
        if code_verifier is not None:
            payload["code_verifier"] = code_verifier
        try:
            token = self.get_token(payload)
            return self.verify_token(token.get("id_token", ""), nonce=nonce)
        except (RequestException, SuspiciousOperation, ValueError, Exception) as fout:
            # Never the token or its claims in the log: they hold the BSN.
            logger.warning("digid_inloggen_mislukt", fout=type(fout).__name__)
            return None


def bsn_en_niveau(claims: dict) -> tuple[str, str]:
    """The BSN (only if it passes the 11-proef) and the level from the broker's claims."""
    bsn = str(claims.get(settings.DIGID_BSN_CLAIM, ""))
    niveau = niveau_uit_claim(str(claims.get(settings.DIGID_NIVEAU_CLAIM, "")))
    return (bsn_tools.normaliseer(bsn) if bsn_tools.is_geldig(bsn) else ""), niveau
