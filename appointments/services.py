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
from django.db.models import Q, QuerySet
from django.utils import timezone

from . import mail
from .models import AppointmentRequest, RequestEmail

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    """What a submission of the form did."""

    CREATED = "created"
    UPDATED = "updated"  # the same browser session sent changed answers: a correction of its request
    UNCHANGED = "unchanged"  # the same answers again: a double click, a retry, back and resend


DUPLICATE_WINDOW = timedelta(days=7)


def correction_window() -> timedelta:
    """How long after sending a request a send from the same browser session corrects it (a setting)."""
    return timedelta(hours=settings.APPOINTMENT_CORRECTION_HOURS)


def appointment_request_submit(
    *,
    data: dict[str, Any],
    submission_token: uuid.UUID,
    sent_from_session: Sequence[int],
    spam_signals: list[str],
    is_spam: bool,
    site_language: str = settings.LANGUAGE_CODE,
    new_request: bool = False,
) -> tuple[AppointmentRequest, Outcome]:
    """Store a patient's request, or correct the one this browser session sent; returns it and what happened.

    A send from the browser session that sent a request within the correction window (`sent_from_session`, most
    recent last) updates that request, whatever changed (name and birth date too): history records the change, the
    center is told, the patient reads "updated". The same submission token (a double click, a retry) is that
    request too. `new_request` (the patient said "for another person") always stores a new one. A new request
    that nearly matches one sent from elsewhere in the last DUPLICATE_WINDOW, at any center (same phone and birth
    date, or same phone and last name), is flagged to staff as a possible duplicate; the patient sees only their
    own. Its emails are queued in the same transaction (see mail.py). A bot's submission (`is_spam`: the hidden
    field was filled) is kept as spam and sends no email; other `spam_signals` are shown to staff only.
    `site_language` is the language of the site the patient used: their emails are written in it, and staff see it.
    """
    fields = {
        **data,
        "consent_at": timezone.now(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        "spam_signals": ", ".join(spam_signals)[:200],
        "status": AppointmentRequest.Status.SPAM if is_spam else AppointmentRequest.Status.NEW,
        "site_language": site_language,
    }
    for _ in range(5):  # once more after a collision: the same submission arrived twice at once, or a reference
        earlier, token = _earlier_submission(data, submission_token, sent_from_session, new_request=new_request)
        if earlier:
            return _resend(earlier, data, site_language)
        try:
            with transaction.atomic():
                appointment_request = AppointmentRequest.objects.create(
                    **fields, submission_token=token, possible_duplicate_of=_near_match(data, sent_from_session)
                )
                if not is_spam:
                    mail.queue(appointment_request, RequestEmail.Kind.CONFIRMATION)
                    mail.queue(appointment_request, RequestEmail.Kind.CENTER_NEW)
        except IntegrityError:
            continue
        log.info("appointment request stored", extra={"reference": appointment_request.reference})
        return appointment_request, Outcome.CREATED
    raise IntegrityError("could not store the request under a unique reference")


def request_to_correct(
    *, sent_from_session: Sequence[int], submission_token: uuid.UUID | str, new_request: bool
) -> AppointmentRequest | None:
    """The request of this browser session that a send corrects, or None for a new request: the one sent from
    this very form (its submission token), else, unless the patient said it is for another person, the latest one
    the session sent within the correction window."""
    if new_request or not sent_from_session:
        return None
    sent: QuerySet[AppointmentRequest] = AppointmentRequest.objects.filter(pk__in=list(sent_from_session)).exclude(
        status=AppointmentRequest.Status.SPAM
    )
    by_token = sent.filter(submission_token=submission_token).first()
    if by_token:
        return by_token
    return sent.filter(pk=sent_from_session[-1], created_at__gte=timezone.now() - correction_window()).first()


def _earlier_submission(
    data: dict[str, Any], token: uuid.UUID, sent_from_session: Sequence[int], *, new_request: bool
) -> tuple[AppointmentRequest | None, uuid.UUID]:
    """The request this send corrects or repeats (if any), and the token a new request is stored under."""
    corrected = request_to_correct(sent_from_session=sent_from_session, submission_token=token, new_request=new_request)
    if corrected:
        return corrected, token
    by_token = AppointmentRequest.objects.filter(submission_token=token).first()
    if by_token is None:
        return None, token
    if not _changes(by_token, data):
        return by_token, token  # the same answers again (a retry whose session was lost): nothing new
    return None, uuid.uuid4()  # a token another session sent, with other answers: never theirs to change


def _changes(appointment_request: AppointmentRequest, data: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if getattr(appointment_request, name) != value}


def _near_match(data: dict[str, Any], sent_from_session: Sequence[int]) -> AppointmentRequest | None:
    """A request from elsewhere in the last week, at any center, with the same phone and birth date, or the same
    phone and last name: staff see it flagged as a possible duplicate."""
    return (
        AppointmentRequest.objects.filter(phone=data["phone"], created_at__gte=timezone.now() - DUPLICATE_WINDOW)
        .filter(Q(date_of_birth=data["date_of_birth"]) | Q(last_name__iexact=data["last_name"]))
        .exclude(pk__in=list(sent_from_session))
        .exclude(status=AppointmentRequest.Status.SPAM)
        .order_by("created_at")
        .first()
    )


def _resend(
    earlier: AppointmentRequest, data: dict[str, Any], site_language: str
) -> tuple[AppointmentRequest, Outcome]:
    """The same browser session sent its request again: store what changed, and tell whom it concerns."""
    with transaction.atomic():
        appointment_request = AppointmentRequest.objects.select_for_update().get(pk=earlier.pk)
        changes = _changes(appointment_request, data)
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
    The history (simple-history) records who changed it and when. Raises ValidationError, saving nothing, for a
    change the model's clean() refuses (closing without a reason)."""
    appointment_request.status = status
    appointment_request.closed_reason = closed_reason if status == AppointmentRequest.Status.CLOSED else ""
    appointment_request.clean()  # only the workflow rule: the patient's answers were checked when they were sent
    if appointment_request.handled_by is None:
        appointment_request.handled_by = by
    appointment_request._history_user = by
    appointment_request.save()
    return appointment_request
