import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "true")
os.environ.setdefault("SESSION_COOKIE_SECURE", "true")
os.environ.setdefault("SECURE_HSTS_SECONDS", "31536000")
# Production refuses to start without its own secrets (base.py checks) and takes DUO's
# notifications only over mutual TLS; turning that off is explicit and warned about (ADR 0054).
os.environ.setdefault("PRODUCTIE", "true")
os.environ.setdefault("DUO_MTLS_REQUIRED", "true")

from .base import *  # noqa: E402,F403
