"""Retention refuses a period shorter than its minimum, and --dry-run counts exactly what the run then deletes,
history rows included."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from appointments.models import AppointmentRequest

from .factories_requests import AppointmentRequestFactory, age

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


def run(*args) -> str:
    out = StringIO()
    call_command("purge_appointment_requests", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("days", ["0", "-1", "29"])
def test_a_retention_under_the_minimum_is_refused_and_deletes_nothing(days):
    AppointmentRequestFactory()
    age(AppointmentRequestFactory(), days=40)

    with pytest.raises(CommandError, match="shorter than the minimum"):
        run("--days", days)

    assert AppointmentRequest.objects.count() == 2


def test_a_retention_setting_under_the_minimum_is_refused(settings):
    settings.APPOINTMENT_RETENTION_DAYS = 0
    AppointmentRequestFactory()

    with pytest.raises(CommandError):
        run()

    assert AppointmentRequest.objects.count() == 1


def history_rows(output: str) -> int:
    return int(re.search(r"\((\d+) history rows in all", output).group(1))


def test_the_dry_run_counts_the_history_rows_the_run_deletes(settings):
    settings.APPOINTMENT_RETENTION_DAYS, settings.APPOINTMENT_STALE_DAYS = 365, 90
    for _ in range(2):
        expired = AppointmentRequestFactory()
        expired.status = Status.CONTACTED
        expired.save()  # a second history row
        age(expired, days=400)
    deleted_earlier = AppointmentRequestFactory()
    deleted_earlier.delete()  # its history stays until the purge: two rows (created, deleted)
    AppointmentRequestFactory()  # recent: kept, with its history
    before = AppointmentRequest.history.count()

    said = history_rows(run("--dry-run"))
    assert AppointmentRequest.history.count() == before  # a dry run changes nothing
    done = history_rows(run())

    assert said == done == before - AppointmentRequest.history.count() == 6
