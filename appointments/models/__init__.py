"""The appointments app's models: centers (centers.py), physicians and languages (physicians.py), holiday
closures and centers' old web addresses (center_records.py), patients' appointment requests with their emails
and staff notes (appointment_requests.py), and the counters of the abuse limits (limits.py)."""

from .appointment_requests import REFERENCE_ALPHABET, AppointmentRequest, RequestEmail, RequestNote, new_reference
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

__all__ = [
    "REFERENCE_ALPHABET",
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
    "validate_npi",
]
