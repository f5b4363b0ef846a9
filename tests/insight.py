"""Shared by the insight tests: counting on (the suite runs with it off), nothing left waiting from another test,
and the counters as rows to read."""

import pytest

from core import insights
from core.models import InsightCount


@pytest.fixture
def counting(settings):
    settings.INSIGHT_COUNTING = True
    insights.discard()
    yield
    insights.discard()


def rows(**filters) -> list[dict]:
    """The counters written so far (this process's waiting ones flushed first), as dicts without ids."""
    insights.flush()
    return list(
        InsightCount.objects.filter(**filters)
        .order_by("kind", "source", "step", "path", "state", "zip3", "procedure", "found", "field")
        .values(*FIELDS)
    )


def total(**filters) -> int:
    return sum(row["count"] for row in rows(**filters))


FIELDS = ("day", "kind", "source", "step", "path", "state", "zip3", "procedure", "found", "field", "count")
