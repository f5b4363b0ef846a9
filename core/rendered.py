"""Rendered output kept for reuse: one key builder, one lifetime policy, one way of filling holes.

Every layer that keeps rendered output (the whole page, a search page's frame, the layout's fragments, a procedure
page's parts, the locator's cards, the request form's blank page, a select's choices, the site settings) is a short
client of this module, and nothing else keeps rendered output.

Keys expire by name, not by deletion: every key holds the release (a deploy of new code, templates, translations or
static files), the content generation (bumped by every save or delete of content) and the active language. A key
that is no longer asked for simply ages out, so no entry ever needs finding and deleting.

Where things live (azura_site/settings.py, CACHES):
- the content generation in the `default` cache, which every process shares: a folder of files on this host when
  there is no Redis, Redis when REDIS_URL is set (every host);
- the output in the `rendered` cache: each process's memory when there is no Redis (safe, since each key names the
  generation it was rendered at, which every process reads anew on each request), Redis when it is set.

Invalidation is opt-out: every model of the content apps bumps the generation when saved or deleted, unless it is
on `NOT_CONTENT` (requests, their emails and notes, history rows): a new model shown on public pages is never stale.
Docs: docs/architecture.md (the layers), docs/decisions/0002-rendered-output.md.
"""

import functools
import hashlib
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils import translation

from .cache_backends import CacheUnavailable

T = TypeVar("T")

GENERATION_KEY = "rendered:generation"
CONTENT_APPS = ("core", "procedures", "appointments")
# Models of the content apps that no public page shows (requests and their emails and notes, the log of publishing):
# saving them leaves rendered output alone. Historical
# models (django-simple-history's) are left out by kind; task rows live in django_tasks_db, not here.
NOT_CONTENT = {
    "appointments.AppointmentRequest",
    "appointments.RequestEmail",
    "appointments.RequestNote",
    "appointments.VisitNotice",
    "core.WorkerHeartbeat",
    "core.InsightCount",  # counters (core/insights.py), written in bulk
    "appointments.RateLimitCounter",
    "procedures.PublishingEvent",
}
# Output that names the time of day ("Open now") is kept at most this long.
CLOCK_SECONDS = 60
# What the release digest reads when RELEASE is not set: every file whose change can change what a page shows.
RELEASE_SOURCES = (("core", "*.py"), ("azura_site", "*.py"), ("procedures", "*.py"), ("appointments", "*.py"))
RELEASE_FILES = ("requirements.txt",)


# --- The release ---------------------------------------------------------------------------------------------------


@functools.cache
def release() -> str:
    """The deploy identifier, the same on every host running the same release: settings.RELEASE when the deploy
    sets it (a git commit), else a digest of the contents (never the times) of the code, templates, translations,
    locked requirements and the static files' manifest. Read once per process."""
    if settings.RELEASE:
        return hashlib.sha256(settings.RELEASE.encode()).hexdigest()[:12]
    base = Path(settings.BASE_DIR)
    sources = [(base / folder, pattern) for folder, pattern in RELEASE_SOURCES]
    template_dirs: list[str] = settings.TEMPLATES[0]["DIRS"]  # type: ignore[assignment]  # our settings: a list
    sources += [(Path(folder), "*.html") for folder in template_dirs]
    sources += [(Path(folder), "*.mo") for folder in settings.LOCALE_PATHS]
    paths = [path for folder, pattern in sources for path in sorted(folder.rglob(pattern))]
    paths += [base / name for name in RELEASE_FILES]
    paths.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# --- The content generation ----------------------------------------------------------------------------------------


def _shared():
    return caches["default"]


def _store():
    return caches["rendered"]


def generation(request: HttpRequest | None = None) -> int:
    """The content generation, read from the shared cache once per request (every layer of a page asks for it).
    A generation lost from the cache (evicted, or Redis restarted) starts again from the clock in microseconds:
    above any number an older entry can carry, since each bump takes longer than a microsecond."""
    if request is not None and (known := getattr(request, "_rendered_generation", None)) is not None:
        return known
    if _unsent_bump.is_set():
        _bump()
    value = _shared().get(GENERATION_KEY)
    if value is None:
        _shared().add(GENERATION_KEY, time.time_ns() // 1_000, None)
        value = _shared().get(GENERATION_KEY, 0)
    if request is not None:
        request._rendered_generation = value  # type: ignore[attr-defined]  # a memo for this request
    return value


# A save whose bump could not reach the cache (Redis unreachable from this process): sent again by this process's
# next read of the generation, so output rendered before the save is not served once Redis answers again.
_unsent_bump = threading.Event()


def _bump() -> None:
    try:
        _shared().incr(GENERATION_KEY)
    except CacheUnavailable:
        _unsent_bump.set()
        return
    except ValueError:  # no generation yet: the next read starts one
        pass
    _unsent_bump.clear()


def content_changed(instance: Any = None, **kwargs: Any) -> None:
    """Every piece of rendered output goes stale: call after a write that sends no signals (a bulk import), or as a
    signal receiver. Bumped at once, and again when the transaction commits: a visitor who read the first new
    number before the commit rendered the rows as they were, and that output must not outlive the commit. A draft
    copy's save changes no public page (publishing saves the page itself)."""
    if getattr(instance, "is_draft_copy", False):
        return
    _bump()
    transaction.on_commit(_bump)


def content_models() -> list[type[Model]]:
    """The models whose saves change public pages: every model of the content apps but those on NOT_CONTENT and
    the history rows."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label not in NOT_CONTENT and not _is_history(model)
    ]


def _is_history(model: type[Model]) -> bool:
    return hasattr(model, "history_id") or model.__name__.startswith("Historical")


def invalidate_on_content_change() -> None:
    """Connect `content_changed` to every content model's saves, deletes and many-to-many changes (CoreConfig)."""
    for model in content_models():
        uid = f"rendered:{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}:delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"{uid}:{field.name}")


# --- Keys and lifetimes --------------------------------------------------------------------------------------------


def key(kind: str, *parts: object, request: HttpRequest | None = None) -> str:
    """The key of one piece of output: its kind, the release, the content generation, the active language, and a
    digest of what else it depends on (an address, a query string, a center)."""
    return _prefix(kind, request) + _digest(parts)


def _prefix(kind: str, request: HttpRequest | None) -> str:
    return f"{kind}:{release()}:{generation(request)}:{translation.get_language() or ''}:"


def _digest(parts: Iterable[object]) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]


def lifetime(*, clock: bool = False) -> int:
    """How long output is kept: the page cache's time (at least a minute), or a minute for output that says the
    time of day ("Open now"). A write that skips the signals (a queryset's update, SQL by hand) bumps no
    generation, so nothing outlives this."""
    return CLOCK_SECONDS if clock else max(settings.PAGE_CACHE_SECONDS, CLOCK_SECONDS)


def kept(kind: str, parts: Iterable[object], render: Callable[[], T], *, request=None, clock: bool = False) -> T:
    """The output at this key, rendered by `render()` and kept when it is not there yet. `render` may return None
    (nothing worth keeping, such as a page that does not exist): None is never kept."""
    entry_key = key(kind, *parts, request=request)
    value = _store().get(entry_key)
    if value is None:
        value = render()
        if value is not None:
            _store().set(entry_key, value, lifetime(clock=clock))
    return value


def kept_many(
    kind: str, items: Mapping[str, tuple], render: Callable[[list[str]], dict[str, T | None]], *, request=None
) -> dict[str, T | None]:
    """As `kept`, for several pieces at once (one cache round trip): `items` maps a name to what its piece depends
    on; `render(missing_names)` renders those missing. Returns {name: output}."""
    prefix = _prefix(kind, request)
    keys = {name: prefix + _digest(parts) for name, parts in items.items()}
    found = _store().get_many(list(keys.values()))
    output = {name: found[entry_key] for name, entry_key in keys.items() if entry_key in found}
    missing = [name for name in keys if name not in output]
    if missing:
        drawn = render(missing)
        _store().set_many({keys[name]: value for name, value in drawn.items() if value is not None}, lifetime())
        output.update(drawn)
    return output


def store_get(entry_key: str) -> Any:
    """An entry by its full key (the page cache, which builds its key before it knows whether to render)."""
    return _store().get(entry_key)


def store_set(entry_key: str, value: Any, seconds: int) -> None:
    _store().set(entry_key, value, seconds)


# --- Holes ---------------------------------------------------------------------------------------------------------


class Stencil:
    """Output rendered once with holes, filled in for each use in one pass. The holes are marked at render time by
    a random token no visitor can know, and the output is split at them at once, before any visitor's value is put
    in: a value is joined between the pieces and never read again, so a visitor who types a hole's name sees it
    as text.

        stencil = Stencil.render(["title", "content"], lambda holes: render_to_string(t, {"frame": holes}))
        stencil.fill(title=..., content=...)
    """

    __slots__ = ("pieces",)

    def __init__(self, pieces: tuple[str, ...]):
        self.pieces = pieces  # literal, hole name, literal, hole name, ..., literal

    @classmethod
    def render(cls, names: Iterable[str], render: Callable[[dict[str, str]], str], *, optional=()) -> "Stencil | None":
        """Render with a marker for each hole, and split. None if a hole is missing (one not `optional`) or repeated:
        the caller then renders each use whole."""
        token = secrets.token_hex(8)
        markers = {name: f"azurahole{token}{name}x" for name in names}
        output = render(markers)
        pieces: list[str] = []
        rest = output
        for marker, name in sorted(((m, n) for n, m in markers.items()), key=lambda item: output.find(item[0])):
            count = output.count(marker)
            if count == 0 and name in optional:
                continue
            if count != 1:
                return None
            before, rest = rest.split(marker)
            pieces += [before, name]
        pieces.append(rest)
        return cls(tuple(pieces))

    @property
    def holes(self) -> tuple[str, ...]:
        return self.pieces[1::2]

    def fill(self, **values: str) -> str:
        """The output with each hole's value; a hole without a value is left empty."""
        parts = list(self.pieces)
        parts[1::2] = [str(values.get(name, "")) for name in self.holes]
        return "".join(parts)
