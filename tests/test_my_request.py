"""Check or change my request: found by reference, last name and date of birth (accents and case aside, the date
read as the form reads it) in English and Spanish; wrong details get one answer that does not say which part;
attempts are limited per reference and per address; the status says where the request stands and nothing more;
cancelling and changing how to be reached are recorded as by the patient, the center is emailed, and every page
after a POST is a redirect."""

import datetime as dt
import logging

import pytest
from django.core import mail
from django.utils import timezone

from appointments.models import AppointmentRequest, RequestEmail
from appointments.patient_access import OPENED_KEY, SENT_KEY, normalize_reference, same_last_name

from .factories_requests import AppointmentRequestFactory
from .html import find_all, find_one, has_class, input_value, parse, text

pytestmark = pytest.mark.django_db

LOOKUP = "/appointments/my-request/"
STATUS = "/appointments/my-request/status/"
Status = AppointmentRequest.Status


@pytest.fixture(autouse=True)
def _isolated(request_form_isolated, settings):
    settings.APPOINTMENT_LOOKUP_ATTEMPTS = 5
    settings.APPOINTMENT_LOOKUP_WINDOW_MINUTES = 15


@pytest.fixture
def patient(center):
    return AppointmentRequestFactory(
        center=center,
        first_name="Rosalind",
        last_name="Martínez-O'Neil",
        date_of_birth=dt.date(1957, 4, 12),
        email="rosalind@example.com",
        reason="lower back pain",
        insurance="Acme Health PPO",
    )


def look_up(client, patient, prefix="", **typed):
    answers = {"reference": patient.reference, "last_name": patient.last_name, "date_of_birth": "04/12/1957"}
    return client.post(f"{prefix}{LOOKUP}", {**answers, **typed})


def text_of(response) -> str:
    """What the page's main part says."""
    return text(find_one(parse(response), "main"))


def invalid_fields(response) -> list:
    return [element for element in find_all(parse(response), "input") if has_class(element, "is-invalid")]


@pytest.mark.parametrize(
    ("reference", "last_name", "date_of_birth"),
    [
        ("{ref}", "Martínez-O'Neil", "04/12/1957"),
        ("{lower}", "martinez oneil", "04121957"),
        ("{bare}", "MARTINEZ-O’NEIL", "April 12, 1957"),
    ],
)
def test_a_request_is_found_by_reference_last_name_and_birth_date_however_typed(
    client, patient, reference, last_name, date_of_birth
):
    ref = patient.reference
    typed = reference.format(ref=ref, lower=ref.lower().replace("-", " "), bare=ref[3:].replace("-", ""))
    response = look_up(client, patient, reference=typed, last_name=last_name, date_of_birth=date_of_birth)
    assert response.status_code == 302
    assert response["Location"] == STATUS
    page = client.get(STATUS)
    assert page.status_code == 200
    assert ref in text_of(page)
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]


def test_the_spanish_page_finds_it_with_a_spanish_date_and_speaks_spanish(client, patient):
    response = look_up(client, patient, prefix="/es", date_of_birth="12 de abril de 1957")
    assert response["Location"] == f"/es{STATUS}"
    text = text_of(client.get(f"/es{STATUS}"))
    assert "Su solicitud" in text
    assert "Recibimos su solicitud." in text


@pytest.mark.parametrize(
    "wrong", [{"last_name": "Martin"}, {"date_of_birth": "04/13/1957"}, {"reference": "AZ-2222-2222"}]
)
def test_wrong_details_get_one_message_that_does_not_say_which_part(client, patient, wrong):
    response = look_up(client, patient, **wrong)
    assert response.status_code == 302
    assert response["Location"] == LOOKUP  # Post/Redirect/Get: a reload sends nothing again
    page = client.get(LOOKUP)
    assert page.status_code == 400
    text = text_of(page)
    assert "We could not find a request with these details" in text
    for part in ("reference is wrong", "last name is wrong", "date of birth is wrong", "does not match"):
        assert part not in text.lower()
    assert client.get(STATUS)["Location"] == LOOKUP  # nothing opened
    assert invalid_fields(page) == []  # no field singled out


def test_the_same_answer_for_a_spam_request_as_for_none(client, patient):
    AppointmentRequest.objects.filter(pk=patient.pk).update(status=Status.SPAM)
    look_up(client, patient)
    assert "We could not find a request with these details" in text_of(client.get(LOOKUP))


def test_a_date_that_cannot_be_read_is_said_next_to_the_field_and_counts_no_attempt(client, patient, settings):
    settings.APPOINTMENT_LOOKUP_ATTEMPTS = 1
    look_up(client, patient, date_of_birth="13/45/1957")
    page = client.get(LOOKUP)
    assert [dict(field.attributes)["name"] for field in invalid_fields(page)] == ["date_of_birth"]
    assert look_up(client, patient)["Location"] == STATUS


def test_attempts_are_limited_per_reference_and_the_page_says_when_and_whom_to_call(client, patient, settings):
    from core.models import SiteSettings

    SiteSettings.objects.create(phone="(512) 555-0100")
    for _ in range(5):
        look_up(client, patient, last_name="Wrong")
    look_up(client, patient)  # the right details, but the reference has had its 5 tries
    page = client.get(LOOKUP)
    assert page.status_code == 429
    text = text_of(page)
    assert "Too many tries" in text
    assert "try again in" in text
    assert "(512) 555-0100" in text
    assert client.get(STATUS)["Location"] == LOOKUP


def test_attempts_are_limited_per_address_across_references(client, center, patient):
    others = [AppointmentRequestFactory(center=center) for _ in range(5)]
    for other in others:
        client.post(LOOKUP, {"reference": other.reference, "last_name": "Wrong", "date_of_birth": "01/01/1950"})
    look_up(client, patient)
    assert client.get(LOOKUP).status_code == 429


def test_logs_hold_no_name_or_date(client, patient, caplog):
    caplog.set_level(logging.DEBUG)
    look_up(client, patient, last_name="Wrongname")
    look_up(client, patient)
    client.post("/appointments/my-request/cancel/", {"reason": "elsewhere"})
    logged = caplog.text
    for secret in ("Martínez", "Martinez", "Wrongname", "1957", "04/12"):
        assert secret not in logged


def test_the_status_says_where_it_stands_and_never_the_reason_or_insurance(client, patient):
    look_up(client, patient)
    text = text_of(client.get(STATUS))
    assert "We received your request." in text
    assert "(512) 555-0199" in text  # the contact details on file
    for secret in ("lower back pain", "Acme", "1957", "Rosalind"):
        assert secret not in text


@pytest.mark.parametrize(
    ("status", "closed_reason", "said"),
    [
        (Status.CONTACTED, "", "has tried to reach you"),
        (Status.CLOSED, "unreachable", "the center could not reach you"),
        (Status.CLOSED, "no_response", "did not hear back from you"),
        (Status.CLOSED, "duplicate", "repeats another request"),
        (Status.CLOSED, "declined", "closed without an appointment"),
    ],
)
def test_each_state_in_plain_words(client, patient, status, closed_reason, said):
    AppointmentRequest.objects.filter(pk=patient.pk).update(status=status, closed_reason=closed_reason)
    look_up(client, patient)
    assert said in text_of(client.get(STATUS))


def test_a_booked_visit_shows_date_time_zone_center_address_directions_and_phone(client, patient):
    visit_at = dt.datetime(2030, 3, 12, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # 9:30 AM Central (CDT)
    AppointmentRequest.objects.filter(pk=patient.pk).update(status=Status.SCHEDULED, visit_at=visit_at)
    look_up(client, patient)
    page = client.get(STATUS)
    text = text_of(page)
    assert "Your visit is booked for Tuesday, March 12, 2030 at 9:30 AM (Central time) at Azura Cedar Park." in text
    assert patient.center.address in text
    assert "(512) 555-0142" in text
    assert any("maps" in (dict(a.attributes).get("href") or "") for a in find_all(parse(page), "a"))
    calendar = client.get("/appointments/my-request/appointment.ics")
    assert calendar["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in calendar.content


def test_the_session_that_sent_the_request_opens_it_without_typing(client, patient):
    session = client.session
    session[SENT_KEY] = [patient.pk]
    session.save()
    response = client.get("/appointments/my-request/sent/")
    assert response["Location"] == STATUS
    assert patient.reference in text_of(client.get(STATUS))


def test_another_browser_cannot_open_it_without_the_details(client, patient, public):
    look_up(client, patient)
    assert public.get(STATUS)["Location"] == LOOKUP
    assert public.get("/appointments/my-request/sent/")["Location"] == LOOKUP


def test_an_opened_request_closes_on_request_and_after_its_time(client, patient):
    look_up(client, patient)
    client.post("/appointments/my-request/close/")
    assert client.get(STATUS)["Location"] == LOOKUP
    look_up(client, patient)
    session = client.session
    session[OPENED_KEY] = {"pk": patient.pk, "at": timezone.now().timestamp() - 31 * 60}
    session.save()
    assert client.get(STATUS)["Location"] == LOOKUP


def test_cancelling_is_recorded_as_by_the_patient_the_center_emailed_and_confirmed(client, patient, run_worker):
    look_up(client, patient)
    response = client.post("/appointments/my-request/cancel/", {"reason": "elsewhere"})
    assert response["Location"] == STATUS
    patient.refresh_from_db()
    assert patient.status == Status.CLOSED
    assert patient.closed_reason == AppointmentRequest.ClosedReason.CANCELLED
    assert patient.cancel_reason == "elsewhere"
    latest = patient.history.latest()
    assert latest.history_user is None
    assert latest.history_change_reason == "Cancelled by the patient"
    text = text_of(client.get(STATUS))
    assert "Your request is cancelled" in text
    assert "You cancelled this request." in text
    assert "Your request is cancelled" not in text_of(client.get(STATUS))  # said once: a reload shows the status
    run_worker()
    center_mail = [m for m in mail.outbox if m.to == ["cedarpark@azura.example"]]
    assert ["was cancelled by the patient" in m.subject for m in center_mail] == [True]
    assert [m.subject for m in mail.outbox if m.to == ["rosalind@example.com"]] == [
        f"Your request {patient.reference} is cancelled"
    ]


def test_a_cancelled_request_offers_no_change_or_cancel(client, patient):
    look_up(client, patient)
    client.post("/appointments/my-request/cancel/", {})
    assert client.get("/appointments/my-request/cancel/")["Location"] == STATUS
    assert client.post("/appointments/my-request/contact/", {"phone": "5125550100"})["Location"] == STATUS
    assert RequestEmail.objects.filter(kind=RequestEmail.Kind.CENTER_CANCELLED).count() == 1


def test_changing_how_to_be_reached_is_recorded_and_the_center_told(client, patient, run_worker):
    look_up(client, patient)
    form = client.get("/appointments/my-request/contact/")
    assert form.status_code == 200
    changes = {"phone": "512.555.0111", "email": "ros@example.org", "preferred_contact": "text", "best_time": "morning"}
    response = client.post("/appointments/my-request/contact/", changes)
    assert response["Location"] == STATUS
    patient.refresh_from_db()
    assert (patient.phone, patient.email, patient.preferred_contact) == ("+15125550111", "ros@example.org", "text")
    latest = patient.history.latest()
    assert latest.history_user is None
    assert latest.history_change_reason == "Contact details changed by the patient"
    assert "Your contact details are changed" in text_of(client.get(STATUS))
    run_worker()
    (to_center,) = [m for m in mail.outbox if m.to == ["cedarpark@azura.example"]]
    assert "prefers text messages" in to_center.body
    assert "555-0111" not in to_center.body
    (to_patient,) = [m for m in mail.outbox if m.to == ["ros@example.org"]]
    assert "555-0111" not in to_patient.body


def test_a_contact_change_with_a_bad_phone_is_said_after_a_redirect_and_keeps_what_was_typed(client, patient):
    look_up(client, patient)
    typed = {"phone": "12", "email": "", "preferred_contact": "phone", "best_time": "any"}
    assert client.post("/appointments/my-request/contact/", typed)["Location"] == "/appointments/my-request/contact/"
    page = client.get("/appointments/my-request/contact/")
    assert page.status_code == 400
    assert "Enter a US phone number" in text_of(page)
    assert input_value(parse(page), "phone") == "12"
    patient.refresh_from_db()
    assert patient.phone == "+15125550199"


def test_the_admin_history_names_the_patient_for_their_changes(client, patient, head_office):
    look_up(client, patient)
    client.post("/appointments/my-request/cancel/", {})
    client.force_login(head_office)
    page = client.get(f"/admin/appointments/appointmentrequest/{patient.pk}/history/")
    assert "Cancelled by the patient" in text_of(page)
    assert "nobody" not in text_of(page)


def test_references_and_names_are_compared_as_people_type_them():
    assert normalize_reference(" az-7k3m-9q2p ") == "AZ-7K3M-9Q2P"
    assert normalize_reference("7K3M9Q2P") == "AZ-7K3M-9Q2P"
    assert normalize_reference("AZ-7K3M-9Q2") == ""
    assert normalize_reference("AZ-0O1I-9Q2P") == ""  # characters a reference never has
    assert same_last_name("Núñez", "NUNEZ")
    assert same_last_name("De la Cruz", "dela cruz")
    assert not same_last_name("Núñez", "Nunes")
    assert not same_last_name("", "")


def test_the_status_page_reads_a_bounded_number_of_queries(client, patient, django_assert_max_num_queries):
    look_up(client, patient)
    client.get(STATUS)  # the layout's kept pieces are drawn once
    with django_assert_max_num_queries(6):
        assert client.get(STATUS).status_code == 200


def test_every_email_to_the_patient_links_to_check_or_change_my_request(patient, run_worker):
    from appointments import mail as request_mail

    request_mail.queue(patient, RequestEmail.Kind.CONFIRMATION)
    request_mail.queue(patient, RequestEmail.Kind.UPDATE_CONFIRMATION)
    run_worker()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "https://azura.example/appointments/my-request/" in message.body


def test_the_confirmation_page_links_to_the_request_without_typing(client, patient):
    session = client.session
    session["appointments.received"] = {"pk": patient.pk, "outcome": "created"}  # request_session.RECEIVED_...
    session.save()
    page = parse(client.get("/appointments/request/received/"))
    links = [dict(a.attributes).get("href") for a in find_all(page, "a")]
    assert "/appointments/my-request/sent/" in links
