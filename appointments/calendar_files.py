"""The calendar file (iCalendar, RFC 5545 with the iTIP methods of RFC 5546) attached to the emails about a
booked visit, so the patient's calendar holds the visit, moves it, or takes it out.

One event per request, always with the same UID, so a later file updates the same event: its SEQUENCE is the
request's calendar_sequence, bumped at each change after the first file (booking.py). The time is given in the
center's time zone (TZID) with that zone's rules (VTIMEZONE), so calendars show it right in any zone and across a
change to or from daylight saving time. A cancellation is METHOD:CANCEL with STATUS:CANCELLED.

The file holds no health details: the center, its address and phone, the reference and how to change or cancel.
No end time is given: the site does not know how long a visit takes, and a calendar file must not say what nobody
decided (the event lasts no time, RFC 5545 3.6.1).
"""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from core import phones

from .models import AppointmentRequest

PRODUCT = "-//Azura Vascular Care//Appointments//EN"
UID_NAMESPACE = uuid.UUID("6f1d3c2a-8a57-4a55-9d7e-3b1d2c9e0a41")  # fixed: a request's UID never changes


def event_uid(appointment_request: AppointmentRequest) -> str:
    """The request's event, the same in every file sent about it (not its reference: a UID outlives emails)."""
    return f"{uuid.uuid5(UID_NAMESPACE, appointment_request.reference)}@azura-appointments"


def calendar_file(
    appointment_request: AppointmentRequest,
    *,
    visit_at: datetime,
    sequence: int,
    cancelled: bool = False,
    language: str = "en",
    now: datetime | None = None,
) -> bytes:
    """The .ics for the visit at `visit_at` (aware), in the request's center's time zone."""
    center = appointment_request.center
    zone = ZoneInfo(center.timezone)
    with translation.override(language):
        summary = gettext("Appointment at %(center)s") % {"center": center.name}
        description = _description(appointment_request)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = icalendar.Event()
    event.add("uid", event_uid(appointment_request))
    event.add("dtstamp", (now or timezone.now()).astimezone(ZoneInfo("UTC")))
    event.add("dtstart", visit_at.astimezone(zone))
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("summary", summary)
    event.add("location", _location(appointment_request))
    event.add("description", description)
    event.add("transp", "OPAQUE")
    organizer = icalendar.vCalAddress(f"mailto:{_from_address()}")
    organizer.params["cn"] = icalendar.vText(center.name)
    event.add("organizer", organizer)
    if appointment_request.email:
        attendee = icalendar.vCalAddress(f"mailto:{appointment_request.email}")
        attendee.params.update({"role": "REQ-PARTICIPANT", "partstat": "ACCEPTED", "rsvp": "FALSE"})
        event.add("attendee", attendee)
    calendar.add_component(event)
    local = visit_at.astimezone(zone).date()
    calendar.add_missing_timezones(first_date=local - timedelta(days=366), last_date=local + timedelta(days=366))
    return calendar.to_ical()


def _location(appointment_request: AppointmentRequest) -> str:
    center = appointment_request.center
    suite = f", {center.suite}" if center.suite else ""
    return f"{center.name}, {center.address}{suite}, {center.city}, {center.state} {center.zip_code}"


def _description(appointment_request: AppointmentRequest) -> str:
    center = appointment_request.center
    change_url = settings.SITE_URL + reverse("appointments:my_request")
    return "\n".join(
        [
            gettext("Your reference: %(reference)s") % {"reference": appointment_request.reference},
            gettext("Phone: %(phone)s") % {"phone": phones.display(center.phone)},
            gettext("To check, change or cancel: %(url)s") % {"url": change_url},
        ]
    )


def _from_address() -> str:
    """The bare address of DEFAULT_FROM_EMAIL ("Name <a@b>" → "a@b")."""
    sender = settings.DEFAULT_FROM_EMAIL
    return sender.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in sender else sender.strip()
