"""Booking in the admin: "Scheduled" needs the visit's date and time, entered and shown in the center's own time zone
(named); the patient is emailed through the queue; staff are told when they must call or text instead; the list
shows the booked time and "cancelled by the patient", filters the visits ahead, and the CSV carries the time with
its zone."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from appointments.models import AppointmentRequest, RequestEmail

from .factories_appointments import PLACES, CenterFactory
from .factories_requests import AppointmentRequestFactory
from .html import find_all, parse, text
from .staff import ADMIN, WORKER, change_form_data, csv_rows, export, make_staff, object_urls

pytestmark = pytest.mark.django_db

PACIFIC = ZoneInfo("America/Los_Angeles")
Status = AppointmentRequest.Status


@pytest.fixture
def la_center():
    return CenterFactory(name="Azura Downtown LA", place=PLACES["90012"], notification_email="la@azura.example")


@pytest.fixture
def la_staff(la_center):
    return make_staff("lena", *WORKER, "export_appointmentrequest", centers=[la_center])


@pytest.fixture
def la_request(la_center):
    return AppointmentRequestFactory(center=la_center, email="rosalind@example.com", status=Status.CONTACTED)


def ahead(days: int) -> datetime:
    """9:30 in the morning in Los Angeles, `days` from now (in 2030 and after, so always in the future)."""
    day = (timezone.now() + timedelta(days=days)).astimezone(PACIFIC)
    return day.replace(hour=9, minute=30, second=0, microsecond=0)


def save(client, appointment_request, **changes):
    url = object_urls(appointment_request)["change"]
    data = change_form_data(client, url)
    data.pop("visit_at", None)
    data.update(changes)
    return client.post(url, data, follow=True)


def test_scheduled_without_a_date_and_time_is_refused_and_nothing_is_saved(client, la_staff, la_request):
    client.force_login(la_staff)
    response = save(client, la_request, status="scheduled")
    assert "Enter the visit" in text(parse(response))
    la_request.refresh_from_db()
    assert la_request.status == Status.CONTACTED
    assert not RequestEmail.objects.filter(kind=RequestEmail.Kind.VISIT_BOOKED).exists()


def test_the_time_is_entered_in_the_centers_zone_which_the_page_names(client, la_staff, la_request):
    client.force_login(la_staff)
    page = client.get(object_urls(la_request)["change"])
    assert "In Azura Downtown LA's time zone (Pacific time, P" in text(parse(page))
    visit = ahead(10)
    response = save(client, la_request, status="scheduled", visit_at=f"{visit:%Y-%m-%d}T09:30")
    la_request.refresh_from_db()
    assert la_request.visit_at == visit
    assert la_request.visit_at.astimezone(UTC).hour in (16, 17)  # 9:30 Pacific is 16:30 or 17:30 UTC
    assert "The patient is being emailed the booked time, with a calendar file." in text(parse(response))
    (email,) = la_request.emails.filter(kind=RequestEmail.Kind.VISIT_BOOKED)
    assert email.visit_notice.visit_at == visit
    assert la_request.history.latest().history_user == la_staff


def test_a_time_in_the_past_is_refused(client, la_staff, la_request):
    client.force_login(la_staff)
    yesterday = ahead(-1)
    response = save(client, la_request, status="scheduled", visit_at=f"{yesterday:%Y-%m-%d}T09:30")
    assert "This time has passed" in text(parse(response))


def test_staff_are_told_to_call_or_text_a_patient_without_email(client, la_staff, la_center):
    texter = AppointmentRequestFactory(center=la_center, email="", preferred_contact="text", status=Status.CONTACTED)
    client.force_login(la_staff)
    visit = ahead(5)
    response = save(client, texter, status="scheduled", visit_at=f"{visit:%Y-%m-%d}T09:30")
    assert "The patient gave no email address: text them to tell them the booked time." in text(parse(response))


def test_staff_cannot_close_a_request_as_cancelled_by_the_patient(client, la_staff, la_request):
    client.force_login(la_staff)
    page = parse(client.get(object_urls(la_request)["change"]))
    reasons = [dict(option.attributes).get("value") for option in find_all(page, "option")]
    assert "unreachable" in reasons
    assert "cancelled" not in reasons


def test_the_list_shows_the_booked_time_with_its_zone_and_cancelled_by_the_patient(client, la_staff, la_center):
    booked = AppointmentRequestFactory(center=la_center, status=Status.SCHEDULED, visit_at=ahead(3))
    later = AppointmentRequestFactory(center=la_center, status=Status.SCHEDULED, visit_at=ahead(30))
    cancelled = AppointmentRequestFactory(
        center=la_center, status=Status.CLOSED, closed_reason="cancelled", cancel_reason="elsewhere"
    )
    client.force_login(la_staff)
    listed = text(parse(client.get(ADMIN + "?status=all")))
    assert f"{booked.visit_at.astimezone(PACIFIC):%b}" in listed
    assert "9:30 a.m. P" in listed
    assert "cancelled by the patient" in listed

    next_week = text(parse(client.get(ADMIN + "?status=all&visit=next_7")))
    assert booked.reference in next_week
    assert later.reference not in next_week
    assert cancelled.reference not in next_week
    upcoming = text(parse(client.get(ADMIN + "?status=all&visit=upcoming")))
    assert booked.reference in upcoming
    assert later.reference in upcoming
    by_patient = text(parse(client.get(ADMIN + "?status=all&visit=cancelled")))
    assert cancelled.reference in by_patient
    assert booked.reference not in by_patient


def test_the_csv_carries_the_booked_time_in_the_centers_zone_with_its_name(client, la_staff, la_center):
    visit = datetime(2030, 1, 8, 9, 30, tzinfo=PACIFIC)
    booked = AppointmentRequestFactory(center=la_center, status=Status.SCHEDULED, visit_at=visit)
    client.force_login(la_staff)
    (row,) = csv_rows(export(client, booked))
    assert row["Booked visit (center's time)"] == "2030-01-08 09:30 PST"
