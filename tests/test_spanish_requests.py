"""A request sent from the Spanish form: its questions and errors in Spanish, the request stored with its language,
the patient's emails written in it by the worker (the center's stay English), a Spanish confirmation page."""

import pytest
from django.core import mail
from django.test import Client

from appointments.models import AppointmentRequest, RequestEmail

from .factories_requests import form_data
from .html import parse, text

pytestmark = pytest.mark.django_db

URL = "/es/appointments/request/"


def send(client, center, url: str = URL, **answers) -> AppointmentRequest:
    response = client.post(url, form_data(center, client=client, **answers))
    assert response.status_code == 302, response.content.decode()[:2000]
    return AppointmentRequest.objects.latest("created_at")


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_the_spanish_form_asks_its_questions_in_spanish(client, center):
    page = client.get(URL, {"center": center.slug})

    assert page.status_code == 200
    words = text(parse(page))
    for question in ["Nombre", "Apellido", "Fecha de nacimiento", "¿Cómo prefiere que le contactemos?"]:
        assert question in words
    assert "First name" not in words


def test_a_request_from_the_spanish_form_is_stored_with_its_language_and_confirmed_in_spanish(client, center):
    response = client.post(URL, form_data(center, client=client))

    assert response.status_code == 302
    assert response["Location"] == "/es/appointments/request/received/"
    stored = AppointmentRequest.objects.get()
    assert stored.site_language == "es"
    confirmation = text(parse(client.get(response["Location"])))
    assert "Recibimos su solicitud" in confirmation
    assert stored.reference in confirmation


def test_a_request_from_the_english_form_is_stored_in_english(client, center):
    assert send(client, center, url="/appointments/request/").site_language == "en"


def test_the_worker_writes_the_patients_email_in_spanish_and_the_centers_in_english(client, center, run_worker):
    stored = send(client, center, preferred_contact="text")
    run_worker()

    (patient,) = emails_to("rosalind@example.com")
    assert patient.subject == f"Recibimos su solicitud {stored.reference}"
    assert "Gracias por su solicitud." in patient.body
    assert (
        "Azura Cedar Park le enviará un mensaje de texto al (512) 555-0123, durante el horario de atención"
        in " ".join(patient.body.split())
    )
    assert "llame al 911" in patient.body
    assert patient.extra_headers["Content-Language"] == "es"
    (center_email,) = emails_to("cedarpark@azura.example")
    assert center_email.subject == f"New request {stored.reference} at {center.name}"
    assert center_email.extra_headers["Content-Language"] == "en"


def test_the_patients_email_is_spanish_even_when_the_worker_last_spoke_english(client, center, run_worker):
    """The worker sets the request's language for each email: nothing from the task before it leaks in."""
    english = send(client, center, url="/appointments/request/", email="first@example.com")
    spanish = send(Client(), center, first_name="Marisol", email="segunda@example.com")  # another browser
    run_worker()

    assert emails_to("first@example.com")[0].subject == f"We received your request {english.reference}"
    assert emails_to("segunda@example.com")[0].subject == f"Recibimos su solicitud {spanish.reference}"


def test_an_update_sent_from_the_spanish_page_is_confirmed_in_spanish(client, center, run_worker):
    """The emails are written when the worker sends them, in the language the patient used last."""
    answers = form_data(center, client=client)
    assert client.post("/appointments/request/", answers).status_code == 302
    assert client.post(URL, {**answers, "best_time": "morning"}).status_code == 302
    run_worker()

    stored = AppointmentRequest.objects.get()
    assert stored.site_language == "es"
    update = RequestEmail.objects.get(kind=RequestEmail.Kind.UPDATE_CONFIRMATION)
    first, second = emails_to("rosalind@example.com")
    assert update.status == "sent"
    assert first.subject == f"Recibimos su solicitud {stored.reference}"
    assert second.subject == f"Actualizamos su solicitud {stored.reference}"


def test_the_same_answers_sent_again_in_the_other_language_change_nothing(client, center):
    answers = form_data(center, client=client)
    assert client.post("/appointments/request/", answers).status_code == 302
    assert client.post(URL, answers).status_code == 302

    assert AppointmentRequest.objects.get().site_language == "en"
    assert RequestEmail.objects.count() == 2  # the first confirmation and the center's: no update


def test_errors_on_the_spanish_form_are_in_spanish_and_keep_the_answers(client, center):
    answers = form_data(center, client=client, first_name="", date_of_birth="13/27/1954", phone="555")
    redirect = client.post(URL, answers)  # back to the Spanish form, with the answers and their problems
    assert redirect["Location"].startswith(URL)
    page = client.get(redirect["Location"])

    assert page.status_code == 200
    words = text(parse(page))
    assert "Escriba su nombre." in words
    assert "El mes debe ser un número del 1 al 12" in words
    assert "Escriba un número de teléfono de EE. UU. con su código de área" in words
    assert "Quigglesworth" in page.content.decode()


def test_a_spanish_month_name_is_read_as_a_birth_date(client, center):
    stored = send(client, center, date_of_birth="27 de marzo de 1954")

    assert stored.date_of_birth.isoformat() == "1954-03-27"
