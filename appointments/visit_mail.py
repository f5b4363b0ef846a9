"""What the emails about a patient's own changes and their booked visit say (mail.py sends them).

The patient's emails are written in the site language they used, give the center's phone and the address of
"Check or change my request", and never hold the reason for the visit, insurance, or the date of birth. A visit
email says the visit as it was when the email was queued (VisitNotice), with its calendar file; if the visit moved
or was cancelled before it went, `still_true` says so and the email is withdrawn (a newer one says what is true).
"""

from datetime import datetime
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import SiteSettings

from . import hours
from .calendar_files import calendar_file
from .models import AppointmentRequest, RequestEmail, VisitNotice

Kind = RequestEmail.Kind
TEMPLATES = {
    Kind.CONTACT_CHANGED: (
        _("We changed how to reach you: request {reference}"),
        "appointments/email/patient_contact_changed.txt",
    ),
    Kind.PATIENT_CANCELLED: (_("Your request {reference} is cancelled"), "appointments/email/patient_cancelled.txt"),
    Kind.CENTER_CONTACT: (
        "Request {reference}: the patient changed how to be reached",
        "appointments/email/center_contact.txt",
    ),
    Kind.CENTER_CANCELLED: (
        "Request {reference} was cancelled by the patient",
        "appointments/email/center_cancelled.txt",
    ),
    Kind.VISIT_BOOKED: (_("Your appointment is booked: {reference}"), "appointments/email/visit.txt"),
    Kind.VISIT_CHANGED: (_("Your appointment has changed: {reference}"), "appointments/email/visit.txt"),
    Kind.VISIT_CANCELLED: (_("Your appointment is cancelled: {reference}"), "appointments/email/visit.txt"),
    Kind.VISIT_REMINDER: (_("Reminder of your appointment: {reference}"), "appointments/email/visit.txt"),
}


def still_true(email: RequestEmail) -> bool:
    """Whether a visit email still says what is true, read as the worker is about to send it: its SEQUENCE is the
    request's, and a reminder's visit is still booked and ahead. An email with no visit is always true."""
    notice = VisitNotice.objects.filter(email=email).first()
    if notice is None:
        return True
    row = AppointmentRequest.objects.filter(pk=email.request_id).values("calendar_sequence", "status", "visit_at")
    current = row.first()
    if current is None or current["calendar_sequence"] != notice.sequence:
        return False
    if email.kind == Kind.VISIT_REMINDER:
        booked = current["status"] == AppointmentRequest.Status.SCHEDULED and current["visit_at"] == notice.visit_at
        return booked and notice.visit_at > timezone.now()
    return True


def visit_words(appointment_request: AppointmentRequest, visit_at: datetime) -> dict[str, str]:
    """The visit's date, time and zone in the active language, in the center's time zone: "Tuesday, March 9,
    2027", "9:30 AM", "Central time"."""
    center = appointment_request.center
    local = visit_at.astimezone(ZoneInfo(center.timezone))
    return {
        # Translators: a weekday and date in Django's date format ("Tuesday, March 9, 2027"); Spanish writes
        # "martes, 9 de marzo de 2027" (l, j \d\e F \d\e Y).
        "date": dateformat.format(local, gettext("l, F j, Y")),
        "time": hours.clock_time(local),
        "zone": gettext("%(zone)s time") % {"zone": center.get_timezone_display()},
    }


def patient_links(appointment_request: AppointmentRequest) -> dict[str, str]:
    """The addresses a patient's email gives, in the active language: "Check or change my request" and the
    center's page (directions, parking, transit)."""
    return {
        "my_request_url": settings.SITE_URL + reverse("appointments:my_request"),
        "center_url": settings.SITE_URL + appointment_request.center.get_absolute_url(),
    }


def context(email: RequestEmail, language: str) -> dict[str, Any]:
    """What a patient's email adds to mail.py's context (call with `language` active)."""
    appointment_request = email.request
    extra: dict[str, Any] = {"kind": email.kind, **patient_links(appointment_request)}
    notice = VisitNotice.objects.filter(email=email).first()
    if notice is not None:
        what_to_bring, bring_language = SiteSettings.current().what_to_bring_in(language)
        extra.update(
            notice=notice,
            when=visit_words(appointment_request, notice.visit_at),
            physician=appointment_request.visit_physician,
            what_to_bring=what_to_bring,
            what_to_bring_in_english=bring_language == "en" and language != "en",
        )
    return extra


def attachments(email: RequestEmail, language: str) -> list[MIMEBase]:
    """The calendar file of a visit email (none for other emails)."""
    notice = VisitNotice.objects.filter(email=email).first()
    if notice is None:
        return []
    body = calendar_file(
        email.request,
        visit_at=notice.visit_at,
        sequence=notice.sequence,
        cancelled=notice.cancelled,
        language=language,
    )
    part = MIMEText(body.decode(), "calendar", "utf-8")
    part.set_param("method", "CANCEL" if notice.cancelled else "REQUEST")
    part.add_header("Content-Disposition", "attachment", filename="appointment.ics")
    return [part]
