"""End-to-end details of the house style that no server test can see (the stylesheet itself)."""

import os

import pytest

from .e2e import CHROMIUM

pytestmark = pytest.mark.e2e

STATIC = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static")
STYLESHEETS = ("nlds/voorbeeld-theme.css", "nlds/utrecht-component-library.css", "ui/app.css")


@pytest.fixture
def kale_pagina():
    if not os.path.exists(CHROMIUM):
        pytest.skip("System Chromium not found: `apt-get install chromium` runs the e2e tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        yield page
        browser.close()


def _rand(page, veld_id):
    return page.evaluate(
        f"""() => {{
        const c = getComputedStyle(document.getElementById('{veld_id}'));
        return [c.borderColor, c.borderWidth, c.backgroundColor];
    }}"""
    )


def test_a_required_field_is_marked_invalid_only_after_input(kale_pagina):
    page = kale_pagina
    page.set_content(
        """<html class="utrecht-root"><body class="utrecht-body voorbeeld-theme">
        <label for="verplicht">Verslag</label>
        <textarea id="verplicht" class="utrecht-textarea utrecht-textarea--html-textarea"
          required></textarea>
        <label for="vrij">Toelichting</label>
        <textarea id="vrij" class="utrecht-textarea utrecht-textarea--html-textarea"></textarea>
        <label for="fout">Reden</label>
        <textarea id="fout" class="utrecht-textarea utrecht-textarea--html-textarea"
          aria-invalid="true"></textarea>
        <button id="elders">Verder</button></body></html>"""
    )
    for css in STYLESHEETS:
        page.add_style_tag(path=os.path.join(STATIC, css))

    neutraal = _rand(page, "vrij")
    fout = _rand(page, "fout")
    assert neutraal != fout
    # An empty required field in a form that was just opened looks like any other field.
    assert _rand(page, "verplicht") == neutraal
    # Once the user typed and left it empty, it is marked, as a server error marks a field.
    page.click("#verplicht")
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    page.click("#elders")
    assert _rand(page, "verplicht") == fout
