"""A published procedure page's content, rendered once (Markdown converted and sanitised, template applied) and
kept in the shared cache until content or code changes: a page nobody has cached yet costs one query and the
page's frame, not its Markdown. Publishing renders it at once, so the first patient does not wait. Each language
of the content (English, and Spanish where the page shows it) is rendered and kept apart."""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from azura_site.cache import code_version, content_generation

from . import translation_state
from .models import Procedure

BODY_TEMPLATE = "procedures/_procedure_body.html"
PARTS = ("sections", "list_items", "comparison_rows")
TIMEOUT = 7 * 24 * 3600  # a content save or a deploy changes the key long before


def _key(procedure: Procedure, language: str) -> str:
    # The content generation changes with every content save, the code version with every deploy.
    return f"procedure-body:{procedure.pk}:{language}:{code_version()}:{content_generation()}"


def cached_body(procedure: Procedure, language: str) -> SafeString | None:
    """The page's rendered content in `language`, if it is current; None for a page that is not published."""
    if not procedure.is_published or procedure.is_draft_copy:
        return None
    html = cache.get(_key(procedure, language))
    return None if html is None else mark_safe(html)  # noqa: S308 (our own template's output)


def render_body(procedure: Procedure, language: str) -> SafeString:
    """Render the page's content in `language` (reading its parts) and keep it when the page is public. The
    template's own words (headings such as "At a glance") follow the same language as the content."""
    prefetch_related_objects([procedure], *PARTS)
    with translation.override(language):
        html = render_to_string(BODY_TEMPLATE, {"procedure": procedure})
    if procedure.is_published and not procedure.is_draft_copy:
        cache.set(_key(procedure, language), html, TIMEOUT)
    return mark_safe(html)  # noqa: S308 (rendered by our template, Markdown sanitised by nh3)


def body(procedure: Procedure, language: str) -> SafeString:
    return cached_body(procedure, language) or render_body(procedure, language)


def render_published(procedure_pk: int) -> None:
    """After a page is published: render its content now, for the next visitor, in each language it shows."""
    procedure = Procedure.objects.published().select_related("service_line").filter(pk=procedure_pk).first()
    if procedure is None:
        return
    render_body(procedure, translation_state.ENGLISH)
    if translation_state.shows_spanish(procedure):
        render_body(procedure, translation_state.SPANISH)
