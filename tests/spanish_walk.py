"""Finding English on a Spanish page: the words a reader sees (and the labels a screen reader reads) outside any
element marked lang="en" (or another language), checked against the site's own English vocabulary.

The vocabulary is every word of the site's English (the catalogue's English messages and the client's English
content) that Spanish never uses (no Spanish message of the catalogue has it): so "Kyphoplasty", "the", "Notice"
or "accepting" are English, while "no", "a" or "Demo" are not evidence of anything. Proper names a Spanish page
may show as they are (the practice's, centers', physicians', places') are taken out first.
"""

import re
from functools import cache

from django.test.html import Element

from procedures import translation_state
from procedures.models import ComparisonRow, ListItem, Notice, Procedure, Section, ServiceLine

from .html import parse
from .support import ROOT

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
READ_ALOUD = ("aria-label", "alt", "title", "placeholder")
SKIPPED = {"script", "style", "head", "template"}
ALWAYS_ALLOWED = ["Azura Vascular Care", "Azura", "English", "Dr."]  # the name; the switch's "English" has lang="en"


def words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(text) if len(word) > 1}


@cache
def catalogue() -> tuple[frozenset[str], frozenset[str]]:
    """(the words of the English messages, the words of the Spanish ones), from locale/es/LC_MESSAGES/django.po."""
    english, spanish = set(), set()
    text = (ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for entry in text.split("\n\n"):
        target = None
        for line in entry.splitlines():
            if line.startswith(("msgid", "msgid_plural")):
                target = english
            elif line.startswith("msgstr"):
                target = spanish
            elif not line.startswith('"'):
                target = None
                continue
            if target is not None and '"' in line:
                target |= words(re.sub(r"%\(\w+\)s|\{\w+\}|<[^>]+>|\\[nt]", " ", line[line.index('"') :]))
    return frozenset(english), frozenset(spanish)


def content_words() -> set[str]:
    """The words of the client's English content: pages, their parts, and the notices."""
    found: set[str] = set()
    for model in (ServiceLine, Procedure, Section, ListItem, ComparisonRow, Notice):
        for obj in model._default_manager.all():
            for name in translation_state.translated_fields(model):
                found |= words(getattr(obj, f"{name}_en", "") or "")
    return found


def english_vocabulary() -> set[str]:
    english, spanish = catalogue()
    return (english | content_words()) - spanish


def english_outside_marked(page, allowed: list[str], vocabulary: set[str]) -> list[tuple[str, list[str]]]:
    """(text, English words) of each piece of the page's body a reader meets outside an element marked with another
    language, once the allowed names are taken out."""
    found = []
    for piece in _unmarked_text(parse(page)):
        for name in sorted([*ALWAYS_ALLOWED, *allowed], key=len, reverse=True):
            piece = piece.replace(name, " ")
        english = sorted(words(piece) & vocabulary)
        if english:
            found.append((" ".join(piece.split()), english))
    return found


def _unmarked_text(element: Element, marked: bool = False):
    attributes = dict(element.attributes)
    if element.name in SKIPPED:
        return
    lang = attributes.get("lang")
    if lang:
        marked = not lang.startswith("es")
    if marked:
        return
    for name in READ_ALOUD:
        if attributes.get(name):
            yield attributes[name]
    for child in element.children:
        if isinstance(child, str):
            yield child
        else:
            yield from _unmarked_text(child, marked)
