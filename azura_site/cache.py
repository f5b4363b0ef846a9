"""A cache of rendered public pages in the shared cache, dropped as soon as staff save any content.

Only anonymous GETs without a session are cached or served from the cache: a staff preview, or anything
carrying personal data (every such page sends Cache-Control: no-store), never is. Every content save bumps
a generation number that is part of each key, so all cached pages go stale at once, on every process and
host that shares the cache; so does a deploy of new templates, translations, static files or code (the code
version). The page's language (English, or Spanish under /es/) is part of every key.

A page's key holds only the query parameters the page reads (`params`), in its order, trimmed and bounded; the view
is handed exactly those, so `?utm_source=x1`, `?utm_source=x2`... are one entry, rendered once, and a
visitor cannot fill the cache by inventing parameters. Give Redis a `maxmemory` with an LRU policy (README).
"""

import functools
import hashlib
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

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
    sources = [(Path(directory), "*.html") for directory in settings.TEMPLATES[0]["DIRS"]]
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
        generation = request._content_generation = content_generation()
    return generation


def bump_content_generation(instance=None, **kwargs) -> None:
    """Signal receiver: any saved or deleted content makes every cached page stale (a draft's does not: it
    is on no public page until published, and publishing saves the page itself)."""
    if getattr(instance, "is_draft_copy", False):
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 2, None)


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


def known_query(query: QueryDict, params: Iterable[str]) -> QueryDict:
    """The query parameters a page reads, and nothing else, in the page's own order whatever order the visitor
    used; values trimmed and bounded."""
    known = QueryDict(mutable=True)
    for name in dict.fromkeys(params):
        values = [value.strip()[:MAX_VALUE_LENGTH] for value in query.getlist(name)[:MAX_VALUES]]
        if values:
            known.setlist(name, values)
    known._mutable = False
    return known


# Browsers and proxies revalidate with the ETag (ConditionalGetMiddleware), so edits show at once.
CACHE_CONTROL = {"public": True, "max_age": 0, "must_revalidate": True}


def _page_key(request: HttpRequest) -> str:
    page = f"{request.path}?{request.GET.urlencode()}"
    path = hashlib.sha256(page.encode()).hexdigest()[:32]
    # The language is in the key as well as in the path: an English and a Spanish page never share an entry,
    # whatever the URL patterns become. (v2: entries hold their headers too.)
    return f"page-cache:v2:{code_version()}:{request_generation(request)}:{translation.get_language()}:{path}"


def _cached_response(entry: tuple) -> HttpResponse:
    """A page from the cache, with the headers a freshly rendered one gets (set as they are: nothing to merge)."""
    status, content, content_type, etag, cache_control, vary = entry
    response = HttpResponse(content, status=status, content_type=content_type)
    response["ETag"], response["Cache-Control"], response["Vary"] = etag, cache_control, vary
    return response


def _keep(key: str, response: HttpResponse, seconds: int) -> None:
    if response.status_code in (200, 400, 404) and not response.has_header("Set-Cookie"):
        set_response_etag(response)  # once, here, rather than on every answer from the cache
        headers = [response[name] for name in ("Content-Type", "ETag", "Cache-Control", "Vary")]
        cache.set(key, (response.status_code, response.content, *headers), seconds)


def public_page(seconds: int | None = None, params: Iterable[str] = ()) -> Callable:
    """Cache an anonymous visitor's page for `seconds` (default PAGE_CACHE_SECONDS), or until content changes.
    Pages that say the time of day ("open now") pass a short time. `params` names the query parameters the
    page reads: the view sees only those (for every visitor, cached or not), and the cache key holds only them."""
    params = tuple(params)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.GET = known_query(request.GET, params)
            if not _cacheable(request):
                return _public(view(request, *args, **kwargs))
            key = _page_key(request)
            entry = cache.get(key)
            if entry is not None:
                return _cached_response(entry)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            _public(response)
            _keep(key, response, seconds or settings.PAGE_CACHE_SECONDS)
            return response

        return wrapper

    return decorator


def _public(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, **CACHE_CONTROL)
    patch_vary_headers(response, ["Cookie"])
    return response
