"""Settings for bench/reader.py's gunicorn run: the project's own, plus a plain view to compare with.

Served as in production (DEBUG off, the same middleware, gzip on) except that
static files are not collected (the bench never requests them) and HTTPS is not
forced on loopback.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.reader_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
