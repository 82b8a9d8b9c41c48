"""The DigiD stand-in speaks OIDC strictly enough that a mistake in the portal's client would
fail here too: client secret, one-time codes, PKCE, redirect URI."""

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from openinburgering.brp_simulator.server import AchtergrondServer
from openinburgering.digid_standin.app import DigidStandIn, Persoon

GEHEIM = "geheim-van-de-test-0123456789-0123456789"


@pytest.fixture
def idp():
    app = DigidStandIn([Persoon("Test Persoon", "111222333")], client_id="c", client_secret=GEHEIM)
    server = AchtergrondServer(app).start()
    yield server.url
    server.stop()


def _code(idp, verifier="v" * 50):
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    antwoord = requests.post(
        f"{idp}/authorize",
        data={
            "client_id": "c",
            "redirect_uri": "http://rp/terug",
            "state": "s",
            "nonce": "n",
            "code_challenge": challenge.decode(),
            "persoon": "0",
        },
        allow_redirects=False,
        timeout=5,
    )
    return parse_qs(urlsplit(antwoord.headers["Location"]).query)["code"][0]


def _token(idp, code, **extra):
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": "http://rp/terug",
        "client_id": "c",
        "client_secret": GEHEIM,
        "code_verifier": "v" * 50,
        **extra,
    }
    return requests.post(f"{idp}/token", data=data, timeout=5)


def test_a_code_gives_an_id_token_with_bsn_and_level_once(idp):
    code = _code(idp)
    eerste = _token(idp, code)
    assert eerste.status_code == 200
    token = eerste.json()
    info = requests.get(
        f"{idp}/userinfo", headers={"Authorization": f"Bearer {token['access_token']}"}, timeout=5
    ).json()
    assert info["bsn"] == "111222333" and info["acr"].endswith(":Smartcard")
    assert _token(idp, code).status_code == 400  # used once


@pytest.mark.parametrize(
    "extra",
    [
        {"client_secret": "fout"},
        {"code_verifier": "w" * 50},
        {"redirect_uri": "http://elders/terug"},
        {"grant_type": "password"},
    ],
)
def test_a_wrong_request_gets_no_token(idp, extra):
    assert _token(idp, _code(idp), **extra).status_code in (400, 401)


def test_the_login_page_needs_a_known_client(idp):
    assert requests.get(f"{idp}/authorize?client_id=x", timeout=5).status_code == 400
    assert requests.get(f"{idp}/.well-known/openid-configuration", timeout=5).ok
    assert requests.get(f"{idp}/userinfo", timeout=5).status_code == 401


def test_the_demo_points_the_portal_at_the_stand_ins_port():
    from openinburgering.demo.management.commands.demo_run import demo_omgeving

    env = demo_omgeving(simulator_port=1, digid_port=18999)
    assert env["DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT"] == "http://127.0.0.1:18999/authorize"
    assert env["DIGID_OIDC_OP_TOKEN_ENDPOINT"] == "http://127.0.0.1:18999/token"
