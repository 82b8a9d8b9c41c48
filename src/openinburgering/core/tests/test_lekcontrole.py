"""The BSN leak check itself (ADR 0059): its rules, and that a planted leak fails a run, with
and without xdist, without printing the BSN."""

import io
import json
import os
import subprocess
import sys
import textwrap

from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.http import HttpResponse, JsonResponse

import pytest
import structlog

from .lekcontrole import gelekte_bsns, lekken_in_antwoord, maskeer, tekst_van_bestand

#: Fictional: nine digits that pass the 11-proef.
BSN = "111222333"


def test_finds_a_valid_bsn_and_ignores_other_numbers():
    assert gelekte_bsns(f"persoon {BSN} gevonden") == [BSN]
    assert gelekte_bsns("telefoon 0612345678, V-nummer 1112223334, fout 123456789") == []
    assert gelekte_bsns("000000000 en 2026-12-07T04:00:00.111222333") == []


def test_the_mask_never_shows_the_number():
    assert maskeer(f"GET /x?bsn={BSN}&n=123456789") == "GET /x?bsn=•••••2333&n=123456789"


@pytest.mark.parametrize(
    "response",
    [
        HttpResponse(f"<p>BSN {BSN}</p>"),
        HttpResponse(f'<p title="{BSN}"><input name="naam" value="{BSN}"></p>'),
        JsonResponse({"detail": f"{BSN} bestaat al"}),
        JsonResponse({"personen": [{"burgerservicenummer": BSN}]}),
        # An error repeats no BSN, not even under its own key.
        JsonResponse({"bsn": BSN}, status=400),
        HttpResponse(f'{{"bsn": "{BSN}"}}', status=404, content_type="application/problem+json"),
        HttpResponse(f"naam;bsn\nA;{BSN}\n", content_type="text/csv"),
        HttpResponse("ok", headers={"Location": f"/inburgeraars/{BSN}/"}),
    ],
)
def test_a_bsn_outside_its_fields_is_a_leak(response):
    assert lekken_in_antwoord("GET", "/", response)


def test_the_bsn_fields_themselves_are_allowed():
    veld = f'<input type="text" name="bsn" value="{BSN}">'
    assert not lekken_in_antwoord("GET", "/", HttpResponse(veld))
    # A form sent back to be corrected shows what the user typed.
    assert not lekken_in_antwoord("POST", "/", HttpResponse(veld, status=400))
    assert not lekken_in_antwoord("GET", "/", JsonResponse({"results": [{"bsn": BSN}]}))
    assert lekken_in_antwoord("GET", f"/inburgeraars/?bsn={BSN}", HttpResponse("ok")) == [
        ("url", "GET /inburgeraars/?bsn=•••••2333")
    ]


def test_files_are_read_as_text_pdf_or_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    boek = openpyxl.Workbook()
    boek.active.append(["Testa Voorbeeld", int(BSN)])
    boek.save(tmp_path / "export.xlsx")
    assert gelekte_bsns(tekst_van_bestand(tmp_path / "export.xlsx"))
    (tmp_path / "regel.log").write_text(f'{{"event": "x", "bsn": "{BSN}"}}')
    assert gelekte_bsns(tekst_van_bestand(tmp_path / "regel.log"))
    (tmp_path / "scherm.png").write_bytes(b"\x89PNG" + BSN.encode())
    assert tekst_van_bestand(tmp_path / "scherm.png") is None
    # A JSON file follows the rule of a JSON answer: only under a key named bsn (ADR 0067).
    (tmp_path / "overdracht.json").write_text(json.dumps({"persoon": {"bsn": BSN}}))
    assert not gelekte_bsns(tekst_van_bestand(tmp_path / "overdracht.json"))
    (tmp_path / "los.json").write_text(json.dumps({"notitie": f"BSN {BSN}"}))
    assert gelekte_bsns(tekst_van_bestand(tmp_path / "los.json"))


@pytest.fixture
def controle(request):
    plugin = request.config.pluginmanager.get_plugin("bsn-lekcontrole")
    assert plugin is not None, "the leak check is not active (addopts in pyproject.toml)"
    return plugin


@pytest.mark.bsn_toegestaan("log", reden="plants a BSN in a log line to see the check find it")
def test_the_check_sees_a_log_line_as_production_formats_it(controle):
    voor = len(controle.toegestaan)
    structlog.get_logger("openinburgering.lekproef").warning("geplant", persoon=BSN)
    nieuw = controle.toegestaan[voor:]
    assert [v["soort"] for v in nieuw] == ["log"]
    assert BSN not in nieuw[0]["waar"] and "•••••2333" in nieuw[0]["waar"]
    assert nieuw[0]["test"].endswith("test_the_check_sees_a_log_line_as_production_formats_it")


@pytest.mark.bsn_toegestaan("url", "pagina", reden="plants a BSN in a URL to see the check find it")
def test_the_check_sees_a_request_through_any_wsgi_handler(controle, db):
    """Not only the test client: the live server and schemathesis call Django's WSGI handler."""
    voor = len(controle.toegestaan)
    antwoorden = []
    app = get_wsgi_application()
    # As Django's test client does: the request must not close the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        antwoord = app(
            {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": f"/inburgeraars/{BSN}/",
                "QUERY_STRING": "",
                "SERVER_NAME": "testserver",
                "SERVER_PORT": "80",
                "wsgi.url_scheme": "http",
                "wsgi.input": io.BytesIO(),
            },
            lambda status, headers: antwoorden.append(status),
        )
        antwoord.close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    assert antwoorden
    assert "url" in {v["soort"] for v in controle.toegestaan[voor:]}


# --- a planted leak fails the run ------------------------------------------------------------

GEPLANT = textwrap.dedent(
    f"""
    import logging
    from pathlib import Path

    import pytest

    def test_logs_a_bsn():
        logging.getLogger("geplant").warning("persoon %s", "{BSN}")

    def test_leaves_a_file_with_a_bsn():
        Path("test-artefacten").mkdir(exist_ok=True)
        Path("test-artefacten", "export.csv").write_text("naam;bsn\\nA;{BSN}\\n")

    @pytest.mark.bsn_toegestaan("log", reden="proves another part masks it")
    def test_allowed():
        logging.getLogger("geplant").warning("bewust %s", "{BSN}")

    def test_clean():
        logging.getLogger("geplant").warning("niets")
    """
)


def _pytest(map_, *args):
    # Only the plugin under test (and xdist where asked): the project's other plugins cost
    # seconds of imports per run.
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    omgeving["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return subprocess.run(
        [
            sys.executable, "-m", "pytest", "-p", "openinburgering.core.tests.lekcontrole",
            "-p", "no:cacheprovider", "-q", *args,
        ],
        cwd=map_, env=omgeving, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_geplant.py").write_text(GEPLANT)
    return tmp_path


def test_a_planted_leak_fails_the_run_and_is_listed_masked(project):
    uit = _pytest(project)
    tekst = uit.stdout + uit.stderr
    assert uit.returncode == 1, tekst
    assert "4 passed" in tekst
    assert "log: geplant" in tekst and "test_geplant.py::test_logs_a_bsn" in tekst
    assert "bestand: test-artefacten/export.csv" in tekst
    assert "2 lekken (1 toegestaan" in tekst
    assert BSN not in tekst and "•••••2333" in tekst
    verslag = (project / "test-artefacten" / "lekken.txt").read_text()
    assert "1 bestanden" in verslag and "2 lekken" in verslag


def test_a_clean_run_passes_and_reports_zero(project):
    uit = _pytest(project, "-k", "clean")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "; 0 lekken" in (project / "test-artefacten" / "lekken.txt").read_text()


def test_with_xdist_the_workers_findings_reach_the_controller(project):
    uit = _pytest(project, "-p", "xdist", "-n", "2", "-k", "logs_a_bsn or clean or allowed")
    tekst = uit.stdout + uit.stderr
    assert uit.returncode == 1, tekst
    assert "log: geplant" in tekst and "test_geplant.py::test_logs_a_bsn" in tekst
    assert "1 lekken (1 toegestaan" in tekst
    assert BSN not in tekst
