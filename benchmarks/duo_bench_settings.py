"""Settings for ``make bench-duo``: production settings without HTTPS redirects, the bench URLs."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from openinburgering.conf.production import *  # noqa: E402,F403

ROOT_URLCONF = "duo_bench_urls"
DEBUG = False
