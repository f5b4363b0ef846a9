"""A published procedure page, read and rendered once (its row, and its content under the title with Markdown
converted and sanitised) and kept in the shared cache until content or code changes: a page nobody has cached yet
costs no query and none of its Markdown, only the page's frame. Publishing renders it at once, in each language,
so the first patient does not wait.

Keys hold the code version (a deploy), the content generation (any content save), the language asked for (each
language its own copy: `translation.get_language()`) and the page's address. The content itself is rendered in
the page's content language: a Spanish request for a page without complete published Spanish gets the English
content, rendered under "en" (its headings too), so the page never mixes the two (procedures/translation_state.py)."""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from azura_site.cache import code_version, rendered_seconds, request_generation

from . import translation_state
from .models import Procedure

BODY_TEMPLATE = "procedures/_procedure_body.html"
PARTS = ("sections", "list_items", "comparison_rows")
MAX_SLUG = 50  # SlugField's length: a longer address is no page's


def _key(slug: str, request=None) -> str:
    return f"procedure-page:{code_version()}:{request_generation(request)}:{translation.get_language()}:{slug}"


def render_body(procedure: Procedure, language: str) -> SafeString:
    """Render the page's content under the title in `language` (reading its parts). The template's own words
    (headings such as "At a glance") follow the same language as the content."""
    prefetch_related_objects([procedure], *PARTS)
    with translation.override(language):
        html = render_to_string(BODY_TEMPLATE, {"procedure": procedure})
    return mark_safe(html)  # noqa: S308 (rendered by our template, Markdown sanitised by nh3)


def _read_and_render(slug: str, request=None) -> tuple[Procedure, SafeString] | None:
    procedure = Procedure.objects.published().select_related("service_line").filter(slug=slug).first()
    if procedure is None:
        return None
    body = render_body(procedure, translation_state.content_language(procedure))
    procedure._prefetched_objects_cache = {}  # rendered into the body: the cached row need not carry them
    cache.set(_key(slug, request), (procedure, str(body)), rendered_seconds())
    return procedure, body


def published_page(slug: str, request=None) -> tuple[Procedure, SafeString] | None:
    """The published page at this address and its rendered content (in the page's content language for the
    language asked for), or None (not published, or no such page). Only pages that exist are kept: an invented
    address costs a query, never a cache entry."""
    if len(slug) > MAX_SLUG:
        return None
    cached = cache.get(_key(slug, request))
    if cached is not None:
        procedure, body = cached
        return procedure, mark_safe(body)  # noqa: S308 (rendered by our template, as above)
    return _read_and_render(slug, request)


def render_published(procedure_pk: int) -> None:
    """After a page is published: read and render it now, for the next visitor, for each language asked for."""
    slug = Procedure.objects.published().filter(pk=procedure_pk).values_list("slug", flat=True).first()
    if slug is None:
        return
    for language in translation_state.LANGUAGES:
        with translation.override(language):
            _read_and_render(slug)
