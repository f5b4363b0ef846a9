"""Work for the worker (`manage.py db_worker`): Django's tasks API, through the django-tasks backport."""

from django_tasks import task


@task()
def send_request_email(email_id: int) -> str:
    """Send one of a request's queued emails, or schedule its next try."""
    from . import mail

    return mail.deliver(email_id)


@task()
def send_visit_reminder(request_id: int, visit_at: str) -> str:
    """Queue the reminder of a booked visit, queued for APPOINTMENT_REMINDER_DAYS before it (booking.py); a visit
    moved, cancelled, past or already reminded since is left alone."""
    from . import booking

    return booking.send_reminder(request_id, visit_at)
