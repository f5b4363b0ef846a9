"""A request's emails: queued in the transaction that stores the request, sent by the worker, tried again with
growing waits until they go or the retry window ends, and shown to staff. Their words hold no health details."""

import logging
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appointments import mail as request_mail
from appointments.models import AppointmentRequest, RequestEmail
from core.tasks import retry_delay

from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory, form_data

pytestmark = pytest.mark.django_db

URL = "/appointments/request/"
SITE_URL = "https://azura.example"
# Ways the date of birth 1954-03-27 could be written in an email.
DATE_OF_BIRTH_FORMS = ["03/27/1954", "3/27/1954", "1954-03-27", "27/03/1954", "03-27-1954", "March 27, 1954"]


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def closed_port() -> int:
    """A loopback port where no mail server listens: the real SMTP backend is refused there at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mail_server_down(settings, closed_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", closed_port, False
    settings.EMAIL_TIMEOUT = 2


def make_due(email: RequestEmail) -> None:
    """Let the time of the next try come: move it, and its task, into the past."""
    past = timezone.now() - timedelta(seconds=1)
    RequestEmail.objects.filter(pk=email.pk).update(next_attempt_at=past)
    DBTaskResult.objects.filter(status="READY").update(run_after=past)


@pytest.fixture
def sent(client, center, physician, run_worker):
    """A request sent with every answer, its emails delivered by the worker: {"patient", "center", ...}."""
    answers = form_data(
        center, client=client, physician=physician.slug, procedure="epidural-injections", preferred_contact="text"
    )
    assert client.post(URL, answers).status_code == 302
    run_worker()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    return {
        "patient": by_recipient["rosalind@example.com"],
        "center": by_recipient["cedarpark@azura.example"],
        "request": AppointmentRequest.objects.get(),
        "answers": answers,
    }


# --- Queued with the request --------------------------------------------------------------------------------


def test_a_stored_request_has_its_emails_queued_and_nothing_sent_during_the_post(client, center):
    assert client.post(URL, form_data(center, client=client)).status_code == 302

    stored = AppointmentRequest.objects.get()
    assert sorted(stored.emails.values_list("kind", "status")) == [("center_new", "queued"), ("confirmation", "queued")]
    assert DBTaskResult.objects.filter(status="READY").count() == 2
    assert mail.outbox == []  # the worker sends them, never the patient's request


def test_queued_emails_are_rolled_back_with_a_request_that_could_not_be_stored(center, django_db_blocker):
    from django.db import transaction

    def store_then_fail():
        with transaction.atomic():
            request = AppointmentRequestFactory(center=center, email="p@example.com")
            request_mail.queue(request, RequestEmail.Kind.CONFIRMATION)
            raise RuntimeError("the transaction fails after the emails were queued")

    with pytest.raises(RuntimeError, match="after the emails were queued"):
        store_then_fail()
    assert not RequestEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_the_worker_sends_both_emails_once(client, center, run_worker):
    client.post(URL, form_data(center, client=client))
    run_worker()
    run_worker()  # nothing is sent twice

    assert sorted(message.to[0] for message in mail.outbox) == ["cedarpark@azura.example", "rosalind@example.com"]
    assert set(RequestEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert all(email.sent_at for email in RequestEmail.objects.all())


def test_no_patient_email_without_an_address_and_no_center_email_without_one(client, run_worker):
    center = CenterFactory(notification_email="")
    client.post(URL, form_data(center, client=client, email=""))
    run_worker()
    assert not RequestEmail.objects.exists()
    assert mail.outbox == []


# --- What the emails say ------------------------------------------------------------------------------------


def test_the_patient_confirmation_has_the_reference_center_phone_and_the_chosen_way_to_be_contacted(sent, center):
    message, stored = sent["patient"], sent["request"]
    assert message.subject == f"We received your request {stored.reference}"
    assert stored.reference in message.body
    assert center.name in message.body
    assert "(512) 555-0142" in message.body  # the center's phone, shown the US way
    assert "Azura Cedar Park will text you on (512) 555-0123, during its opening hours" in " ".join(
        message.body.split()
    )
    assert "business day" not in message.body  # staff set no response time: none is promised


def test_the_patient_confirmation_promises_the_response_time_staff_set(client, center, run_worker):
    from core.models import SiteSettings

    SiteSettings.objects.create(response_business_days=2)
    client.post(URL, form_data(center, client=client, preferred_contact="text"))
    run_worker()
    (message,) = [message for message in mail.outbox if message.to == ["rosalind@example.com"]]
    assert "will text you on (512) 555-0123, within 2 business days" in " ".join(message.body.split())


def test_the_center_notification_has_the_reference_and_an_admin_link(sent):
    message, stored = sent["center"], sent["request"]
    assert message.subject == f"New request {stored.reference} at Azura Cedar Park"
    assert f"{SITE_URL}/admin/appointments/appointmentrequest/{stored.pk}/change/" in message.body
    assert "How to contact: text message, to the patient (name and number in the staff site)." in message.body


@pytest.mark.parametrize("recipient", ["patient", "center"])
def test_emails_hold_no_date_of_birth_reason_insurance_or_procedure(sent, recipient):
    message, answers = sent[recipient], sent["answers"]
    whole = f"{message.subject}\n{message.body}"
    for secret in [*DATE_OF_BIRTH_FORMS, answers["reason"], answers["insurance"], "Epidural", "epidural"]:
        assert secret not in whole, secret


def test_the_center_email_holds_no_patient_name_phone_or_address(sent):
    whole = f"{sent['center'].subject}\n{sent['center'].body}"
    for secret in ["Quigglesworth", "Rosalind", "555-0123", "5550123", "rosalind@example.com"]:
        assert secret not in whole, secret


# --- A mail server that is down -----------------------------------------------------------------------------


def test_a_refused_email_is_tried_again_after_30_seconds_then_twice_as_long(
    client, center, mail_server_down, run_worker
):
    client.post(URL, form_data(center, client=client, email=""))
    email = RequestEmail.objects.get()

    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("queued", 1, "ConnectionRefusedError")
    assert timedelta(seconds=25) < email.next_attempt_at - timezone.now() <= timedelta(seconds=30)
    assert DBTaskResult.objects.filter(status="READY", run_after=email.next_attempt_at).count() == 1

    make_due(email)
    run_worker()
    email.refresh_from_db()
    assert email.attempts == 2
    assert timedelta(seconds=55) < email.next_attempt_at - timezone.now() <= timedelta(seconds=60)


def test_retry_waits_grow_to_at_most_an_hour(settings):
    waits = [retry_delay(attempt).total_seconds() for attempt in range(1, 12)]
    assert waits[:4] == [30, 60, 120, 240]
    assert waits[-1] == 3600
    assert waits == sorted(waits)


def test_an_email_that_cannot_go_for_the_whole_retry_window_is_marked_failed_and_shown_to_staff(
    client, center, mail_server_down, run_worker, settings, caplog
):
    settings.EMAIL_RETRY_HOURS = 26
    client.post(URL, form_data(center, client=client, email=""))
    email = RequestEmail.objects.get()
    RequestEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=26, minutes=1))
    caplog.set_level(logging.INFO)

    run_worker()

    email.refresh_from_db()
    assert email.status == "failed"
    assert not DBTaskResult.objects.filter(status="READY").exists()  # nothing more is tried
    assert "email failed for good" in caplog.text
    assert "cedarpark@azura.example" not in caplog.text  # SMTP errors quote addresses: only the error's type


def test_an_address_refused_for_good_is_marked_failed_at_once_for_staff_to_call(
    client, center, refusing_mail_server, run_worker
):
    assert client.post(URL, form_data(center, client=client)).status_code == 302

    run_worker()

    emails = AppointmentRequest.objects.get().emails.all()
    assert {(email.status, email.last_error) for email in emails} == {("failed", "SMTPRecipientsRefused")}
    assert not DBTaskResult.objects.filter(status="READY").exists()  # nothing left to try


def test_an_email_that_went_after_a_failure_is_marked_sent(client, center, mail_server_down, run_worker, settings):
    client.post(URL, form_data(center, client=client, email=""))
    run_worker()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the mail server is back
    make_due(RequestEmail.objects.get())
    run_worker()
    assert RequestEmail.objects.get().status == "sent"
    assert len(mail.outbox) == 1


def test_an_email_whose_worker_died_while_sending_is_queued_again(client, center, run_worker):
    client.post(URL, form_data(center, client=client, email=""))
    email = RequestEmail.objects.get()
    # A worker claimed it (moving its next try on) and died: its task shows RUNNING for ever.
    DBTaskResult.objects.update(status="RUNNING")
    RequestEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now() - timedelta(minutes=6))

    assert request_mail.requeue_stalled() == 1
    run_worker()
    assert RequestEmail.objects.get().status == "sent"
    assert len(mail.outbox) == 1


def test_two_tasks_for_one_email_send_it_once(client, center, run_worker):
    client.post(URL, form_data(center, client=client, email=""))
    request_mail.send_request_email.enqueue(RequestEmail.objects.get().pk)
    run_worker()
    assert len(mail.outbox) == 1


def test_an_email_queued_under_the_tasks_old_address_is_still_sent(client, center, run_worker):
    """Tasks queued before send_request_email moved to appointments/mail.py name it appointments.tasks.*."""
    client.post(URL, form_data(center, client=client, email=""))
    assert DBTaskResult.objects.update(task_path="appointments.tasks.send_request_email") == 1
    run_worker()
    assert RequestEmail.objects.get().status == "sent"
    assert len(mail.outbox) == 1


# --- Staff see delivery -------------------------------------------------------------------------------------


@pytest.fixture
def head_office(django_user_model):
    return django_user_model.objects.create_superuser("head", "head@azura.example", "pw")


def test_staff_see_each_emails_status_on_the_request_and_in_the_list(client, center, head_office, mail_server_down):
    client.post(URL, form_data(center, client=client))
    stored = AppointmentRequest.objects.get()
    RequestEmail.objects.filter(kind="confirmation").update(status="failed", last_error="SMTPRecipientsRefused")

    staff = Client()
    staff.force_login(head_office)
    change = staff.get(f"/admin/appointments/appointmentrequest/{stored.pk}/change/").content.decode()
    assert "Emails about this request" in change
    assert "Confirmation to the patient" in change
    assert "SMTPRecipientsRefused" in change
    listing = staff.get("/admin/appointments/appointmentrequest/", {"emails": "failed"})
    assert list(listing.context["cl"].result_list) == [stored]
    assert "Failed" in listing.content.decode()


def test_health_check_reports_the_email_backlog(client, center, settings):
    settings.HEALTH_EMAIL_QUEUE_MAX_SECONDS = 600
    Client().post(URL, form_data(center))
    assert client.get("/healthz/").json()["email_queue"]["queued"] == 2
    RequestEmail.objects.update(created_at=timezone.now() - timedelta(minutes=11))

    report = client.get("/healthz/")
    assert report.status_code == 200
    assert report.json()["status"] == "degraded"
    assert report.json()["email_queue"]["oldest_queued_seconds"] >= 660
