"""Check or change my request in a real browser (Chromium), in English and Spanish, at phone and desktop widths: every
state of every page is WCAG 2.2 AA clean by axe-core and fits the screen, focus goes to the problem after a failed
try, and reload after each POST sends nothing again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appointments.models import AppointmentRequest

from .factories_requests import AppointmentRequestFactory
from .support import AT_EACH_WIDTH, BROWSER, describe_violations

pytestmark = [*BROWSER, pytest.mark.usefixtures("live_form")]

WORDS = {
    "en": {"find": "Find my request", "save": "Save these details", "cancel": "Cancel my request"},
    "es": {"find": "Buscar mi solicitud", "save": "Guardar estos datos", "cancel": "Cancelar mi solicitud"},
}


def check(page, axe, width: int, state: str) -> None:
    violations = axe()
    assert violations == [], f"{state}: {describe_violations(violations)}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{state}: scrolls sideways"


def submit(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def follow(page, selector: str) -> None:
    """Click a link or button and wait until the page it leads to has loaded (axe-core needs a whole document)."""
    with page.expect_navigation():
        page.locator(selector).click()


def look_up(page, words, reference: str, last_name: str, date_of_birth: str) -> None:
    page.fill("#id_reference", reference)
    page.fill("#id_last_name", last_name)
    page.fill("#id_date_of_birth", date_of_birth)
    submit(page, words["find"])


@AT_EACH_WIDTH
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_state_is_accessible_and_fits(live_server, page, axe, center, settings, language, width):
    settings.APPOINTMENT_LOOKUP_ATTEMPTS = 3
    words = WORDS[language]
    prefix = "/es" if language == "es" else ""
    patient = AppointmentRequestFactory(center=center, last_name="Núñez", email="rosalind@example.com")
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"{live_server.url}/")
    footer_link = page.locator("footer a[href$='/appointments/my-request/']")
    assert footer_link.count() == 1
    page.goto(f"{live_server.url}{prefix}/appointments/my-request/")
    check(page, axe, width, "look-up")

    look_up(page, words, patient.reference, "Nunes", "03/27/1954")
    assert page.evaluate("document.activeElement.id") == "problem"
    check(page, axe, width, "not found")
    look_up(page, words, patient.reference, "nunez", "27/27/1954")
    check(page, axe, width, "a date that cannot be read")

    look_up(page, words, patient.reference.lower(), "NUNEZ", "03271954")
    assert page.url.endswith(f"{prefix}/appointments/my-request/status/")
    check(page, axe, width, "status: received")
    page.reload()  # Post/Redirect/Get: nothing to send again
    assert patient.reference in page.inner_text("main")

    follow(page, "a[href$='/my-request/contact/']")
    check(page, axe, width, "contact form")
    page.fill("#id_phone", "12")
    submit(page, words["save"])
    assert page.evaluate("document.activeElement.id") == "problem"
    check(page, axe, width, "contact form with an error")
    page.fill("#id_phone", "(512) 555-0111")
    submit(page, words["save"])
    assert page.locator(".confirmation").count() == 1
    check(page, axe, width, "contact changed")

    visit_at = timezone.now() + timedelta(days=9)
    AppointmentRequest.objects.filter(pk=patient.pk).update(status="scheduled", visit_at=visit_at)
    page.reload()
    assert page.locator("a[href$='appointment.ics']").count() == 1
    check(page, axe, width, "status: booked")

    follow(page, "a[href$='/my-request/cancel/']")
    check(page, axe, width, "cancel")
    page.locator("input[name=reason]").first.check()
    submit(page, words["cancel"])
    assert page.locator(".confirmation").count() == 1
    check(page, axe, width, "cancelled")
    assert AppointmentRequest.objects.get(pk=patient.pk).closed_reason == "cancelled"

    follow(page, "form[action$='/my-request/close/'] button")
    assert page.url.endswith(f"{prefix}/appointments/my-request/")
    check(page, axe, width, "closed on this browser")

    for _ in range(3):
        look_up(page, words, patient.reference, "Nunes", "03/27/1954")
    look_up(page, words, patient.reference, "Nunez", "03/27/1954")
    assert page.evaluate("document.activeElement.id") == "problem"
    check(page, axe, width, "too many tries")
