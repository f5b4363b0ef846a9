"""A per-client limit on stored appointment requests, kept in the shared cache (Redis when configured), so
it holds across processes and hosts. The client's address is hashed: no personal data in the cache."""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 3600


def client_ip(request: HttpRequest) -> str:
    """The client's address: behind N proxies we trust, the Nth from the right of X-Forwarded-For."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    proxies = settings.NUM_PROXIES
    return hops[-proxies] if proxies and len(hops) >= proxies else request.META.get("REMOTE_ADDR", "")


def _key(request: HttpRequest) -> str:
    client = client_ip(request)
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
