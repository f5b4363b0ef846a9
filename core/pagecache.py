"""The page cache: rendered public pages, kept through core/rendered.py (its key, lifetime and stores).

Only anonymous GETs without a session are cached or served from the cache: a staff preview, or anything
carrying personal data (every such page sends Cache-Control: no-store), never is. The release, the content
generation and the page's language are in every key (core/rendered.py), so a content save or a deploy makes every
cached page stale at once, on every process and host.

A page's key holds only the query parameters the page reads (`params`), in its order, trimmed and bounded; the view
is handed exactly those, so `?utm_source=x1`, `?utm_source=x2`... are one entry, rendered once, and a
visitor cannot fill the cache by inventing parameters. Nor by inventing values: a page is kept for a query only if
the page accepts every value in it. `params` may name each parameter's form field (a choice must be one of its
choices, a number a number), and a view says which value it used where only it knows (`accepted`: page 1 for
`?page=<anything>`, the last page for a page past the end); an answer other than 200 is kept for no query at all.
A page asked for with a value it does not accept is rendered for that visitor, and kept for nobody.

`PageCacheMiddleware` stores the pages `public_page` marks, with every header the middleware below it added, and
answers a visit to an address without a query string before that middleware and the URL resolver run: what
Django's cache middleware does, at one place in the stack. An address with a query string is looked up by
`public_page`, once it knows which parameters the page reads.
"""

from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import TYPE_CHECKING, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.text import compress_string

from . import rendered

if TYPE_CHECKING:
    from django.http.request import _ImmutableQueryDict

MAX_VALUES = 5  # per parameter: no page reads more
MAX_VALUE_LENGTH = 200  # characters per value: longer than any field the pages accept


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


def _refused(query: QueryDict, fields: Mapping[str, forms.Field]) -> bool:
    """Whether a value of the query is one its field refuses (an unknown choice, a word for a number), or one of
    several values given to a field that reads one."""
    for name, field in fields.items():
        values = query.getlist(name)
        if len(values) > 1 and not isinstance(field, forms.MultipleChoiceField):
            return True
        for value in values:
            if isinstance(field, forms.BooleanField):
                if value.lower() not in ("", "1", "0", "on", "true", "false"):
                    return True
                continue
            try:
                field.clean(value)
            except ValidationError:
                return True
    return False


def accepted(request: HttpRequest, name: str, value: object) -> None:
    """The view used `value` for the query parameter `name`: if the visitor asked for another (a page number past the
    end, or not a number), the page is not kept for that query (which would be the same page under another key)."""
    if name in request.GET and request.GET[name] != str(value):
        refused(request)


def refused(request: HttpRequest) -> None:
    """The view does not accept the query's values as a page worth keeping (a name that finds nobody, a visitor's
    own coordinates): the page is rendered for this visitor and kept for nobody."""
    request._page_cache_refused = True  # type: ignore[attr-defined]


# Browsers and proxies revalidate with the ETag (ConditionalGetMiddleware), so edits show at once.
CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def _page_key(request: HttpRequest) -> str:
    """The key of the page asked for: its address with the parameters it reads (the language is in the key as well
    as in the path: an English and a Spanish page never share an entry, whatever the URL patterns become)."""
    return rendered.key("page", request.path, request.GET.urlencode(), request=request)


def _cached_response(request: HttpRequest, entry: tuple) -> HttpResponse:
    """A page from the cache, with the headers it was stored with (set as they are: nothing to merge), gzipped
    for a browser that accepts it as GZipMiddleware would, but once, when the page was stored."""
    status, content, compressed, headers = entry
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
        and "no-store" not in response.get("Cache-Control", "")
    ):
        set_response_etag(response)  # once, here, rather than on every answer from the cache
        compressed = _compressed(response)
        # Content-Length is worked out for each answer (CommonMiddleware): the gzipped copy has its own.
        headers = tuple((name, value) for name, value in response.items() if name.lower() != "content-length")
        rendered.store_set(key, (response.status_code, response.content, compressed, headers), seconds)


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
            entry = rendered.store_get(key)
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


def public_page(*, clock: bool = False, params: Iterable[str] | Mapping[str, forms.Field | None] = ()) -> Callable:
    """Cache an anonymous visitor's page for PAGE_CACHE_SECONDS, or until content changes; a page that says the
    time of day ("open now") says `clock=True` and is kept a minute (core/rendered.py's lifetime). `params` names
    the query parameters the page reads: the view sees only those (for every visitor, cached or not), and the
    cache key holds only them; a mapping gives each one's form field (or None), whose values are checked before the
    page is kept. PageCacheMiddleware stores the page, once the middleware below it has added its headers."""
    fields = {name: field for name, field in params.items() if field is not None} if isinstance(params, Mapping) else {}
    params = tuple(params)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.GET = known_query(request.GET, params)
            if not _cacheable(request):
                return _public(view(request, *args, **kwargs))
            key = _page_key(request)
            if getattr(request, "_page_cache_looked_up", None) != key:
                entry = rendered.store_get(key)
                if entry is not None:
                    return _cached_response(request, entry)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            _public(response)
            if request.GET and (response.status_code != 200 or _refused(request.GET, fields)):
                return response  # a value the page refuses: rendered for this visitor, kept for nobody
            if not getattr(request, "_page_cache_refused", False):
                response.page_cache = (key, min(rendered.lifetime(clock=clock), settings.PAGE_CACHE_SECONDS))
            return response

        return wrapper

    return decorator


def _public(response: HttpResponse) -> HttpResponse:
    if "no-store" in response.get("Cache-Control", ""):
        return response  # a page the view says is kept nowhere (an editor's preview of a draft) stays so
    patch_cache_control(response, **CACHE_CONTROL)
    patch_vary_headers(response, ["Cookie"])
    return response
