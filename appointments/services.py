"""Writes with several steps: storing a patient's request and moving it through the staff workflow."""

import logging
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import AppointmentRequest

log = logging.getLogger(__name__)


def appointment_request_create(
    *, data: dict, submission_token: uuid.UUID, spam_signals: list[str]
) -> tuple[AppointmentRequest, bool]:
    """Store a request once per submission token; returns (request, created).

    A double click, a back-and-resend or a retry after a timeout carries the same token, so it finds the
    request already stored instead of storing a second one. A request that looks automated is kept with
    status "spam" (never dropped: staff can still see it) and sends no email.
    """
    existing = AppointmentRequest.objects.filter(
        submission_token=submission_token
    ).first() or _same_request_sent_recently(data)
    if existing:
        return existing, False
    fields = {
        **data,
        "submission_token": submission_token,
        "consent_at": timezone.now(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        "spam_signals": ", ".join(spam_signals),
        "status": AppointmentRequest.Status.SPAM if spam_signals else AppointmentRequest.Status.NEW,
    }
    for _ in range(5):  # a new reference on the (astronomically rare) collision
        try:
            with transaction.atomic():
                appointment_request = AppointmentRequest.objects.create(**fields)
        except IntegrityError:
            existing = AppointmentRequest.objects.filter(submission_token=submission_token).first()
            if existing:  # the same submission arrived twice at once: one stored, both answered
                return existing, False
            continue
        if not spam_signals:
            transaction.on_commit(partial(send_request_emails, appointment_request))
        log.info("appointment request stored", extra={"reference": appointment_request.reference})
        return appointment_request, True
    raise IntegrityError("could not allocate a unique reference")


RESEND_WINDOW = timedelta(minutes=30)


def _same_request_sent_recently(data: dict) -> AppointmentRequest | None:
    """The same patient asking the same center again within minutes: going back and sending the form again
    (the page is never cached, so it carries a new token), or a second tab. One request, not two."""
    return (
        AppointmentRequest.objects.filter(
            center=data["center"],
            first_name__iexact=data["first_name"],
            last_name__iexact=data["last_name"],
            date_of_birth=data["date_of_birth"],
            phone=data["phone"],
            created_at__gte=timezone.now() - RESEND_WINDOW,
        )
        .exclude(status=AppointmentRequest.Status.SPAM)
        .first()
    )


def send_request_emails(appointment_request: AppointmentRequest) -> None:
    """The patient's confirmation and the center's notification. Neither holds health details, the date of
    birth or the free text. A failed email never loses the request: it is stored, and staff see it."""
    center = appointment_request.center
    context = {"request": appointment_request, "center": center, "site_url": settings.SITE_URL}
    messages = []
    if appointment_request.email:
        messages.append(
            (
                f"We received your request {appointment_request.reference}",
                "appointments/email/patient_confirmation.txt",
                [appointment_request.email],
            )
        )
    if center.notification_email:
        context["admin_url"] = settings.SITE_URL + reverse(
            "admin:appointments_appointmentrequest_change", args=[appointment_request.pk]
        )
        messages.append(
            (
                f"New request {appointment_request.reference} at {center.name}",
                "appointments/email/center_notification.txt",
                [center.notification_email],
            )
        )
    for subject, template, recipients in messages:
        try:
            send_mail(subject, render_to_string(template, context), None, recipients)
        except Exception as error:  # SMTP down: the request is safe in the database, and staff see it
            # No traceback or message: SMTP errors quote the recipient's address (SMTPRecipientsRefused).
            log.error(
                "could not send email",
                extra={"reference": appointment_request.reference, "error": type(error).__name__},
            )


def appointment_request_change_status(
    *, appointment_request: AppointmentRequest, status: str, closed_reason: str = "", by
) -> AppointmentRequest:
    """Move a request through new → contacted → scheduled → closed (with a reason), or mark it spam.
    The history (simple-history) records who changed it and when."""
    if status == AppointmentRequest.Status.CLOSED and not closed_reason:
        raise ValueError("A closed request needs a reason.")
    appointment_request.status = status
    appointment_request.closed_reason = closed_reason if status == AppointmentRequest.Status.CLOSED else ""
    if appointment_request.handled_by is None:
        appointment_request.handled_by = by
    appointment_request._history_user = by
    appointment_request.save()
    return appointment_request
