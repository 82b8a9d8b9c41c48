"""The BSN leak check over everything the test suite produced (issue 15, ADR 0059).

A pytest plugin (``-p openinburgering.core.tests.lekcontrole`` in ``pyproject.toml``). During the
whole session it looks at:

- every log record, formatted as production writes it (the ``console`` handler's formatter);
- every request the application answered, through the test client, the live server of the
  browser tests or a WSGI app (schemathesis): its URL and its response headers;
- every text response body (HTML, JSON, problem+json, CSV), and error responses apart;
- at the end, every file the session wrote under ``test-artefacten/`` and ``var/`` (text, PDF
  text, the XML inside XLSX and other zip files).

A BSN is any nine digits that pass the 11-proef. Where one may appear:

- logs, URLs and response headers: nowhere;
- a JSON response: only as the value of a key named ``bsn``, and only if the status is below 400
  (an error never repeats the number);
- an HTML page: only as the value of an ``<input name="bsn">``: the field the user typed it in
  (also when a form comes back with a 400 to be corrected) or the read-only field of a person
  DUO announced. A page never shows it as text (it shows ``bsn_gemaskeerd``);
- a file: nowhere (a letter names the person, never the BSN), except in a JSON file as the value
  of a key named ``bsn``, as in a JSON answer: the handover file between gemeenten carries the
  number the law prescribes for an exchange (ADR 0067).

Findings are listed at the end of the session with the test that caused them; the BSN itself is
masked. With xdist every worker checks what it saw and sends its totals and findings to the
controller (``workeroutput``), which scans the files, writes ``test-artefacten/lekken.txt`` and
fails the run. A test that puts a BSN into a log or URL on purpose (to prove something else
masks it) says so with ``@pytest.mark.bsn_toegestaan("log", reden="...")``; what it leaks is
counted as allowed, not as a leak.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from stdnum.nl import bsn as stdnum_bsn

#: Nine digits that are not part of a longer number, a decimal, a date or an identifier.
NEGEN_CIJFERS = re.compile(r"(?<![\w.-])(\d{9})(?![\w.-])")
#: The one place a BSN may appear in HTML: the value of a form field named bsn.
BSN_INVOERVELD = re.compile(r'<input[^>]*name="bsn"[^>]*>')
TEKST_SOORTEN = ("text/", "application/json", "application/problem+json", "application/xml")
SOORTEN = ("log", "url", "pagina", "bestand")
MARKER = "bsn_toegestaan"
UITVOER = "lekken.txt"
#: What is read of a file; letters and exports are far smaller.
MAX_BESTAND = 20 * 1024 * 1024
ZIP_ACHTERVOEGSELS = {".xlsx", ".docx", ".odt", ".ods", ".zip"}
BINAIR_ACHTERVOEGSELS = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".webm", ".mp4", ".woff", ".woff2", ".ico",
    ".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal", ".db", ".gz", ".br",
}  # fmt: skip


def gelekte_bsns(tekst: str) -> list[str]:
    """Every nine-digit number in ``tekst`` that passes the 11-proef (000000000 is no BSN)."""
    return [m for m in NEGEN_CIJFERS.findall(tekst) if m != "000000000" and stdnum_bsn.is_valid(m)]


def _gemaskeerd(treffer: re.Match) -> str:
    cijfers = treffer.group(1)
    return "•••••" + cijfers[-4:] if gelekte_bsns(cijfers) else cijfers


def maskeer(tekst: str, lengte: int = 200) -> str:
    """``tekst`` with every BSN masked as the application does (•••••1234), shortened."""
    uit = NEGEN_CIJFERS.sub(_gemaskeerd, tekst)
    uit = " ".join(uit.split())
    return uit if len(uit) <= lengte else uit[: lengte - 1] + "…"


def _zonder_bsn_sleutels(waarde):
    if isinstance(waarde, dict):
        return {k: (None if k == "bsn" else _zonder_bsn_sleutels(v)) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_zonder_bsn_sleutels(v) for v in waarde]
    return waarde


def zonder_toegestane_velden(inhoud: str, content_type: str, status: int = 200) -> str:
    """The part of a response body where a BSN would be a leak (see the module's rules)."""
    if "json" in content_type:
        if status >= 400:
            return inhoud
        try:
            return json.dumps(_zonder_bsn_sleutels(json.loads(inhoud)))
        except ValueError:
            return inhoud
    if "html" in content_type:
        return BSN_INVOERVELD.sub("", inhoud)
    return inhoud


def lekken_in_antwoord(methode: str, pad: str, response) -> list[tuple[str, str]]:
    """(soort, waar) of every leak in one answer: its URL, its headers, its body."""
    uit = []
    waar = f"{methode} {maskeer(pad)}"
    if gelekte_bsns(pad):
        uit.append(("url", waar))
    for header, waarde in response.items():
        if gelekte_bsns(str(waarde)):
            uit.append(("url", f"header {header} van {waar}"))
    if getattr(response, "streaming", False):
        return uit
    content_type = response.get("Content-Type", "")
    if content_type.startswith(TEKST_SOORTEN):
        status = response.status_code
        inhoud = response.content.decode(errors="replace")
        if gelekte_bsns(zonder_toegestane_velden(inhoud, content_type, status)):
            uit.append(("pagina", f"{waar} -> {status} ({content_type.split(';')[0]})"))
    return uit


def tekst_van_bestand(pad: Path) -> str | None:
    """The text in a file as someone who opens it would read it; None for images and databases."""
    achtervoegsel = pad.suffix.lower()
    if achtervoegsel in BINAIR_ACHTERVOEGSELS or pad.stat().st_size > MAX_BESTAND:
        return None
    if achtervoegsel == ".pdf":
        from pypdf import PdfReader

        lezer = PdfReader(str(pad))
        return "\n".join(pagina.extract_text() or "" for pagina in lezer.pages)
    if achtervoegsel in ZIP_ACHTERVOEGSELS:
        with zipfile.ZipFile(pad) as archief:
            # Cells and paragraphs are separate XML elements: a space keeps their digits apart.
            return "\n".join(
                re.sub(r"<[^>]+>", " ", archief.read(naam).decode(errors="replace"))
                for naam in archief.namelist()
                if naam.endswith((".xml", ".txt", ".csv"))
            )
    inhoud = pad.read_bytes()
    if b"\0" in inhoud[:8192]:
        return None
    tekst = inhoud.decode(errors="replace")
    if achtervoegsel == ".json":
        # As a JSON answer: a key named bsn may hold it (the handover file, ADR 0067).
        return zonder_toegestane_velden(tekst, "application/json")
    return tekst


class Lekcontrole:
    """Collects during the session, judges at its end (see the module's docstring)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.begin = time.time()
        self.tellers: Counter[str] = Counter()
        self.lekken: list[dict] = []
        self.toegestaan: list[dict] = []
        self.test = ""
        self.vrijgesteld: frozenset[str] = frozenset()
        self.uitslag: tuple[Counter[str], list[dict], list[dict]] | None = None
        self._formatter: logging.Formatter | None = None
        self._origineel: dict[str, object] = {}
        self._aanhaken()

    # --- collecting ----------------------------------------------------------------------

    def vondst(self, soort: str, waar: str) -> None:
        # A parametrized test's id could hold a BSN too.
        regel = {"soort": soort, "waar": waar, "test": maskeer(self.test, lengte=500)}
        (self.toegestaan if soort in self.vrijgesteld else self.lekken).append(regel)

    def _aanhaken(self) -> None:
        from django.core.handlers.base import BaseHandler

        controle = self
        get_response = BaseHandler.get_response
        get_response_async = BaseHandler.get_response_async
        call_handlers = logging.Logger.callHandlers

        def get_response_met_controle(handler, request):
            response = get_response(handler, request)
            controle.antwoord(request, response)
            return response

        async def get_response_async_met_controle(handler, request):
            response = await get_response_async(handler, request)
            controle.antwoord(request, response)
            return response

        def call_handlers_met_controle(logger, record):
            controle.logregel(record)
            return call_handlers(logger, record)

        self._origineel = {
            "get_response": get_response,
            "get_response_async": get_response_async,
            "callHandlers": call_handlers,
        }
        BaseHandler.get_response = get_response_met_controle
        BaseHandler.get_response_async = get_response_async_met_controle
        logging.Logger.callHandlers = call_handlers_met_controle

    def afhaken(self) -> None:
        from django.core.handlers.base import BaseHandler

        if not self._origineel:
            return
        BaseHandler.get_response = self._origineel["get_response"]
        BaseHandler.get_response_async = self._origineel["get_response_async"]
        logging.Logger.callHandlers = self._origineel["callHandlers"]
        self._origineel = {}

    def _opmaak(self) -> logging.Formatter:
        """The formatter of production's console handler, once Django has configured logging."""
        if self._formatter is None:
            console = next((h for h in logging.root.handlers if h.get_name() == "console"), None)
            if console is not None and console.formatter is not None:
                self._formatter = console.formatter
            else:
                return logging.Formatter("%(name)s %(levelname)s %(message)s")
        return self._formatter

    def logregel(self, record: logging.LogRecord) -> None:
        self.tellers["log"] += 1
        try:
            tekst = self._opmaak().format(record)
        except Exception:  # a record the formatter cannot render is still scanned
            tekst = f"{record.msg!r} {record.args!r}"
        if gelekte_bsns(tekst):
            self.vondst("log", f"{record.name}: {maskeer(tekst)}")

    def antwoord(self, request, response) -> None:
        try:
            pad = request.get_full_path()
        except Exception:
            pad = getattr(request, "path", "?")
        self.tellers["url"] += 1
        if not getattr(response, "streaming", False) and str(
            response.get("Content-Type", "")
        ).startswith(TEKST_SOORTEN):
            self.tellers["pagina"] += 1
            if response.status_code >= 400:
                self.tellers["foutpagina"] += 1
        for soort, waar in lekken_in_antwoord(request.method, pad, response):
            self.vondst(soort, waar)

    def bestanden(self, mappen: list[Path]) -> None:
        """Every file under ``mappen`` written since the session began."""
        for map_ in mappen:
            for wortel, _mappen, namen in os.walk(map_):
                for naam in namen:
                    pad = Path(wortel) / naam
                    if naam == UITVOER or pad.stat().st_mtime < self.begin - 1:
                        continue
                    try:
                        tekst = tekst_van_bestand(pad)
                    except Exception:
                        tekst = None
                    if tekst is None:
                        self.tellers["binair"] += 1
                        continue
                    self.tellers["bestand"] += 1
                    if gelekte_bsns(tekst):
                        relatief = pad.relative_to(self.config.rootpath)
                        self.vondst("bestand", str(relatief))

    # --- pytest hooks --------------------------------------------------------------------

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem):
        self.test = item.nodeid
        self.vrijgesteld = frozenset(
            soort for marker in item.iter_markers(MARKER) for soort in marker.args
        )
        try:
            return (yield)
        finally:
            self.test = ""
            self.vrijgesteld = frozenset()

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node, error) -> None:
        """On the xdist controller: what one worker saw."""
        deel = getattr(node, "workeroutput", {}).get("bsn_lekcontrole")
        if deel:
            self.tellers.update(deel["tellers"])
            self.lekken += deel["lekken"]
            self.toegestaan += deel["toegestaan"]

    # Last: after the session's fixtures are torn down (live server, database), whose logs count.
    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus) -> None:
        self.afhaken()
        if hasattr(self.config, "workerinput"):
            self.config.workeroutput["bsn_lekcontrole"] = {  # type: ignore[attr-defined]
                "tellers": dict(self.tellers),
                "lekken": self.lekken,
                "toegestaan": self.toegestaan,
            }
            return
        root = self.config.rootpath
        self.bestanden([root / "test-artefacten", root / "var"])
        self.uitslag = (self.tellers, self.lekken, self.toegestaan)
        artefacten = root / "test-artefacten"
        artefacten.mkdir(exist_ok=True)
        (artefacten / UITVOER).write_text(self.samenvatting() + "\n", encoding="utf-8")
        if self.lekken and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def samenvatting(self) -> str:
        t = self.tellers
        regel = (
            f"lekken: {t['log']} logregels, {t['url']} URL's, {t['pagina']} pagina's "
            f"(waarvan {t['foutpagina']} foutpagina's) en {t['bestand']} bestanden "
            f"({t['binair']} binair, niet gelezen) op BSN's gecontroleerd; "
            f"{len(self.lekken)} lekken"
        )
        if self.toegestaan:
            regel += f" ({len(self.toegestaan)} toegestaan met @pytest.mark.{MARKER})"
        return regel

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.uitslag is None:
            return
        if self.lekken:
            terminalreporter.section("BSN-lekcontrole", sep="=", red=True, bold=True)
            per_test: dict[tuple[str, str, str], int] = Counter(
                (lek["soort"], lek["waar"], lek["test"]) for lek in self.lekken
            )
            for (soort, waar, test), aantal in sorted(per_test.items())[:100]:
                keer = f" ({aantal}x)" if aantal > 1 else ""
                terminalreporter.line(f"{soort}: {waar}{keer}  [{test or 'buiten een test'}]")
        terminalreporter.write_line(self.samenvatting())


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*soorten, reden): the test puts a BSN into a {'/'.join(SOORTEN)} on purpose; "
        "the BSN leak check counts it as allowed (ADR 0059)",
    )
    if not config.pluginmanager.has_plugin("bsn-lekcontrole"):
        config.pluginmanager.register(Lekcontrole(config), "bsn-lekcontrole")


def pytest_unconfigure(config: pytest.Config) -> None:
    controle = config.pluginmanager.get_plugin("bsn-lekcontrole")
    if controle is not None:
        controle.afhaken()
        config.pluginmanager.unregister(controle)
