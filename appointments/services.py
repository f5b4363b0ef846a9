"""Writes with several steps: storing a patient's request and moving it through the staff workflow."""

import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import mail
from .models import AppointmentRequest, RequestEmail

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    """What a submission of the form did."""

    CREATED = "created"
    UPDATED = "updated"  # the same browser sent changed answers for a request it had just sent
    UNCHANGED = "unchanged"  # the same answers again: a double click, a retry, back and resend


RESEND_WINDOW = timedelta(minutes=30)


def appointment_request_submit(
    *,
    data: dict[str, Any],
    submission_token: uuid.UUID,
    sent_from_session: Sequence[int],
    spam_signals: list[str],
    is_spam: bool,
    site_language: str = settings.LANGUAGE_CODE,
) -> tuple[AppointmentRequest, Outcome]:
    """Store a patient's request, or update the one this browser sent a moment ago; returns it and what happened.

    The same submission token (a double click, a retry, the same page sent again), or the same patient (name and
    date of birth) sent from this browser session within RESEND_WINDOW, is that request: changed answers update
    it (history records the change, the center is told), identical ones change nothing. Anything else is a new
    request; if it matches one sent from another browser (same name, birth date and phone at the same center,
    within the window), staff see it flagged as a possible duplicate, and the patient sees only their own.
    Its emails are queued in the same transaction (see mail.py). A bot's submission (`is_spam`: the hidden
    field was filled) is kept as spam and sends no email; other `spam_signals` are shown to staff only.
    `site_language` is the language of the site the patient used: their emails are written in it (an update takes
    the language of the page that sent it, but a change of language alone changes nothing).
    """
    submission_token = _token_for(data, submission_token)
    fields = {
        **data,
        "submission_token": submission_token,
        "consent_at": timezone.now(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        "spam_signals": ", ".join(spam_signals)[:200],
        "status": AppointmentRequest.Status.SPAM if is_spam else AppointmentRequest.Status.NEW,
        "site_language": site_language,
    }
    for _ in range(5):  # once more after a collision: the same submission arrived twice at once, or a reference
        earlier = _earlier_submission(data, submission_token, sent_from_session)
        if earlier:
            return _resend(earlier, data, site_language)
        try:
            with transaction.atomic():
                appointment_request = AppointmentRequest.objects.create(
                    **fields, possible_duplicate_of=_same_patient_elsewhere(data, sent_from_session)
                )
                if not is_spam:
                    mail.queue(appointment_request, RequestEmail.Kind.CONFIRMATION)
                    mail.queue(appointment_request, RequestEmail.Kind.CENTER_NEW)
        except IntegrityError:
            continue
        log.info("appointment request stored", extra={"reference": appointment_request.reference})
        return appointment_request, Outcome.CREATED
    raise IntegrityError("could not store the request under a unique reference")


def _token_for(data: dict[str, Any], token: uuid.UUID) -> uuid.UUID:
    """The form's token; but when that page already sent another patient's request (a shared computer: Back, then
    someone else's answers), a token derived from this patient, so the first request is never overwritten."""
    holder = AppointmentRequest.objects.filter(submission_token=token).first()
    if holder is None or _is_patient(holder, data):
        return token
    return uuid.uuid5(token, f"{data['first_name'].casefold()}|{data['last_name'].casefold()}|{data['date_of_birth']}")


def _is_patient(appointment_request: AppointmentRequest, data: dict[str, Any]) -> bool:
    return bool(
        appointment_request.first_name.casefold() == data["first_name"].casefold()
        and appointment_request.last_name.casefold() == data["last_name"].casefold()
        and appointment_request.date_of_birth == data["date_of_birth"]
    )


def _earlier_submission(
    data: dict[str, Any], token: uuid.UUID, sent_from_session: Sequence[int]
) -> AppointmentRequest | None:
    by_token = AppointmentRequest.objects.filter(submission_token=token).first()
    if by_token:
        return by_token
    return (
        AppointmentRequest.objects.filter(
            pk__in=list(sent_from_session), created_at__gte=timezone.now() - RESEND_WINDOW
        )
        .filter(**_same_patient(data))
        .order_by("-created_at")
        .first()
    )


def _same_patient(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "first_name__iexact": data["first_name"],
        "last_name__iexact": data["last_name"],
        "date_of_birth": data["date_of_birth"],
    }


def _same_patient_elsewhere(data: dict[str, Any], sent_from_session: Sequence[int]) -> AppointmentRequest | None:
    return (
        AppointmentRequest.objects.filter(
            **_same_patient(data),
            center=data["center"],
            phone=data["phone"],
            created_at__gte=timezone.now() - RESEND_WINDOW,
        )
        .exclude(pk__in=list(sent_from_session))
        .exclude(status=AppointmentRequest.Status.SPAM)
        .order_by("created_at")
        .first()
    )


def _resend(
    earlier: AppointmentRequest, data: dict[str, Any], site_language: str
) -> tuple[AppointmentRequest, Outcome]:
    """The same browser sent its request again: store what changed, and tell whom it concerns."""
    with transaction.atomic():
        appointment_request = AppointmentRequest.objects.select_for_update().get(pk=earlier.pk)
        changes = {name: value for name, value in data.items() if getattr(appointment_request, name) != value}
        if not changes:
            return appointment_request, Outcome.UNCHANGED
        previous_center = appointment_request.center
        for name, value in {**changes, "site_language": site_language}.items():
            setattr(appointment_request, name, value)
        appointment_request._change_reason = "Updated by the patient"
        appointment_request.save()
        if appointment_request.status != AppointmentRequest.Status.SPAM:
            if "center" in changes:
                mail.queue(appointment_request, RequestEmail.Kind.CENTER_MOVED_AWAY, center=previous_center)
                mail.queue(appointment_request, RequestEmail.Kind.CENTER_NEW)
            else:
                mail.queue(appointment_request, RequestEmail.Kind.CENTER_UPDATED)
            mail.queue(appointment_request, RequestEmail.Kind.UPDATE_CONFIRMATION)
    log.info("appointment request updated by the patient", extra={"reference": appointment_request.reference})
    return appointment_request, Outcome.UPDATED


def appointment_request_change_status(
    *, appointment_request: AppointmentRequest, status: str, closed_reason: str = "", by: User
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
