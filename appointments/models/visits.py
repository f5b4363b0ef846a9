"""The visit a center books for a request, and what each email about that visit said.

A request's booked visit lives on the request itself (BookedVisit is one of its bases, as CallNeeds is), so its
history records who booked, moved or cancelled it. The visit's time is stored in UTC and entered and shown in the
center's own time zone. The calendar file's SEQUENCE (RFC 5545) is kept with it: each booking, move or
cancellation after the first calendar file sent bumps it, so the patient's calendar replaces the older event.
"""

from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from .physicians import Physician


class CancelReason(models.TextChoices):
    """Why the patient cancelled: a short list, optional, with nothing about their health."""

    NOT_NEEDED = "not_needed", _("I no longer need this appointment")
    ELSEWHERE = "elsewhere", _("I will get care somewhere else")
    TIME = "time", _("The date or time does not suit me")
    OTHER = "other", _("Another reason")


class BookedVisit(models.Model):
    """The visit staff booked for a request: when (UTC, shown in the center's zone) and with whom, and the
    calendar file and reminder sent about it."""

    visit_at = models.DateTimeField(
        "visit date and time",
        null=True,
        blank=True,
        help_text="In the center's own time zone. Needed to set the status to “Scheduled”.",
    )
    visit_physician = models.ForeignKey(
        Physician,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="physician for the visit",
        help_text="Optional.",
    )
    # The SEQUENCE of the last calendar file sent to the patient (None: none sent yet).
    calendar_sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The visit time the reminder was sent (or made needless by a late booking) for: claimed with one UPDATE, so two
    # workers never send a reminder twice, and a moved visit gets its own.
    reminder_sent_for = models.DateTimeField(null=True, blank=True, editable=False)
    cancel_reason = models.CharField(
        "why the patient cancelled", max_length=12, choices=CancelReason.choices, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def booked_visit_at(self) -> datetime | None:
        """The visit's time while it is booked (status Scheduled), else None."""
        return self.visit_at if getattr(self, "status", None) == "scheduled" else None

    def visit_errors(self) -> dict[str, str]:
        """The booking rule, for the model's clean(): a scheduled request has a visit date and time."""
        if getattr(self, "status", None) == "scheduled" and self.visit_at is None:
            return {"visit_at": "Enter the visit's date and time to set the status to “Scheduled”."}
        return {}


class VisitNotice(models.Model):
    """What one email about a visit says, as it was when the email was queued: the visit's time and the calendar
    file's SEQUENCE. An email whose SEQUENCE is no longer the request's (the visit moved or was cancelled since)
    is not sent: the newer email says what is true."""

    email = models.OneToOneField(
        "appointments.RequestEmail", on_delete=models.CASCADE, primary_key=True, related_name="visit_notice"
    )
    visit_at = models.DateTimeField()
    sequence = models.PositiveIntegerField()
    cancelled = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Visit notice (sequence {self.sequence})"
