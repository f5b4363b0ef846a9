"""A procedure page's own parts, rendered once: its title and description, its JSON-LD, its breadcrumbs, and its
content (the title and summary, the body with its Markdown converted and sanitised, the review note, the call to
action). A published page's are kept (core/rendered.py) until content or code changes, so a page nobody has cached yet
costs no query and none of its template work, only the layout around it (whose menu and footer are fragments of
their own: core/templatetags/fragments.py). Staff get them rendered fresh from the row, drafts included, through
the same code.

Kept per language asked for (each language its own copy) and page address. The content itself is rendered in
the page's content language: a Spanish request for a page without complete published Spanish gets the English
content, rendered under "en" (its headings too), so the page never mixes the two (procedures/translation_state.py);
what speaks to the visitor (the review note's date, the call to action) stays in the language asked for."""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

from core import jsonld, rendered, slugs
from core.models import SiteSettings

from . import translation_state
from .models import Procedure
from .templatetags.content import other_language

CONTENT_TEMPLATE = "procedures/_procedure_content.html"
BREADCRUMBS_TEMPLATE = "includes/_breadcrumbs.html"
PARTS = ("sections", "list_items", "comparison_rows")


@dataclass(frozen=True)
class RenderedPage:
    """What procedures/procedure_detail.html prints around the layout, for one language asked for."""

    title: str  # the <title>, before the site's name
    name: str  # the page's own title (og:title)
    description: str
    head: SafeString  # the JSON-LD
    breadcrumbs: SafeString
    content: SafeString
    is_published: bool  # a draft or an unpublished page (staff only) shows the draft banner


def content_language_context(page) -> dict:
    """Which language the page's content is in for this request, and what the page says about it: a Spanish
    page without complete published Spanish says so and shows the English (marked lang="en"); Spanish written
    against an older English says the English page was updated since."""
    language = translation_state.content_language(page)
    fallback = language != translation_state.requested_language()
    return {
        "content_language": language,
        "content_fallback": fallback,
        "content_outdated": not fallback
        and language != translation_state.ENGLISH
        and translation_state.outdated_on_page(page),
    }


def render_page(procedure: Procedure, *, path: str, language_context: dict | None = None) -> RenderedPage:
    """Render the page's own parts for the active language (reading its parts). `path` is the page's address in
    that language, for the breadcrumbs' JSON-LD; a staff preview passes its own `language_context`."""
    prefetch_related_objects([procedure], *PARTS)
    service_line = procedure.service_line
    title = procedure.title
    breadcrumbs = {
        "parent_url": reverse("procedures:overview"),
        "parent_label": service_line.title,
        "parent_lang": other_language(service_line),
        "current": title,
        "current_lang": other_language(procedure),
        "page_path": path,
    }
    context = {
        "procedure": procedure,
        "site_settings": SimpleLazyObject(SiteSettings.current),  # the language-help number, read if shown
        **(language_context or content_language_context(procedure)),
    }
    return RenderedPage(
        title=f"{title} | {service_line.title}",
        name=title,
        description=procedure.meta_description,
        head=jsonld.script(jsonld.procedure_page(procedure)),
        breadcrumbs=mark_safe(render_to_string(BREADCRUMBS_TEMPLATE, breadcrumbs)),  # noqa: S308 (our template)
        # Rendered by our template, Markdown sanitised by nh3.
        content=mark_safe(render_to_string(CONTENT_TEMPLATE, context)),  # noqa: S308
        is_published=procedure.is_published,
    )


def published_page(slug: str, request=None) -> RenderedPage | None:
    """The published page at this address, rendered for the language asked for, or None (not published, or no
    such page). Only pages that exist are kept: an invented address costs a query, never a cache entry."""
    if len(slug) > slugs.PAGE_LENGTH:  # no page's
        return None
    return rendered.kept("procedure", (slug,), lambda: _read_and_render(slug), request=request)


def _read_and_render(slug: str) -> RenderedPage | None:
    procedure = Procedure.objects.published().select_related("service_line").filter(slug=slug).first()
    return None if procedure is None else render_page(procedure, path=procedure.get_absolute_url())
