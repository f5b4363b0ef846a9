"""Abuse limits, counted in the database (`RateLimitCounter`), so that no cache pressure (an LRU Redis being
flooded, a full cache folder) can reset them, and they hold across processes and hosts.

One small function does the counting for any page: `allow(scope, identity, limit=…, window=…)` takes one place in
the current window of that scope for that identity, with a single atomic INSERT … ON CONFLICT DO UPDATE … WHERE
count < limit (PostgreSQL and SQLite alike), so attempts arriving at once can never all pass a check made before
any of them was counted. `give_back` returns a place (nothing new was stored). Identities are keyed hashes: no
address, phone number or reference is ever stored. Windows are fixed (they start at multiples of their length).

The request form uses three limits (`reserve_request`): a generous one per address (a care home or a carrier's
shared address sends many), and tighter ones per phone number and per browser session. Another page calls
`allow` with its own scope name and limits, for example "check my request": 5 attempts in 15 minutes per reference
and per address. A database that cannot count fails open (logged): the limits never block people for our fault.
"""

import hashlib
import logging
import random
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from core.clients import client_address

from .models import RateLimitCounter

log = logging.getLogger(__name__)

ADDRESS, PHONE, SESSION = "request-address", "request-phone", "request-session"
HOUR, DAY = timedelta(hours=1), timedelta(days=1)
FORGET_ONE_IN = 50  # one new window in this many deletes the windows that ended a day ago


def identity_of(value: str) -> str:
    """A keyed hash of what is counted (an address, a phone number, a reference): nothing personal is stored."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:ratelimit:{value}".encode()).hexdigest()[:32]


def client(request: HttpRequest) -> str:
    """The client's address as the limits count it (an IPv6 client is its /64; DJANGO_NUM_PROXIES applies)."""
    return client_address(request)


def _window_start(window: timedelta, now: datetime | None = None) -> datetime:
    seconds = int(window.total_seconds())
    stamp = int((now or timezone.now()).timestamp())
    return datetime.fromtimestamp(stamp - stamp % seconds, tz=UTC)


def allow(scope: str, value: str, *, limit: int, window: timedelta) -> bool:
    """Take one of `limit` places in the current `window` of `scope` for `value` (hashed); False, counting nothing,
    when none is left."""
    if limit <= 0:
        return False
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    count = connection.ops.quote_name("count")
    start = connection.ops.adapt_datetimefield_value(_window_start(window))
    sql = (
        f"INSERT INTO {table} (scope, identity, window_start, {count}) VALUES (%s, %s, %s, 1) "  # noqa: S608
        f"ON CONFLICT (scope, identity, window_start) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"WHERE {table}.{count} < %s RETURNING {count}"
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, [scope, identity_of(value), start, limit])
            row = cursor.fetchone()
    except DatabaseError as error:
        log.warning("rate limit not counted", extra={"scope": scope, "error": type(error).__name__})
        return True
    if row is not None and row[0] == 1 and random.randrange(FORGET_ONE_IN) == 0:
        _forget_old(window)
    return row is not None


def give_back(scope: str, value: str, *, window: timedelta) -> None:
    """Return a place taken in the current window (nothing new was stored: a resend, a database failure)."""
    try:
        RateLimitCounter.objects.filter(
            scope=scope, identity=identity_of(value), window_start=_window_start(window), count__gt=0
        ).update(count=F("count") - 1)
    except DatabaseError as error:
        log.warning("rate limit place not given back", extra={"scope": scope, "error": type(error).__name__})


def _forget_old(window: timedelta) -> None:
    RateLimitCounter.objects.filter(window_start__lt=timezone.now() - window - DAY).delete()


def _request_limits(request: HttpRequest, phone: str) -> list[tuple[str, str, int, timedelta]]:
    session_key = request.session.session_key or ""
    limits = [
        (ADDRESS, client(request), settings.APPOINTMENT_RATE_LIMIT_PER_HOUR, HOUR),
        (PHONE, phone, settings.APPOINTMENT_RATE_LIMIT_PER_PHONE_PER_DAY, DAY),
    ]
    if session_key:
        limits.append((SESSION, session_key, settings.APPOINTMENT_RATE_LIMIT_PER_SESSION_PER_HOUR, HOUR))
    return limits


def reserve_request(request: HttpRequest, *, phone: str) -> str | None:
    """Take a place in each of the request form's limits for a new request; the scope of the limit that refused
    (every place taken is given back then), or None."""
    taken: list[tuple[str, str, int, timedelta]] = []
    for limit in _request_limits(request, phone):
        scope, value, most, window = limit
        if not allow(scope, value, limit=most, window=window):
            for given in taken:
                give_back(given[0], given[1], window=given[3])
            return scope
        taken.append(limit)
    return None


def release_request(request: HttpRequest, *, phone: str) -> None:
    """Give back the places `reserve_request` took: nothing new was stored."""
    for scope, value, _most, window in _request_limits(request, phone):
        give_back(scope, value, window=window)
