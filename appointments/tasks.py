"""Where the worker found the task that sends a request's emails before it moved beside the code it runs
(appointments/mail.py). django-tasks stores each queued task's dotted path in its row, so rows queued before the
move name appointments.tasks.send_request_email: this name keeps them running. New rows name appointments.mail."""

from .mail import send_request_email

__all__ = ["send_request_email"]
