"""A valid request from the form: stored once with consent, phones normalised, the confirmation page shown only
to the patient's session, and double submission. (A database that refuses the write, the rate limit and caching
headers: test_request_protection.py; what a submission does: test_request_submission.py.)"""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from appointments.models import AppointmentRequest

from .factories_requests import DATE_OF_BIRTH_FORMS, RECEIVED_URL, REFERENCE_RE, another_patient, form_data, post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]


NOTHING_TO_SHOW = "There is no request to show"


RECEIVED_TEXT = "We received your request"


def test_valid_request_is_stored_once_with_consent_time_and_privacy_notice_version(client, settings, full_answers):
    before = timezone.now()
    response = post(client, full_answers)

    assert response.status_code == 302
    assert response["Location"] == RECEIVED_URL
    stored = AppointmentRequest.objects.get()
    assert before <= stored.consent_at <= timezone.now()
    assert stored.privacy_notice_version == settings.PRIVACY_NOTICE_VERSION
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.spam_signals == ""
    assert (stored.first_name, stored.last_name) == ("Rosalind", "Quigglesworth")
    assert stored.date_of_birth == date(1954, 3, 27)
    assert stored.phone == "+15125550123"
    assert stored.physician.slug == full_answers["physician"]
    assert stored.procedure.slug == "epidural-injections"
    assert REFERENCE_RE.fullmatch(stored.reference)


@pytest.mark.parametrize(
    "typed", ["+1 512.555.0123", "(512) 555-0123", "512-555-0123", "5125550123", "1 (512) 555 0123", "512 555 0123"]
)
def test_phone_written_any_usual_way_is_stored_as_e164_and_shown_the_us_way(client, center, typed):
    post(client, form_data(center, phone=typed))
    stored = AppointmentRequest.objects.get()
    assert stored.phone == "+15125550123"
    assert stored.phone_display == "(512) 555-0123"


def test_phone_extension_is_kept(client, center):
    post(client, form_data(center, phone="512-555-0123 ext. 45"))
    assert AppointmentRequest.objects.get().phone_display == "(512) 555-0123 ext. 45"


def test_received_page_shows_the_reference_center_name_and_phone(client, center):
    response = post(client, form_data(center), follow=True)
    content = response.content.decode()
    stored = AppointmentRequest.objects.get()

    assert response.redirect_chain == [(RECEIVED_URL, 302)]
    assert response.status_code == 200
    assert RECEIVED_TEXT in content
    assert stored.reference in content
    assert center.name in content
    assert '<a href="tel:+15125550142">(512) 555-0142</a>' in content  # typed "(512) 555-0142", stored E.164


def test_received_page_shows_no_date_of_birth_reason_or_insurance(client, center):
    data = form_data(center)
    content = post(client, data, follow=True).content.decode()
    assert RECEIVED_TEXT in content
    for secret in [*DATE_OF_BIRTH_FORMS, data["reason"], data["insurance"], data["last_name"]]:
        assert secret not in content


def test_received_page_is_404_for_another_session(client, center):
    post(client, form_data(center))
    stored = AppointmentRequest.objects.get()

    other = Client()
    other.session.save()  # a session of its own, that never sent a request
    response = other.get(RECEIVED_URL)

    assert response.status_code == 404
    assert NOTHING_TO_SHOW in response.content.decode()
    assert stored.reference not in response.content.decode()


def test_received_page_is_404_without_a_session(client, center):
    response = client.get(RECEIVED_URL)
    assert response.status_code == 404
    assert NOTHING_TO_SHOW in response.content.decode()
    assert not REFERENCE_RE.search(response.content.decode())


def test_same_submission_posted_twice_stores_one_request_and_both_show_the_same_reference(
    client, center, django_capture_on_commit_callbacks
):
    answers = form_data(center)
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, answers, follow=True)
        second = post(client, answers, follow=True)

    stored = AppointmentRequest.objects.get()
    assert first.redirect_chain == second.redirect_chain == [(RECEIVED_URL, 302)]
    assert REFERENCE_RE.findall(first.content.decode()) == REFERENCE_RE.findall(second.content.decode())
    assert stored.reference in second.content.decode()
    assert stored.emails.count() == 2  # one patient confirmation and one center notification, not two of each


def test_different_browsers_store_different_requests(center):
    post(Client(), another_patient(center, 1))
    post(Client(), another_patient(center, 2))
    references = set(AppointmentRequest.objects.values_list("reference", flat=True))
    assert len(references) == 2
