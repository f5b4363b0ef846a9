"""The Spanish site in a real browser: a patient goes from /es/ through the locator to a stored request, a Spanish
confirmation page and a Spanish email sent by the worker; the language switch without JavaScript; axe-core on the
Spanish request pages at phone and desktop widths."""

import pytest
from django.core import mail

from appointments.models import AppointmentRequest

from .factories_requests import REFERENCE_RE
from .support import AT_EACH_WIDTH, BROWSER, axe_in_each_state

pytestmark = [*BROWSER, pytest.mark.usefixtures("live_form")]


def answer_the_form(page) -> None:
    """The patient's answers; the questions are asked in Spanish."""
    assert page.locator("label[for=id_first_name]").inner_text().startswith("Nombre")
    assert page.locator("label[for=id_date_of_birth]").inner_text().startswith("Fecha de nacimiento")
    page.get_by_label("La cita es para mí").check()
    page.fill("#id_first_name", "Rosalind")
    page.fill("#id_last_name", "Quigglesworth")
    page.fill("#id_date_of_birth", "27 de marzo de 1954")
    page.get_by_label("Es mi primera visita").check()
    page.fill("#id_phone", "(512) 555-0123")
    page.fill("#id_email", "rosalind@example.com")
    page.get_by_label("Seguro médico").check()
    page.get_by_label("Acepto que Azura Vascular Care se comunique conmigo").check()


def send(page) -> None:
    """Continue to "Check your answers", then send from there."""
    with page.expect_navigation():
        page.get_by_role("button", name="Continuar", exact=True).click()
    if "/check/" in page.url:
        assert "27 de marzo de 1954" in page.locator("dl.check-answers").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Enviar mi solicitud").click()


def test_a_patient_goes_from_the_spanish_home_page_to_a_spanish_confirmation_and_email(
    live_server, page, center, run_worker
):
    page.goto(live_server.url + "/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Buscar un centro").click()
    page.wait_for_url("**/es/centers/")
    page.get_by_label("Código postal o ciudad y estado").fill(center.zip_code)
    with page.expect_navigation():
        page.get_by_role("button", name="Buscar", exact=True).click()
    result = page.locator(".result", has_text=center.name)
    with page.expect_navigation():
        result.get_by_role("link", name="Pedir una cita").click()
    assert "/es/appointments/request/" in page.url
    assert page.is_checked(f"input[name=center][value='{center.slug}']")

    answer_the_form(page)
    send(page)

    assert page.url.endswith("/es/appointments/request/received/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == "Recibimos su solicitud"
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE_RE.fullmatch(reference)
    stored = AppointmentRequest.objects.get()
    assert (stored.reference, stored.site_language, stored.date_of_birth.isoformat()) == (reference, "es", "1954-03-27")

    run_worker()
    (patient,) = [message for message in mail.outbox if message.to == ["rosalind@example.com"]]
    assert patient.subject == f"Recibimos su solicitud {reference}"
    assert "Gracias por su solicitud." in patient.body
    assert "Azura Cedar Park le llamará al (512) 555-0123, durante el horario de atención del centro" in " ".join(
        patient.body.split()
    )


def test_the_language_switch_opens_the_same_search_in_the_other_language_without_javascript(
    live_server, page_without_javascript
):
    page = page_without_javascript
    page.goto(live_server.url + "/centers/?q=78701&radius=25")
    switch = page.get_by_role("link", name="Español")
    assert switch.get_attribute("lang") == "es"
    with page.expect_navigation():
        switch.click()

    assert page.url == live_server.url + "/es/centers/?q=78701&radius=25"
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_label("Código postal o ciudad y estado").input_value() == "78701"
    with page.expect_navigation():
        page.get_by_role("link", name="English").click()
    assert page.url == live_server.url + "/centers/?q=78701&radius=25"
    assert page.locator("html").get_attribute("lang") == "en"


def open_state(page, live_server, center, state: str) -> None:
    page.goto(f"{live_server.url}/es/appointments/request/?center={center.slug}")
    if state == "form":
        return
    if state == "form with errors":
        page.get_by_label("La cita es para otra persona").check()
        send(page)
        assert "Escriba su nombre" in page.locator("#problem").inner_text()
        return
    answer_the_form(page)
    send(page)
    assert page.url.endswith("/es/appointments/request/received/")


@AT_EACH_WIDTH
def test_the_spanish_request_pages_have_no_axe_violations(live_server, page, axe, center, width):
    def open_in_spanish(state: str) -> None:
        open_state(page, live_server, center, state)
        assert page.locator("html").get_attribute("lang") == "es", state

    states = ["form", "form with errors", "received page"]
    assert axe_in_each_state(page, axe, width, states, open_in_spanish) == {}
