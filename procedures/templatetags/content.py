"""Editors' Markdown on pages, as safe HTML whatever an editor types (procedures/markdown.py), rendered once."""

from functools import lru_cache

from django import template
from django.utils.safestring import SafeString, mark_safe

from procedures import translation_state
from procedures.markdown import ALLOWED_TAGS, NOTICE_TAGS, render

register = template.Library()


@lru_cache(maxsize=1024)
def render_markdown(text: str, tags: frozenset[str] = ALLOWED_TAGS) -> str:
    """The page's Markdown rendered once per process: saved content only (the editor's preview and the reading
    grade render without this cache, so typing cannot fill it)."""
    return render(text, tags)


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
