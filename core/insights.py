"""Insight: how the site serves patients, counted without tracking anyone (docs/decisions/0005-insight-counted-here.md).

What is kept is aggregate counters per day (core/insight_counts.InsightCount): page views per address, addresses
that answered 404, searches by state, 3-digit ZIP prefix, procedure and whether a center was found within 50 miles,
the request form's steps and which fields' errors were shown. Never an IP address, a cookie or other identifier,
a row per visit or visitor, or anything a visitor typed (a path is kept only when it is made of address characters).

Counting costs a request a dictionary update under a lock. The increments wait in this process's memory and are
written in one short transaction, one upsert per counter (count = count + n, on SQLite and PostgreSQL alike), after
the first request that ends once the oldest waiting increment is FLUSH_SECONDS old or FLUSH_MAX are waiting, and
when the process exits. So a process that crashes loses at most what it counted since its last flush: the requests
it served in the FLUSH_SECONDS before its last one, and never more than FLUSH_MAX increments.

A search page is kept whole by the page cache (core/pagecache.py), which answers before the view runs. So the view
says what it searched in a header (`tag`), which the page cache stores with the page; `InsightMiddleware`, placed
where cached answers pass too, counts the search from it and removes it: it never reaches the browser.
"""

import atexit
import logging
import re
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.translation import ngettext

from .insight_counts import KEY_FIELDS, InsightCount

log = logging.getLogger(__name__)

FLUSH_SECONDS = 10  # the most a crash can lose of one process's counting (see the module's docstring)
FLUSH_MAX = 500  # increments waiting before a flush, whatever their age
HEADER = "X-Insight-Search"  # a search's parts, from the view to InsightMiddleware; never sent
MAX_PATH = 200
# An address is kept only when it is made of the characters of our own addresses; anything else is one bucket.
ADDRESS_RE = re.compile(r"^/[A-Za-z0-9/_.~-]{0,199}$")
OTHER_ADDRESS = "(another address)"
MAX_NOT_FOUND_ADDRESSES = 1_000  # distinct 404 addresses a process keeps a day; past it, OTHER_ADDRESS
SLUG_RE = re.compile(r"^[a-z0-9-]{1,80}$")
STATE_RE = re.compile(r"^[A-Z]{2}$")
ZIP3_RE = re.compile(r"^\d{3}$")
FORM_WHOLE = "(the form as a whole)"
STAFF_PREFIX = "/admin/"  # errors that belong to no one field

Kind, Source, Step = InsightCount.Kind, InsightCount.Source, InsightCount.Step
PAGE = str(Kind.PAGE.value)


class Key(NamedTuple):
    """One counter: the day and the parts of a row of InsightCount (KEY_FIELDS, in that order)."""

    day: date
    kind: str
    source: str = ""
    step: str = ""
    path: str = ""
    state: str = ""
    zip3: str = ""
    procedure: str = ""
    found: bool = False
    field: str = ""


assert Key._fields == KEY_FIELDS  # the upsert writes a key's values in this order

_lock = threading.Lock()
_pending: Counter[Key] = Counter()
_waiting = {"since": 0.0, "increments": 0}
_not_found_addresses: dict[date, set[str]] = {}


_day: list = [date.min, 0.0]  # today's local date, and the time.time() at which it ends


def _today() -> date:
    """The site's local date, worked out once a day rather than on every count (it costs more than the count)."""
    now = time.time()
    if now >= _day[1]:
        local = timezone.localtime()
        midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        _day[:] = [local.date(), midnight.timestamp()]
    return _day[0]


def counting() -> bool:
    return bool(getattr(settings, "INSIGHT_COUNTING", True))


def _count(kind: str, **parts: str | bool) -> None:
    if counting():
        _add(Key(_today(), str(kind), **parts))  # type: ignore[arg-type]  # a plain str: an enum hashes in Python


def _add(key: Key) -> None:
    with _lock:
        if not _pending:
            _waiting["since"] = time.monotonic()
        _pending[key] += 1
        _waiting["increments"] += 1


_page_keys: dict[str, Key] = {}  # the counter of each address served today: every page view counts without a new key
MAX_PAGE_KEYS = 10_000


def count_page(path: str) -> None:
    """A public page was served (from the page cache or not)."""
    if not counting():
        return
    day = _today()
    key = _page_keys.get(path)
    if key is None or key.day != day:
        key = Key(day, PAGE, path=_address(path))
        if len(_page_keys) >= MAX_PAGE_KEYS:
            _page_keys.clear()
        _page_keys[path] = key
    _add(key)


def count_not_found(path: str) -> None:
    """An address answered 404: a broken link to find. At most MAX_NOT_FOUND_ADDRESSES distinct a day per process,
    whatever addresses a scanner invents."""
    address, today = _address(path), _today()
    with _lock:
        seen = _not_found_addresses.setdefault(today, set())
        if address not in seen and len(seen) >= MAX_NOT_FOUND_ADDRESSES:
            address = OTHER_ADDRESS
        seen.add(address)
        for day in [day for day in _not_found_addresses if day != today]:
            del _not_found_addresses[day]
    _count(Kind.NOT_FOUND, path=address)


def count_search(source: str, *, state: str = "", zip3: str = "", procedure: str = "", found: bool = False) -> None:
    """A search for a center or physician: where (a state, a 3-digit ZIP prefix), for what, and whether a center
    offering it was found within 50 miles. Parts that are not what they should be are left blank."""
    _count(
        Kind.SEARCH,
        source=source if source in Source.values else "",
        state=state if STATE_RE.match(state) else "",
        zip3=zip3 if ZIP3_RE.match(zip3) else "",
        procedure=procedure if SLUG_RE.match(procedure) else "",
        found=bool(found),
    )


def count_form(step: str) -> None:
    """A step of the request form: "view" (seen), "check" (answers checked), "sent", "refused" (rate limit)."""
    if step in Step.values:
        _count(Kind.FORM, step=step)


def count_form_errors(form) -> None:
    """The fields whose errors the form shows now: their names only, never what was typed."""
    for name in form.errors:
        if name == "__all__":
            _count(Kind.FORM_ERROR, field=FORM_WHOLE)
        elif name in form.fields:
            _count(Kind.FORM_ERROR, field=name[:60])


def tag(response: HttpResponse, source: str, **parts: str | bool) -> HttpResponse:
    """Say on a search page's response what it searched, for InsightMiddleware to count on every answer of it,
    from the page cache or not."""
    response[HEADER] = urlencode(
        {"source": source, **{name: str(int(v)) if isinstance(v, bool) else v for name, v in parts.items()}}
    )
    return response


def _address(path: str) -> str:
    return path if ADDRESS_RE.match(path) else OTHER_ADDRESS


def _is_page(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A page a visitor reads: an HTML page answered 200."""
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


class InsightMiddleware:
    """Counts page views, 404 addresses and searches. Placed above the page cache (settings.MIDDLEWARE), so that
    pages served from it are counted too; removes the search's header whatever INSIGHT_COUNTING says."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        searched = response.get(HEADER)
        if searched is not None:
            del response[HEADER]
        if request.method != "GET" or not counting() or request.path.startswith(STAFF_PREFIX):
            return response  # staff screens are not counted: their addresses name requests and accounts
        if response.status_code == 404:
            count_not_found(request.path)
        elif _is_page(request, response):
            count_page(request.path)
            if searched:
                parts = dict(parse_qsl(searched))
                found = parts.pop("found", "") == "1"
                known = {name: parts.get(name, "")[:80] for name in ("state", "zip3", "procedure")}
                count_search(parts.get("source", ""), found=found, **known)
        return response


def flush() -> int:
    """Write what this process has counted, in one short transaction; the number of counters written. On a
    database error the increments are dropped (a warning says how many): counting never breaks a page."""
    with _lock:
        pending = sorted(_pending.items())  # one order for every process: concurrent upserts cannot deadlock
        _pending.clear()
        _waiting["increments"] = 0
    if not pending:
        return 0
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(_upsert_sql(), [(*key, number) for key, number in pending])
    except DatabaseError as error:
        log.warning("insight counters not written", extra={"error": type(error).__name__, "counters": len(pending)})
        return 0
    return len(pending)


def _upsert_sql() -> str:
    """Add to a counter, or create it: one statement both databases run (INSERT ... ON CONFLICT DO UPDATE)."""
    quote = connection.ops.quote_name
    table, columns = quote(InsightCount._meta.db_table), [quote(name) for name in KEY_FIELDS]
    count = quote("count")
    return (
        f"INSERT INTO {table} ({', '.join(columns)}, {count}) VALUES ({', '.join(['%s'] * (len(columns) + 1))}) "  # noqa: S608 (names from the model)
        f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET {count} = {table}.{count} + excluded.{count}"
    )


def flush_if_due(**kwargs) -> None:
    """After a request: flush when the oldest waiting increment is FLUSH_SECONDS old or FLUSH_MAX are waiting."""
    with _lock:
        due = bool(_pending) and (
            _waiting["increments"] >= FLUSH_MAX or time.monotonic() - _waiting["since"] >= FLUSH_SECONDS
        )
    if due:
        flush()


def discard() -> None:
    """Forget what this process has counted and not written (tests)."""
    with _lock:
        _pending.clear()
        _waiting["increments"] = 0
        _not_found_addresses.clear()


def waiting() -> int:
    """Increments counted and not yet written."""
    with _lock:
        return int(_waiting["increments"])


def _flush_at_exit() -> None:
    try:
        flush()
    except Exception:  # a process on its way out: nothing else to do
        log.warning("insight counters not written at exit")


def connect() -> None:
    """Flush after requests and at the process's exit (CoreConfig.ready)."""
    request_finished.connect(flush_if_due, dispatch_uid="insights-flush")
    atexit.register(_flush_at_exit)


def privacy_notice_sentence() -> str:
    """What the privacy notice says of how long counters are kept: INSIGHT_RETENTION_MONTHS, as `counters_purge`
    applies it."""
    months = settings.INSIGHT_RETENTION_MONTHS
    return ngettext(
        "We delete these counts after %(months)s month.", "We delete these counts after %(months)s months.", months
    ) % {"months": months}


def counters_purge(*, now: datetime, months: int, dry_run: bool = False) -> str:
    """Delete counters older than `months` months (INSIGHT_RETENTION_MONTHS): the daily retention command's
    sentence about it."""
    today = timezone.localdate(now)
    month = today.year * 12 + today.month - 1 - months
    cutoff = date(month // 12, month % 12 + 1, 1)
    old = InsightCount.objects.filter(day__lt=cutoff)
    if dry_run:
        return f"Would delete {old.count()} insight counters from before {cutoff} (INSIGHT_RETENTION_MONTHS={months})."
    deleted, _ = old.delete()
    return f"Deleted {deleted} insight counters from before {cutoff} (INSIGHT_RETENTION_MONTHS={months})."
