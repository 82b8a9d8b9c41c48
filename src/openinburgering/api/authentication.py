from django.utils.translation import gettext_lazy as _

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from openinburgering.accounts import bereiken
from openinburgering.core import rijbeveiliging
from openinburgering.core.lezen import een
from openinburgering.gemeenten.models import ApiToken, hash_token


class GemeenteTokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token …``; a token belongs to one gemeente, and ``request.auth`` is it."""

    def authenticate_credentials(self, key):
        # The token and its gemeente in one statement compiled once (``core.lezen``, ADR 0061).
        # The key is unique; whether the token is active is checked on the row.
        token = een(ApiToken, ook="gemeente", sleutel_hash=hash_token(key))
        if token is None or not token.actief:
            raise exceptions.AuthenticationFailed(_("Ongeldig of ingetrokken token."))
        # From here the database shows this gemeente's rows only (ADR 0056); the middleware
        # clears it at the end of the request.
        rijbeveiliging.beperk_tot([token.gemeente_id])
        return (None, token)


class GemeenteTokenScheme(OpenApiAuthenticationExtension):
    target_class = "openinburgering.api.authentication.GemeenteTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": _beschrijving(),
        }


def _beschrijving() -> str:
    """The scheme's description: the token, and every scope a token can be given (ADR 0074)."""
    regels = [
        str(_("Token-authenticatie: `Token <sleutel>`, uitgegeven per gemeente.")),
        "",
        str(
            _(
                "Een token heeft een bereik: per gebied lezen en/of schrijven. GET, HEAD en "
                "OPTIONS vragen `<gebied>:lezen`, de andere methoden `<gebied>:schrijven` (een "
                "zoekvraag per POST vraagt lezen). Elke operatie noemt haar bereik in "
                '`x-bereik`; zonder dat bereik volgt 403 (problem+json, `code` "bereik"). '
                "De functioneel beheerder kiest het bereik bij het token (Beheer, API-tokens)."
            )
        ),
        "",
    ]
    for waarde, label in bereiken.keuzes():
        regels.append(f"- `{waarde}`: {label}")
    return "\n".join(regels)
