"""Work for the worker (`manage.py db_worker`): Django's tasks API, through the django-tasks backport."""

from django_tasks import task


@task()
def send_request_email(email_id: int) -> str:
    """Send one of a request's queued emails, or schedule its next try."""
    from . import mail

    return mail.deliver(email_id)
