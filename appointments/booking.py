"""Booking a visit and telling the patient: booked, moved, cancelled, and reminded before it.

A visit is booked while its request is "Scheduled" with a date and time. When a save changes that (staff book it,
move it, change its physician, or take it away by another status; the patient cancels it), `visit_saved` queues the
patient's email with its calendar file in the same transaction (mail.py: the worker sends it, in the site language
the patient used), bumps the calendar file's SEQUENCE after the first, and queues the reminder for
APPOINTMENT_REMINDER_DAYS before the visit.

Each visit email keeps what it says (VisitNotice): an email whose visit moved or was cancelled before it went is
withdrawn, never sent (visit_mail.still_true). The reminder is claimed with one UPDATE of
`reminder_sent_for`, so two workers, or the worker and the cron command, never send it twice; a reminder for a
visit that moved, was cancelled or has passed is not sent.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from . import mail
from .models import AppointmentRequest, RequestEmail, VisitNotice

log = logging.getLogger(__name__)

Kind = RequestEmail.Kind
Status = AppointmentRequest.Status


class VisitChange(StrEnum):
    """What a save did to the booked visit."""

    NONE = "none"
    BOOKED = "booked"
    MOVED = "moved"  # another time, or another physician
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Booking:
    """A booked visit as the patient was told of it: when, and with whom."""

    visit_at: datetime
    physician_id: int | None

    @classmethod
    def of(cls, appointment_request: AppointmentRequest) -> "Booking | None":
        """The request's booked visit, or None when it has none (not Scheduled, or no time)."""
        return cls.of_values(
            appointment_request.status, appointment_request.visit_at, appointment_request.visit_physician_id
        )

    @classmethod
    def of_values(cls, status: str | None, visit_at: datetime | None, physician_id: int | None) -> "Booking | None":
        if status != Status.SCHEDULED or visit_at is None:
            return None
        return cls(visit_at, physician_id)


def change_between(before: Booking | None, after: Booking | None) -> VisitChange:
    if before == after:
        return VisitChange.NONE
    if before is None:
        return VisitChange.BOOKED
    return VisitChange.CANCELLED if after is None else VisitChange.MOVED


def visit_saved(*, appointment_request: AppointmentRequest, before: Booking | None) -> VisitChange:
    """After staff saved the request: tell the patient what changed about their visit (nothing if nothing did).
    `before` is Booking.of() the request as it was. (The patient's own cancellation is told by its confirmation:
    patient_access.py.)"""
    after = Booking.of(appointment_request)
    change = change_between(before, after)
    if change == VisitChange.NONE:
        return change
    with transaction.atomic():
        sequence = next_sequence(appointment_request)
        if change == VisitChange.CANCELLED:
            assert before is not None
            queue_visit_email(appointment_request, Kind.VISIT_CANCELLED, before.visit_at, sequence, cancelled=True)
        else:
            assert after is not None
            kind = Kind.VISIT_BOOKED if change == VisitChange.BOOKED else Kind.VISIT_CHANGED
            queue_visit_email(appointment_request, kind, after.visit_at, sequence)
            schedule_reminder(appointment_request, after.visit_at)
    log.info("visit %s", change, extra={"reference": appointment_request.reference})
    return change


def next_sequence(appointment_request: AppointmentRequest) -> int:
    """The calendar SEQUENCE for a new file about the request's visit: 0 for the first, then one more each time.
    Stored with update(): a counter, not a change anyone made (the request's history shows the change itself)."""
    current = appointment_request.calendar_sequence
    sequence = 0 if current is None else current + 1
    AppointmentRequest.objects.filter(pk=appointment_request.pk).update(calendar_sequence=sequence)
    appointment_request.calendar_sequence = sequence
    return sequence


def queue_visit_email(
    appointment_request: AppointmentRequest, kind: str, visit_at: datetime, sequence: int, *, cancelled: bool = False
) -> RequestEmail | None:
    """Queue an email about the visit with what it says (its VisitNotice); None when the patient gave no email
    address (the center calls or texts them: the site sends no texts)."""
    with transaction.atomic():
        email = mail.queue(appointment_request, kind)
        if email is not None:
            VisitNotice.objects.create(email=email, visit_at=visit_at, sequence=sequence, cancelled=cancelled)
    return email


# --- Reminders ----------------------------------------------------------------------------------------------------


def reminder_time(visit_at: datetime) -> datetime | None:
    """When the reminder of a visit at `visit_at` goes, or None when reminders are off (0 days)."""
    days = settings.APPOINTMENT_REMINDER_DAYS
    return visit_at - timedelta(days=days) if days > 0 else None


def schedule_reminder(appointment_request: AppointmentRequest, visit_at: datetime) -> None:
    """Queue the reminder task for its time. A visit booked closer than that needs none: the booking email is its
    reminder, so it is marked as sent for this visit time (the cron sweep then leaves it alone too)."""
    remind_at = reminder_time(visit_at)
    if remind_at is None:
        return
    if remind_at <= timezone.now():
        AppointmentRequest.objects.filter(pk=appointment_request.pk).update(reminder_sent_for=visit_at)
        return
    send_visit_reminder.using(run_after=remind_at).enqueue(appointment_request.pk, visit_at.isoformat())


def send_reminder(request_id: int, visit_at_text: str, *, now: datetime | None = None) -> str:
    """The reminder task: queue the reminder email of the visit at that time, if it is still booked then, still
    ahead, due, and not reminded yet. Returns what happened."""
    now = now or timezone.now()
    visit_at = parse_datetime(visit_at_text)
    remind_at = reminder_time(visit_at) if visit_at else None
    if visit_at is None or remind_at is None:
        return "reminders are off"
    if now < remind_at:
        return "not due yet"
    with transaction.atomic():
        claimed = (
            AppointmentRequest.objects.filter(pk=request_id, status=Status.SCHEDULED, visit_at=visit_at)
            .filter(visit_at__gt=now)
            .exclude(reminder_sent_for=visit_at)
            .update(reminder_sent_for=visit_at)
        )
        if not claimed:
            return "no longer due"  # moved, cancelled, closed, past, or reminded by another worker
        appointment_request = AppointmentRequest.objects.select_related("center").get(pk=request_id)
        sequence = appointment_request.calendar_sequence or 0
        queue_visit_email(appointment_request, Kind.VISIT_REMINDER, visit_at, sequence)
    return "queued"


@task()
def send_visit_reminder(request_id: int, visit_at: str) -> str:
    """The worker's task, queued for APPOINTMENT_REMINDER_DAYS before the visit (schedule_reminder)."""
    return send_reminder(request_id, visit_at)


def send_due_reminders(*, now: datetime | None = None) -> int:
    """The sweep (`manage.py send_visit_reminders`, from cron): every reminder that is due and not sent, for a lost
    task or a changed APPOINTMENT_REMINDER_DAYS. Returns how many were queued."""
    now = now or timezone.now()
    days = settings.APPOINTMENT_REMINDER_DAYS
    if days <= 0:
        return 0
    due = AppointmentRequest.objects.filter(
        status=Status.SCHEDULED, visit_at__gt=now, visit_at__lte=now + timedelta(days=days)
    ).values_list("pk", "visit_at", "reminder_sent_for")
    queued = 0
    for pk, visit_at, sent_for in due:
        if visit_at is not None and sent_for != visit_at:
            queued += send_reminder(pk, visit_at.isoformat(), now=now) == "queued"
    return queued
