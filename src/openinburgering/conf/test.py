import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-0penInburgering-key")
os.environ.setdefault("TWO_FACTOR_REQUIRED", "true")

# The portal's DigiD: the stand-in, started per test on a free port (portaal/tests).
os.environ.setdefault("DIGID_STANDIN", "true")
os.environ.setdefault("DIGID_OIDC_RP_CLIENT_ID", "openinburgering-test")
os.environ.setdefault(
    "DIGID_OIDC_RP_CLIENT_SECRET", "test-geheim-voor-de-digid-stand-in-0123456789"
)
os.environ.setdefault("DIGID_OIDC_RP_SIGN_ALGO", "HS256")
os.environ.setdefault("DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT", "http://127.0.0.1:9/authorize")
os.environ.setdefault("DIGID_OIDC_OP_TOKEN_ENDPOINT", "http://127.0.0.1:9/token")
os.environ.setdefault("DIGID_OIDC_OP_USER_ENDPOINT", "http://127.0.0.1:9/userinfo")

from .base import *  # noqa: E402,F403
from .base import DATABASES, INSTALLED_APPS  # noqa: E402

# The tests check that the demo builds a chain that works (demo/tests).
if "openinburgering.demo" not in INSTALLED_APPS:
    INSTALLED_APPS.append("openinburgering.demo")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
# No inbox worker runs in the tests: a notification is processed right after it is stored
# (the tests of the inbox itself turn this off).
DUO_NOTIFICATIES_DIRECT = True
# Every test meets the BRP as it is set up for that test (no pause left by an earlier one).
BRP_PAUZE_NA_STORING = 0.0
