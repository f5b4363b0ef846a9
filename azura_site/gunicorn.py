"""gunicorn settings: `gunicorn -c python:azura_site.gunicorn azura_site.wsgi`. Every value can be
overridden by the environment (GUNICORN_WORKERS, GUNICORN_THREADS, PORT, GUNICORN_BIND)."""

import multiprocessing
import os

# Loopback by default: the app must be reached through the proxy that sets X-Forwarded-For (DJANGO_NUM_PROXIES);
# reached directly, a client could send its own X-Forwarded-For and pick its address for the throttles.
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Threads share each worker's database connection pool and memory; a few per worker suit a site that
# mostly waits on the database and the cache.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = 30
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then; the jitter keeps them from restarting together
max_requests_jitter = 200
accesslog = None  # the app logs one structured line per request, without query strings
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker) -> None:
    """Open the host's ZIP code index before the first patient's search (the first worker of a new host, or of a
    new `zipcodes` version, builds it in about 3 seconds while the others wait; appointments/zip_index.py)."""
    from appointments import geo

    geo.zip_point("10001")
    geo.city_point("New York", "NY")
