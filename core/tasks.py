"""Work for the worker (`manage.py db_worker`) that any app may queue: staff emails rendered from a template.

A command that emails staff queues the message and is done: a mail server that is down never fails the command.
The worker tries again on the schedule a request's emails follow (30 s, then twice as long each time, at most an
hour apart), STAFF_EMAIL_ATTEMPTS times in all (about five hours, well before the next day's reminder); then the
task fails and the worker records it. An address the mail server refuses for good fails at once. (A patient's
request has its own emails, kept as rows: appointments/mail.py.)
"""

import logging
import smtplib
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

log = logging.getLogger(__name__)

STAFF_EMAIL_ATTEMPTS = 12


def refused_for_good(error: Exception) -> bool:
    """Whether the mail server refused every recipient for good (a 5xx answer: no such mailbox, a mistyped
    address), which no later try can change."""
    return isinstance(error, smtplib.SMTPRecipientsRefused) and all(
        500 <= code < 600 for code, _message in error.recipients.values()
    )


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the given number of failed tries: 30 s, 60 s, 2 min, … at most an hour."""
    seconds = settings.EMAIL_RETRY_FIRST_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.EMAIL_RETRY_MAX_SECONDS))


@task()
def send_email(subject: str, body: str, recipients: list[str], attempt: int = 1) -> str:
    """Send one email, as queued by queue_email; if it cannot go, queue the next try."""
    try:
        send_mail(subject, body, None, recipients)
    except Exception as error:  # any failure of the mail server or the network
        if attempt >= STAFF_EMAIL_ATTEMPTS or refused_for_good(error):
            raise
        next_attempt = timezone.now() + retry_delay(attempt)
        send_email.using(run_after=next_attempt).enqueue(subject, body, recipients, attempt + 1)
        log.warning("staff email not sent; will try again", extra={"error": type(error).__name__, "attempt": attempt})
        return "retrying"
    return "sent"


def queue_email(subject: str, template: str, context: Mapping[str, Any], recipients: Iterable[str]) -> None:
    """Render the body from its template (templates/<app>/email/) now, and queue the email for the worker."""
    send_email.enqueue(subject, render_to_string(template, dict(context)), list(recipients))
