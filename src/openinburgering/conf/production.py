import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "true")
os.environ.setdefault("SESSION_COOKIE_SECURE", "true")
os.environ.setdefault("SECURE_HSTS_SECONDS", "31536000")

from .base import *  # noqa: E402,F403
