"""A patient's own request, without an account: found by reference, last name and date of birth, then checked,
changed (how to be reached) or cancelled.

The look-up says only "found" or "not found": wrong details get one answer, whichever part was wrong. Attempts are
limited per reference and per client address (APPOINTMENT_LOOKUP_ATTEMPTS in APPOINTMENT_LOOKUP_WINDOW_MINUTES)
through the project's one limiter (ratelimit.py), counted where every process and host sees them. A request found
is remembered in the session for OPEN_MINUTES (so reload and Back work); the browser session that sent a request
opens it without typing. Every change is recorded in the request's history as made by the patient, the center is
emailed through the queue, and the patient gets an email that repeats none of their details. Logs hold the
reference at most: never a name or a date.
"""

import logging
import math
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from . import booking, mail
from .models import REFERENCE_ALPHABET, AppointmentRequest, CancelReason, RequestEmail, name_key
from .ratelimit import allow, client

log = logging.getLogger(__name__)

Status = AppointmentRequest.Status
Kind = RequestEmail.Kind

# The session keys. SENT_KEY is the request form's list of the requests this browser session sent
# (request_session.SENT_SESSION_KEY); LEGACY_SENT_KEY its name before that, in sessions older than the change.
OPENED_KEY = "appointments.opened"  # {"pk": the request opened, "at": when, in seconds}
SENT_KEY = "appointments.sent"
LEGACY_SENT_KEY = "appointment_requests_sent"
DONE_KEY = "appointments.done"  # what the patient just did, for the confirmation after the redirect
OPEN_MINUTES = 30  # a request found stays open this long after the patient's last page about it

REFERENCE_SCOPE, ADDRESS_SCOPE = "lookup-reference", "lookup-address"
PATIENT = "by the patient"  # in every history reason the patient's own changes leave (the admin says "the patient")
CONTACT_FIELDS = ("phone", "email", "preferred_contact", "best_time")


def normalize_reference(text: str) -> str:
    """The reference as stored ("AZ-7K3M-9Q2P") from however it was typed ("az 7k3m 9q2p", "7K3M9Q2P"), or "" when
    it cannot be one."""
    characters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(characters) == 10 and characters.startswith("AZ"):
        characters = characters[2:]
    if len(characters) != 8 or any(ch not in REFERENCE_ALPHABET for ch in characters):
        return ""
    return f"AZ-{characters[:4]}-{characters[4:]}"


def same_last_name(stored: str, typed: str) -> bool:
    """Whether two last names are the same, whatever the accents, case, spaces, hyphens and apostrophes
    ("Martínez-O'Neil" and "martinez oneil")."""
    letters = ["".join(ch for ch in name_key(name) if ch.isalnum()) for name in (stored, typed)]
    return bool(letters[0]) and letters[0] == letters[1]


# --- The limit ----------------------------------------------------------------------------------------------------


def _window() -> timedelta:
    return timedelta(minutes=settings.APPOINTMENT_LOOKUP_WINDOW_MINUTES)


def take_attempt(request: HttpRequest, reference: str) -> bool:
    """Count one look-up for the reference typed and for the client's address; False when either has none left."""
    limit, window = settings.APPOINTMENT_LOOKUP_ATTEMPTS, _window()
    by_address = allow(ADDRESS_SCOPE, client(request), limit=limit, window=window)
    return allow(REFERENCE_SCOPE, reference or "-", limit=limit, window=window) and by_address


def minutes_until_next_window(now: float | None = None) -> int:
    """Whole minutes until the limit's window ends (windows start at multiples of their length), at least 1."""
    seconds = _window().total_seconds()
    now = time.time() if now is None else now
    return max(1, math.ceil((seconds - now % seconds) / 60))


# --- Finding and opening ------------------------------------------------------------------------------------------


def find_request(*, reference: str, last_name: str, date_of_birth) -> AppointmentRequest | None:
    """The request with that reference, if the last name and date of birth are the patient's (spam never)."""
    found = AppointmentRequest.objects.filter(reference=reference).exclude(status=Status.SPAM).first()
    if found and same_last_name(found.last_name, last_name) and found.date_of_birth == date_of_birth:
        return found
    return None


def open_in_session(request: HttpRequest, appointment_request: AppointmentRequest) -> None:
    request.session[OPENED_KEY] = {"pk": appointment_request.pk, "at": time.time()}


def close_in_session(request: HttpRequest) -> None:
    request.session.pop(OPENED_KEY, None)


def opened_request(request: HttpRequest) -> AppointmentRequest | None:
    """The request this session opened less than OPEN_MINUTES ago (its clock starts again), or None."""
    opened = request.session.get(OPENED_KEY)
    if not isinstance(opened, dict) or not isinstance(opened.get("pk"), int):
        return None
    if time.time() - float(opened.get("at") or 0) > OPEN_MINUTES * 60:
        close_in_session(request)
        return None
    found = (
        AppointmentRequest.objects.exclude(status=Status.SPAM)
        .select_related("center", "visit_physician")
        .filter(pk=opened["pk"])
        .first()
    )
    if found is None:
        close_in_session(request)
        return None
    open_in_session(request, found)
    return found


def sent_from_session(request: HttpRequest) -> AppointmentRequest | None:
    """The newest request this browser session sent (the request form keeps their list), if it still exists."""
    sent = [*request.session.get(LEGACY_SENT_KEY, []), *request.session.get(SENT_KEY, [])]
    keys = [pk for pk in sent if isinstance(pk, int)]
    return (
        AppointmentRequest.objects.exclude(status=Status.SPAM).filter(pk__in=keys).order_by("-created_at").first()
        if keys
        else None
    )


# --- What the patient may do ----------------------------------------------------------------------------------------


def may_change(appointment_request: AppointmentRequest) -> bool:
    """Open (not closed) and not past its booked visit: the patient may still change or cancel it."""
    if appointment_request.status not in (Status.NEW, Status.CONTACTED, Status.SCHEDULED):
        return False
    visit_at = appointment_request.booked_visit_at
    return visit_at is None or visit_at > timezone.now()


def appointment_request_cancel_by_patient(*, appointment_request: AppointmentRequest, reason: str = "") -> bool:
    """Cancel the request as the patient: closed, "Cancelled by the patient", with their optional reason; a booked
    visit is cancelled with it (the patient's email carries the calendar's cancellation), and the center is
    emailed. False (nothing done) when it may no longer be changed."""
    with transaction.atomic():
        current = AppointmentRequest.objects.select_for_update().get(pk=appointment_request.pk)
        if not may_change(current):
            return False
        before = booking.Booking.of(current)
        current.status = Status.CLOSED
        current.closed_reason = AppointmentRequest.ClosedReason.CANCELLED
        current.cancel_reason = reason if reason in CancelReason.values else ""
        _save_by_patient(current, "Cancelled by the patient")
        if before is not None:
            sequence = booking.next_sequence(current)
            booking.queue_visit_email(current, Kind.PATIENT_CANCELLED, before.visit_at, sequence, cancelled=True)
        else:
            mail.queue(current, Kind.PATIENT_CANCELLED)
        mail.queue(current, Kind.CENTER_CANCELLED)
    log.info("appointment request cancelled by the patient", extra={"reference": current.reference})
    return True


def appointment_request_change_contact(*, appointment_request: AppointmentRequest, data: dict[str, Any]) -> bool:
    """Change how the patient is reached (phone, email, contact method, best time) as the patient; the center and
    the patient (at the address now on the request) are emailed. False when nothing changed or it may no longer
    be changed."""
    with transaction.atomic():
        current = AppointmentRequest.objects.select_for_update().get(pk=appointment_request.pk)
        changes = {name: data[name] for name in CONTACT_FIELDS if getattr(current, name) != data[name]}
        if not changes or not may_change(current):
            return False
        for name, value in changes.items():
            setattr(current, name, value)
        _save_by_patient(current, "Contact details changed by the patient")
        mail.queue(current, Kind.CONTACT_CHANGED)
        mail.queue(current, Kind.CENTER_CONTACT)
    log.info("contact details changed by the patient", extra={"reference": current.reference})
    return True


def _save_by_patient(appointment_request: AppointmentRequest, reason: str) -> None:
    """Save, the history saying the patient made the change (no staff user)."""
    assert PATIENT in reason
    appointment_request._history_user = None
    appointment_request._change_reason = reason
    appointment_request.save()
