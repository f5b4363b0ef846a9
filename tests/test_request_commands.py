"""The daily reminder: centers hear of requests still new after one business day; emails whose worker died are
queued again. (The purge: test_retention.py.)"""

import re
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appointments.management.commands.remind_stale_requests import one_business_day_before
from appointments.models import AppointmentRequest, RequestEmail
from core.tasks import STAFF_EMAIL_ATTEMPTS, send_email

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


def test_remind_emails_each_center_with_an_address_its_count_of_stale_requests(stale_requests, run_worker):
    run("remind_stale_requests")
    run_worker()

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {("north@azura.example",), ("south@azura.example",)}
    north = by_recipient[("north@azura.example",)]
    assert north.subject.startswith("2 appointment requests still new")
    assert "Azura North" in north.subject
    assert "2 appointment requests are still new" in north.body
    south = by_recipient[("south@azura.example",)]
    assert south.subject.startswith("1 appointment request still new")
    assert south.body.strip() == (
        "1 appointment request is still new after one business day at Azura South. Please call the patients back; "
        "the requests are in the staff site."
    )


def test_remind_emails_hold_no_patient_details(stale_requests, run_worker):
    run("remind_stale_requests")
    run_worker()
    for message in mail.outbox:
        assert "Stalewood" not in message.subject + message.body
        assert "555-0199" not in message.body
        assert not re.search(r"AZ-\w{4}-\w{4}", message.body)


@pytest.fixture
def dead_mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, False, 2


def test_remind_queues_its_emails_so_a_dead_mail_server_does_not_break_it(stale_requests, dead_mail_server, run_worker):
    output = run("remind_stale_requests")  # nothing listens on the discard port: the server is down

    assert re.search(r"Reminded 2 centers? about 3 requests?", output), output
    assert run_worker() == 2
    assert mail.outbox == []
    retries = DBTaskResult.objects.filter(status="READY")
    assert retries.count() == 2  # each reminder is tried again later
    soon = timezone.now() + timedelta(seconds=settings.EMAIL_RETRY_FIRST_SECONDS)
    assert all(timezone.now() < retry.run_after <= soon for retry in retries)


def test_a_reminder_that_could_not_go_is_sent_once_the_mail_server_is_back(
    stale_requests, dead_mail_server, run_worker, settings
):
    run("remind_stale_requests")
    run_worker()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server answers again
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # the next try is due

    assert run_worker() == 2

    assert sorted(message.to[0] for message in mail.outbox) == ["north@azura.example", "south@azura.example"]
    assert DBTaskResult.objects.filter(status="READY").count() == 0


def test_a_reminder_to_an_address_refused_for_good_is_not_tried_again(stale_requests, refusing_mail_server, run_worker):
    run("remind_stale_requests")

    assert run_worker() == 2

    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED", "FAILED"]


def test_a_staff_email_stops_trying_after_its_last_attempt(dead_mail_server, run_worker):
    send_email.using(run_after=timezone.now()).enqueue("Subject", "Body", ["north@azura.example"], STAFF_EMAIL_ATTEMPTS)

    assert run_worker() == 1

    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]  # the worker records it


def test_remind_says_how_many_centers_and_requests_it_reminded(stale_requests):
    output = run("remind_stale_requests")
    # Two centers were emailed, about 2 + 1 requests; the quiet center's request went in no email.
    assert re.search(r"Reminded 2 centers? about 3 requests?", output), output


def test_remind_with_nothing_stale_sends_nothing(run_worker):
    make(Status.NEW, days=0, center=CenterFactory(notification_email="north@azura.example"))
    output = run("remind_stale_requests")
    assert run_worker() == 0
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


# --- Emails whose worker died --------------------------------------------------------------------------------


def test_requeue_stalled_emails_queues_again_only_the_overdue_ones_and_the_worker_sends_them(center, run_worker):
    def email(overdue_minutes: float) -> RequestEmail:
        return RequestEmail.objects.create(
            request=AppointmentRequestFactory(center=center),
            center=center,
            kind=RequestEmail.Kind.CENTER_NEW,
            recipient=center.notification_email,
            next_attempt_at=timezone.now() - timedelta(minutes=overdue_minutes),
        )

    stalled, waiting = email(overdue_minutes=6), email(overdue_minutes=1)  # a claim holds an email for 5 minutes

    assert run("requeue_stalled_emails") == "1 stalled email queued again\n"
    assert run_worker() == 1
    stalled.refresh_from_db()
    waiting.refresh_from_db()
    assert (stalled.status, waiting.status) == (RequestEmail.Status.SENT, RequestEmail.Status.QUEUED)
    assert [message.to for message in mail.outbox] == [[center.notification_email]]
    assert run("requeue_stalled_emails") == "0 stalled emails queued again\n"
