"""Editors' Markdown on pages, as safe HTML whatever an editor types (procedures/markdown.py), rendered once."""

from functools import lru_cache

from django import template
from django.utils.html import format_html, format_html_join
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


@register.filter
def other_language(page) -> str:
    """The language of a page's content when it is not the page's own ("en": its English on a Spanish page, no
    complete published Spanish yet: procedures/translation_state.py); "" where it is in the page's language."""
    return translation_state.foreign_language(page)


@register.filter(is_safe=True)
def lang_attr(page) -> SafeString:
    """` lang="en"` on an element whose content is a page's English shown on a Spanish page; nothing where the
    content is in the page's own language."""
    language = other_language(page)
    return mark_safe(f' lang="{language}"' if language else "")  # noqa: S308 ("en" or "es", never input)


@register.filter
def procedure_name(procedure) -> SafeString:
    """A procedure's name inside a sentence of the page: as the title is written (never lower-cased: acronyms), and
    marked lang="en" when it is the client's English on a page in another language."""
    if procedure in (None, ""):
        return mark_safe("")
    language = other_language(procedure)
    if language:
        return format_html('<span lang="{}">{}</span>', language, procedure.title)
    return format_html("{}", procedure.title)


@register.filter
def procedure_names(procedures) -> SafeString:
    """Procedures' names as a list in a sentence ("Epidural Injections, Kyphoplasty"), each marked as
    procedure_name marks it."""
    return format_html_join(", ", "{}", ((procedure_name(procedure),) for procedure in procedures))
