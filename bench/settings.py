"""Settings for the benchmark: the site's own settings, served as in production but on loopback.

The environment is set before azura_site.settings reads it: DEBUG off, plain HTTP, 127.0.0.1 only, and a
secret key generated for this run. The key is kept in BENCH_SECRET_KEY, so the gunicorn workers started by
bench/run.py inherit the same one.
"""

import os
import secrets
from pathlib import Path

os.environ.setdefault("BENCH_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.update(
    DJANGO_DEBUG="0",
    DJANGO_SECRET_KEY=os.environ["BENCH_SECRET_KEY"],
    DJANGO_SECURE_SSL_REDIRECT="0",
    DJANGO_ALLOWED_HOSTS="127.0.0.1",
    DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)

from azura_site.settings import *  # noqa: F403

# The site's URLs plus /bench/bare/, the baseline every page is compared with.
ROOT_URLCONF = "bench.urls"

# bench/run.py collects the static files into its temporary directory, never into the project.
if os.environ.get("BENCH_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])

# The same hashed URLs as production, without whitenoise's brotli and gzip copies: they only matter when a
# static file is served, which the benchmark does not measure, and making them takes collectstatic 9 s, not 1.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "core.static_storage.UncompressedStaticFilesStorage"},
}
