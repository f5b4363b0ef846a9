"""Two real workers (`manage.py db_worker`) run the same reminder's task at once, as after a lost task was queued
again and the cron sweep ran: the patient receives one reminder."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appointments.booking import send_visit_reminder
from appointments.models import AppointmentRequest, RequestEmail

from .factories_requests import AppointmentRequestFactory
from .processes import MailServer, environment, wait_for, worker

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]


def test_two_workers_send_a_reminder_once(center, tmp_path):
    visit_at = (timezone.now() + timedelta(days=1, hours=3)).replace(microsecond=0)
    booked = AppointmentRequestFactory(
        center=center, email="rosalind@example.com", status="scheduled", visit_at=visit_at
    )
    AppointmentRequest.objects.filter(pk=booked.pk).update(calendar_sequence=0)
    for _ in range(4):
        send_visit_reminder.enqueue(booked.pk, visit_at.isoformat())

    with MailServer() as smtp:
        env = environment(EMAIL_PORT=str(smtp.port), APPOINTMENT_REMINDER_DAYS="2")
        with worker(env, tmp_path / "one.log") as one, worker(env, tmp_path / "two.log") as two:
            reminders = DBTaskResult.objects.filter(task_path__endswith="send_visit_reminder")
            wait_for(
                lambda: not reminders.filter(status__in=["READY", "RUNNING"]).exists(),
                seconds=60,
                what=f"every reminder task run\n{one.tail()}\n{two.tail()}",
            )
            wait_for(lambda: len(smtp.messages) >= 1, seconds=30, what=f"the reminder\n{one.tail()}\n{two.tail()}")

    assert smtp.recipients == ["rosalind@example.com"]
    assert RequestEmail.objects.filter(request=booked, kind=RequestEmail.Kind.VISIT_REMINDER).count() == 1
