"""How hard a page is to read: the Flesch-Kincaid grade (textstat) of each prose field and of the whole page,
and its hardest sentences. Patient pages aim at grade 8 or lower (NIH asks 6 to 8)."""

import re
from dataclasses import dataclass

import textstat
from django.utils.html import strip_tags

from .templatetags.content import render_markdown

TARGET_GRADE = 8
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
    """What a reader reads: the Markdown rendered, tags removed, whitespace collapsed."""
    return " ".join(strip_tags(render_markdown(markdown_text or "")).split())


def grade(text: str) -> float | None:
    """The Flesch-Kincaid grade of a text, or None when it has no words."""
    text = plain_text(text)
    if not re.search(r"[A-Za-z]", text):
        return None
    return round(max(textstat.flesch_kincaid_grade(text), 0.0), 1)


def hardest_sentences(text: str, count: int = 3) -> list[Grade]:
    """The sentences above the target grade, hardest first."""
    sentences = [s for s in SENTENCE_END.split(plain_text(text)) if len(s.split()) > 3]
    graded = [Grade(sentence, grade(sentence) or 0.0) for sentence in sentences]
    return sorted((g for g in graded if g.over_target), key=lambda g: -g.grade)[:count]


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
