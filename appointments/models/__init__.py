"""The appointments app's models: centers (centers.py), physicians and languages (physicians.py), holiday
closures and centers' old web addresses (center_records.py), patients' appointment requests with their emails
and staff notes (appointment_requests.py) and the visits booked for them (visits.py), and the counters of the abuse
limits (limits.py)."""

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
    Center,
    CenterQuerySet,
    FilledInModel,
    OpeningHours,
    Weekday,
    center_search_text,
    name_key,
    search_words,
)
from .limits import RateLimitCounter
from .physicians import Language, Physician, PhysicianQuerySet, Practice, validate_npi
from .visits import BookedVisit, CancelReason, VisitNotice

__all__ = [
    "PATIENT_KINDS",
    "REFERENCE_ALPHABET",
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
    "RateLimitCounter",
    "RequestEmail",
    "RequestNote",
    "VisitNotice",
    "Weekday",
    "center_search_text",
    "name_key",
    "new_reference",
    "search_words",
    "validate_npi",
]
