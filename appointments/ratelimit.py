"""A per-client limit on stored appointment requests, kept in the shared cache (Redis when configured), so
it holds across processes and hosts. The client's address is hashed: no personal data in the cache.

Our own counter rather than django-ratelimit's: a place is taken before the request is stored and given
back when nothing new was stored (a resend, a database failure), which that library has no way to do.
Both use Django's cache API only, so a Redis outage fails open (the lead's fail-soft cache backend)."""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.clients import client_address

WINDOW_SECONDS = 3600


def _key(request: HttpRequest) -> str:
    client = client_address(request)  # an IPv6 client is its /64
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:32]
    return f"ratelimit:appointment-request:{digest}"


def reserve(request: HttpRequest) -> bool:
    """Take one of the client's places for this hour, atomically (cache add/incr), so that requests arriving
    at once cannot all pass a check made before any of them is counted. False when none is left."""
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        used = 1
    else:
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
            used = 1
    if used > settings.APPOINTMENT_RATE_LIMIT_PER_HOUR:
        release(request)
        return False
    return True


def release(request: HttpRequest) -> None:
    """Give a place back: nothing new was stored (a resend of the same form, or the database failed)."""
    with contextlib.suppress(ValueError):
        cache.decr(_key(request))
