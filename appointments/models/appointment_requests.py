"""Appointment requests, the emails sent about them and staff notes on them."""

import secrets

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import phones
from procedures.models import Procedure

from ..access import RequestScopeQuerySet
from ..call_needs import CallNeeds
from ..validators import no_control_characters
from .centers import Center
from .physicians import Physician
from .visits import BookedVisit

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: easy to read out on the phone


def new_reference() -> str:
    """A short, unambiguous, unguessable reference such as AZ-7K3M-9Q2P (31^8 ≈ 8.5e11 values)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"AZ-{chars[:4]}-{chars[4:]}"


class AppointmentRequest(CallNeeds, BookedVisit):
    """A patient's request for an appointment at one center, worked by that center's staff."""

    # Read by simple-history as a save writes the history row: who made the change, and why.
    _history_user: "User | None"
    _change_reason: str

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    class ClosedReason(models.TextChoices):
        DECLINED = "declined", "Declined"
        UNREACHABLE = "unreachable", "Unreachable"
        DUPLICATE = "duplicate", "Duplicate"
        NO_RESPONSE = "no_response", "No response"
        CANCELLED = "cancelled", "Cancelled by the patient"  # set only by the patient's own cancellation

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class BestTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning (8 AM – noon)")
        AFTERNOON = "afternoon", _("Afternoon (noon – 5 PM)")

    class PatientStatus(models.TextChoices):
        NEW = "new", _("I am a new patient")
        RETURNING = "returning", _("I have been to Azura before")

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    submission_token = models.UUIDField(unique=True, editable=False, null=True)
    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="appointment_requests")
    physician = models.ForeignKey(Physician, on_delete=models.SET_NULL, null=True, blank=True)
    procedure = models.ForeignKey(Procedure, on_delete=models.SET_NULL, null=True, blank=True)
    reason = models.CharField("reason for the visit", max_length=300, blank=True)
    first_name = models.CharField(max_length=80, validators=[no_control_characters])
    last_name = models.CharField(max_length=80, validators=[no_control_characters])
    date_of_birth = models.DateField()
    phone = models.CharField(max_length=30, validators=[no_control_characters])
    email = models.EmailField(blank=True, validators=[no_control_characters])
    preferred_contact = models.CharField(max_length=10, choices=ContactMethod.choices, default=ContactMethod.PHONE)
    best_time = models.CharField("best time to reach", max_length=10, choices=BestTime.choices, default=BestTime.ANY)
    patient_status = models.CharField(max_length=10, choices=PatientStatus.choices)
    insurance = models.CharField(max_length=120, blank=True, validators=[no_control_characters])
    consent_at = models.DateTimeField("consent to be contacted given at")
    privacy_notice_version = models.CharField(max_length=20)
    # The site's language when the patient sent the request (English, or Spanish under /es/): their emails are
    # written in it. Not the language of the call (preferred_language).
    site_language = models.CharField(
        "language of the site used", max_length=8, choices=settings.LANGUAGES, default="en", editable=False
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    closed_reason = models.CharField(max_length=12, choices=ClosedReason.choices, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    spam_signals = models.CharField(
        "signs of automation",
        max_length=200,
        blank=True,
        editable=False,
        help_text="Only the hidden field being filled files a request as spam; the others are for your judgement.",
    )
    possible_duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="An earlier request from another browser, within a week, at any center, with the same phone and "
        "date of birth or the same phone and last name.",
    )
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RequestScopeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["submission_token"])

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("view_all_centers", "Can see the appointment requests of every center"),
            ("export_appointmentrequest", "Can export appointment requests to CSV"),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="request_status_received"),
            # Phone search is by prefix of the E.164 number; see migration 0006 for names and references.
            models.Index(fields=["phone"], name="request_phone", opclasses=["varchar_pattern_ops"]),
        ]
        constraints = [
            # The backstop of clean()'s rule, for writes that skip it (bulk updates, the shell).
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(closed_reason=""), name="closed_request_has_reason"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    def clean(self) -> None:
        """A closed request needs a reason: the one home of the rule (the admin form and the status service)."""
        errors = self.visit_errors()  # a scheduled request has its visit's date and time (models/visits.py)
        if self.status == self.Status.CLOSED and not self.closed_reason:
            errors["closed_reason"] = "Choose why the request is closed."
        if errors:
            raise ValidationError(errors)

    @property
    def phone_display(self) -> str:
        return phones.display(self.phone)

    @property
    def contact_verb(self) -> str:
        """What the center will do, in the way the patient chose: "call", "text" or "email" (you)."""
        verbs: dict[str, str] = {self.ContactMethod.TEXT: "text", self.ContactMethod.EMAIL: "email"}
        return verbs.get(self.preferred_contact, "call")

    @property
    def tel(self) -> str:
        return phones.tel_uri(self.phone)


class RequestEmail(models.Model):
    """An email about a request, queued in the transaction that stores the request and sent by the worker."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", "Confirmation to the patient"
        UPDATE_CONFIRMATION = "update_confirmation", "Update confirmed to the patient"
        CENTER_NEW = "center_new", "New request, to the center"
        CENTER_UPDATED = "center_updated", "Request updated, to the center"
        CENTER_MOVED_AWAY = "center_moved_away", "Request moved to another center, to the center"
        # The patient's own changes (patient_access.py) and the booked visit (booking.py).
        CONTACT_CHANGED = "contact_changed", "Contact details change confirmed to the patient"
        PATIENT_CANCELLED = "patient_cancelled", "Cancellation confirmed to the patient"
        CENTER_CONTACT = "center_contact", "Contact details changed by the patient, to the center"
        CENTER_CANCELLED = "center_cancelled", "Cancelled by the patient, to the center"
        VISIT_BOOKED = "visit_booked", "Visit booked, to the patient"
        VISIT_CHANGED = "visit_changed", "Visit changed, to the patient"
        VISIT_CANCELLED = "visit_cancelled", "Visit cancelled, to the patient"
        VISIT_REMINDER = "visit_reminder", "Visit reminder, to the patient"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        WITHDRAWN = "withdrawn", "Not sent: no longer true"  # the visit moved or was cancelled before it went

    request = models.ForeignKey(AppointmentRequest, on_delete=models.CASCADE, related_name="emails")
    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="+", help_text="The center it is about.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.EmailField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=80, blank=True, help_text="The kind of error only, never its text.")
    created_at = models.DateTimeField("queued", auto_now_add=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="request_email_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_status_display()}"

    @property
    def to_patient(self) -> bool:
        return self.kind in PATIENT_KINDS


class RequestNote(models.Model):
    """A note staff leave on an appointment request."""

    request = models.ForeignKey(AppointmentRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Note by {self.author or 'nobody'}"  # the admin shows when, in the center's time zone


PATIENT_KINDS = frozenset(
    {
        RequestEmail.Kind.CONFIRMATION,
        RequestEmail.Kind.UPDATE_CONFIRMATION,
        RequestEmail.Kind.CONTACT_CHANGED,
        RequestEmail.Kind.PATIENT_CANCELLED,
        RequestEmail.Kind.VISIT_BOOKED,
        RequestEmail.Kind.VISIT_CHANGED,
        RequestEmail.Kind.VISIT_CANCELLED,
        RequestEmail.Kind.VISIT_REMINDER,
    }
)
