"""The simulator's WSGI application: DUO's APIs under ``/v1/...`` and control endpoints under
``/_sim/...``. No Django; werkzeug only for request and response objects (the server is ours)."""

import contextlib
import copy
import hashlib
import json
import re
import socket
import sys
import threading
import traceback
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from werkzeug.wrappers import Request, Response

from . import DUO_OIN_STANDAARD, apis, notificaties, personen, velden
from .datums import parse_datum
from .klok import Klok
from .routes import API_VERSIES, zoek_route
from .spec import Specs
from .store import Store

MAX_HANG = 120.0
MAX_TRAAG = 60.0
_NEGEN_CIJFERS = re.compile(r"[0-9]{9}")


class VerbreekVerbinding(ConnectionResetError):
    """Raised to make the server drop the connection without an answer (the server treats a
    ConnectionError from the application as a dropped connection, silently)."""


@dataclass
class Storing:
    mode: str
    seconds: float = 0.0
    paths: list[str] | None = None
    count: int | None = None


def _json(status: int, body, headers: dict | None = None) -> Response:
    if body is None:
        response = Response(b"", status=status)
        del response.headers["Content-Type"]
    else:
        response = Response(
            json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
        )
    for sleutel, waarde in (headers or {}).items():
        response.headers[sleutel] = waarde
    return response


def _fouten(teksten: list[str]) -> list[dict]:
    return [{"fouttekst": t[:200]} for t in teksten]


def _canoniek(raw: bytes) -> str:
    try:
        return json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":"))
    except ValueError:
        return raw.decode("utf-8", errors="replace")


class Simulator:
    """The WSGI application. One instance per process; state lives in the SQLite file."""

    def __init__(
        self,
        db_pad: Path | str,
        *,
        specs: Specs | None = None,
        duo_oin: str = DUO_OIN_STANDAARD,
        gemeente_url: str = "http://127.0.0.1:8000",
    ):
        self.store = Store(db_pad)
        self.klok = Klok(self.store)
        self.specs = specs
        self.duo_oin = duo_oin
        self.gemeente_url = gemeente_url
        self._storing: Storing | None = None
        self._storing_lock = threading.Lock()
        self._wekker = threading.Event()

    def sluit(self) -> None:
        self._wek()
        self.store.sluit()

    # --- WSGI ----------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        request = Request(environ)
        try:
            response = self._verwerk(request)
        except VerbreekVerbinding:
            sock = environ.get("simulator.socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            raise
        except Exception:
            tekst = "".join(traceback.format_exc())
            print(_NEGEN_CIJFERS.sub("*********", tekst), file=sys.stderr)
            response = _json(500, _fouten(["Interne fout in de DUO-simulator."]))
        return response(environ, start_response)

    def _verwerk(self, request: Request) -> Response:
        pad = request.path
        if pad == "/_sim" or pad.startswith("/_sim/"):
            return self._beheer(request, pad[len("/_sim") :].rstrip("/") or "/")
        if pad.startswith("/v1/"):
            return self._duo(request, pad[len("/v1") :])
        return _json(404, _fouten(["Onbekend pad; DUO's API's staan onder /v1/."]))

    # --- faults ----------------------------------------------------------------------------------
    def _wek(self) -> None:
        self._wekker.set()
        self._wekker = threading.Event()

    def _slaap(self, seconden: float) -> None:
        self._wekker.wait(seconden)

    def _storing_voor(self, pad: str) -> Storing | None:
        with self._storing_lock:
            storing = self._storing
            if storing is None:
                return None
            if storing.paths and not any(
                pad.startswith(p) or pad[len("/v1") :].startswith(p) for p in storing.paths
            ):
                return None
            if storing.count is not None:
                storing.count -= 1
                if storing.count <= 0:
                    self._storing = None
            return copy.copy(storing)

    # --- DUO's APIs ------------------------------------------------------------------------------
    def _duo(self, request: Request, pad: str) -> Response:
        treffer = zoek_route(request.method, pad)
        if treffer is None:
            return _json(404, _fouten(["Onbekend pad."]))
        versie = {"API-Version": API_VERSIES[treffer.api]}
        if treffer.route is None:
            return _json(405, _fouten(["Methode niet toegestaan op dit pad."]), versie)
        route = treffer.route
        bron = request.headers.get("bron")
        bericht_id = request.headers.get("berichtId")
        raw = request.get_data()
        tijd = datetime.now().astimezone().isoformat(timespec="milliseconds")
        if bericht_id and velden._UUID.fullmatch(bericht_id):
            versie["berichtId"] = bericht_id
        log = {
            "tijd": tijd,
            "bron": bron,
            "bericht_id": bericht_id,
            "methode": request.method,
            "pad": request.path,
            "body": raw.decode("utf-8", errors="replace") if raw else None,
            "herhaling": 0,
            "toegepast": 0,
        }

        storing = self._storing_voor(request.path)
        if storing and storing.mode == "503":
            with self.store.transactie():
                self.store.bericht_vastleggen(**log, status=503)
            return _json(503, _fouten(["Service niet beschikbaar (gesimuleerde storing)."]), versie)

        fouten, verboden = velden.header_fouten(request.headers, self.duo_oin)
        fouten += velden.pad_fouten(treffer.params)
        body = None
        if raw and request.mimetype != "application/json":
            fouten.append("Content-Type moet application/json zijn.")
        elif raw:
            try:
                body = json.loads(raw)
            except ValueError:
                fouten.append("De body is geen geldige JSON.")
        if self.specs is not None and self.specs.apis.get(route.api) is not None:
            spec_fouten = self.specs.valideer_verzoek(
                route.api, request.method, pad, request.headers, raw, request.content_type
            )
        else:
            spec_fouten = (
                velden.body_fouten(route.handler, body)
                if raw or route.handler in velden.BODIES
                else []
            )
        fouten += [f for f in spec_fouten if f not in fouten]
        fouten += velden.onbekende_velden(route.handler, body)

        if fouten or verboden:
            if fouten or "403" not in route.statussen:
                status, teksten = 400, fouten + verboden
            else:
                status, teksten = 403, verboden
            with self.store.transactie():
                self.store.bericht_vastleggen(**log, status=status)
            return _json(status, _fouten(teksten), versie)

        vingerafdruk = hashlib.sha256(
            f"{request.method} {pad}\n{_canoniek(raw)}".encode()
        ).hexdigest()
        with self.store.transactie():
            eerder = self.store.antwoord(bron, bericht_id) if route.wijzigt else None
            if eerder is not None:
                log["herhaling"] = 1
                if eerder["vingerafdruk"] == vingerafdruk:
                    status = eerder["status"]
                    antwoord_body = json.loads(eerder["body"]) if eerder["body"] else None
                else:
                    status = 400
                    antwoord_body = _fouten(
                        ["Dit berichtId is al gebruikt voor een ander bericht van uw organisatie."]
                    )
            else:
                status, antwoord_body = self._uitvoeren(route, bron, treffer.params, body)
                if route.wijzigt:
                    log["toegepast"] = int(200 <= status < 300)
                    self.store.antwoord_opslaan(
                        bron,
                        bericht_id,
                        vingerafdruk,
                        status,
                        json.dumps(antwoord_body, ensure_ascii=False)
                        if antwoord_body is not None
                        else None,
                    )
            self.store.bericht_vastleggen(**log, status=status)

        if storing and storing.mode in ("hang", "slow"):
            limiet = MAX_HANG if storing.mode == "hang" else MAX_TRAAG
            self._slaap(max(0.0, min(float(storing.seconds), limiet)))
        if storing and storing.mode == "close":
            raise VerbreekVerbinding("gesimuleerde verbroken verbinding")
        return _json(status, antwoord_body, versie)

    def _uitvoeren(self, route, bron, params, body) -> tuple[int, object]:
        ctx = apis.Context(
            store=self.store, bron=bron, params=params, body=body, vandaag=self.klok.vandaag()
        )
        handler = getattr(apis, route.handler)
        self.store.sql("SAVEPOINT handler")
        try:
            antwoord = handler(ctx)
        except apis.Weigering as weigering:
            self.store.sql("ROLLBACK TO SAVEPOINT handler")
            self.store.sql("RELEASE SAVEPOINT handler")
            return weigering.status, _fouten(weigering.fouten)
        self.store.sql("RELEASE SAVEPOINT handler")
        return antwoord.status, antwoord.body

    # --- control endpoints ---------------------------------------------------------------------
    def _beheer(self, request: Request, pad: str) -> Response:
        methode = request.method
        body = None
        if request.get_data():
            try:
                body = json.loads(request.get_data())
            except ValueError:
                return _json(400, {"fout": "De body is geen geldige JSON."})
        try:
            return self._beheer_route(request, methode, pad, body)
        except personen.OngeldigeInvoer as fout:
            return _json(400, {"fout": str(fout)})

    def _beheer_route(self, request, methode, pad, body) -> Response:
        body = body if body is not None else {}
        if pad == "/status" and methode == "GET":
            return _json(200, self.status())
        if pad == "/reset" and methode == "POST":
            self.reset()
            return _json(200, {"reset": True})
        if pad == "/gemeenten":
            if methode == "POST":
                return self._gemeente_opslaan(body)
            return _json(200, self.store.gemeenten())
        if pad == "/personen" and methode == "POST":
            return self._persoon_opslaan(body)
        if pad == "/zaaien" and methode == "POST":
            return _json(200, self.zaaien(body))
        if pad == "/personen" and methode == "GET":
            gemeente = request.args.get("gemeente")
            lijst = [
                {
                    "bsn": p["bsn"],
                    "naam": p.get("naam"),
                    "woongemeenteOin": p.get("woongemeenteOin"),
                    "heeftPip": bool(p.get("pips")),
                }
                for p in self.store.personen()
                if not gemeente or p.get("woongemeenteOin") == gemeente
            ]
            return _json(200, lijst)
        if pad.startswith("/personen/") and methode == "GET":
            with self.store.transactie():
                persoon = self.store.persoon(pad[len("/personen/") :])
                if persoon is None:
                    return _json(404, {"fout": "Persoon niet bekend in de simulator."})
                return _json(200, personen.volledige_staat(self.store, persoon))
        if pad == "/berichten" and methode == "GET":
            with self.store.transactie():
                lijst = self.store.berichten(
                    pad=request.args.get("pad") or request.args.get("path"),
                    bron=request.args.get("bron"),
                    methode=request.args.get("methode"),
                )
            return _json(200, lijst)
        if pad == "/fouten":
            if methode == "POST":
                return self._storing_instellen(body)
            with self._storing_lock:
                return _json(200, asdict(self._storing) if self._storing else {"mode": "none"})
        if pad == "/notificaties":
            if methode == "POST":
                return self._notificatie_sturen(body)
            with self.store.transactie():
                lijst = self.store.notificaties(
                    bsn=request.args.get("bsn"), doel=request.args.get("doel")
                )
            return _json(200, lijst)
        if pad == "/gebeurtenissen" and methode == "GET":
            with self.store.transactie():
                lijst = self.store.gebeurtenissen(request.args.get("bsn") or "")
            return _json(200, lijst)
        if pad == "/klok":
            if methode == "POST":
                return self._klok_instellen(body)
            return _json(200, self.klok.stand())
        if pad == "/instellingen":
            if methode == "POST":
                return self._instelling_opslaan(body)
            return _json(200, self.store.instellingen())
        return _json(404, {"fout": "Onbekend beheerpad of methode."})

    def status(self) -> dict:
        return {
            "simulator": "DUO",
            "duoOin": self.duo_oin,
            "specs": str(self.specs.map) if self.specs else None,
            "specValidatie": self.specs is not None,
            "database": str(self.store.pad),
            "gemeenteUrl": self.gemeente_url,
            "apis": dict(API_VERSIES),
            "klok": self.klok.stand(),
        }

    def reset(self) -> None:
        with self._storing_lock:
            self._storing = None
        self._wek()
        self.store.reset()

    def zaaien(self, invoer: dict) -> dict:
        """Seed gemeenten and persons in one go (see ``personen.zaaien``)."""
        return personen.zaaien(self.store, invoer, self.klok.vandaag())

    def _gemeente_opslaan(self, body) -> Response:
        oin, code = body.get("oin"), body.get("gemeentecode")
        if not (isinstance(oin, str) and len(oin) == 20 and oin.isdigit()):
            raise personen.OngeldigeInvoer("'oin' moet een OIN van 20 cijfers zijn.")
        if not (isinstance(code, str) and len(code) == 4 and code.isdigit()):
            raise personen.OngeldigeInvoer("'gemeentecode' moet 4 cijfers zijn.")
        with self.store.transactie():
            self.store.gemeente_opslaan(oin, code, body.get("naam"))
        return _json(201, {"oin": oin, "gemeentecode": code, "naam": body.get("naam")})

    def _persoon_opslaan(self, body) -> Response:
        personen.controleer(body)
        with self.store.transactie():
            bestaand = self.store.persoon(body["bsn"])
            persoon = personen.bijwerken(self.store, bestaand, body, self.klok.vandaag())
            self.store.persoon_opslaan(persoon)
            staat = personen.volledige_staat(self.store, persoon)
        return _json(200 if bestaand else 201, staat)

    def _storing_instellen(self, body) -> Response:
        mode = str(body.get("mode", "none"))
        if mode not in ("503", "hang", "close", "slow", "none"):
            raise personen.OngeldigeInvoer("'mode' moet 503, hang, close, slow of none zijn.")
        paths = body.get("paths")
        if isinstance(paths, str):
            paths = [paths]
        if paths is not None and not (
            isinstance(paths, list) and all(isinstance(p, str) for p in paths)
        ):
            raise personen.OngeldigeInvoer("'paths' moet een padvoorvoegsel of een lijst zijn.")
        count = body.get("count")
        if count is not None and not (isinstance(count, int) and count > 0):
            raise personen.OngeldigeInvoer("'count' moet een positief geheel getal zijn.")
        standaard = {"hang": 30.0, "slow": 1.0}.get(mode, 0.0)
        seconds = body.get("seconds", standaard)
        if not isinstance(seconds, int | float) or seconds < 0:
            raise personen.OngeldigeInvoer("'seconds' moet een getal >= 0 zijn.")
        limiet = MAX_HANG if mode == "hang" else MAX_TRAAG
        with self._storing_lock:
            self._storing = (
                None
                if mode == "none"
                else Storing(
                    mode=mode, seconds=min(float(seconds), limiet), paths=paths, count=count
                )
            )
            uit = asdict(self._storing) if self._storing else {"mode": "none"}
        if mode == "none":
            self._wek()
        return _json(200, uit)

    def _klok_instellen(self, body) -> Response:
        waarde = body.get("vandaag")
        factor = body.get("factor")
        if waarde is not None and not parse_datum(waarde):
            raise personen.OngeldigeInvoer("'vandaag' moet een datum (JJJJ-MM-DD) of null zijn.")
        if factor is not None and not (isinstance(factor, int | float) and factor > 0):
            raise personen.OngeldigeInvoer("'factor' moet een positief getal zijn.")
        self.klok.instellen(parse_datum(waarde) if waarde else None, factor)
        return _json(200, self.klok.stand())

    def _instelling_opslaan(self, body) -> Response:
        nummer = body.get("instellingsnummer")
        if not (isinstance(nummer, str) and len(nummer) == 10):
            raise personen.OngeldigeInvoer("'instellingsnummer' moet 10 tekens zijn.")
        for veld in ("naam", "postcode", "huisnummer", "plaatsnaam"):
            if veld not in body:
                raise personen.OngeldigeInvoer(f"'{veld}' is verplicht.")
        with self.store.transactie():
            self.store.instelling_opslaan(body)
        return _json(201, body)

    def _notificatie_sturen(self, body) -> Response:
        """DUO records an event and notifies the gemeente; ``"versturen": false`` records it only
        (a notification that never arrives, for the gemeente's catch-up via the Gebeurtenis API).
        """
        gebeurtenis = body.get("gebeurtenisId")
        bsn = body.get("bsn")
        v_nummer = body.get("vNummer")
        versturen = body.get("versturen", True)
        if not isinstance(versturen, bool):
            raise personen.OngeldigeInvoer("'versturen' moet true of false zijn.")
        with self.store.transactie():
            persoon = self.store.persoon(bsn) if bsn else None
        doel = body.get("doelGemeenteOin") or (persoon or {}).get("woongemeenteOin")
        if persoon and persoon.get("inCoa") and not body.get("doelGemeenteOin"):
            doel = persoon.get("coaGemeenteOin") or doel
        if not doel:
            raise personen.OngeldigeInvoer(
                "'doelGemeenteOin' ontbreekt en de persoon heeft geen bekende gemeente."
            )
        if v_nummer is None and persoon is not None:
            v_nummer = persoon.get("vNummer")
        nu = self.klok.nu()
        notificatie = notificaties.bouw_notificatie(gebeurtenis, bsn, v_nummer, nu)
        if not versturen:
            fouten = notificaties.eigen_fouten({"bron": self.duo_oin, "doel": doel}, notificatie)
            if fouten:
                return _json(
                    400, {"fout": "Notificatie voldoet niet aan de specificatie.", "fouten": fouten}
                )
            self._gebeurtenis_vastleggen(bsn, str(gebeurtenis), nu, genotificeerd=False)
            return _json(200, {"status": None, "vastgelegd": notificatie, "verzonden": None})
        try:
            resultaat = notificaties.verstuur(
                gemeente_url=body.get("gemeenteUrl") or self.gemeente_url,
                duo_oin=self.duo_oin,
                doel_oin=doel,
                body=notificatie,
                specs=self.specs,
                timeout=float(body.get("timeout", 10)),
            )
        except ValueError as fout:
            return _json(
                400,
                {"fout": "Notificatie voldoet niet aan de specificatie.", "fouten": fout.args[0]},
            )
        # DUO recorded the event whether or not the gemeente took the notification.
        self._gebeurtenis_vastleggen(bsn, str(gebeurtenis), nu, genotificeerd=True)
        with self.store.transactie():
            self.store.notificatie_vastleggen(
                tijd=datetime.now().astimezone().isoformat(timespec="milliseconds"),
                doel=doel,
                bericht_id=resultaat["headers"]["berichtId"],
                bsn=bsn,
                gebeurtenis_id=str(gebeurtenis),
                body=json.dumps(notificatie),
                status=resultaat["status"],
                antwoord=resultaat["antwoord"],
            )
        status = 200 if resultaat["status"] is not None else 502
        return _json(
            status,
            {
                "status": resultaat["status"],
                "antwoord": resultaat["antwoord"],
                "verzonden": {
                    "url": resultaat["url"],
                    "headers": {k: v for k, v in resultaat["headers"].items()},
                    "body": notificatie,
                },
            },
        )

    def _gebeurtenis_vastleggen(self, bsn, gebeurtenis: str, nu, *, genotificeerd: bool) -> None:
        """What DUO's Gebeurtenis API lists for the person (only a person with a BSN)."""
        if not bsn:
            return
        with self.store.transactie():
            self.store.gebeurtenis_vastleggen(
                bsn=bsn,
                gebeurtenis_id=gebeurtenis,
                omschrijving=notificaties.omschrijving(gebeurtenis),
                datum=notificaties.datum_van(nu).isoformat(),
                tijd=nu.isoformat(timespec="seconds"),
                genotificeerd=genotificeerd,
            )
