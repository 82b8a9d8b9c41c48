"""The stand-in's WSGI application: /authorize, /token, /userinfo and the discovery document."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

#: A code is used within this many seconds, as a broker would demand.
CODE_GELDIG = 120
TOKEN_GELDIG = 300
ACR = {
    "basis": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    "midden": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    "substantieel": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    "hoog": "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
}


@dataclass(frozen=True)
class Persoon:
    naam: str
    bsn: str
    niveau: str = "substantieel"
    toelichting: str = ""


@dataclass
class _Code:
    persoon: Persoon
    client_id: str
    redirect_uri: str
    nonce: str
    challenge: str
    verloopt: float


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def id_token(claims: dict, sleutel: str) -> str:
    """An HS256 JWT (RFC 7519) signed with the client secret, as OIDC allows for a confidential
    client; the portal checks it with mozilla-django-oidc."""
    kop = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    inhoud = _b64(json.dumps(claims).encode())
    handtekening = hmac.new(sleutel.encode(), f"{kop}.{inhoud}".encode(), hashlib.sha256)
    return f"{kop}.{inhoud}.{_b64(handtekening.digest())}"


class DigidStandIn:
    def __init__(self, personen: list[Persoon], *, client_id: str, client_secret: str):
        self.personen = personen
        self.client_id = client_id
        self.client_secret = client_secret
        self._codes: dict[str, _Code] = {}
        self._tokens: dict[str, dict] = {}
        self._slot = threading.Lock()

    def sluit(self) -> None:
        """For the test server's stop(): nothing to close."""

    def __call__(self, environ, start_response):
        pad = environ.get("PATH_INFO", "")
        methode = environ.get("REQUEST_METHOD", "GET")
        try:
            if pad == "/authorize" and methode == "GET":
                return self._kiezen(environ, start_response)
            if pad == "/authorize" and methode == "POST":
                return self._gekozen(environ, start_response)
            if pad == "/token" and methode == "POST":
                return self._token(environ, start_response)
            if pad == "/userinfo":
                return self._userinfo(environ, start_response)
            if pad == "/.well-known/openid-configuration":
                return self._json(start_response, 200, self._ontdekking(environ))
            if pad == "/_standin/status":
                return self._json(start_response, 200, {"status": "ok"})
        except _Fout as fout:
            return self._json(start_response, fout.status, {"error": fout.code})
        return self._json(start_response, 404, {"error": "not_found"})

    # --- the login page -----------------------------------------------------------------------

    def _kiezen(self, environ, start_response):
        vraag = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if vraag.get("response_type") != "code" or vraag.get("client_id") != self.client_id:
            raise _Fout(400, "invalid_request")
        if not vraag.get("redirect_uri") or not vraag.get("state"):
            raise _Fout(400, "invalid_request")
        verborgen = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(vraag.get(k, ""))}">'
            for k in ("redirect_uri", "state", "nonce", "code_challenge", "client_id")
        )
        knoppen = "".join(
            f'<li><button type="submit" name="persoon" value="{i}">{html.escape(p.naam)}</button>'
            f" <small>DigiD {html.escape(p.niveau.capitalize())}"
            f"{' – ' + html.escape(p.toelichting) if p.toelichting else ''}</small></li>"
            for i, p in enumerate(self.personen)
        )
        pagina = f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DigiD-stand-in: inloggen</title></head><body>
<main><h1>DigiD-stand-in</h1>
<p><strong>Dit is niet DigiD.</strong> Deze stand-in is alleen voor de demo en de tests. Alle
personen zijn verzonnen.</p>
<form method="post" action="/authorize">{verborgen}
<fieldset><legend>Inloggen als</legend><ul>{knoppen}</ul></fieldset>
<p><button type="submit" name="annuleren" value="1">Annuleren</button></p>
</form></main></body></html>"""
        return self._antwoord(start_response, 200, pagina.encode(), "text/html; charset=utf-8")

    def _gekozen(self, environ, start_response):
        form = self._formulier(environ)
        if form.get("client_id") != self.client_id:
            raise _Fout(400, "invalid_request")
        terug = form.get("redirect_uri", "")
        scheiding = "&" if "?" in terug else "?"
        if form.get("annuleren"):
            doel = terug + scheiding + urlencode({"error": "access_denied", "state": form["state"]})
            return self._doorsturen(start_response, doel)
        try:
            persoon = self.personen[int(form.get("persoon", ""))]
        except (ValueError, IndexError):
            raise _Fout(400, "invalid_request") from None
        code = secrets.token_urlsafe(24)
        with self._slot:
            self._codes[code] = _Code(
                persoon,
                self.client_id,
                terug,
                form.get("nonce", ""),
                form.get("code_challenge", ""),
                time.time() + CODE_GELDIG,
            )
        doel = terug + scheiding + urlencode({"code": code, "state": form.get("state", "")})
        return self._doorsturen(start_response, doel)

    # --- the back channel ---------------------------------------------------------------------

    def _token(self, environ, start_response):
        form = self._formulier(environ)
        client_id, geheim = form.get("client_id", ""), form.get("client_secret", "")
        basic = environ.get("HTTP_AUTHORIZATION", "")
        if basic.startswith("Basic "):
            client_id, _, geheim = base64.b64decode(basic[6:]).decode().partition(":")
        if client_id != self.client_id or not hmac.compare_digest(geheim, self.client_secret):
            raise _Fout(401, "invalid_client")
        if form.get("grant_type") != "authorization_code":
            raise _Fout(400, "unsupported_grant_type")
        with self._slot:
            code = self._codes.pop(form.get("code", ""), None)
        if code is None or code.verloopt < time.time():
            raise _Fout(400, "invalid_grant")
        if code.redirect_uri != form.get("redirect_uri"):
            raise _Fout(400, "invalid_grant")
        if code.challenge:
            verifier = form.get("code_verifier", "").encode()
            if _b64(hashlib.sha256(verifier).digest()) != code.challenge:
                raise _Fout(400, "invalid_grant")
        nu = int(time.time())
        claims = {
            "iss": "digid-stand-in",
            "sub": code.persoon.bsn,
            "bsn": code.persoon.bsn,
            "aud": self.client_id,
            "iat": nu,
            "exp": nu + TOKEN_GELDIG,
            "nonce": code.nonce,
            "acr": ACR.get(code.persoon.niveau, code.persoon.niveau),
        }
        toegang = secrets.token_urlsafe(24)
        with self._slot:
            self._tokens[toegang] = claims
        return self._json(
            start_response,
            200,
            {
                "access_token": toegang,
                "token_type": "Bearer",
                "expires_in": TOKEN_GELDIG,
                "id_token": id_token(claims, self.client_secret),
            },
        )

    def _userinfo(self, environ, start_response):
        kop = environ.get("HTTP_AUTHORIZATION", "")
        claims = (
            self._tokens.get(kop.removeprefix("Bearer ")) if kop.startswith("Bearer ") else None
        )
        if claims is None:
            raise _Fout(401, "invalid_token")
        return self._json(start_response, 200, claims)

    def _ontdekking(self, environ) -> dict:
        basis = f"http://{environ.get('HTTP_HOST', 'localhost')}"
        return {
            "issuer": "digid-stand-in",
            "authorization_endpoint": f"{basis}/authorize",
            "token_endpoint": f"{basis}/token",
            "userinfo_endpoint": f"{basis}/userinfo",
            "response_types_supported": ["code"],
            "id_token_signing_alg_values_supported": ["HS256"],
            "code_challenge_methods_supported": ["S256"],
            "acr_values_supported": list(ACR.values()),
        }

    # --- plumbing -----------------------------------------------------------------------------

    @staticmethod
    def _formulier(environ) -> dict[str, str]:
        lengte = int(environ.get("CONTENT_LENGTH") or 0)
        tekst = environ["wsgi.input"].read(min(lengte, 64 * 1024)).decode()
        return {k: v[0] for k, v in parse_qs(tekst).items()}

    @staticmethod
    def _antwoord(start_response, status, body: bytes, soort: str, extra=()):
        teksten = {200: "200 OK", 302: "302 Found", 400: "400 Bad Request"}
        teksten |= {401: "401 Unauthorized", 404: "404 Not Found"}
        start_response(
            teksten[status],
            [
                ("Content-Type", soort),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
                *extra,
            ],
        )
        return [body]

    def _json(self, start_response, status, data):
        return self._antwoord(start_response, status, json.dumps(data).encode(), "application/json")

    def _doorsturen(self, start_response, doel):
        return self._antwoord(start_response, 302, b"", "text/plain", [("Location", doel)])


class _Fout(Exception):
    def __init__(self, status: int, code: str):
        self.status, self.code = status, code


def personen_uit_json(tekst: str) -> list[Persoon]:
    return [Persoon(**p) for p in json.loads(tekst)]
