"""Fictional appointment requests at the demo centers, so staff open a working day rather than an empty list.

A few dozen requests over the last days, in every status (closed ones with each reason), some asked for by a
caregiver, some sent from the Spanish pages, a few with a note. Names and phone numbers are fictional (555-01xx);
no email is queued for them. Loaded once: a second run leaves the demo centers' requests as staff left them.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from procedures.models import Procedure

from .call_needs import CallBack, Payment, PreferredLanguage, Requester
from .models import AppointmentRequest, CancelReason, Center, Practice, RequestNote

Status = AppointmentRequest.Status
Closed = AppointmentRequest.ClosedReason

FIRST = ["Maria", "James", "Linda", "Robert", "Patricia", "José", "Carmen", "William", "Dorothy", "Luis", "Ana", "Earl"]
LAST = ["Whitfield", "Okonkwo", "Brannigan", "Delacroix", "Ferreira", "Haldane", "Ibarra", "Juarez", "Kowalczyk"]
REASONS = [
    "Low back pain going down my left leg for three months",
    "Neck pain after a fall",
    "My doctor suggested an epidural injection",
    "Compression fracture in my back, my doctor sent me",
    "Pain in my lower back when I stand for long",
    "",
]
NOTES = [
    "Left a voicemail; will try again in the afternoon.",
    "Prefers a morning visit. Has an MRI from last month.",
    "Daughter will bring the referral letter.",
]
# (status, closed reason, how many): every status staff work, most of them new or contacted, as on a real day.
MIX = [
    (Status.NEW, "", 14),
    (Status.CONTACTED, "", 8),
    (Status.SCHEDULED, "", 6),
    (Status.CLOSED, Closed.DECLINED, 2),
    (Status.CLOSED, Closed.UNREACHABLE, 2),
    (Status.CLOSED, Closed.DUPLICATE, 1),
    (Status.CLOSED, Closed.NO_RESPONSE, 1),
    (Status.CLOSED, Closed.CANCELLED, 1),
    (Status.SPAM, "", 2),
]
AUSTIN_SHARE = 0.4  # demo-austin's center has a busy day of its own


def load_demo_requests(centers: list[Center], rng: random.Random) -> int:
    """Create the demo requests at these demo centers, unless they have requests already; returns how many."""
    if not centers or AppointmentRequest.objects.filter(center__in=centers).exists():
        return 0
    busiest = next((center for center in centers if center.city == "Austin"), centers[0])
    procedures = list(Procedure.objects.published())
    practices = list(Practice.objects.filter(center__in=centers).select_related("physician"))
    staff = get_user_model().objects.filter(username__in=["demo-austin", "demo-manager"]).first()
    now = timezone.now()
    made = 0
    with transaction.atomic():
        for status, reason, count in MIX:
            for _ in range(count):
                center = busiest if rng.random() < AUSTIN_SHARE else rng.choice(centers)
                request = _request(rng, center, procedures, practices, status, reason, staff)
                received = now - timedelta(hours=rng.uniform(1, 24 * (2 if status == Status.NEW else 9)))
                _backdate(request, received)
                if status in (Status.CONTACTED, Status.SCHEDULED) and rng.random() < 0.5:
                    RequestNote.objects.create(request=request, author=staff, text=rng.choice(NOTES))
                made += 1
    return made


def _request(rng, center, procedures, practices, status, reason, staff) -> AppointmentRequest:
    spanish = rng.random() < 0.25
    caregiver = rng.random() < 0.25
    at_center = [practice.physician for practice in practices if practice.center_id == center.pk]
    first, last = rng.choice(FIRST), rng.choice(LAST)
    fields = {
        "center": center,
        "procedure": rng.choice(procedures) if procedures and rng.random() < 0.7 else None,
        "physician": rng.choice(at_center) if at_center and rng.random() < 0.3 else None,
        "reason": rng.choice(REASONS),
        "first_name": first,
        "last_name": last,
        "date_of_birth": date(rng.randrange(1938, 1990), rng.randrange(1, 13), rng.randrange(1, 29)),
        "phone": _fictional(rng),
        "email": f"{first.lower()}.{last.lower()}@example.com".replace("é", "e") if rng.random() < 0.6 else "",
        "preferred_contact": rng.choice(AppointmentRequest.ContactMethod.values),
        "best_time": rng.choice(AppointmentRequest.BestTime.values),
        "patient_status": rng.choice(AppointmentRequest.PatientStatus.values),
        "insurance": rng.choice(["Medicare", "Blue Cross", "Aetna", ""]),
        "consent_at": timezone.now(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        "site_language": "es" if spanish else "en",
        "preferred_language": PreferredLanguage.SPANISH if spanish else PreferredLanguage.ENGLISH,
        "interpreter_needed": spanish and rng.random() < 0.3,
        "payment": rng.choice(Payment.values),
        "requester": Requester.SOMEONE_ELSE if caregiver else Requester.PATIENT,
        "status": status,
        "closed_reason": reason,
        "handled_by": staff if status != Status.NEW else None,
        "spam_signals": "the hidden field was filled" if status == Status.SPAM else "",
        "visit_at": _visit_time(rng, center) if status == Status.SCHEDULED else None,
        "cancel_reason": rng.choice(CancelReason.values) if reason == Closed.CANCELLED else "",
    }
    if caregiver:
        fields |= {
            "requester_name": f"{rng.choice(FIRST)} {last}",
            "requester_relationship": rng.choice(["daughter", "son", "wife", "caregiver"]),
            "requester_phone": _fictional(rng),
            "call_back": CallBack.REQUESTER,
        }
    return AppointmentRequest.objects.create(**fields)


def _visit_time(rng: random.Random, center: Center) -> datetime:
    """A booked visit on a weekday within the next two weeks, between 8:00 and 15:30 at the center."""
    day = timezone.localdate() + timedelta(days=rng.randrange(2, 15))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    at = time(rng.randrange(8, 16), rng.choice([0, 30]))
    return datetime.combine(day, at, tzinfo=ZoneInfo(center.timezone))


def _fictional(rng: random.Random) -> str:
    return f"+1{rng.choice(['512', '713', '210', '602', '303'])}55501{rng.randrange(0, 100):02d}"


def _backdate(request: AppointmentRequest, received: datetime) -> None:
    """Received then (auto_now_add set it to now), in the row and in its history."""
    AppointmentRequest.objects.filter(pk=request.pk).update(created_at=received, updated_at=received)
    request.history.filter(id=request.pk).update(created_at=received, history_date=received)
