"""Booking a visit in the admin from Chromium at 1280 px: the visit's date and time typed into its one labelled
field in the center's zone, the status set to Scheduled, the patient's email queued; axe-core clean."""

from zoneinfo import ZoneInfo

from appointments.models import AppointmentRequest, RequestEmail

from .factories_appointments import PLACES, CenterFactory
from .factories_requests import AppointmentRequestFactory
from .support import BROWSER

pytestmark = BROWSER


def test_staff_book_a_visit_in_the_centers_time_zone(live_server, admin_session):
    center = CenterFactory(name="Azura Downtown LA", place=PLACES["90012"])
    appointment_request = AppointmentRequestFactory(center=center, email="rosalind@example.com", status="contacted")
    page = admin_session.page
    page.goto(f"{live_server.url}/admin/appointments/appointmentrequest/{appointment_request.pk}/change/")
    assert "Pacific time" in page.inner_text(".field-visit_at")
    admin_session.assert_axe_clean()

    page.select_option("#id_status", "scheduled")
    page.fill("#id_visit_at", "2030-01-08T09:30")
    with page.expect_navigation():
        page.click("input[name=_save]")
    assert "The patient is being emailed the booked time" in page.inner_text(".messagelist")
    admin_session.assert_axe_clean()

    booked = AppointmentRequest.objects.get(pk=appointment_request.pk)
    assert booked.visit_at.astimezone(ZoneInfo("America/Los_Angeles")).strftime("%Y-%m-%d %H:%M") == "2030-01-08 09:30"
    assert booked.emails.filter(kind=RequestEmail.Kind.VISIT_BOOKED).exists()
