"""How hard a page is to read: the Flesch-Kincaid grade (textstat) of each prose field and of the whole page,
and its hardest sentences. Patient pages aim at grade 8 or lower (NIH asks 6 to 8).

Bounded in time and memory, since the edit form asks for a grade as an editor types: only the first
GRADE_MAX_CHARS characters of a text are graded (and the form says so), the Markdown is rendered without the
pages' cache, and the caches of textstat 0.7.8 and pyphen are emptied after each grade. (textstat keeps 128 texts
per function, pyphen every word it has hyphenated: 200 previews of 100,000 characters took a process from 135 MB
to 1.3 GB, with two million words in pyphen's cache.) The pronouncing dictionary (cmudict) is loaded once and kept.
"""

import re
from dataclasses import dataclass

import pyphen
import textstat
from django.utils.html import strip_tags
from textstat import backend

from .markdown import render

TARGET_GRADE = 8
# Characters of a text graded: the longest page of the client's copy has 2,211 characters of prose.
GRADE_MAX_CHARS = 20_000
# pyphen's memo of hyphenated words is emptied past this many words (a text of GRADE_MAX_CHARS has ~4,000).
PYPHEN_WORDS_KEPT = 20_000
# textstat's functions that keep the texts they were given (lru_cache, 128 texts each); those that load a
# language's dictionary or settings (backend.utils) stay cached.
TEXTSTAT_TEXT_CACHES = tuple(
    function
    for module in (backend.counts, backend.metrics, backend.selections, backend.transformations, backend.validations)
    for function in (getattr(module, name) for name in module.__all__)
    if hasattr(function, "cache_clear")
)
# The prose an editor writes on a procedure page, in the order of the edit form.
PROSE_FIELDS = [
    "summary",
    "conditions_intro",
    "conditions_outro",
    "risks_intro",
    "risks_lead_in",
    "risks_outro",
    "preparation",
    "aftercare",
    "results",
    "warning_signs_intro",
    "alternatives",
    "comparison_intro",
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


@dataclass
class Grade:
    label: str
    grade: float

    @property
    def over_target(self) -> bool:
        return self.grade > TARGET_GRADE


def plain_text(markdown_text: str) -> str:
    """What a reader reads of the text's first GRADE_MAX_CHARS characters: the Markdown rendered, tags removed,
    whitespace collapsed."""
    return plain_of_html(render((markdown_text or "")[:GRADE_MAX_CHARS]))


def plain_of_html(html: str) -> str:
    """The words of rendered HTML, whitespace collapsed, as far as GRADE_MAX_CHARS characters."""
    return " ".join(strip_tags(html).split())[:GRADE_MAX_CHARS]


def is_partial(text: str) -> bool:
    """Whether only the first GRADE_MAX_CHARS characters of the text are graded."""
    return len(text or "") > GRADE_MAX_CHARS


def partial_note(text: str) -> str:
    """What to say after a grade of the text: that it reads only the first characters, when it does."""
    return f" of its first {GRADE_MAX_CHARS:,} characters" if is_partial(text) else ""


def bound_caches() -> None:
    """Empty textstat's memo of texts, and pyphen's of words once it holds more than PYPHEN_WORDS_KEPT."""
    for function in TEXTSTAT_TEXT_CACHES:
        function.cache_clear()
    for dictionary in pyphen.hdcache.values():
        if len(dictionary.cache) > PYPHEN_WORDS_KEPT:
            dictionary.cache.clear()


def _grade(plain: str) -> float | None:
    if not re.search(r"[A-Za-z]", plain):
        return None
    return round(max(textstat.flesch_kincaid_grade(plain), 0.0), 1)


def grade_of_plain(plain: str) -> float | None:
    """The Flesch-Kincaid grade of plain text (plain_text, plain_of_html), or None when it has no words."""
    try:
        return _grade(plain)
    finally:
        bound_caches()


def hardest_of_plain(plain: str, count: int = 3) -> list[Grade]:
    """The sentences of plain text above the target grade, hardest first."""
    sentences = [s for s in SENTENCE_END.split(plain) if len(s.split()) > 3]
    try:
        graded = [Grade(sentence, _grade(sentence) or 0.0) for sentence in sentences]
    finally:
        bound_caches()
    return sorted((g for g in graded if g.over_target), key=lambda g: -g.grade)[:count]


def grade(text: str) -> float | None:
    """The Flesch-Kincaid grade of a Markdown text (its first GRADE_MAX_CHARS characters), or None if no words."""
    return grade_of_plain(plain_text(text))


def hardest_sentences(text: str, count: int = 3) -> list[Grade]:
    """The sentences above the target grade, hardest first (of the text's first GRADE_MAX_CHARS characters)."""
    return hardest_of_plain(plain_text(text), count)


def page_text(procedure) -> str:
    """Every word of English prose on the page, sections included, as one text (the grade is for English only)."""
    parts = [getattr(procedure, f"{name}_en") for name in PROSE_FIELDS]
    parts += [section.body_en for section in procedure.sections.all()]
    return "\n\n".join(part for part in parts if part and part.strip())


def field_grades(procedure) -> list[Grade]:
    """The grade of each English prose field that has text, then of each section."""
    grades = []
    for name in PROSE_FIELDS:
        value = grade(getattr(procedure, f"{name}_en"))
        if value is not None:
            label = str(procedure._meta.get_field(name).verbose_name).capitalize()
            grades.append(Grade(label, value))
    for section in procedure.sections.all():
        value = grade(section.body_en)
        if value is not None:
            grades.append(Grade(f"Section “{section.heading_en}”", value))
    return grades
