"""A cache of rendered public pages in the shared cache, dropped as soon as staff save any content.

Only anonymous GETs without a session are cached or served from the cache: a staff preview, or anything
carrying personal data (every such page sends Cache-Control: no-store), never is. Every content save bumps
a generation number that is part of each key, so all cached pages go stale at once, on every process and
host that shares the cache; so does a deploy of new templates, translations, static files or code (the code
version). The page's language (English, or Spanish under /es/) is part of every key.

A page's key holds only the query parameters the page reads (`params`), in its order, trimmed and bounded; the view
is handed exactly those, so `?utm_source=x1`, `?utm_source=x2`... are one entry, rendered once, and a
visitor cannot fill the cache by inventing parameters. Give Redis a `maxmemory` with an LRU policy (README).

`PageCacheMiddleware` stores the pages `public_page` marks, with every header the middleware below it added, and
answers a visit to an address without a query string before that middleware and the URL resolver run, in one
round trip to the cache (the content generation and the page together): what Django's cache middleware does, at
one place in the stack. An address with a query string is looked up by `public_page`, once it knows which
parameters the page reads.
"""

import functools
import hashlib
import threading
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.text import compress_string

from .cache_backends import CacheUnavailable

if TYPE_CHECKING:
    from django.http.request import _ImmutableQueryDict

GENERATION_KEY = "page-cache:generation"
MAX_VALUES = 5  # per parameter: no page reads more
MAX_VALUE_LENGTH = 200  # characters per value: longer than any field the pages accept
OUR_APPS = ("azura_site", "procedures", "appointments")


@functools.cache
def code_version() -> str:
    """Changes with every deploy of new templates, translations, static files or code, so that nothing rendered by
    the older code (pointing at static files that may be gone, or a procedure row pickled before a model changed) is
    served after it. Read once per process."""
    digest = hashlib.sha256()
    template_dirs: list[str] = settings.TEMPLATES[0]["DIRS"]  # type: ignore[assignment]  # our settings: a list
    sources = [(Path(directory), "*.html") for directory in template_dirs]
    sources += [(Path(directory), "*.mo") for directory in settings.LOCALE_PATHS]  # the translations
    sources += [(settings.BASE_DIR / app, "*.py") for app in OUR_APPS]
    for directory, pattern in sources:
        for path in sorted(directory.rglob(pattern)):
            digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def content_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def rendered_seconds() -> int:
    """How long rendered output (the layout's fragments, a procedure page's content) is kept. A content save or a
    deploy changes its key long before; but a write that skips the signals (a queryset update, SQL by hand) bumps
    no generation, so, like a cached page, it lasts no longer than the page cache's time (at least a minute)."""
    return max(settings.PAGE_CACHE_SECONDS, 60)


def request_generation(request: HttpRequest | None) -> int:
    """The content generation, read from the shared cache once per request (the layout's fragments, the page
    cache and the page's content all ask for it)."""
    if request is None:
        return content_generation()
    generation = getattr(request, "_content_generation", None)
    if generation is None:
        generation = request._content_generation = content_generation()  # type: ignore[attr-defined]  # a memo
    return generation


def bump_content_generation(instance=None, **kwargs) -> None:
    """Signal receiver: any saved or deleted content makes every cached page stale (a draft's does not: it
    is on no public page until published, and publishing saves the page itself). Bumped at once, and again when
    the transaction commits: a visitor who read the first new number before the commit rendered the rows as they
    were, and that page must not outlive the commit."""
    if getattr(instance, "is_draft_copy", False):
        return
    _bump()
    transaction.on_commit(_bump)


# A save whose bump could not reach the cache (Redis unreachable from this process): sent again by this process's
# next page lookup, so pages cached before the save are not served once Redis answers again.
_unsent_bump = threading.Event()


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except CacheUnavailable:
        _unsent_bump.set()
        return
    except ValueError:  # no generation yet
        cache.add(GENERATION_KEY, 2, None)
    _unsent_bump.clear()


def invalidate_on_change(*models) -> None:
    """Connect the receivers for these models (called from the apps' ready())."""
    for model in models:
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(bump_content_generation, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(bump_content_generation, sender=model, dispatch_uid=uid + ":delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(bump_content_generation, sender=through, dispatch_uid=f"{uid}:{field.name}")


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def known_query(query: QueryDict, params: Iterable[str]) -> "_ImmutableQueryDict":
    """The query parameters a page reads, and nothing else, in the page's own order whatever order the visitor
    used; values trimmed and bounded."""
    known = QueryDict(mutable=True)
    for name in dict.fromkeys(params):
        values = [value.strip()[:MAX_VALUE_LENGTH] for value in query.getlist(name)[:MAX_VALUES]]
        if values:
            known.setlist(name, values)
    known._mutable = False
    return cast("_ImmutableQueryDict", known)


# Browsers and proxies revalidate with the ETag (ConditionalGetMiddleware), so edits show at once.
CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def _page_key(request: HttpRequest) -> str:
    """The key of the page asked for. The content generation is not in it but in the entry (see `_lookup`), so that
    one round trip reads both; the language is in it as well as in the path: an English and a Spanish page never
    share an entry, whatever the URL patterns become. (v4: entries carry their generation and their gzipped copy.)"""
    page = f"{request.path}?{request.GET.urlencode()}"
    path = hashlib.sha256(page.encode()).hexdigest()[:32]
    return f"page-cache:v4:{code_version()}:{translation.get_language()}:{path}"


def _lookup(request: HttpRequest, key: str) -> tuple | None:
    """The cached page at `key` if it was rendered at the current content generation, which is also kept on the
    request for whatever renders the page instead. An entry from an older generation is a miss: a save made
    while a page was rendering leaves that page stale for nobody, because its entry carries the older number."""
    if _unsent_bump.is_set():
        _bump()
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = content_generation()
    request._content_generation = generation  # type: ignore[attr-defined]  # read by request_generation
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry
    return None


def _cached_response(request: HttpRequest, entry: tuple) -> HttpResponse:
    """A page from the cache, with the headers it was stored with (set as they are: nothing to merge), gzipped
    for a browser that accepts it as GZipMiddleware would, but once, when the page was stored."""
    _generation, status, content, compressed, headers = entry
    gzipped = compressed is not None and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(compressed if gzipped else content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if gzipped:
        response.headers["ETag"] = "W/" + response.headers["ETag"]  # the same page, not the same bytes
        response.headers["Content-Encoding"] = "gzip"  # GZipMiddleware leaves it as it is
    return response


def _compressed(response: HttpResponse) -> bytes | None:
    """The page gzipped, padded as GZipMiddleware pads it, if that makes it shorter; a page that may be sent
    compressed varies on Accept-Encoding."""
    if len(response.content) < 200:
        return None
    patch_vary_headers(response, ["Accept-Encoding"])
    compressed = compress_string(response.content, max_random_bytes=GZipMiddleware.max_random_bytes)
    return compressed if len(compressed) < len(response.content) else None


def _keep(request: HttpRequest, response: HttpResponse, key: str, seconds: int) -> None:
    """Store a page as every visitor without a session may see it: never one that sets a cookie (the CSRF token,
    a session) or that the view wrote to the session of."""
    session = getattr(request, "session", None)
    if (
        response.status_code in (200, 400, 404)
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and not (session is not None and session.modified)
    ):
        set_response_etag(response)  # once, here, rather than on every answer from the cache
        compressed = _compressed(response)
        # Content-Length is worked out for each answer (CommonMiddleware): the gzipped copy has its own.
        headers = tuple((name, value) for name, value in response.items() if name.lower() != "content-length")
        entry = (request_generation(request), response.status_code, response.content, compressed, headers)
        cache.set(key, entry, seconds)


class PageCacheMiddleware:
    """The page cache's place in the stack (settings.MIDDLEWARE): below the conditional GET (a cached page still
    answers 304), the language (the key's) and the session; above CSRF, authentication, messages, history and
    axes, which an anonymous visitor's cached page needs none of, and whose headers (X-Frame-Options) are stored
    with it.

    Each process remembers the addresses whose answer was no page to keep (the request form, the admin's sign-in,
    robots.txt, an address that is not found), so that they cost the cache nothing on later visits; `public_page`
    still looks such an address up, and the first page kept there takes it off the list. The list is bounded (at
    most 10,000 addresses of up to 200 characters, emptied when full), whatever addresses visitors invent."""

    MAX_OTHER_ADDRESSES = 10_000

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.other_addresses: set[str] = set()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        looked_up = False
        if _cacheable(request) and not request.META.get("QUERY_STRING") and request.path not in self.other_addresses:
            key = _page_key(request)
            entry = _lookup(request, key)
            if entry is not None:
                return _cached_response(request, entry)
            request._page_cache_looked_up = key  # type: ignore[attr-defined]  # public_page need not ask again
            looked_up = True
        response = self.get_response(request)
        to_keep = getattr(response, "page_cache", None)
        if to_keep is not None:
            _keep(request, response, *to_keep)
            self.other_addresses.discard(request.path)
        elif looked_up and len(request.path) <= MAX_VALUE_LENGTH:  # an invented long address is not worth keeping
            if len(self.other_addresses) >= self.MAX_OTHER_ADDRESSES:
                self.other_addresses.clear()
            self.other_addresses.add(request.path)
        return response


def public_page(seconds: int | None = None, params: Iterable[str] = ()) -> Callable:
    """Cache an anonymous visitor's page for `seconds` (default PAGE_CACHE_SECONDS), or until content changes.
    Pages that say the time of day ("open now") pass a short time. `params` names the query parameters the
    page reads: the view sees only those (for every visitor, cached or not), and the cache key holds only them.
    PageCacheMiddleware stores the page, once the middleware below it has added its headers."""
    params = tuple(params)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.GET = known_query(request.GET, params)
            if not _cacheable(request):
                return _public(view(request, *args, **kwargs))
            key = _page_key(request)
            if getattr(request, "_page_cache_looked_up", None) != key:
                entry = _lookup(request, key)
                if entry is not None:
                    return _cached_response(request, entry)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            _public(response)
            response.page_cache = (key, seconds or settings.PAGE_CACHE_SECONDS)
            return response

        return wrapper

    return decorator


def _public(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, **CACHE_CONTROL)
    patch_vary_headers(response, ["Cookie"])
    return response
