"""The emails about a request: queued with the request, sent by the worker, tried again until they go.

A request's emails are rows of RequestEmail written in the same transaction as the request, each with a task on
the database queue (django-tasks), so there is never a stored request without its queued mail, nor mail for a
request that was not stored, and the patient's page never waits on a mail server. The worker claims an email with
one atomic UPDATE (two workers never send it twice), sends it outside any transaction (a slow mail server holds no
lock), and on failure schedules the next try: 30 s, then twice as long each time up to an hour apart, for
EMAIL_RETRY_HOURS; then the email is marked failed, and staff see it on the request. An address the mail server
refuses for good (no such mailbox) is marked failed at once, so staff know to call.

No email holds health details, the date of birth or the patient's free text; logs name the error's type only
(SMTP errors quote the recipient's address).
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Count, F, Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core.tasks import refused_for_good, retry_delay

from . import visit_mail
from .models import PATIENT_KINDS, AppointmentRequest, Center, RequestEmail

log = logging.getLogger(__name__)

Kind = RequestEmail.Kind
CLAIM_SECONDS = 300  # a claimed email not finished by then is taken to be lost with its worker
TEMPLATES = {
    Kind.CONFIRMATION: (_("We received your request {reference}"), "appointments/email/patient_confirmation.txt"),
    Kind.UPDATE_CONFIRMATION: (_("We updated your request {reference}"), "appointments/email/patient_update.txt"),
    Kind.CENTER_NEW: ("New request {reference} at {center}", "appointments/email/center_notification.txt"),
    Kind.CENTER_UPDATED: ("Request {reference} was updated by the patient", "appointments/email/center_update.txt"),
    Kind.CENTER_MOVED_AWAY: ("Request {reference} moved to another center", "appointments/email/center_moved.txt"),
    **visit_mail.TEMPLATES,  # the patient's own changes and the booked visit
}


def queue(appointment_request: AppointmentRequest, kind: str, *, center: Center | None = None) -> RequestEmail | None:
    """Queue one email about the request, with its task; call inside the transaction that stores the request.
    None when there is nobody to send it to (no patient email, or no notification address at the center)."""
    center = center or appointment_request.center
    to_patient = kind in PATIENT_KINDS
    recipient = appointment_request.email if to_patient else center.notification_email
    if not recipient:
        return None
    email = RequestEmail.objects.create(request=appointment_request, center=center, kind=kind, recipient=recipient)
    send_request_email.enqueue(email.pk)
    return email


def confirmation_email(appointment_request: AppointmentRequest) -> RequestEmail | None:
    """The newest email to the patient about this request (reads prefetched emails), for the confirmation page:
    it says "we sent" only when one was sent, "we are sending" while one waits in the queue."""
    to_patient = [email for email in appointment_request.emails.all() if email.to_patient]
    return max(to_patient, key=lambda email: (email.created_at, email.pk)) if to_patient else None


@task()
def send_request_email(email_id: int) -> str:
    """The worker's task (`manage.py db_worker`): send one of a request's queued emails, or schedule its next try.
    Rows queued before it lived here name it appointments.tasks.send_request_email, which still resolves."""
    return deliver(email_id)


def deliver(email_id: int) -> str:
    """Send one queued email (the worker's task). Returns what happened, for the task's result."""
    now = timezone.now()
    claimed = RequestEmail.objects.filter(
        pk=email_id, status=RequestEmail.Status.QUEUED, next_attempt_at__lte=now + timedelta(seconds=1)
    ).update(next_attempt_at=now + timedelta(seconds=CLAIM_SECONDS), attempts=F("attempts") + 1)
    if not claimed:
        return "not due"  # sent, failed, or being sent by another worker
    email = RequestEmail.objects.select_related("request", "center").get(pk=email_id)
    if not visit_mail.still_true(email):  # the visit moved or was cancelled since: a newer email says so
        RequestEmail.objects.filter(pk=email.pk).update(status=RequestEmail.Status.WITHDRAWN)
        return "withdrawn"
    try:
        _message(email).send()
    except Exception as error:  # any failure of the mail server or the network: try again later
        return _failed(email, error)
    RequestEmail.objects.filter(pk=email.pk).update(
        status=RequestEmail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    log.info("email sent", extra={"reference": email.request.reference, "kind": email.kind})
    return "sent"


def _failed(email: RequestEmail, error: Exception) -> str:
    now = timezone.now()
    error_type = type(error).__name__[:80]
    if refused_for_good(error) or now - email.created_at >= timedelta(hours=settings.EMAIL_RETRY_HOURS):
        RequestEmail.objects.filter(pk=email.pk).update(status=RequestEmail.Status.FAILED, last_error=error_type)
        log.error("email failed for good", extra={"reference": email.request.reference, "error": error_type})
        return "failed"
    next_attempt = now + retry_delay(email.attempts)
    RequestEmail.objects.filter(pk=email.pk).update(next_attempt_at=next_attempt, last_error=error_type)
    send_request_email.using(run_after=next_attempt).enqueue(email.pk)
    log.warning(
        "email not sent; will try again",
        extra={"reference": email.request.reference, "error": error_type, "attempt": email.attempts},
    )
    return "retrying"


def _message(email: RequestEmail) -> EmailMessage:
    """The email, written in the language of the site the patient used (the centers' staff read English)."""
    appointment_request, center = email.request, email.center
    subject, template = TEMPLATES[Kind(email.kind)]
    context = {"request": appointment_request, "center": center, "site_url": settings.SITE_URL}
    if not email.to_patient:
        context["admin_url"] = settings.SITE_URL + reverse(
            "admin:appointments_appointmentrequest_change", args=[appointment_request.pk]
        )
    language = appointment_request.site_language if email.to_patient else settings.LANGUAGE_CODE
    attachments = []
    with translation.override(language):
        if email.to_patient:  # "Check or change my request", and what a visit email says (visit_mail.py)
            context.update(visit_mail.context(email, language))
            attachments = visit_mail.attachments(email, language)
        subject = str(subject).format(reference=appointment_request.reference, center=center.name)
        body = render_to_string(template, context)
    message = EmailMessage(subject, body, None, [email.recipient], headers={"Content-Language": language})
    for attachment in attachments:
        message.attach(attachment)
    return message


def requeue_stalled(*, now: datetime | None = None) -> int:
    """Queue a new task for every email whose try is long overdue: its worker died while sending, or its task was
    lost. A duplicate task is harmless (the claim lets one through). Returns how many."""
    now = now or timezone.now()
    stalled = RequestEmail.objects.filter(
        status=RequestEmail.Status.QUEUED, next_attempt_at__lt=now - timedelta(seconds=CLAIM_SECONDS)
    ).values_list("pk", flat=True)
    count = 0
    for pk in stalled.iterator():
        send_request_email.enqueue(pk)
        count += 1
    return count


def backlog(*, now: datetime | None = None) -> dict:
    """For the health check: emails waiting, emails failed for good, and the age of the oldest waiting one."""
    now = now or timezone.now()
    waiting = RequestEmail.objects.filter(status=RequestEmail.Status.QUEUED).aggregate(
        count=Count("pk"), oldest=Min("created_at")
    )
    oldest = waiting["oldest"]
    return {
        "queued": waiting["count"],
        "oldest_queued_seconds": int((now - oldest).total_seconds()) if oldest else 0,
        "failed": RequestEmail.objects.filter(status=RequestEmail.Status.FAILED).count(),
    }
