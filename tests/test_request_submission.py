"""What a submission of the request form does and what the patient is told: autofilled forms, resends from the
same browser, the same details from another browser, the honeypot, the start stamp, and the confirmation's words."""

from datetime import time, timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from appointments.forms import browser_nonce
from appointments.models import AppointmentRequest, RequestEmail

from .factories_appointments import CenterFactory
from .factories_requests import STARTED_SALT, form_data, started
from .html import attr, find_one, parse, text

pytestmark = pytest.mark.django_db

URL = "/appointments/request/"
RECEIVED_URL = "/appointments/request/received/"


class Page(str):
    """A page's HTML, with the confirmation's "What happens next" steps as plain text."""

    def __new__(cls, response):
        page = super().__new__(cls, response.content.decode())
        page.response = response
        return page

    @property
    def steps(self) -> str:
        return " ".join(text(find_one(parse(self.response), "ol", **{"class": "next-steps"})).split())


def send(client, data) -> Page:
    """Post the form and follow to the confirmation."""
    response = client.post(URL, data, follow=True)
    assert response.redirect_chain == [(RECEIVED_URL, 302)], response.content.decode()[:500]
    return Page(response)


def started_stamp(client) -> str:
    """The start stamp of the form as the server draws it for this client."""
    return attr(find_one(parse(client.get(URL)), "input", name="started"), "value")


# --- Autofill is not spam ------------------------------------------------------------------------------------


def test_a_form_autofilled_in_one_second_is_stored_as_a_new_request_and_mailed(client, center, settings, run_worker):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 3
    page = send(client, form_data(center, client=client, started=started(1, client=client)))

    stored = AppointmentRequest.objects.get()
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.spam_signals == "sent 1 s after the form was drawn"  # shown to staff, nothing more
    assert "We are sending an email about this request to rosalind@example.com" in page
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == ["cedarpark@azura.example", "rosalind@example.com"]


def test_the_form_binds_its_start_stamp_to_the_browser(client, center, settings):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    stamp = started_stamp(client)
    payload = signing.loads(stamp, salt=STARTED_SALT)
    assert payload["n"] == browser_nonce(client.cookies[settings.CSRF_COOKIE_NAME].value)

    send(client, form_data(center, started=stamp))
    assert AppointmentRequest.objects.get().spam_signals == ""


def test_a_start_stamp_from_another_browser_is_a_signal_for_staff_not_spam(client, center, settings):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    other = Client()
    stamp = started_stamp(other)

    send(client, form_data(center, started=stamp))
    stored = AppointmentRequest.objects.get()
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.spam_signals == "form drawn in another browser"


def test_an_expired_start_stamp_is_a_signal_for_staff_not_spam(client, center, settings):
    settings.APPOINTMENT_FORM_MAX_AGE_HOURS = 12
    send(client, form_data(center, client=client, started=started(13 * 3600, client=client)))
    stored = AppointmentRequest.objects.get()
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.spam_signals == "form drawn over 12 hours earlier"


@pytest.mark.parametrize("forged", ["", "1700000000", "MTc5NTUyNzM3Ny4xMTMwNDQ1:1xVqh9:forged-signature"])
def test_a_missing_or_forged_start_stamp_is_a_signal_for_staff_not_spam(client, center, forged):
    send(client, form_data(center, started=forged))
    stored = AppointmentRequest.objects.get()
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.spam_signals == "no valid start time"


def test_a_filled_honeypot_files_spam_with_no_email_and_no_claim_of_one(client, center, run_worker):
    page = send(client, form_data(center, client=client, website="http://cheap-pills.example"))

    stored = AppointmentRequest.objects.get()
    assert stored.status == AppointmentRequest.Status.SPAM
    assert stored.spam_signals.startswith("hidden field filled")
    assert not stored.emails.exists()
    run_worker()
    assert mail.outbox == []
    assert "email" not in page.steps.lower()


# --- Resending from the same browser ------------------------------------------------------------------------


def test_going_back_and_sending_the_same_answers_again_stores_one_request_unchanged(client, center):
    send(client, form_data(center, client=client))
    page = send(client, form_data(center, client=client))  # a new token: the page is never cached

    assert AppointmentRequest.objects.count() == 1
    assert AppointmentRequest.objects.get().emails.count() == 2  # nothing new to tell anyone
    assert "We received your request" in page


def test_a_changed_resend_from_the_same_session_updates_the_request_and_says_so(client, center, run_worker):
    send(client, form_data(center, client=client))
    run_worker()
    mail.outbox.clear()

    page = send(
        client, form_data(center, client=client, reason="Lower back pain; I take blood thinners", best_time="morning")
    )

    stored = AppointmentRequest.objects.get()
    assert stored.reason == "Lower back pain; I take blood thinners"
    assert stored.best_time == AppointmentRequest.BestTime.MORNING
    latest, previous = stored.history.all()[:2]
    assert latest.history_change_reason == "Updated by the patient"
    assert previous.best_time == AppointmentRequest.BestTime.ANY
    assert "We updated your request" in page
    assert "We received your request" not in page
    run_worker()
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        f"Request {stored.reference} was updated by the patient",
        f"We updated your request {stored.reference}",
    ]
    assert all("blood thinners" not in message.body for message in mail.outbox)


def test_the_same_page_sent_again_with_changes_updates_its_request(client, center):
    answers = form_data(center, client=client)
    send(client, answers)
    send(client, {**answers, "insurance": "Medicare"})  # the same submission token: Back kept the page

    assert AppointmentRequest.objects.get().insurance == "Medicare"


def test_a_correction_of_the_name_and_birth_date_updates_the_request_and_says_so(client, center):
    answers = form_data(center, client=client)
    send(client, answers)
    corrected = {**answers, "first_name": "Rosalyn", "date_of_birth": "03/28/1954"}  # Back, correct, send again
    page = send(client, corrected)
    send(client, corrected)  # and a double click of that

    stored = AppointmentRequest.objects.get()
    assert (stored.first_name, str(stored.date_of_birth)) == ("Rosalyn", "1954-03-28")
    assert "We updated your request" in page


def test_a_new_request_for_another_person_from_the_same_browser_is_its_own(client, center):
    send(client, form_data(center, client=client))
    spouse = form_data(center, client=client, first_name="Edmund", date_of_birth="07/04/1950", phone="(512) 555-0188")
    client.post(URL, {**spouse, "action": "another"})  # "This is a new request, for another person"
    send(client, spouse)

    first, second = AppointmentRequest.objects.order_by("created_at", "pk")
    assert (first.first_name, first.phone) == ("Rosalind", "+15125550123")
    assert (second.first_name, second.phone) == ("Edmund", "+15125550188")


def test_a_page_sent_by_another_browser_with_other_answers_never_overwrites_the_first(center):
    first, second = Client(), Client()
    answers = form_data(center, client=first)
    send(first, answers)
    send(second, {**answers, "first_name": "Edmund", "phone": "(512) 555-0188"})  # the same token, copied

    assert sorted(AppointmentRequest.objects.values_list("first_name", flat=True)) == ["Edmund", "Rosalind"]


def test_a_resend_naming_another_center_moves_the_request_and_tells_both_centers(client, center, run_worker):
    other = CenterFactory(name="Azura Round Rock", notification_email="roundrock@azura.example")
    send(client, form_data(center, client=client))
    run_worker()
    mail.outbox.clear()

    send(client, form_data(other, client=client))

    stored = AppointmentRequest.objects.get()
    assert stored.center == other
    run_worker()
    to = {message.to[0]: message.subject for message in mail.outbox}
    assert to["cedarpark@azura.example"] == f"Request {stored.reference} moved to another center"
    assert to["roundrock@azura.example"] == f"New request {stored.reference} at Azura Round Rock"


def test_the_same_browser_asks_anew_after_the_correction_window(client, center, settings):
    send(client, form_data(center, client=client))
    hours = settings.APPOINTMENT_CORRECTION_HOURS
    AppointmentRequest.objects.update(created_at=timezone.now() - timedelta(hours=hours, minutes=1))
    send(client, form_data(center, client=client))
    assert AppointmentRequest.objects.count() == 2


# --- The same details from another browser ------------------------------------------------------------------


def test_another_browser_with_the_same_details_gets_its_own_request_and_never_the_first_reference(center, run_worker):
    first, second = Client(), Client()
    send(first, form_data(center, client=first, email="first@example.com"))
    page = send(second, form_data(center, client=second, email="second@example.com", reason="Neck pain"))

    original, duplicate = AppointmentRequest.objects.order_by("created_at", "pk")
    assert duplicate.possible_duplicate_of == original
    assert original.reason != "Neck pain"  # the first patient's request is untouched
    assert duplicate.reference in page
    assert original.reference not in page
    assert "first@example.com" not in page
    run_worker()
    to_second = [message for message in mail.outbox if message.to == ["second@example.com"]]
    assert [message.subject for message in to_second] == [f"We received your request {duplicate.reference}"]


def test_the_confirmation_page_is_only_for_the_session_that_sent_it(center):
    sender, stranger = Client(), Client()
    send(sender, form_data(center, client=sender))
    stranger.get(URL)
    assert stranger.get(RECEIVED_URL).status_code == 404


# --- The confirmation's words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact", "promise"),
    [
        ("phone", "Azura Cedar Park will call you on (512) 555-0123"),
        ("text", "Azura Cedar Park will text you on (512) 555-0123"),
        ("email", "Azura Cedar Park will email you at rosalind@example.com"),
    ],
)
def test_the_confirmation_follows_the_chosen_way_to_be_contacted(client, center, contact, promise):
    page = send(client, form_data(center, client=client, preferred_contact=contact))
    steps = page.steps
    assert promise in steps
    if contact != "phone":
        assert "will call you" not in steps


def test_the_confirmation_gives_the_centers_hours_in_its_own_time_zone(client, center):
    center.timezone = "America/Chicago"
    center.save()
    for weekday in range(7):
        center.opening_hours.create(weekday=weekday, opens="08:00", closes="17:00")
    page = send(client, form_data(center, client=client))
    local_now = center.local_time().time()
    if time(8) <= local_now < time(17):
        assert "during its opening hours. It is open now and closes 5:00 PM (local time at the center)." in page.steps
    else:
        assert "during its opening hours. It is closed now and opens " in page.steps
        assert " 8:00 AM (local time at the center)." in page.steps


def test_without_an_email_address_the_confirmation_mentions_no_email(client, center):
    page = send(client, form_data(center, client=client, email=""))
    assert "email" not in page.steps.lower()
    assert list(RequestEmail.objects.values_list("recipient", flat=True)) == ["cedarpark@azura.example"]


def test_the_confirmation_says_sent_only_once_the_email_went(client, center, run_worker):
    send(client, form_data(center, client=client))
    run_worker()
    page = Page(client.get(RECEIVED_URL))
    assert "We sent an email about this request to rosalind@example.com." in page
