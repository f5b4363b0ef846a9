"""Content health: per procedure page, its reading grade, the optional parts still empty, and whether its medical
review is overdue (older than MEDICAL_REVIEW_MONTHS, or never done)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from . import readability, translation_state
from .models import ListItem, Procedure

OPTIONAL_PARTS = [
    ("other_names", "Other names"),
    ("preparation", "How to prepare"),
    ("aftercare", "What to expect after"),
    ("results", "Results"),
    ("warning_signs_intro", "When to call your doctor"),
    ("alternatives", "Alternatives"),
]
OPTIONAL_LISTS = [(ListItem.Kind.QUESTION, "Frequently asked questions"), (ListItem.Kind.REFERENCE, "References")]


@dataclass
class Health:
    procedure: Procedure
    grade: float | None
    empty_parts: list[str]
    review_due: dt.date | None  # None: never reviewed
    spanish: translation_state.SpanishState | None = None

    @property
    def review_overdue(self) -> bool:
        return self.review_due is None or self.review_due < timezone.localdate()


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def procedure_health(procedure: Procedure) -> Health:
    kinds = {item.kind for item in procedure.list_items.all()}
    empty = [label for name, label in OPTIONAL_PARTS if not getattr(procedure, name).strip()]
    if ListItem.Kind.WARNING_SIGN in kinds and "When to call your doctor" in empty:
        empty.remove("When to call your doctor")
    empty += [label for kind, label in OPTIONAL_LISTS if kind not in kinds]
    due = months_after(procedure.reviewed_on, settings.MEDICAL_REVIEW_MONTHS) if procedure.reviewed_on else None
    grade = readability.grade(readability.page_text(procedure))
    return Health(procedure, grade, empty, due, translation_state.page_state(procedure))


def content_health() -> list[Health]:
    """Every procedure page (drafts of live pages aside), in list order."""
    procedures = Procedure.objects.prefetch_related(*translation_state.PARTS)
    return [procedure_health(procedure) for procedure in procedures]


def overdue_reviews() -> list[Health]:
    return [health for health in content_health() if health.review_overdue]
