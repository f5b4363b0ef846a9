"""A published procedure page's content, rendered once (Markdown converted and sanitised, template applied) and
kept in the shared cache until content or code changes: a page nobody has cached yet costs one query and the
page's frame, not its Markdown. Publishing renders it at once, so the first patient does not wait."""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from azura_site.cache import code_version, content_generation

from .models import Procedure

BODY_TEMPLATE = "procedures/_procedure_body.html"
PARTS = ("sections", "list_items", "comparison_rows")
TIMEOUT = 7 * 24 * 3600  # a content save or a deploy changes the key long before


def _key(procedure: Procedure) -> str:
    # The content generation changes with every content save, the code version with every deploy; the template's
    # words (headings such as "At a glance") are in the active language.
    language = translation.get_language()
    return f"procedure-body:{procedure.pk}:{language}:{code_version()}:{content_generation()}"


def cached_body(procedure: Procedure) -> SafeString | None:
    """The page's rendered content, if it is current; None for a page that is not published."""
    if not procedure.is_published or procedure.is_draft_copy:
        return None
    html = cache.get(_key(procedure))
    return None if html is None else mark_safe(html)  # noqa: S308 (our own template's output)


def render_body(procedure: Procedure) -> SafeString:
    """Render the page's content (reading its parts) and keep it when the page is public."""
    prefetch_related_objects([procedure], *PARTS)
    html = render_to_string(BODY_TEMPLATE, {"procedure": procedure})
    if procedure.is_published and not procedure.is_draft_copy:
        cache.set(_key(procedure), html, TIMEOUT)
    return mark_safe(html)  # noqa: S308 (rendered by our template, Markdown sanitised by nh3)


def body(procedure: Procedure) -> SafeString:
    return cached_body(procedure) or render_body(procedure)


def render_published(procedure_pk: int) -> None:
    """After a page is published: render its content now, for the next visitor."""
    procedure = Procedure.objects.published().select_related("service_line").filter(pk=procedure_pk).first()
    if procedure is not None:
        render_body(procedure)
