"""Settings for ``make bench-duo``: production settings without HTTPS redirects, the bench URLs."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")
# The bench posts as DUO straight to gunicorn, with no TLS proxy in front to verify a client
# certificate; production's warning about this (openinburgering.W001) is expected here.
os.environ.setdefault("DUO_MTLS_REQUIRED", "false")

from openinburgering.conf.production import *  # noqa: E402,F403

ROOT_URLCONF = "duo_bench_urls"
DEBUG = False
