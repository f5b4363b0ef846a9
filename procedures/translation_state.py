"""The Spanish version of the content: is it complete, is it out of date, and which language a page shows.

Rules (README, "Content in Spanish"):
- A Spanish page shows the Spanish text only when the page is published and every English text on it (its fields,
  sections, list items and comparison rows; references aside, which may keep their English title) has its Spanish.
  Otherwise it says so in Spanish and shows the English text, marked lang="en". Never a mix of the two.
- A Spanish text is out of date when the English it was written against has changed since (recorded per field in
  `translation_sources` whenever the Spanish is saved). The page keeps showing the last published Spanish, with a
  note that the English page was updated since; the admin shows editors which fields and what changed.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import models
from modeltranslation.utils import get_language

from .models import ComparisonRow, ListItem, Ordered, Procedure, Section
from .translation_sources import ENGLISH, SPANISH, Translatable, mark_current, text, translated_fields, words

PARTS = ("sections", "list_items", "comparison_rows")  # a procedure's translated parts (related names)


def mark_page_current(procedure) -> None:
    """mark_current for a page (or draft) and each of its parts, saved."""
    parts = PARTS if hasattr(procedure, PARTS[0]) else ()  # the overview has none
    for obj in [procedure, *(part for name in parts for part in getattr(procedure, name).all())]:
        mark_current(obj)
        obj.save(update_fields=["translation_sources"])


@dataclass
class Outdated:
    label: str
    english_then: str
    english_now: str


@dataclass
class SpanishState:
    missing: list[str] = field(default_factory=list)  # what has English text and no Spanish yet
    outdated: list[Outdated] = field(default_factory=list)
    has_spanish: bool = False

    @property
    def complete(self) -> bool:
        return self.has_spanish and not self.missing


def _label(obj: Translatable, name: str, prefix: str) -> str:
    field = obj._meta.get_field(name)
    assert isinstance(field, models.Field)  # a translated column, never a relation
    label = str(field.verbose_name)
    return f"{prefix}: {label}" if prefix else label[:1].upper() + label[1:]


def _add(state: SpanishState, obj: Translatable, prefix: str = "", *, optional: bool = False) -> None:
    sources = obj.translation_sources or {}
    for name in translated_fields(type(obj)):
        english, spanish = text(obj, name, ENGLISH), text(obj, name, SPANISH)
        if spanish.strip():
            state.has_spanish = True
            then = sources.get(name, {}).get("en")
            if then != words(english):
                state.outdated.append(Outdated(_label(obj, name, prefix), then or "", words(english)))
        elif english.strip() and not optional:
            state.missing.append(_label(obj, name, prefix))


def _part_prefix(part: Ordered) -> str:
    if isinstance(part, Section):
        return f"Section “{text(part, 'heading', ENGLISH)}”"
    if isinstance(part, ComparisonRow):
        return f"Comparison row “{text(part, 'aspect', ENGLISH)}”"
    assert isinstance(part, ListItem)  # the third kind of part
    return f"{part.get_kind_display()} “{text(part, 'text', ENGLISH)[:60]}”"


def page_state(page: Translatable) -> SpanishState:
    """The Spanish of a page (the overview, or a procedure with its parts: prefetched ones are not read again)."""
    state = SpanishState()
    _add(state, page)
    if isinstance(page, Procedure):
        for part in (part for name in PARTS for part in getattr(page, name).all()):
            reference = isinstance(part, ListItem) and part.kind == ListItem.Kind.REFERENCE
            _add(state, part, _part_prefix(part), optional=reference)  # a cited title may stay in English
    return state


def refresh(procedure) -> SpanishState:
    """Recompute a procedure's (or a draft's) stored Spanish flags from its fields and parts. Called after the
    admin saves a page or draft with its parts, and after publishing and starting a draft. The overview keeps no
    flags (it has no parts: its state is read from its own fields when asked), so for it this only reports."""
    state = page_state(procedure)
    if not isinstance(procedure, Procedure):
        return state
    flags = {"spanish_complete": state.complete, "spanish_outdated": bool(state.outdated)}
    if any(getattr(procedure, name) != value for name, value in flags.items()):
        Procedure.all_objects.filter(pk=procedure.pk).update(**flags)
        for name, value in flags.items():
            setattr(procedure, name, value)
    return state


def requested_language() -> str:
    """The language the visitor asked for ("en" or "es"), from the active translation."""
    return get_language()


def shows_spanish(page) -> bool:
    """Whether the public Spanish page shows this page's Spanish text: published, and its Spanish complete."""
    if not page.is_published or getattr(page, "is_draft_copy", False):
        return False
    if isinstance(page, Procedure):
        return page.spanish_complete
    return page_state(page).complete


_previewing = contextvars.ContextVar("previewing_content", default=False)


@contextmanager
def previewing():
    """Staff preview a draft in Spanish: show every Spanish text there is, complete or not."""
    token = _previewing.set(True)
    try:
        yield
    finally:
        _previewing.reset(token)


def page_of(obj):
    """The page a piece of content is on: itself, or a part's procedure."""
    return obj if hasattr(obj, "is_published") else obj.procedure


def shown_in(obj, language: str) -> bool:
    """Whether a piece of content reads in `language` (procedures/translation.py's descriptors ask): English
    always; another language only where its whole page is shown in it, or in a staff preview."""
    return language == ENGLISH or _previewing.get() or shows_spanish(page_of(obj))


def content_language(page) -> str:
    """The language of the page's content for this request: the requested one, or English when the page has no
    complete published Spanish."""
    language = requested_language()
    if language == SPANISH and not shows_spanish(page):
        return ENGLISH
    return language


def foreign_language(page) -> str:
    """The language of a page's content when it is not the language asked for ("en": its English on a Spanish
    page, for a `lang` attribute); "" when it is in the language asked for."""
    if page in (None, ""):
        return ""
    language = content_language(page)
    return "" if language == requested_language() else language


def outdated_on_page(page) -> bool:
    """Whether the Spanish shown was written against an older English text (the page says so)."""
    if isinstance(page, Procedure):
        return page.spanish_outdated
    return bool(page_state(page).outdated)
