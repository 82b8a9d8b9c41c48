"""Every portal page in every language, rendered on the server: the page is in the chosen
language (lang, dir), every character has a glyph, and no Dutch text of the product is left
untranslated on a page in another language (a label the portal borrows from another app)."""

from django.test import Client

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.talen import CODES, COOKIE, VERTAALDE_CODES

from . import lettertypen
from .onvertaald import onvertaalde_teksten
from .portaal import OPENBARE_PAGINAS, PAGINAS, rijk_dossier, sessie_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def portaal(gemeente_a, medewerker, settings):
    klantregisseur = medewerker(
        Rol.KLANTREGISSEUR, gemeente_a, first_name="Kim", last_name="Jansen"
    )
    inburgeraar = rijk_dossier(gemeente_a, klantregisseur)

    def client(taal: str, *, ingelogd: bool = True) -> Client:
        c = Client()
        c.cookies[COOKIE] = taal
        if ingelogd:
            c.cookies[settings.SESSION_COOKIE_NAME] = sessie_voor(inburgeraar)
        return c

    return client


@pytest.mark.parametrize("taal", CODES)
def test_every_page_in_every_language(portaal, taal):
    ingelogd = portaal(taal)
    anoniem = portaal(taal, ingelogd=False)
    richting = "rtl" if taal in ("ar", "fa") else "ltr"
    for naam, pad in PAGINAS + OPENBARE_PAGINAS:
        antwoord = (anoniem if (naam, pad) in OPENBARE_PAGINAS else ingelogd).get(pad)
        assert antwoord.status_code == 200, pad
        html = antwoord.content.decode()
        assert f'lang="{taal}" dir="{richting}"' in html, pad
        assert antwoord["Content-Language"] == taal
        assert lettertypen.ontbrekende_glyphs(html) == [], pad
        if taal in VERTAALDE_CODES:
            assert onvertaalde_teksten(html) == [], pad
