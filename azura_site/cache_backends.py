"""Redis as the shared cache, failing soft: when Redis does not answer, the site degrades instead of breaking.

Every cache read becomes a miss, every write is skipped, and `add` reports success, so that the page cache renders
pages afresh, sessions (cached_db) fall back to the database, and the request form's rate limit lets requests
through rather than turn patients away. After a failure Redis is left alone for a few seconds (no timeout paid on
every call of every page), and a warning is logged once for each outage.
"""

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0


class CacheUnavailable(ValueError):
    """Raised by incr/decr while Redis is down: callers already treat a ValueError as a missing key."""


def _default_argument(args: tuple, kwargs: dict) -> Any:
    return kwargs.get("default", args[1] if len(args) > 1 else None)


def _unavailable(args: tuple, kwargs: dict) -> Any:
    raise CacheUnavailable(f"Key {args[0]!r} not found: the cache is unavailable")


FALLBACKS: dict[str, Callable[[tuple, dict], Any]] = {
    "add": lambda args, kwargs: True,  # fail open: a rate limit lets the request through
    "get": _default_argument,
    "set": lambda args, kwargs: None,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "incr": _unavailable,
    "set_many": lambda args, kwargs: list(args[0]),  # the keys that were not stored
    "delete_many": lambda args, kwargs: None,
    "clear": lambda args, kwargs: None,
}


def _fail_soft(name: str) -> Callable:
    method = getattr(RedisCache, name)
    fallback = FALLBACKS[name]

    @functools.wraps(method)
    def call(self: "FailSoftRedisCache", *args, **kwargs):
        if time.monotonic() < self.down_until:
            return fallback(args, kwargs)
        try:
            result = method(self, *args, **kwargs)
        except RedisError as error:
            if not self.down_until:
                log.warning("cache unavailable: serving without it", extra={"error": type(error).__name__})
            self.down_until = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback(args, kwargs)
        if self.down_until:
            log.warning("cache available again")
            self.down_until = 0.0
        return result

    return call


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache backend, answering as an empty cache while Redis is unreachable."""

    down_until = 0.0  # while time.monotonic() is below this, Redis is not asked


for _name in FALLBACKS:
    setattr(FailSoftRedisCache, _name, _fail_soft(_name))
