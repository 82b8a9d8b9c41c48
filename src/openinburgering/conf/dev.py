import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-0penInburgering-demo-key")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DEMO_MODE", "true")
os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")
# The demo's DUO is the simulator, which can list the persons it knows (reconciliation).
os.environ.setdefault("DUO_SIM_PERSONENLIJST", "true")

# The portal's DigiD is the local stand-in (make demo starts it on port 8003, ADR 0085).
_DIGID = os.environ.get("DIGID_STANDIN_URL", "http://127.0.0.1:8003")
os.environ.setdefault("DIGID_STANDIN", "true")
os.environ.setdefault("DIGID_OIDC_RP_CLIENT_ID", "openinburgering-demo")
os.environ.setdefault("DIGID_OIDC_RP_CLIENT_SECRET", "demo-geheim-niet-voor-productie-0123456789")
os.environ.setdefault("DIGID_OIDC_RP_SIGN_ALGO", "HS256")
os.environ.setdefault("DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT", f"{_DIGID}/authorize")
os.environ.setdefault("DIGID_OIDC_OP_TOKEN_ENDPOINT", f"{_DIGID}/token")
os.environ.setdefault("DIGID_OIDC_OP_USER_ENDPOINT", f"{_DIGID}/userinfo")

from .base import *  # noqa: E402,F403
