"""The appointments app's models: centers and physicians (centers.py), holiday closures and centers' old web
addresses (center_records.py), and patients' appointment requests with their emails and staff notes
(appointment_requests.py); the counters of the abuse limits (limits.py)."""

from .appointment_requests import REFERENCE_ALPHABET, AppointmentRequest, RequestEmail, RequestNote, new_reference
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
from .limits import RateLimitCounter

__all__ = [
    "REFERENCE_ALPHABET",
    "SLUG_LENGTH",
    "AppointmentRequest",
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
    "Weekday",
    "center_search_text",
    "name_key",
    "new_reference",
    "search_words",
    "slug_of",
    "validate_npi",
]
