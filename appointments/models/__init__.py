"""The appointments app's models: centers and physicians (centers.py), holiday closures and centers' old web
addresses (center_records.py), and patients' appointment requests with their emails and staff notes
(appointment_requests.py) and the visits booked for them (visits.py)."""

from .appointment_requests import (
    PATIENT_KINDS,
    REFERENCE_ALPHABET,
    AppointmentRequest,
    RequestEmail,
    RequestNote,
    new_reference,
)
from .center_records import Closure, PreviousCenterAddress
from .centers import (
    SLUG_LENGTH,
    Center,
    CenterQuerySet,
    FilledInModel,
    Language,
    OpeningHours,
    Physician,
    PhysicianQuerySet,
    Practice,
    Weekday,
    center_search_text,
    name_key,
    search_words,
    slug_of,
    validate_npi,
)
from .visits import BookedVisit, CancelReason, VisitNotice

__all__ = [
    "PATIENT_KINDS",
    "REFERENCE_ALPHABET",
    "SLUG_LENGTH",
    "AppointmentRequest",
    "BookedVisit",
    "CancelReason",
    "Center",
    "CenterQuerySet",
    "Closure",
    "FilledInModel",
    "Language",
    "OpeningHours",
    "Physician",
    "PhysicianQuerySet",
    "Practice",
    "PreviousCenterAddress",
    "RequestEmail",
    "RequestNote",
    "VisitNotice",
    "Weekday",
    "center_search_text",
    "name_key",
    "new_reference",
    "search_words",
    "slug_of",
    "validate_npi",
]
