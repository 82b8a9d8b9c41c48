"""The DigiD stand-in in a thread, and a newcomer who signs in through it (the real OIDC flow:
the portal's client, the stand-in's login page, the code, the token exchange)."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from openinburgering.brp_simulator.server import AchtergrondServer
from openinburgering.digid_standin.app import DigidStandIn, Persoon
from openinburgering.ui.tests.e2e import browser_page  # noqa: F401

from .wereld import wereld  # noqa: F401

CLIENT_ID = "openinburgering-test"
GEHEIM = "test-geheim-voor-de-digid-stand-in-0123456789"


@pytest.fixture
def digid(settings):
    """``digid.personen`` is the stand-in's list; ``digid.inloggen(client, index)`` signs in."""
    app = DigidStandIn([], client_id=CLIENT_ID, client_secret=GEHEIM)
    server = AchtergrondServer(app).start()
    settings.DIGID_OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.DIGID_OIDC_RP_CLIENT_SECRET = GEHEIM
    settings.DIGID_OIDC_RP_SIGN_ALGO = "HS256"
    settings.DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT = f"{server.url}/authorize"
    settings.DIGID_OIDC_OP_TOKEN_ENDPOINT = f"{server.url}/token"
    settings.DIGID_OIDC_OP_USER_ENDPOINT = f"{server.url}/userinfo"

    class Bediening:
        personen = app.personen
        url = server.url

        def persoon(self, bsn, niveau="substantieel", naam="Verzonnen Persoon"):
            app.personen.append(Persoon(naam=naam, bsn=bsn, niveau=niveau))
            return len(app.personen) - 1

        def inloggen(self, client, index, *, annuleren=False):
            """Through the portal's DigiD button and the stand-in's page; the callback answer."""
            begin = client.get("/portaal/inloggen/digid/")
            assert begin.status_code == 302, begin.status_code
            vraag = {k: v[0] for k, v in parse_qs(urlsplit(begin["Location"]).query).items()}
            form = {
                k: vraag.get(k, "")
                for k in ("redirect_uri", "state", "nonce", "code_challenge", "client_id")
            }
            form |= {"annuleren": "1"} if annuleren else {"persoon": str(index)}
            keuze = requests.post(
                f"{server.url}/authorize", data=form, allow_redirects=False, timeout=10
            )
            assert keuze.status_code == 302, keuze.text
            terug = urlsplit(keuze.headers["Location"])
            return client.get(f"{terug.path}?{terug.query}")

    yield Bediening()
    server.stop()
