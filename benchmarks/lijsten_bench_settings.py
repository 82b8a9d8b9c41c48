"""Settings for ``make bench-lijsten``: production settings (DEBUG off) without HTTPS redirects,
the bench URLs."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DB_CONN_MAX_AGE", "600")

from openinburgering.conf.production import *  # noqa: E402,F403

ROOT_URLCONF = "lijsten_bench_urls"
DEBUG = False
# Static files from the app directories, as `runserver` serves them: the manifest storage of
# production needs `collectstatic` first, which is no part of what this benchmark measures.
_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": _STATIC}}  # noqa: F405
