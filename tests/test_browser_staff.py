"""The staff screens in Chromium at 1280 px: the request list shows every column staff need without
scrolling sideways, and the list, a request, its history and the page for another center's request pass
axe-core (WCAG 2.2 AA)."""

from django.contrib.auth import get_user_model

from appointments import services

from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory, RequestNoteFactory
from .staff import PASSWORD, WORKER, make_staff
from .support import BROWSER, assert_axe_clean, describe_violations

pytestmark = BROWSER

ADMIN = "/admin/appointments/appointmentrequest/"
COLUMNS = ["Reference", "Patient", "Call needs", "Center", "Status", "Received", "Age", "Handled by", "Emails"]


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def test_staff_screens_fit_1280_px_and_pass_axe(live_server, page, axe):
    center = CenterFactory(name="Azura Round Rock Pain and Spine Center", timezone="America/Chicago")
    staff = make_staff("austin-front-desk", *WORKER, centers=[center])
    colleague = make_staff("austin-nurse", *WORKER, centers=[center])
    requests = [
        AppointmentRequestFactory(center=center, first_name="Maximiliana", last_name=f"Featherstonehaugh-{n}")
        for n in range(3)
    ]
    AppointmentRequestFactory(  # the longest call needs the list shows
        center=center, last_name="Featherstonehaugh-Interpreter", preferred_language="other",
        preferred_language_other="Haitian Creole", interpreter_needed=True, payment="self_pay",
        requester="someone_else", requester_relationship="granddaughter",
    )  # fmt: skip
    services.appointment_request_change_status(appointment_request=requests[0], status="contacted", by=colleague)
    RequestNoteFactory(request=requests[0], author=colleague, text="Left a voicemail.")
    get_user_model().objects.filter(pk=staff.pk).update(first_name="Front", last_name="Desk")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, staff.username)

    page.goto(live_server.url + ADMIN)
    assert page.title().endswith("Azura Vascular Care — staff")
    for label in COLUMNS:
        header = page.locator("#result_list thead th").filter(has_text=label).first
        box = header.bounding_box()
        assert box is not None, f"{label} is not drawn"
        assert box["x"] + box["width"] <= 1280, f"{label} is off screen: {box}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert_axe_clean(axe)

    elsewhere = AppointmentRequestFactory(center=CenterFactory(name="Azura Elsewhere"))
    for path in (f"{requests[0].pk}/change/", f"{requests[0].pk}/history/", f"{elsewhere.pk}/change/"):
        page.goto(live_server.url + ADMIN + path)
        violations = axe()
        assert violations == [], path + "\n" + describe_violations(violations)
    assert "belongs to a center you do not work for" in page.content()  # the last page: another center's request
