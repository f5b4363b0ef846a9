"""The appointment request in a real browser: a keyboard-only request from start to reference, focus on the
error summary, and WCAG 2.2 AA by axe-core at phone and desktop widths."""

import pytest

from appointments.models import AppointmentRequest

from .factories_requests import REFERENCE_RE, send_request, type_answers
from .support import AT_EACH_WIDTH, BROWSER, axe_in_each_state, sideways_in_each_state

pytestmark = [*BROWSER, pytest.mark.usefixtures("live_form")]

FORM_PATH = "/appointments/request/"


def focused(page) -> str:
    """The focused element: its id, or for a link its href."""
    return page.evaluate("() => document.activeElement.id || document.activeElement.getAttribute('href') || ''")


def tab_to(page, target: str, limit: int = 20) -> int:
    """Press Tab until the target has focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused(page) == target:
            return presses
    raise AssertionError(f"{target} never got focus by Tab")


def tab(page, expected: str, then_type: str = "") -> None:
    """Press Tab, which must reach `expected`; then type `then_type` there, if given."""
    page.keyboard.press("Tab")
    assert focused(page) == expected, f"Tab went to {focused(page)!r}, not {expected!r}"
    if then_type:
        page.keyboard.type(then_type)


def choose_center(page, center) -> None:
    """Search for the centers near the center's ZIP code (the form's first step), unless it is offered."""
    if not page.locator(f"input[name=center][value='{center.slug}']").count():
        page.fill("#id_q", center.zip_code)
        with page.expect_navigation():
            page.get_by_role("button", name="Find centers").click()
    page.check(f"input[name=center][value='{center.slug}']")


def fill_valid(page, center) -> None:
    choose_center(page, center)
    type_answers(page)


def continue_(page) -> None:
    """Press the form's Continue: "Check your answers", or the form again with its problems."""
    with page.expect_navigation():
        page.click("form.request-form button.btn-primary")


# --- Keyboard only -------------------------------------------------------------------------------------------


def test_keyboard_user_can_request_an_appointment_and_read_the_reference(live_server, page, center, physician):
    page.goto(f"{live_server.url}{FORM_PATH}?center={center.slug}")

    assert tab_to(page, "id_requester_0") <= 14  # the skip link, the header's links, the form's language button
    page.keyboard.press("ArrowDown")  # asking for someone else
    assert focused(page) == "id_requester_1"
    tab(page, "id_requester_name", "Marisol Quigglesworth")
    tab(page, "id_requester_relationship", "daughter")
    tab(page, "id_requester_phone", "512 555 0177")
    tab(page, "id_call_back_0")  # "the patient" is chosen already: the group's stop is that option
    page.keyboard.press("ArrowDown")
    tab(page, "id_first_name", "Rosalind")
    tab(page, "id_last_name", "Quigglesworth")
    tab(page, "id_date_of_birth", "03/27/1954")
    tab(page, "id_patient_status_0")  # a radio group is one stop: none is chosen yet, so the first option
    page.keyboard.press("ArrowDown")
    assert focused(page) == "id_patient_status_1"
    tab(page, "id_phone", "(512) 555-0123")
    tab(page, "id_email", "rosalind@example.com")
    tab(page, "id_preferred_contact_0")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused(page) == "id_preferred_contact_2"
    tab(page, "id_best_time_0")
    page.keyboard.press("ArrowDown")
    tab(page, "id_preferred_language")
    page.keyboard.press("ArrowDown")  # Spanish, right after English: "Other language" stays hidden
    tab(page, "id_interpreter_needed")
    page.keyboard.press("Space")
    tab(page, "id_q")  # the center search is part of the form
    tab(page, "find-centers")
    tab(page, "use-location")
    tab(page, "id_center_0")  # the centers offered are radios
    assert page.is_checked("#id_center_0")
    assert page.input_value("#id_center_0") == center.slug
    tab(page, "id_physician")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#id_physician") == physician.slug
    tab(page, "id_procedure")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#id_procedure") == "epidural-injections"
    tab(page, "id_reason", "Lower back pain")
    tab(page, "id_payment_0")
    page.keyboard.press("ArrowDown")  # Medicare
    tab(page, "/good-faith-estimate/")  # the Good Faith Estimate sits beside the payment question
    tab(page, "id_insurance", "Bluewater Mutual")
    tab(page, "id_consent")
    page.keyboard.press("Space")
    assert page.is_checked("#id_consent")
    tab(page, "privacy-notice-toggle")  # the privacy notice opens on the form: no answer is left behind
    page.keyboard.press("Enter")
    assert page.locator("details.privacy-disclosure").evaluate("el => el.open")
    assert page.locator("details.privacy-disclosure h2").first.is_visible()
    assert page.input_value("#id_reason") == "Lower back pain"
    for _ in range(3):  # past the notice's own link, and the hidden honeypot field is skipped...
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "submit":
            break
    assert page.evaluate("() => document.activeElement.type") == "submit"  # ...to the button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/appointments/request/check/" in page.url  # Check your answers: nothing is stored yet
    assert AppointmentRequest.objects.count() == 0
    assert "March 27, 1954" in page.locator("dl.check-answers").inner_text()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Send request":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/appointments/request/received/")
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE_RE.fullmatch(reference)
    stored = AppointmentRequest.objects.get()
    assert stored.reference == reference
    assert (stored.first_name, stored.last_name, stored.email) == ("Rosalind", "Quigglesworth", "rosalind@example.com")
    assert (stored.patient_status, stored.preferred_contact, stored.best_time) == ("returning", "email", "morning")
    assert (stored.physician, stored.procedure.slug) == (physician, "epidural-injections")
    assert (stored.reason, stored.insurance, stored.phone) == ("Lower back pain", "Bluewater Mutual", "+15125550123")
    assert stored.status == AppointmentRequest.Status.NEW
    assert (stored.preferred_language, stored.interpreter_needed, stored.payment) == ("es", True, "medicare")
    assert (stored.requester, stored.requester_name, stored.requester_relationship) == (
        "someone_else",
        "Marisol Quigglesworth",
        "daughter",
    )
    assert (stored.requester_phone, stored.call_back) == ("+15125550177", "requester")


def test_focus_moves_to_the_error_summary_after_a_failed_submission(live_server, page, center):
    page.goto(f"{live_server.url}{FORM_PATH}?center={center.slug}")
    tab_to(page, "id_first_name")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submit with nothing filled in

    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'problem'")
    summary = page.locator("#problem")
    assert summary.is_visible()
    assert "Enter your first name." in summary.inner_text()
    assert AppointmentRequest.objects.count() == 0


def test_error_summary_links_lead_to_their_fields(live_server, page, center):
    page.goto(f"{live_server.url}{FORM_PATH}")
    continue_(page)
    page.locator("#problem a", has_text="Enter your last name.").click()
    assert page.url.endswith("#id_last_name")
    assert page.locator("#id_last_name").is_visible()


# --- Accessibility -------------------------------------------------------------------------------------------


def open_state(page, live_server, center, state: str) -> None:
    if state == "privacy page":
        page.goto(f"{live_server.url}/privacy/")
        return
    page.goto(f"{live_server.url}{FORM_PATH}")
    if state == "form with errors":
        page.fill("#id_phone", "12")
        page.check("#id_preferred_contact_2")
        continue_(page)
        assert page.locator("#problem").is_visible()
    elif state == "centers offered for a place":
        choose_center(page, center)
    elif state == "a place not found, with suggestions":
        page.fill("#id_q", "Pittsburg, PA")
        with page.expect_navigation():
            page.get_by_role("button", name="Find centers").click()
        assert page.locator("#q-suggestions button").count()
    elif state == "check your answers":
        fill_valid(page, center)
        page.fill("#id_date_of_birth", "12/04/1957")
        continue_(page)
        assert "December 4, 1957" in page.locator("dl.check-answers").inner_text()
    elif state == "privacy notice open on the form":
        page.click("#privacy-notice-toggle")
        assert page.locator("details.privacy-disclosure h2").first.is_visible()
    elif state in ("received page", "updated page"):
        fill_valid(page, center)
        page.fill("#id_email", "rosalind@example.com")
        send_request(page)
        if state == "updated page":
            with page.expect_navigation():
                page.click("#change-request")
            page.fill("#id_reason", "Neck pain as well")
            send_request(page)
            assert "We updated your request" in page.locator("h1").inner_text()
        assert REFERENCE_RE.fullmatch(page.locator(".reference").inner_text().strip())


STATES = [
    "empty form",
    "centers offered for a place",
    "a place not found, with suggestions",
    "form with errors",
    "check your answers",
    "privacy notice open on the form",
    "received page",
    "updated page",
    "privacy page",
]


@AT_EACH_WIDTH
def test_request_pages_have_no_axe_violations(live_server, page, axe, center, width):
    assert axe_in_each_state(page, axe, width, STATES, lambda state: open_state(page, live_server, center, state)) == {}


def test_request_pages_reflow_at_320_px_without_sideways_scrolling(live_server, page, center):
    assert sideways_in_each_state(page, STATES, lambda state: open_state(page, live_server, center, state)) == []


def test_honeypot_is_hidden_from_people(live_server, page):
    page.goto(f"{live_server.url}{FORM_PATH}")
    assert not page.locator("#id_website").is_visible() or page.evaluate(
        "() => { const r = document.getElementById('id_website').getBoundingClientRect();"
        " return r.right <= 0 || r.bottom <= 0 || r.width <= 1 || r.height <= 1; }"
    )
