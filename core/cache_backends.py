"""The shared cache's two backends: Redis failing soft (production), and files shared by the processes of one install.

`FailSoftRedisCache`: when Redis does not answer, the site degrades instead of breaking.

Every cache read becomes a miss, every write is skipped, and `add` reports success, so that the page cache renders
pages afresh, sessions (cached_db) fall back to the database, and the request form's rate limit lets requests
through rather than turn patients away. After a failure Redis is left alone for a few seconds (no timeout paid on
every call of every page), and a warning is logged once for each outage.
"""

import contextlib
import fcntl
import functools
import logging
import os
import pickle
import time
import zlib
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
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


class SharedFileCache(FileBasedCache):
    """Django's file cache, the default when there is no Redis: every process of one install (runserver or gunicorn's
    workers, the worker, a cron command) reads and writes the same folder, so a content save made by any of them is
    seen by all on the next page. Django's `incr` and `add` read and then write; here they hold a lock on the folder
    while they do, so two processes bumping the content generation at once never lose an increment."""

    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        super().__init__(dir, params)
        self.lock_path = os.path.join(os.path.abspath(dir), "lock")

    @contextlib.contextmanager
    def _locked(self):
        os.makedirs(os.path.dirname(self.lock_path), exist_ok=True)
        with open(self.lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        """Django's reads, adds and writes the value back with the default timeout; this keeps the entry's own
        expiry (the content generation never expires)."""
        with self._locked():
            try:
                with open(self._key_to_file(key, version), "rb") as file:  # type: ignore[attr-defined]
                    expires = pickle.load(file)  # noqa: S301 (our own cache folder, as Django's backend reads it)
                    if expires is not None and expires < time.time():
                        raise FileNotFoundError
                    value = pickle.loads(zlib.decompress(file.read()))  # noqa: S301
            except FileNotFoundError:
                raise ValueError(f"Key {key!r} not found") from None
            value += delta
            self.set(key, value, None if expires is None else max(expires - time.time(), 0.001), version)
            return value
