"""The browser walk (issue 12's acceptance): every demo role walks every main page of the demo.

The real demo data (``demo_data``, as ``make demo`` loads it) in a live server, the system
Chromium, every role of the README logging in as a user would. On every page it fails on:
a server error, a console error (a CSP violation is one), any axe violation of any impact, a
technical Django page, a duplicate id, or a word, number or date split across two lines in a
table cell, at 1366 px and at 320 px; and on a page wider than the screen. Screenshots go to ``test-artefacten/rondgang/`` (git-ignored).

One browser for the whole walk and one context per role (logged in once), to keep it quick.
Proefwijk's klantregisseur walks in English, so both languages are walked.
"""

import os
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command

import pytest

from .e2e import ARTEFACTEN, AXE, CHROMIUM

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = ARTEFACTEN / "rondgang"
WACHTWOORD = "demo-wachtwoord-2026"
# As the README lists them.
ROLLEN = [
    "klantregisseur",
    "teamleider",
    "beleid",
    "beheer",
    "proefwijk",
    "taalschool",
    "rocschool",
]
BREEDTES = (1366, 320)
# Proefwijk's klantregisseur sees the same pages as Demodam's: walked in English, at no extra cost.
ENGELS = {"proefwijk"}
GEEN_PAGINA = ("Geen toegang", "Pagina niet gevonden", "Access denied", "Page not found")

# What only Django's technical error pages (DEBUG) contain.
TECHNISCH = (
    "Using the URLconf defined in",
    "Traceback (most recent call last)",
    "Django tried these URL patterns",
    "You're seeing this error because you have",
    "Request Method:",
)

# Pages of one dossier, found from the person's UUID; each is walked when the role may see it
# (a role that may not gets our 403 page, which is checked like any other page).
DOSSIERPAGINAS = (
    "/inburgeraars/{uuid}/",
    "/intake/{uuid}/",
    "/pip/inburgeraar/{uuid}/",
    "/traject/{uuid}/",
    "/begeleiding/{uuid}/",
    "/handhaving/persoon/{uuid}/",
)
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

DUBBELE_IDS_JS = """() => {
  const tel = {};
  document.querySelectorAll('[id]').forEach(el => { tel[el.id] = (tel[el.id] || 0) + 1; });
  return Object.keys(tel).filter(id => tel[id] > 1);
}"""

# Every token of text in a table cell must sit on one line. A token is a run without spaces; a
# word with a hyphen ("PVT-groep") may break after its hyphen, as a reader expects. A token with
# a digit (a date, a V-nummer, an amount) never breaks. Visually hidden text is skipped.
GESPLITST_JS = r"""() => {
  const fouten = [];
  const cellen = document.querySelectorAll('main td, main th');
  for (const cel of cellen) {
    const walker = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const ouder = node.parentElement;
      if (!ouder || ouder.getBoundingClientRect().width <= 2) continue;
      if (getComputedStyle(ouder).visibility === 'hidden') continue;
      const tekst = node.textContent;
      const re = /\S+/g;
      let m;
      while ((m = re.exec(tekst))) {
        const token = m[0];
        const delen = /\d/.test(token) ? [[m.index, token]] : (() => {
          const uit = []; let pos = m.index;
          for (const deel of token.split(/(?<=[-\u2010\u2011\u2013\/])/)) {
            uit.push([pos, deel]); pos += deel.length;
          }
          return uit;
        })();
        for (const [start, deel] of delen) {
          if (!deel.replace(/[-\u2010\u2011\u2013\/.,;:()]/g, '')) continue;
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + deel.length);
          const regels = new Set();
          for (const r of range.getClientRects()) {
            if (r.width > 0 && r.height > 0) regels.add(Math.round(r.top));
          }
          if (regels.size > 1) fouten.push(deel);
        }
      }
    }
  }
  return [...new Set(fouten)];
}"""


def _pagina_naam(url: str) -> str:
    pad = urlsplit(url).path.strip("/") or "start"
    pad = re.sub(UUID, "x", pad)
    return re.sub(r"[^a-z0-9]+", "-", pad.lower()).strip("-")


class Rondgang:
    """One role's walk: checks every page it opens and collects what is wrong."""

    def __init__(self, context, basis: str, rol: str):
        self.basis = basis
        self.rol = rol
        self.page = context.new_page()
        self.fouten: list[str] = []
        self.bezocht: list[str] = []
        self._huidig = "(inloggen)"
        self._verwacht = 200
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self._fout(f"JavaScript-fout: {exc}"))
        self.page.on("response", self._response)

    def _fout(self, tekst: str):
        self.fouten.append(f"[{self.rol}] {self._huidig}: {tekst}")

    def _console(self, bericht):
        if bericht.type != "error":
            return
        # The browser logs a page that answers 404 as a failed resource: for our own 404 page,
        # where we asked for one, that is the expected answer, not a fault.
        if self._verwacht == 404 and (bericht.location or {}).get("url", "").endswith(self._huidig):
            return
        self._fout(f"console: {bericht.text}")

    def _response(self, response):
        if response.status >= 500:
            self._fout(f"serverfout {response.status} op {urlsplit(response.url).path}")

    def inloggen(self):
        page = self.page
        page.goto(f"{self.basis}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(self.rol)
        page.get_by_label("Wachtwoord", exact=True).fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        # In the demo no second factor applies: the login page must not ask for a code.
        page.wait_for_url(lambda u: "/inloggen" not in u, timeout=15_000)
        assert "tweede-factor" not in page.url, f"{self.rol}: de demo vraagt een tweede factor"

    def bezoek(self, url: str, *, status=200) -> bool:
        """Open a page and check it at both widths; False if it was already walked."""
        pad = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        if pad in self.bezocht:
            return False
        self.bezocht.append(pad)
        self._huidig = pad
        self._verwacht = status
        page = self.page
        page.set_viewport_size({"width": BREEDTES[0], "height": 900})
        response = page.goto(f"{self.basis}{pad}")
        page.wait_for_load_state("load")
        if response is None or response.status != status:
            self._fout(f"status {response.status if response else '?'}, verwacht {status}")
        html = page.content()
        for teken in TECHNISCH:
            if teken in html:
                self._fout(f"technische Django-pagina ({teken!r})")
        for dubbel in page.evaluate(DUBBELE_IDS_JS):
            self._fout(f"dubbel id {dubbel!r}")
        for schending in self._axe():
            self._fout(f"axe {schending}")
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 900})
            for token in page.evaluate(GESPLITST_JS):
                self._fout(f"{breedte} px: {token!r} over twee regels in een tabelcel")
            # Reflow (WCAG 1.4.10): a wide table scrolls in its own box, never the whole page.
            breed = page.evaluate("() => document.documentElement.scrollWidth")
            if breed > breedte:
                self._fout(f"{breedte} px: de pagina is {breed} px breed")
            naam = f"{self.rol}-{len(self.bezocht):02d}-{_pagina_naam(pad)}-{breedte}"
            page.screenshot(path=str(SCREENSHOTS / f"{naam}.png"), full_page=True)
        return True

    def _axe(self) -> list[str]:
        # Evaluated through the DevTools protocol, so our strict CSP stays on for the page.
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text() + "\n;0")
        resultaat = self.page.evaluate("async () => await axe.run(document)")
        return [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in resultaat["violations"]
        ]

    def links(self, selector: str) -> list[str]:
        hrefs = self.page.eval_on_selector_all(
            selector, "els => els.map(a => a.getAttribute('href'))"
        )
        return [h for h in hrefs if h and h.startswith("/") and not h.startswith("/static/")]


def _loop_rol(rondgang: Rondgang):
    rondgang.inloggen()
    if rondgang.rol in ENGELS:
        # The language switch sets this cookie; the same pages must hold up in English.
        rondgang.page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": rondgang.basis}]
        )
        rondgang.page.reload()
    start = urlsplit(rondgang.page.url).path
    # Every link of the main navigation (groups included) and of the portal's tabs.
    hoofdpaginas = rondgang.links("header nav a, main nav a.oi-tabs__link, footer a")
    assert len(hoofdpaginas) >= 2, f"{rondgang.rol}: geen navigatie gevonden"
    for url in [start, *hoofdpaginas]:
        if not rondgang.bezoek(url) or urlsplit(url).path == "/inburgeraars/":
            continue  # walked already; or the caseload, whose dossier is walked in full below
        # A detail page of each list: the first link in the list's first row (or card).
        for detail in rondgang.links("main tbody tr:first-child a, main .oi-kaart h2 a"):
            if not detail.endswith((".pdf", "/export/")) and "brief" not in detail:
                rondgang.bezoek(detail)
                break
    # One dossier in full, taken from the caseload (a person in uitvoering: the richest one).
    if any(urlsplit(u).path == "/inburgeraars/" for u in hoofdpaginas):
        rondgang.bezoek("/inburgeraars/?status=in_uitvoering")
        personen = rondgang.links("main tbody a[href^='/inburgeraars/']")
        assert personen, f"{rondgang.rol}: geen dossier in uitvoering in de caseload"
        uuid = re.search(UUID, personen[0]).group(0)
        for sjabloon in DOSSIERPAGINAS:
            url = sjabloon.format(uuid=uuid)
            rondgang.page.goto(f"{rondgang.basis}{url}")
            if rondgang.page.title().startswith(GEEN_PAGINA):
                continue  # not this role's page: the 403/404 itself was checked elsewhere
            rondgang.bezocht.append("-")  # keeps screenshot numbers apart
            rondgang.bezoek(url)
        # A PIP version, if the person has one.
        rondgang.page.goto(f"{rondgang.basis}/pip/inburgeraar/{uuid}/")
        for pip in rondgang.links(f"main a[href^='/pip/']:not([href*='{uuid}'])"):
            if re.fullmatch(rf"/pip/{UUID}/", pip):
                rondgang.bezoek(pip)
                break
    # Our own 404 page, as a user of this role sees it.
    rondgang.bezoek("/bestaat-niet/", status=404)
    if rondgang.rol == "teamleider":
        _andere_gemeente(rondgang)


def _andere_gemeente(rondgang: Rondgang):
    """The teamleider works for Demodam and Proefwijk: a Proefwijk dossier, opened while working
    for Demodam, offers the switch (not a technical 404) and the switch opens the dossier."""
    from openinburgering.inburgeraars.models import Inburgeraar

    persoon = Inburgeraar.objects.filter(gemeente__code="9002").order_by("pk").first()
    url = f"/inburgeraars/{persoon.uuid}/"
    rondgang.bezoek(url, status=404)
    page = rondgang.page
    page.set_viewport_size({"width": BREEDTES[0], "height": 900})
    page.get_by_role("button", name="Wissel naar gemeente Proefwijk en open deze pagina").click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == url
    assert page.get_by_role("heading", level=1).inner_text() == persoon.volledige_naam


@pytest.fixture
def demo(settings, live_server):
    if not os.path.exists(CHROMIUM):
        pytest.skip("System Chromium not found: `apt-get install chromium` runs the e2e tests")
    # As `make demo` runs: demo mode (banner, no second factor), the real demo data.
    settings.DEMO_MODE = True
    settings.TWO_FACTOR_REQUIRED = False
    call_command("demo_data", verbosity=0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for oud in SCREENSHOTS.glob("*.png"):
        oud.unlink()
    return live_server.url


def test_every_demo_role_walks_every_main_page_without_a_fault(demo):
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    fouten: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for rol in ROLLEN:
                context = browser.new_context(
                    viewport={"width": BREEDTES[0], "height": 900}, locale="nl-NL"
                )
                rondgang = Rondgang(context, demo, rol)
                try:
                    _loop_rol(rondgang)
                finally:
                    context.close()
                assert len([b for b in rondgang.bezocht if b != "-"]) >= 3, rondgang.bezocht
                fouten.extend(rondgang.fouten)
        finally:
            browser.close()
    assert fouten == [], "\n".join(fouten)
