import os

os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-0penInburgering-demo-key")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DEMO_MODE", "true")
os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")
# The demo's DUO is the simulator, which can list the persons it knows (reconciliation).
os.environ.setdefault("DUO_SIM_PERSONENLIJST", "true")

from .base import *  # noqa: E402,F403
