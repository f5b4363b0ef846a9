"""Work for the worker (`manage.py db_worker`) that any app may queue: staff emails rendered from a template.

A command that emails staff queues the message and is done: a mail server that is down fails the task (the worker
records it), never the command. (A patient's request has its own, retried emails: appointments/mail.py.)
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_email(subject: str, body: str, recipients: list[str]) -> str:
    """Send one email, as queued by queue_email."""
    send_mail(subject, body, None, recipients)
    return "sent"


def queue_email(subject: str, template: str, context: Mapping[str, Any], recipients: Iterable[str]) -> None:
    """Render the body from its template (templates/<app>/email/) now, and queue the email for the worker."""
    send_email.enqueue(subject, render_to_string(template, dict(context)), list(recipients))
