"""A published procedure page, read and rendered once (its row, and its content under the title with Markdown
converted and sanitised) and kept in the shared cache until content or code changes: a page nobody has cached yet
costs no query and none of its Markdown, only the page's frame. Publishing renders it at once, so the first patient
does not wait.

Keys hold the code version (a deploy), the content generation (any content save), the language (each language its
own copy: `translation.get_language()`) and the page's address."""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from azura_site.cache import code_version, rendered_seconds, request_generation

from .models import Procedure

BODY_TEMPLATE = "procedures/_procedure_body.html"
PARTS = ("sections", "list_items", "comparison_rows")
MAX_SLUG = 50  # SlugField's length: a longer address is no page's


def _key(slug: str, request=None) -> str:
    return f"procedure-page:{code_version()}:{request_generation(request)}:{translation.get_language()}:{slug}"


def render_body(procedure: Procedure) -> SafeString:
    """Render the page's content under the title (reading its parts)."""
    prefetch_related_objects([procedure], *PARTS)
    return mark_safe(render_to_string(BODY_TEMPLATE, {"procedure": procedure}))  # noqa: S308 (nh3-sanitised Markdown)


def _read_and_render(slug: str, request=None) -> tuple[Procedure, SafeString] | None:
    procedure = Procedure.objects.published().select_related("service_line").filter(slug=slug).first()
    if procedure is None:
        return None
    body = render_body(procedure)
    procedure._prefetched_objects_cache = {}  # rendered into the body: the cached row need not carry them
    cache.set(_key(slug, request), (procedure, str(body)), rendered_seconds())
    return procedure, body


def published_page(slug: str, request=None) -> tuple[Procedure, SafeString] | None:
    """The published page at this address and its rendered content, or None (not published, or no such page).
    Only pages that exist are kept: an invented address costs a query, never a cache entry."""
    if len(slug) > MAX_SLUG:
        return None
    cached = cache.get(_key(slug, request))
    if cached is not None:
        procedure, body = cached
        return procedure, mark_safe(body)  # noqa: S308 (rendered by our template, as above)
    return _read_and_render(slug, request)


def render_published(procedure_pk: int) -> None:
    """After a page is published: read and render it now, for the next visitor (in the language active)."""
    slug = Procedure.objects.published().filter(pk=procedure_pk).values_list("slug", flat=True).first()
    if slug is not None:
        _read_and_render(slug)
