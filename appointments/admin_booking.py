"""Booking a visit in the admin: the request's change page asks for the visit's date and time when staff set it to
"Scheduled" (in the center's own time zone, named), and optionally the physician; the list shows the booked time
and "cancelled by the patient", and filters the visits ahead.

`VisitBookingAdmin` is a base of AppointmentRequestAdmin (admin_requests.py). After a save it tells the patient
what changed about their visit (booking.visit_saved: in the same transaction as the save) and tells staff what the
patient will receive, or that they must call or text.
"""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin, messages
from django.utils import dateformat, timezone

from . import booking
from .models import AppointmentRequest, Physician

Status = AppointmentRequest.Status
VISIT_FIELDS = ("visit_at", "visit_physician", "cancelled_by_patient")


def visit_time(appointment_request: AppointmentRequest) -> str:
    """The booked visit in the center's time zone, labelled: "Mar 9, 2027, 9:30 a.m. CDT"; "" when none."""
    visit_at = appointment_request.booked_visit_at
    if visit_at is None:
        return ""
    return dateformat.format(visit_at.astimezone(ZoneInfo(appointment_request.center.timezone)), "N j, Y, P T")


def visit_csv(appointment_request: AppointmentRequest) -> str:
    """The booked visit for a spreadsheet, in the center's time zone with its name: "2027-03-09 09:30 CDT"."""
    visit_at = appointment_request.booked_visit_at
    if visit_at is None:
        return ""
    local = visit_at.astimezone(ZoneInfo(appointment_request.center.timezone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


class VisitFilter(admin.SimpleListFilter):
    """Booked visits ahead (the next days, or all), past, and requests the patient cancelled."""

    title = "booked visit"
    parameter_name = "visit"

    def lookups(self, request, model_admin):
        return [
            ("next_7", "In the next 7 days"),
            ("upcoming", "Upcoming"),
            ("past", "Past"),
            ("cancelled", "Cancelled by the patient"),
        ]

    def queryset(self, request, queryset):
        now, value = timezone.now(), self.value()
        booked = queryset.filter(status=Status.SCHEDULED, visit_at__isnull=False)
        if value == "next_7":
            return booked.filter(visit_at__gte=now, visit_at__lt=now + timedelta(days=7))
        if value == "upcoming":
            return booked.filter(visit_at__gte=now)
        if value == "past":
            return booked.filter(visit_at__lt=now)
        if value == "cancelled":
            return queryset.filter(status=Status.CLOSED, closed_reason=AppointmentRequest.ClosedReason.CANCELLED)
        return queryset


# Typed as Any, as HistoryAdmin's simple-history base is: the request admin's reads of its own queryset methods
# (visible_to) are then not narrowed to a plain QuerySet by this base.
_ModelAdmin: Any = admin.ModelAdmin


class VisitBookingAdmin(_ModelAdmin):
    """The booked visit's part of the request admin (its fields: VISIT_FIELDS, in a fieldset of their own)."""

    @admin.display(description="booked visit", ordering="visit_at")
    def booked_visit(self, obj: AppointmentRequest) -> str:
        if obj.status == Status.CLOSED and obj.closed_reason == AppointmentRequest.ClosedReason.CANCELLED:
            return "cancelled by the patient"
        return visit_time(obj) or "—"

    @admin.display(description="cancelled by the patient")
    def cancelled_by_patient(self, obj: AppointmentRequest) -> str:
        if obj.closed_reason != AppointmentRequest.ClosedReason.CANCELLED:
            return "—"
        return f"Yes: {obj.get_cancel_reason_display()}" if obj.cancel_reason else "Yes (no reason given)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "visit_at":  # one labelled field: the admin's split date and time inputs have none
            return forms.DateTimeField(
                label="Visit date and time",
                required=False,
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change=change, **kwargs)

        class BookingForm(base):  # type: ignore[misc, valid-type]
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                center = self.instance.center if self.instance.pk else None
                visit_field = self.fields.get("visit_at")
                if visit_field is not None and center is not None:
                    now_there = timezone.localtime(timezone=ZoneInfo(center.timezone))
                    zone = f"{center.get_timezone_display()} time, {now_there:%Z}"
                    visit_field.help_text = (
                        f"In {center.name}'s time zone ({zone}). Needed to set the status to “Scheduled”; the patient "
                        "is emailed the time with a calendar file when you save."
                    )
                physician_field = self.fields.get("visit_physician")
                if physician_field is not None and center is not None:
                    physician_field.queryset = Physician.objects.filter(practices__center=center).distinct()
                reason_field = self.fields.get("closed_reason")
                cancelled = AppointmentRequest.ClosedReason.CANCELLED
                if reason_field is not None and self.instance.closed_reason != cancelled:
                    # Only the patient cancels (the page "Check or change my request"): staff close for other reasons.
                    reason_field.choices = [c for c in reason_field.choices if c[0] != "cancelled"]

            def clean(self):
                cleaned = super().clean()
                visit_at: datetime | None = cleaned.get("visit_at")
                if "visit_at" in self.changed_data and visit_at is not None and visit_at < timezone.now():
                    self.add_error("visit_at", "This time has passed: enter the date and time of the visit ahead.")
                return cleaned

        return BookingForm

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            return
        initial = form.initial  # the request as the page showed it
        before = booking.Booking.of_values(
            initial.get("status"), initial.get("visit_at"), initial.get("visit_physician")
        )
        obj = form.instance
        change_made = booking.visit_saved(appointment_request=obj, before=before)
        if change_made != booking.VisitChange.NONE:
            self._tell_staff(request, obj, change_made)

    def _tell_staff(self, request, obj: AppointmentRequest, change_made: booking.VisitChange) -> None:
        what = {
            booking.VisitChange.BOOKED: "the booked time",
            booking.VisitChange.MOVED: "the new time",
            booking.VisitChange.CANCELLED: "that the visit is cancelled",
        }[change_made]
        if obj.email:
            self.message_user(request, f"The patient is being emailed {what}, with a calendar file.", messages.SUCCESS)
        else:
            how = "text" if obj.preferred_contact == AppointmentRequest.ContactMethod.TEXT else "call"
            self.message_user(
                request, f"The patient gave no email address: {how} them to tell them {what}.", messages.WARNING
            )
        if obj.email and obj.preferred_contact == AppointmentRequest.ContactMethod.TEXT:
            self.message_user(
                request, "The patient prefers text messages: the site sends none, so text them too.", messages.INFO
            )
