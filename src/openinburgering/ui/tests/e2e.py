"""Helpers for end-to-end tests in the system Chromium (Playwright, no browser download)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTEFACTEN = Path(__file__).resolve().parents[4] / "test-artefacten"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SCREENSHOT_POGINGEN = 3


@pytest.fixture
def browser_page(live_server):
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            "System Chromium not found: install it with `apt-get install chromium` to run e2e tests"
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test body
    # are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    ARTEFACTEN.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        # bypass_csp only so that the test can inject axe-core; the app itself sends a strict CSP.
        context = browser.new_context(
            viewport={"width": 1366, "height": 900}, locale="nl-NL", bypass_csp=True
        )
        page = context.new_page()
        yield page, live_server.url
        context.close()
        browser.close()


def screenshot(page, naam: str) -> Path:
    """Save a full-page screenshot as a test artefact.

    Chromium refuses a capture now and then ("Unable to capture screenshot") when it falls
    between two frames of a page that was just replaced by a form post. The picture is an
    artefact for people to look at, not an assertion, so such a refusal is retried after the
    page has settled instead of failing the test.
    """
    from playwright.sync_api import Error

    pad = ARTEFACTEN / f"{naam}.png"
    for _ in range(SCREENSHOT_POGINGEN - 1):
        page.wait_for_load_state("load")
        try:
            page.screenshot(path=str(pad), full_page=True)
            return pad
        except Error as fout:
            if "Unable to capture screenshot" not in str(fout):
                raise
        page.wait_for_timeout(250)
    page.wait_for_load_state("load")
    page.screenshot(path=str(pad), full_page=True)  # the last try: its error fails the test
    return pad


def axe_schendingen(page) -> list[dict]:
    """Run axe-core in the page; return serious and critical WCAG 2.x A/AA violations."""
    page.add_script_tag(content=AXE.read_text())
    resultaat = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in resultaat["violations"]
        if v["impact"] in ("serious", "critical")
    ]
