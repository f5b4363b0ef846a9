"""Render editors' Markdown as safe HTML: whatever an editor types, no script reaches a page."""

from functools import lru_cache

import markdown as markdown_lib
import nh3
from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from procedures import translation_state
from procedures.jsonld import jsonld_script

register = template.Library()

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
NOTICE_TAGS = frozenset(ALLOWED_TAGS | {"h2"})  # a notice is a page of its own: its sections are h2


@lru_cache(maxsize=1024)
def render_markdown(text: str, tags: frozenset[str] = frozenset(ALLOWED_TAGS)) -> str:
    html = markdown_lib.markdown(text, output_format="html")
    return nh3.clean(
        html,
        tags=set(tags),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


@register.filter(is_safe=True)
def markdown(text: str) -> SafeString:
    """Markdown to sanitised HTML (paragraphs, emphasis, lists and links only)."""
    return mark_safe(render_markdown(text or ""))  # noqa: S308 (nh3 has sanitised it)


@register.filter(is_safe=True)
def notice_markdown(text: str) -> SafeString:
    """As `markdown`, with “## ” headings (h2): a notice's sections sit right under its title."""
    return mark_safe(render_markdown(text or "", NOTICE_TAGS))  # noqa: S308 (nh3 has sanitised it)


@register.filter(is_safe=True)
def lang_attr(page) -> SafeString:
    """` lang="en"` on an element whose content is a page's English shown on a Spanish page (no complete published
    Spanish yet: procedures/translation_state.py); nothing where the content is in the page's own language."""
    if page in (None, ""):
        return mark_safe("")
    language = translation_state.content_language(page)
    if language == translation_state.requested_language():
        return mark_safe("")
    return mark_safe(f' lang="{language}"')  # noqa: S308 ("en" or "es", never input)


@register.filter
def procedure_jsonld(procedure) -> SafeString:
    """schema.org MedicalWebPage about a MedicalProcedure, with its medical review."""
    url = settings.SITE_URL + procedure.get_absolute_url()
    data = {
        "@type": "MedicalWebPage",
        "name": procedure.title,
        "url": url,
        "description": procedure.meta_description,
        "about": {
            "@type": "MedicalProcedure",
            "name": procedure.title,
            "description": procedure.summary,
        },
        "publisher": ORGANIZATION,
    }
    if procedure.last_published_at:
        data["dateModified"] = procedure.last_published_at.isoformat()
    if procedure.reviewed_on:
        data["lastReviewed"] = procedure.reviewed_on.isoformat()
    if procedure.reviewed_by:
        data["reviewedBy"] = {"@type": "Person", "name": procedure.reviewed_by}
    return jsonld_script(data)


@register.simple_tag
def organization_jsonld() -> SafeString:
    return jsonld_script({**ORGANIZATION, "url": settings.SITE_URL + "/"})


ORGANIZATION = {"@type": "MedicalOrganization", "name": "Azura Vascular Care"}


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(context, current: str, parent_url: str = "", parent_label: str = "") -> SafeString:
    """schema.org BreadcrumbList of the trail the page shows: Home, the parent if any, the page itself (at
    `page_path` where the page is rendered outside a request: procedures/rendering.py)."""
    trail = [(gettext("Home"), reverse("home"))]
    if parent_url:
        trail.append((parent_label, parent_url))
    trail.append((current, context.get("page_path") or context["request"].path))
    items = [
        {"@type": "ListItem", "position": n, "name": str(name), "item": settings.SITE_URL + url}
        for n, (name, url) in enumerate(trail, start=1)
    ]
    return jsonld_script({"@type": "BreadcrumbList", "itemListElement": items})
