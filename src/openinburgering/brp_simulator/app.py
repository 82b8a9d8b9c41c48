"""The stand-in's WSGI application: ``POST /personen`` as the BRP API Personen answers it, and
control endpoints under ``/_sim/...`` (JSON, no API key) to seed people and switch faults on.

State is in memory: a restart forgets it, and ``make demo`` seeds it again from the demo's
database (``--zaai``). One lock guards it; a slow answer sleeps outside the lock.
"""

from __future__ import annotations

import json
import sys
import threading
import traceback
from dataclasses import asdict, dataclass
from datetime import date, datetime

from werkzeug.wrappers import Request, Response

from . import personen
from .spec import AUTOMATISCH, Spec, param_naam, reden

RAADPLEEG = "RaadpleegMetBurgerservicenummer"
MAX_VERTRAGING = 120.0
MAX_LOG = 1000

_TYPE = {
    400: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1",
    401: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2",
    403: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.4",
    404: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5",
    405: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.6",
    415: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.16",
    500: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1",
    503: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.4",
}
# (title, code) per status, in the words of the spec's examples (the patterns allow no colon).
_PROBLEEM = {
    400: ("Een of meerdere parameters zijn niet correct.", "paramsValidation"),
    401: ("Niet correct geauthenticeerd.", "authentication"),
    403: ("U bent niet geautoriseerd voor deze operatie.", "autorisation"),
    404: ("Opgevraagde resource bestaat niet.", "notFound"),
    405: ("Gebruikte bevraging is niet toegestaan.", "methodNotAllowed"),
    415: ("Media Type wordt niet ondersteund.", "unsupportedMediaType"),
    500: ("Interne server fout.", "serverError"),
    503: ("Bronservice BRP is tijdelijk niet beschikbaar.", "notAvailable"),
}
STORING_STATUSSEN = frozenset({401, 403, 404, 500, 503})


@dataclass
class Storing:
    """What the stand-in does for a BSN (or ``*``: every BSN) instead of answering normally."""

    status: int | None = None
    vertraging: float = 0.0
    aantal: int | None = None


def _json(status: int, body, content_type="application/json") -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, content_type=content_type)


class BrpStandIn:
    """The WSGI application. One instance per process."""

    def __init__(self, *, spec: Spec | None, api_key: str = "", vandaag: date | None = None):
        self.spec = spec
        self.api_key = api_key
        self.vaste_datum = vandaag
        self._personen: dict[str, dict] = {}
        self._storingen: dict[str, Storing] = {}
        self._verzoeken: list[dict] = []
        self._lock = threading.Lock()
        self._wekker = threading.Event()

    def vandaag(self) -> date:
        return self.vaste_datum or date.today()

    # --- state -----------------------------------------------------------------------------
    def zaaien(self, invoer) -> dict:
        """Seed people (``{"personen": [...]}`` or a list); all checked first, then stored. A
        person already known is replaced: the seed is the register."""
        lijst = invoer.get("personen") if isinstance(invoer, dict) else invoer
        if not isinstance(lijst, list):
            raise ValueError('verwacht {"personen": [...]} of een lijst')
        fouten = []
        for i, persoon in enumerate(lijst):
            fouten += [f"personen[{i}]: {f}" for f in personen.controleer(persoon)]
        if fouten:
            raise ValueError("; ".join(fouten[:20]))
        with self._lock:
            nieuw = sum(1 for p in lijst if p["bsn"] not in self._personen)
            for persoon in lijst:
                self._personen[persoon["bsn"]] = dict(persoon)
        return {"nieuw": nieuw, "bijgewerkt": len(lijst) - nieuw}

    def reset(self) -> None:
        with self._lock:
            self._personen.clear()
            self._storingen.clear()
            self._verzoeken.clear()
        self._wek()

    def _wek(self) -> None:
        self._wekker.set()
        self._wekker = threading.Event()

    def sluit(self) -> None:
        self._wek()

    # --- WSGI --------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        request = Request(environ)
        try:
            response = self._verwerk(request)
        except Exception:
            print(traceback.format_exc(), file=sys.stderr)
            response = self._probleem(request, 500, "De stand-in liep vast.")
        return response(environ, start_response)

    def _verwerk(self, request: Request) -> Response:
        pad = request.path.rstrip("/") or "/"
        if pad == "/_sim" or pad.startswith("/_sim/"):
            return self._beheer(request, pad[len("/_sim") :] or "/")
        if pad == "/personen":
            return self._personen_bevragen(request)
        return self._probleem(request, 404, "Onbekend pad, de BRP API Personen staat op personen.")

    def _probleem(self, request: Request, status: int, detail: str, invalid=None) -> Response:
        titel, code = _PROBLEEM[status]
        body = {
            "type": _TYPE[status],
            "title": titel,
            "status": status,
            "detail": detail,
            "instance": request.base_url,
            "code": code,
        }
        if invalid:
            body["invalidParams"] = [
                {
                    "type": "https://www.vng.nl/realisatie/api/validaties/" + c,
                    "name": param_naam(n),
                    "code": param_naam(c).replace(".", "").replace("_", "") or "invalid",
                    "reason": reden(r),
                }  # fmt: skip
                for n, c, r in invalid
            ]
        return _json(status, body, "application/problem+json")

    # --- POST /personen ----------------------------------------------------------------------
    def _personen_bevragen(self, request: Request) -> Response:
        log = {
            "tijd": datetime.now().astimezone().isoformat(timespec="milliseconds"),
            "methode": request.method,
            "contentType": request.content_type or "",
            "apiKey": request.headers.get("X-API-KEY"),
            # The purpose-binding headers a protocolling BRP gateway asks for, as received.
            "gateway": {
                kop: request.headers[kop]
                for kop in ("x-doelbinding", "x-verwerking", "x-origin-oin")
                if kop in request.headers
            },
            "body": None,
            "status": None,
        }
        antwoord = self._bevragen(request, log)
        log["status"] = antwoord.status_code
        with self._lock:
            self._verzoeken.append(log)
            del self._verzoeken[:-MAX_LOG]
        return antwoord

    def _bevragen(self, request: Request, log: dict) -> Response:
        if request.method != "POST":
            return self._probleem(request, 405, "Alleen POST is toegestaan.")
        if self.api_key and request.headers.get("X-API-KEY") != self.api_key:
            return self._probleem(request, 401, "Geen of een onjuiste API-sleutel (X-API-KEY).")
        if request.mimetype != "application/json":
            return self._probleem(request, 415, "Het verzoek moet application-json zijn.")
        try:
            body = json.loads(request.get_data() or b"null")
        except ValueError:
            return self._probleem(request, 400, "Het verzoek is geen geldige JSON.",
                                  [("body", "json", "Geen geldige JSON.")])  # fmt: skip
        log["body"] = body
        if self.spec is not None:
            fouten = self.spec.verzoek_fouten(body)
            if fouten:
                return self._probleem(request, 400, "Het verzoek voldoet niet aan de specificatie.",
                                      [(p, c, _uitleg(c, m)) for p, c, m in fouten])  # fmt: skip
        if not isinstance(body, dict):
            return self._probleem(request, 400, "Het verzoek is geen object.")
        if body.get("type") != RAADPLEEG:
            return self._probleem(
                request, 400, "De stand-in kent alleen RaadpleegMetBurgerservicenummer.",
                [("type", "value", "Alleen RaadpleegMetBurgerservicenummer wordt ondersteund.")],
            )  # fmt: skip
        fields = body.get("fields") or []
        ongeldig = []
        for i, veld in enumerate(fields):
            if any(veld == a or veld.startswith(a + ".") or f".{a}" in veld for a in AUTOMATISCH):
                ongeldig.append((f"fields.{i}", "field",
                                 "Parameter bevat een niet toegestane veldnaam."))  # fmt: skip
            elif self.spec is not None and veld not in self.spec.veldpaden:
                ongeldig.append((f"fields.{i}", "field",
                                 "Parameter bevat een niet bestaande veldnaam."))  # fmt: skip
        if ongeldig:
            return self._probleem(request, 400, "De fields bevatten onbekende velden.", ongeldig)
        bsns = list(dict.fromkeys(body.get("burgerservicenummer") or []))
        storing = self._storing_voor(bsns)
        if storing is not None and storing.vertraging:
            self._wekker.wait(min(storing.vertraging, MAX_VERTRAGING))
        if storing is not None and storing.status:
            return self._probleem(request, storing.status, "Gesimuleerde storing.")
        gemeente = body.get("gemeenteVanInschrijving")
        with self._lock:
            gevonden = [self._personen[b] for b in bsns if b in self._personen]
        lijst = []
        for invoer in gevonden:
            persoon = personen.als_persoon(invoer, vandaag=self.vandaag())
            if gemeente and (persoon.get("gemeenteVanInschrijving") or {}).get("code") != gemeente:
                continue
            lijst.append(personen.filteren(persoon, fields))
        antwoord = {"type": RAADPLEEG, "personen": lijst}
        if self.spec is not None:
            fouten = self.spec.antwoord_fouten(200, antwoord)
            if fouten:
                # Never an answer the spec does not allow: this is the stand-in's own mistake.
                print(f"BRP-stand-in: antwoord voldoet niet aan de specificatie: {fouten[:3]}",
                      file=sys.stderr)  # fmt: skip
                return self._probleem(
                    request, 500, "Het antwoord voldeed niet aan de specificatie."
                )
        return _json(200, antwoord, "application/json; charset=utf-8")

    def _storing_voor(self, bsns: list[str]) -> Storing | None:
        with self._lock:
            for sleutel in [*bsns, "*"]:
                storing = self._storingen.get(sleutel)
                if storing is None:
                    continue
                if storing.aantal is not None:
                    storing.aantal -= 1
                    if storing.aantal <= 0:
                        del self._storingen[sleutel]
                return Storing(**asdict(storing))
        return None

    # --- /_sim -----------------------------------------------------------------------------
    def _beheer(self, request: Request, pad: str) -> Response:
        methode = request.method
        invoer = None
        if request.get_data():
            try:
                invoer = json.loads(request.get_data())
            except ValueError:
                return _json(400, {"fout": "geen geldige JSON"})
        if pad == "/status" and methode == "GET":
            with self._lock:
                aantal = len(self._personen)
            return _json(200, {
                "specificatie": None if self.spec is None else self.spec.versie,
                "personen": aantal,
                "apiKeyVereist": bool(self.api_key),
                "vandaag": self.vandaag().isoformat(),
            })  # fmt: skip
        if pad == "/reset" and methode == "POST":
            self.reset()
            return _json(200, {"reset": True})
        if pad in ("/personen", "/zaaien") and methode == "POST":
            if isinstance(invoer, dict) and "personen" not in invoer:
                invoer = [invoer]
            try:
                uitkomst = self.zaaien(invoer)
            except ValueError as fout:
                return _json(400, {"fout": str(fout)})
            return _json(201, uitkomst)
        if pad == "/personen" and methode == "GET":
            with self._lock:
                return _json(200, sorted(self._personen.values(), key=lambda p: p["bsn"]))
        if pad.startswith("/personen/"):
            bsn = pad.removeprefix("/personen/")
            with self._lock:
                persoon = self._personen.get(bsn)
                if methode == "DELETE" and persoon is not None:
                    del self._personen[bsn]
                    return _json(200, {"verwijderd": bsn})
            if persoon is None:
                return _json(404, {"fout": "onbekend BSN"})
            return _json(200, {
                "invoer": persoon, "persoon": personen.als_persoon(persoon, vandaag=self.vandaag())
            })  # fmt: skip
        if pad == "/storingen" and methode == "POST":
            return self._storing_zetten(invoer)
        if pad == "/storingen" and methode == "DELETE":
            with self._lock:
                self._storingen.clear()
            self._wek()
            return _json(200, {})
        if pad == "/storingen" and methode == "GET":
            with self._lock:
                return _json(200, {k: asdict(v) for k, v in self._storingen.items()})
        if pad == "/verzoeken" and methode == "GET":
            with self._lock:
                return _json(200, list(self._verzoeken))
        return _json(404, {"fout": "onbekend beheerpad"})

    def _storing_zetten(self, invoer) -> Response:
        if not isinstance(invoer, dict) or not isinstance(invoer.get("bsn"), str):
            return _json(400, {"fout": "verwacht {\"bsn\": BSN of \"*\", \"status\"?, "
                                       "\"vertraging\"?, \"aantal\"?}"})  # fmt: skip
        status = invoer.get("status")
        if status is not None and status not in STORING_STATUSSEN:
            return _json(400, {"fout": f"status is een van {sorted(STORING_STATUSSEN)}"})
        try:
            vertraging = min(float(invoer.get("vertraging") or 0), MAX_VERTRAGING)
            aantal = int(invoer["aantal"]) if invoer.get("aantal") is not None else None
        except (TypeError, ValueError):
            return _json(400, {"fout": "vertraging en aantal zijn getallen"})
        storing = Storing(status=status, vertraging=vertraging, aantal=aantal)
        with self._lock:
            self._storingen[invoer["bsn"]] = storing
        return _json(200, asdict(storing))


def _uitleg(code: str, melding: str) -> str:
    return {
        "pattern": "Waarde voldoet niet aan het patroon.",
        "required": "Parameter is verplicht.",
        "type": "Waarde heeft een verkeerd type.",
        "enum": "Waarde is geen geldige keuze.",
        "maxItems": "Te veel waarden.",
        "minItems": "Te weinig waarden.",
        "format": "Waarde heeft een ongeldig formaat.",
        "const": "Waarde is niet toegestaan.",
    }.get(code, "Waarde voldoet niet aan de specificatie.")
