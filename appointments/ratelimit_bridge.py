"""TEMPORARY: `allow(scope, value, limit=, window=)` and `client(request)` as the one limiter (ratelimit.py) offers
them once branch "form" lands (counted in the database there). Until then the same fixed windows are counted in
the shared cache, as ratelimit.py counts the request form today. patient_access.py imports this only when
ratelimit.py lacks `allow`: delete this file when it has it."""

import hashlib
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.clients import client_address


def client(request: HttpRequest) -> str:
    return client_address(request)


def allow(scope: str, value: str, *, limit: int, window: timedelta) -> bool:
    """Take one of `limit` places in the current `window` of `scope` for `value` (hashed); False when none is left."""
    seconds = int(window.total_seconds())
    start = int(time.time()) // seconds * seconds
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:ratelimit:{value}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}:{start}"
    if cache.add(key, 1, seconds + 60):
        return True
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, seconds + 60)
        return True
    return used <= limit
