"""The daily commands: purging old closed and spam requests (with their history), and reminding centers of
requests still new after one business day."""

import re
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from appointments.management.commands.remind_stale_requests import one_business_day_before
from appointments.models import AppointmentRequest, RequestNote

from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory, age

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.APPOINTMENT_RETENTION_DAYS = 365
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def make(status: str, *, days: float, center=None, **fields) -> AppointmentRequest:
    extra = {"center": center} if center else {}
    return age(AppointmentRequestFactory(status=status, **extra, **fields), days=days)


# --- Purge ---------------------------------------------------------------------------------------------------


@pytest.fixture
def requests_of_every_age():
    """{name: request}; the two "old_closed" and "old_spam" are past the retention, the others are kept."""
    made = {
        "old_closed": make(Status.CLOSED, days=400),
        "old_spam": make(Status.SPAM, days=400),
        "old_new": make(Status.NEW, days=400),
        "old_contacted": make(Status.CONTACTED, days=400),
        "old_scheduled": make(Status.SCHEDULED, days=400),
        "recent_closed": make(Status.CLOSED, days=300),
        "recent_spam": make(Status.SPAM, days=1),
    }
    RequestNote.objects.create(request=made["old_closed"], text="Declined on the phone.")
    return made


def remaining() -> set[str]:
    return set(AppointmentRequest.objects.values_list("reference", flat=True))


def test_purge_deletes_closed_and_spam_requests_older_than_the_retention(requests_of_every_age):
    output = run("purge_appointment_requests")

    kept = {r.reference for name, r in requests_of_every_age.items() if name not in ("old_closed", "old_spam")}
    assert remaining() == kept
    assert "Deleted 2 " in output
    assert RequestNote.objects.count() == 0


def test_purge_deletes_the_history_of_the_deleted_requests(requests_of_every_age):
    purged = [requests_of_every_age["old_closed"].pk, requests_of_every_age["old_spam"].pk]
    assert AppointmentRequest.history.filter(id__in=purged).exists()

    run("purge_appointment_requests")

    leftover = AppointmentRequest.history.filter(id__in=purged)
    assert list(leftover.values_list("id", "history_type", "last_name")) == []


def test_purge_keeps_the_history_of_kept_requests(requests_of_every_age):
    kept = requests_of_every_age["old_new"]
    before = kept.history.count()
    run("purge_appointment_requests")
    assert kept.history.count() == before


def test_purge_dry_run_deletes_nothing_and_says_how_many(requests_of_every_age):
    history_rows = AppointmentRequest.history.count()

    output = run("purge_appointment_requests", "--dry-run")

    assert remaining() == {r.reference for r in requests_of_every_age.values()}
    assert AppointmentRequest.history.count() == history_rows
    assert RequestNote.objects.count() == 1
    assert re.search(r"\b2\b", output)
    assert "Would delete 2 " in output


def test_purge_retention_follows_the_setting(settings, requests_of_every_age):
    settings.APPOINTMENT_RETENTION_DAYS = 200
    output = run("purge_appointment_requests")
    assert "Deleted 3 " in output
    assert requests_of_every_age["recent_closed"].reference not in remaining()


def test_purge_retention_can_be_given_on_the_command_line(requests_of_every_age):
    output = run("purge_appointment_requests", "--days", "0")
    assert "Deleted 4 " in output
    assert remaining() == {
        requests_of_every_age[name].reference for name in ("old_new", "old_contacted", "old_scheduled")
    }


def test_purge_with_nothing_to_delete_says_so():
    make(Status.NEW, days=500)
    assert "Deleted 0 " in run("purge_appointment_requests")
    assert AppointmentRequest.objects.count() == 1


# --- Remind --------------------------------------------------------------------------------------------------


@pytest.fixture
def stale_requests():
    """Centers with requests still new for five days (always more than one business day) and recent ones."""
    north = CenterFactory(name="Azura North", notification_email="north@azura.example")
    south = CenterFactory(name="Azura South", notification_email="south@azura.example")
    silent = CenterFactory(name="Azura Quiet", notification_email="")
    calm = CenterFactory(name="Azura Calm", notification_email="calm@azura.example")
    for _ in range(2):
        make(Status.NEW, days=5, center=north, last_name="Stalewood")
    make(Status.NEW, days=0, center=north)  # just arrived
    make(Status.CONTACTED, days=5, center=north)  # already worked
    make(Status.SPAM, days=5, center=north)  # never worth a call
    make(Status.CLOSED, days=5, center=north)
    make(Status.NEW, days=5, center=south)
    make(Status.NEW, days=5, center=silent)  # nowhere to send a reminder
    make(Status.NEW, days=0, center=calm)
    return {"north": north, "south": south, "silent": silent, "calm": calm}


def test_remind_emails_each_center_with_an_address_its_count_of_stale_requests(stale_requests):
    run("remind_stale_requests")

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {("north@azura.example",), ("south@azura.example",)}
    north = by_recipient[("north@azura.example",)]
    assert north.subject.startswith("2 appointment requests still new")
    assert "Azura North" in north.subject
    assert "2 appointment requests are still new" in north.body
    south = by_recipient[("south@azura.example",)]
    assert south.subject.startswith("1 appointment request still new")
    assert "1 appointment request is still new" in south.body


def test_remind_emails_hold_no_patient_details(stale_requests):
    run("remind_stale_requests")
    for message in mail.outbox:
        assert "Stalewood" not in message.subject + message.body
        assert "555-0199" not in message.body
        assert not re.search(r"AZ-\w{4}-\w{4}", message.body)


def test_remind_says_how_many_centers_and_requests_it_reminded(stale_requests):
    output = run("remind_stale_requests")
    # Two centers were emailed, about 2 + 1 requests; the quiet center's request went in no email.
    assert re.search(r"Reminded 2 centers? about 3 requests?", output), output


def test_remind_with_nothing_stale_sends_nothing():
    make(Status.NEW, days=0, center=CenterFactory(notification_email="north@azura.example"))
    output = run("remind_stale_requests")
    assert mail.outbox == []
    assert re.search(r"Reminded 0 centers? about 0 requests?", output), output


NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 24, 10, 0, tzinfo=NEW_YORK), datetime(2026, 11, 23, 10, 0, tzinfo=NEW_YORK)),  # Tue→Mon
        (datetime(2026, 11, 23, 10, 0, tzinfo=NEW_YORK), datetime(2026, 11, 20, 10, 0, tzinfo=NEW_YORK)),  # Mon→Fri
        (datetime(2026, 11, 22, 10, 0, tzinfo=NEW_YORK), datetime(2026, 11, 20, 10, 0, tzinfo=NEW_YORK)),  # Sun→Fri
        (datetime(2026, 11, 21, 10, 0, tzinfo=NEW_YORK), datetime(2026, 11, 20, 10, 0, tzinfo=NEW_YORK)),  # Sat→Fri
    ],
)
def test_one_business_day_before_skips_the_weekend(now, expected):
    assert one_business_day_before(now) == expected


def test_request_from_friday_afternoon_is_not_stale_on_monday_morning():
    friday_afternoon = datetime(2026, 11, 20, 15, 0, tzinfo=NEW_YORK)
    monday_morning = datetime(2026, 11, 23, 9, 0, tzinfo=NEW_YORK)
    assert friday_afternoon > one_business_day_before(monday_morning)
