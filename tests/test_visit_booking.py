"""Booking a visit: the patient's emails (booked, moved, cancelled, reminded) with a calendar file that the
`icalendar` library reads back right, sent through the worker in the site language the patient used; an email
that is no longer true is withdrawn; the reminder goes once, at its time, and never after a cancellation."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from appointments import booking
from appointments.models import AppointmentRequest, RequestEmail
from appointments.patient_access import appointment_request_cancel_by_patient
from core.models import SiteSettings

from .factories_appointments import PLACES, CenterFactory
from .factories_requests import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
Status = AppointmentRequest.Status
Kind = RequestEmail.Kind


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.SITE_URL = "https://azura.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.APPOINTMENT_REMINDER_DAYS = 2


@pytest.fixture
def la_request():
    """A request at a center in Los Angeles (Pacific time), the patient with an email address."""
    center = CenterFactory(name="Azura Downtown LA", place=PLACES["90012"], notification_email="la@azura.example")
    return AppointmentRequestFactory(
        center=center,
        email="rosalind@example.com",
        reason="lower back pain",
        insurance="Acme Health PPO",
        status=Status.CONTACTED,
    )


def book(appointment_request, visit_at, *, status=Status.SCHEDULED):
    """Save as the admin does: the change, then booking.visit_saved with the visit as it was."""
    before = booking.Booking.of(AppointmentRequest.objects.get(pk=appointment_request.pk))
    appointment_request.status, appointment_request.visit_at = status, visit_at
    if status == Status.CLOSED:
        appointment_request.closed_reason = AppointmentRequest.ClosedReason.DECLINED
    appointment_request.save()
    return booking.visit_saved(appointment_request=appointment_request, before=before)


def calendar_of(message) -> icalendar.Calendar:
    (attachment,) = [part for part in message.message().walk() if part.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(attachment.get_payload(decode=True))


def event_of(calendar: icalendar.Calendar) -> icalendar.Event:
    (event,) = calendar.walk("VEVENT")
    return event


def in_days(days: float, hour: int = 9, zone=LOS_ANGELES) -> datetime:
    day = (timezone.now() + timedelta(days=days)).astimezone(zone)
    return day.replace(hour=hour, minute=30, second=0, microsecond=0)


def test_booking_emails_the_patient_the_time_in_the_centers_zone_with_a_calendar_file(la_request, run_worker):
    visit_at = in_days(10)
    assert book(la_request, visit_at) == booking.VisitChange.BOOKED
    run_worker()

    (message,) = [m for m in mail.outbox if m.to == ["rosalind@example.com"]]
    assert "Your appointment is booked" in message.subject
    assert "Pacific time" in message.body
    assert visit_at.strftime("%-I:%M") in message.body
    assert "Azura Downtown LA" in message.body
    assert "https://azura.example/appointments/my-request/" in message.body
    event = event_of(calendar := calendar_of(message))
    assert calendar["METHOD"] == "REQUEST"
    assert event["STATUS"] == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART").astimezone(UTC) == visit_at.astimezone(UTC)
    assert calendar.walk("VTIMEZONE"), "a TZID is given with its rules"
    assert "Azura Downtown LA" in str(event["LOCATION"])
    assert "(512) 555-0142" in str(event["DESCRIPTION"])
    assert "https://azura.example/appointments/my-request/" in str(event["DESCRIPTION"])


def test_the_calendar_file_has_the_right_utc_time_on_both_sides_of_a_daylight_saving_change(la_request, run_worker):
    """Pacific time springs forward on March 14, 2027: 9:30 is 17:30 UTC the Friday before, 16:30 the Monday after."""
    before_change = datetime(2027, 3, 12, 9, 30, tzinfo=LOS_ANGELES)
    after_change = datetime(2027, 3, 15, 9, 30, tzinfo=LOS_ANGELES)
    book(la_request, before_change)
    run_worker()
    book(la_request, after_change)
    run_worker()

    booked, moved = [calendar_of(m) for m in mail.outbox if m.to == ["rosalind@example.com"]]
    assert event_of(booked).decoded("DTSTART").astimezone(UTC) == datetime(2027, 3, 12, 17, 30, tzinfo=UTC)
    assert event_of(moved).decoded("DTSTART").astimezone(UTC) == datetime(2027, 3, 15, 16, 30, tzinfo=UTC)
    assert event_of(booked)["UID"] == event_of(moved)["UID"]
    assert (event_of(booked)["SEQUENCE"], event_of(moved)["SEQUENCE"]) == (0, 1)


def test_rescheduling_sends_an_update_and_each_change_increments_the_sequence(la_request, run_worker):
    book(la_request, in_days(10))
    run_worker()
    book(la_request, in_days(12))
    run_worker()
    book(la_request, in_days(12), status=Status.CLOSED)
    run_worker()

    patient = [m for m in mail.outbox if m.to == ["rosalind@example.com"]]
    assert ["booked" in patient[0].subject, "changed" in patient[1].subject, "cancelled" in patient[2].subject]
    events = [event_of(calendar_of(m)) for m in patient]
    assert [e["SEQUENCE"] for e in events] == [0, 1, 2]
    assert len({e["UID"] for e in events}) == 1
    cancel = calendar_of(patient[2])
    assert cancel["METHOD"] == "CANCEL"
    assert event_of(cancel)["STATUS"] == "CANCELLED"


def test_an_email_whose_visit_moved_before_it_went_is_withdrawn_not_sent(la_request, run_worker):
    book(la_request, in_days(10))
    book(la_request, in_days(11))  # moved before the worker ran
    run_worker()

    patient = [m for m in mail.outbox if m.to == ["rosalind@example.com"]]
    assert len(patient) == 1
    assert "changed" in patient[0].subject
    booked_email = la_request.emails.get(kind=Kind.VISIT_BOOKED)
    assert booked_email.status == RequestEmail.Status.WITHDRAWN


def test_the_patient_is_written_to_in_the_site_language_they_used(la_request, run_worker):
    AppointmentRequest.objects.filter(pk=la_request.pk).update(site_language="es")
    la_request.refresh_from_db()
    book(la_request, datetime(2027, 3, 15, 9, 30, tzinfo=LOS_ANGELES))
    run_worker()

    (message,) = [m for m in mail.outbox if m.to == ["rosalind@example.com"]]
    assert message.extra_headers["Content-Language"] == "es"
    assert "Su cita está reservada" in message.body
    assert "15 de marzo de 2027" in message.body
    assert "hora del Pacífico" in message.body
    assert "/es/appointments/my-request/" in message.body
    assert "Cita en Azura Downtown LA" in str(event_of(calendar_of(message))["SUMMARY"])


def test_what_to_bring_is_said_only_when_staff_set_it(la_request, run_worker):
    book(la_request, in_days(10))
    run_worker()
    SiteSettings.objects.create(what_to_bring="Your photo ID and insurance card.")
    book(la_request, in_days(11))
    run_worker()

    booked, moved = [m.body for m in mail.outbox if m.to == ["rosalind@example.com"]]
    assert "What to bring" not in booked
    assert "What to bring:\nYour photo ID and insurance card." in moved


def test_no_visit_email_holds_the_reason_insurance_or_birth_date(la_request, run_worker):
    book(la_request, in_days(1))
    run_worker()
    AppointmentRequest.objects.filter(pk=la_request.pk).update(reminder_sent_for=None)
    call_command("send_visit_reminders", stdout=StringIO())
    run_worker()
    book(la_request, in_days(1, hour=11))
    run_worker()
    la_request.refresh_from_db()
    appointment_request_cancel_by_patient(appointment_request=la_request, reason="time")
    run_worker()

    kinds = {email.kind for email in RequestEmail.objects.filter(status=RequestEmail.Status.SENT)}
    assert kinds >= {Kind.VISIT_BOOKED, Kind.VISIT_REMINDER, Kind.VISIT_CHANGED, Kind.PATIENT_CANCELLED}
    for message in mail.outbox:
        text = message.message().as_string()
        for secret in ("lower back pain", "Acme", "1954", "03/27", "March 27"):
            assert secret not in text, (message.subject, secret)


def test_a_patient_without_email_gets_no_email_and_the_center_is_not_emailed_for_a_booking(run_worker):
    appointment_request = AppointmentRequestFactory(email="", status=Status.CONTACTED)
    book(appointment_request, in_days(10))
    run_worker()
    assert mail.outbox == []
    assert AppointmentRequest.objects.get(pk=appointment_request.pk).calendar_sequence == 0


# --- Reminders --------------------------------------------------------------------------------------------------


def test_the_reminder_goes_at_its_time_through_the_worker_and_only_once(la_request, run_worker, monkeypatch):
    visit_at = in_days(5)
    book(la_request, visit_at)
    run_worker()
    assert [m for m in mail.outbox if "Reminder" in m.subject] == []  # not due for three days

    later = visit_at - timedelta(days=2) + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert booking.send_reminder(la_request.pk, visit_at.isoformat()) == "queued"
    assert booking.send_reminder(la_request.pk, visit_at.isoformat()) == "no longer due"  # a second worker
    assert booking.send_due_reminders() == 0  # and the cron sweep
    run_worker()

    reminders = [m for m in mail.outbox if "Reminder" in m.subject]
    assert len(reminders) == 1
    assert "A reminder of your appointment" in reminders[0].body


def test_no_reminder_after_a_cancellation_or_for_a_moved_visits_old_time(la_request, monkeypatch):
    first = in_days(5)
    book(la_request, first)
    book(la_request, in_days(6))  # moved: the old time's task finds nothing to remind
    later = first - timedelta(days=2) + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert booking.send_reminder(la_request.pk, first.isoformat()) == "no longer due"

    appointment_request_cancel_by_patient(appointment_request=la_request)
    assert booking.send_due_reminders(now=in_days(5.5)) == 0
    assert not RequestEmail.objects.filter(kind=Kind.VISIT_REMINDER).exists()


def test_a_queued_reminder_is_withdrawn_when_the_visit_is_cancelled_before_it_goes(la_request, run_worker):
    visit_at = in_days(1)  # booked inside the reminder window: the booking email is the reminder
    book(la_request, visit_at)
    assert AppointmentRequest.objects.get(pk=la_request.pk).reminder_sent_for == visit_at
    AppointmentRequest.objects.filter(pk=la_request.pk).update(reminder_sent_for=None)
    assert booking.send_due_reminders() == 1
    appointment_request_cancel_by_patient(appointment_request=la_request)
    run_worker()

    assert la_request.emails.get(kind=Kind.VISIT_REMINDER).status == RequestEmail.Status.WITHDRAWN
    assert not [m for m in mail.outbox if "Reminder" in m.subject]


def test_reminders_can_be_turned_off(la_request, settings):
    settings.APPOINTMENT_REMINDER_DAYS = 0
    book(la_request, in_days(1))
    assert booking.send_due_reminders() == 0
    assert booking.send_reminder(la_request.pk, in_days(1).isoformat()) == "reminders are off"


def test_no_reminder_for_a_visit_that_has_passed(la_request):
    visit_at = in_days(-1)
    AppointmentRequest.objects.filter(pk=la_request.pk).update(status=Status.SCHEDULED, visit_at=visit_at)
    assert booking.send_reminder(la_request.pk, visit_at.isoformat()) == "no longer due"
    assert booking.send_due_reminders() == 0
