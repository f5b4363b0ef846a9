"""Insight counters are kept INSIGHT_RETENTION_MONTHS (25) whole months, then the daily retention command deletes
them; its dry run says how many it would (issue 25)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import InsightCount

pytestmark = pytest.mark.django_db


def counter(day: dt.date) -> InsightCount:
    return InsightCount.objects.create(day=day, kind=InsightCount.Kind.PAGE, path="/", count=7)


def purge(*args: str) -> str:
    out = StringIO()
    call_command("purge_appointment_requests", *args, stdout=out)
    return out.getvalue()


def test_counters_older_than_the_retention_months_are_deleted(settings, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 12, 7, 15, tzinfo=dt.UTC))
    settings.INSIGHT_RETENTION_MONTHS = 25
    old, kept = counter(dt.date(2024, 10, 31)), counter(dt.date(2024, 11, 1))
    assert "Would delete 1 insight counters from before 2024-11-01 (INSIGHT_RETENTION_MONTHS=25)." in purge("--dry-run")
    assert InsightCount.objects.count() == 2
    assert "Deleted 1 insight counters from before 2024-11-01 (INSIGHT_RETENTION_MONTHS=25)." in purge()
    assert list(InsightCount.objects.all()) == [kept]
    assert not InsightCount.objects.filter(pk=old.pk).exists()


def test_a_shorter_setting_deletes_more(settings, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC))
    settings.INSIGHT_RETENTION_MONTHS = 1
    counter(dt.date(2025, 11, 30))
    kept = counter(dt.date(2025, 12, 1))
    assert "Deleted 1 insight counters from before 2025-12-01 (INSIGHT_RETENTION_MONTHS=1)." in purge()
    assert list(InsightCount.objects.all()) == [kept]
