"""The staff side of appointment requests: list, change page, history and export, each narrowed by
appointments.access (who may see which center's requests), checked on the current row of the request."""

from contextlib import nullcontext
from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from core import phones
from core.admin_history import HistoryAdmin

from . import services
from .access import user_sees_all_centers
from .admin_booking import VISIT_FIELDS, VisitBookingAdmin, VisitFilter
from .admin_filters import AgeFilter, CenterScopedFilter, DeliveryFilter, OpenStatusFilter
from .call_needs import Payment, Requester
from .export import csv_response
from .models import AppointmentRequest, Center, RequestEmail, RequestNote

Status = AppointmentRequest.Status


def center_time(center: Center, when: datetime | None) -> str:
    """A moment in the center's own time zone, labelled: "Nov. 29, 2026, 9:48 p.m. CST"."""
    if when is None:
        return "—"
    local = when.astimezone(ZoneInfo(center.timezone))
    return dateformat.format(local, "N j, Y, P T")


class RequestNoteInline(admin.StackedInline):
    """Notes staff leave on a request; kept, never edited, so the record stays honest."""

    model = RequestNote
    extra = 1
    fields = ("text", "author", "written")
    readonly_fields = ("author", "written")
    can_delete = False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="written")
    def written(self, note: RequestNote) -> str:
        return center_time(note.request.center, note.created_at) if note.pk else ""


class RequestEmailInline(admin.TabularInline):
    """The request's emails and whether each went: queued, sent, or failed for good (then call the patient)."""

    model = RequestEmail
    extra = 0
    can_delete = False
    fields = ("kind", "recipient", "status", "attempts", "last_error", "created_at", "sent_at")
    readonly_fields = fields
    verbose_name = "email"
    verbose_name_plural = "emails about this request"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class RequestHistoryHelper(HistoricalRecordContextHelper):
    """History in words: status names rather than codes, "nobody" rather than an empty handler."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices:
            return dict(field.flatchoices).get(value, value) or "—"
        if isinstance(value, DeletedObject):  # a foreign key that was empty, or whose row is gone
            value = None if value.pk is None else f"a deleted {value.model._meta.verbose_name}"
        if value in (None, ""):
            return "nobody" if field.name == "handled_by" else "—"
        return super().prepare_delta_change_value(change, value)


class WorkflowForm(forms.ModelForm):
    """A request's form: "handled by" offers the staff of the request's own center, or every staff member to those
    who see every center (`sees_all`, set per user by the admin's get_form)."""

    sees_all = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("handled_by")  # absent for staff who may only view
        if not isinstance(field, forms.ModelChoiceField):
            return
        users = get_user_model().objects.filter(is_staff=True, is_active=True)
        if not self.sees_all:  # only the staff of the request's own center
            users = users.filter(staffed_centers=self.instance.center_id) if self.instance.pk else users.none()
        # The current handler stays a choice, so saving the form never silently drops them.
        current = Q(pk=self.instance.handled_by_id) if self.instance.handled_by_id else Q(pk__in=[])
        field.queryset = get_user_model().objects.filter(Q(pk__in=users.values("pk")) | current)


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(HistoryAdmin, VisitBookingAdmin):
    list_display = (
        "reference", "patient", "call_needs", "center_name", "status", "booked_visit", "received", "age", "handled_by",
        "delivery", "site_language", "duplicate_flag",
    )  # fmt: skip
    list_filter = (
        OpenStatusFilter, VisitFilter, ("center", CenterScopedFilter), AgeFilter, DeliveryFilter,
        "interpreter_needed", "preferred_language", "payment", "requester", "site_language",
    )  # fmt: skip
    search_fields = ("reference", "last_name", "first_name")  # reference: part of it is enough; phones below
    list_select_related = ("center", "handled_by", "possible_duplicate_of")
    list_per_page = 50
    show_full_result_count = False  # a second COUNT(*) of every request on each search: slow at 100,000
    actions = ("export_csv",)
    inlines = (RequestNoteInline, RequestEmailInline)
    object_history_list_template = "admin/appointments/appointmentrequest/history_list.html"
    readonly_fields = (
        "reference", "received", "last_change", "first_name", "last_name", "date_of_birth", "phone_link", "email",
        "preferred_contact", "best_time", "physician", "procedure", "reason", "patient_status", "insurance",
        "consent", "privacy_notice_version", "spam_signals", "possible_duplicate",
        "requester", "requester_name", "requester_relationship", "requester_phone_link", "call_back",
        "language", "payment", "site_language", "cancelled_by_patient",
    )  # fmt: skip
    fieldsets = (
        ("Workflow", {"fields": ("reference", "status", "closed_reason", "handled_by", "received", "last_change")}),
        ("Booked visit", {"fields": VISIT_FIELDS}),  # admin_booking.py
        ("Patient", {"fields": ("first_name", "last_name", "date_of_birth", "phone_link", "email")}),
        ("Contact", {"fields": ("preferred_contact", "best_time")}),
        (
            "Who asked, language and payment",
            {
                "fields": (
                    "requester",
                    "requester_name",
                    "requester_relationship",
                    "requester_phone_link",
                    "call_back",
                    "language",
                    "payment",
                    "site_language",
                )
            },
        ),
        ("Visit", {"fields": ("center", "physician", "procedure", "reason", "patient_status", "insurance")}),
        ("Consent and checks", {"fields": ("consent", "privacy_notice_version", "spam_signals", "possible_duplicate")}),
    )

    def has_add_permission(self, request) -> bool:
        return False  # requests come from patients

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).prefetch_related("emails")

    def get_ordering(self, request):
        # The open requests, oldest first: the patient who has waited longest is called first.
        default = "all" if request.GET.get("q") else "open"
        return ["created_at", "pk"] if request.GET.get("status", default) == "open" else ["-created_at", "-pk"]

    # --- Who may open which request: always asked of the CURRENT row, never of a historical version ----------

    def _may_see(self, request, obj) -> bool:
        if obj is None:
            return True
        return AppointmentRequest.objects.visible_to(request.user).filter(pk=obj.pk).exists() or (
            user_sees_all_centers(request.user)  # the history of a deleted request
        )

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self._may_see(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._may_see(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._may_see(request, obj)

    def _refuse(self, request, *ids: str, history: bool = False):
        """A response for an id that is not a number (404), or a request of a center the user does not work
        (a plain 403 page that says so); None when the user may go on (to the history of a deleted request
        too, for those who see every center)."""
        if not all(str(value).isascii() and str(value).isdigit() for value in ids):  # "²" is a digit to Python
            raise Http404("No such appointment request.")
        if not super().has_view_permission(request) and not super().has_change_permission(request):
            raise PermissionDenied
        if AppointmentRequest.objects.visible_to(request.user).filter(pk=ids[0]).exists():
            return None
        if AppointmentRequest.objects.filter(pk=ids[0]).exists():
            context = {**self.admin_site.each_context(request), "title": "Not one of your centers' requests"}
            return render(request, "admin/appointments/appointmentrequest/out_of_scope.html", context, status=403)
        if history and user_sees_all_centers(request.user):
            return None
        raise Http404("No such appointment request.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        refused = self._refuse(request, object_id)
        if refused:
            return refused
        obj = self.get_object(request, object_id)
        with timezone.override(ZoneInfo(obj.center.timezone)) if obj else nullcontext():
            return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        return self._refuse(request, object_id) or super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        refused = self._refuse(request, object_id, history=True)
        if refused:
            return refused
        obj = AppointmentRequest.objects.filter(pk=object_id).select_related("center").first()
        with timezone.override(ZoneInfo(obj.center.timezone)) if obj else nullcontext():
            response = super().history_view(request, object_id, extra_context)
            if hasattr(response, "render"):
                response.render()
            return response

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self._refuse(request, object_id, version_id, history=True) or super().history_form_view(
            request, object_id, version_id, extra_context
        )

    def get_historical_record_context_helper(self, request, historical_record):
        return RequestHistoryHelper(self.model, historical_record)

    # --- Forms ---------------------------------------------------------------------------------------------

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "center":
            kwargs["queryset"] = Center.objects.staffed_by(request.user)
        if db_field.name == "handled_by":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        """Also find a phone number however it is typed ("5125550123", "512-555-0123"): numbers are stored as
        E.164 ("+15125550123"), found by prefix on an index."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        prefix = phones.search_prefix(search_term)
        if prefix:  # the same table, no join: no duplicates, so no DISTINCT over every column
            results = results | queryset.filter(phone__startswith=prefix)
        return results, may_have_duplicates

    @admin.display(description="patient", ordering="last_name")
    def patient(self, obj: AppointmentRequest) -> str:
        return f"{obj.last_name}, {obj.first_name}"

    @admin.display(description="center", ordering="center__name")
    def center_name(self, obj: AppointmentRequest) -> str:
        return obj.center.name

    @admin.display(description="received", ordering="created_at")
    def received(self, obj: AppointmentRequest) -> str:
        return center_time(obj.center, obj.created_at)

    @admin.display(description="last change")
    def last_change(self, obj: AppointmentRequest) -> str:
        return center_time(obj.center, obj.updated_at)

    @admin.display(description="consent to be contacted given at")
    def consent(self, obj: AppointmentRequest) -> str:
        return center_time(obj.center, obj.consent_at)

    @admin.display(description="phone")
    def phone_link(self, obj: AppointmentRequest) -> str:
        if not obj.tel:
            return obj.phone  # not a number we can dial: shown as typed
        return format_html('<a href="tel:{}">{}</a>', obj.tel, obj.phone_display)

    @admin.display(description="their phone")
    def requester_phone_link(self, obj: AppointmentRequest) -> str:
        tel = phones.tel_uri(obj.requester_phone)
        return format_html('<a href="tel:{}">{}</a>', tel, phones.display(obj.requester_phone)) if tel else ""

    @admin.display(description="language")
    def language(self, obj: AppointmentRequest) -> str:
        return obj.language_display

    @admin.display(description="call needs")
    def call_needs(self, obj: AppointmentRequest) -> str:
        """What to know before calling, only where it differs from the usual: "Spanish, interpreter needed ·
        self-pay · asked by daughter"."""
        needs = []
        if obj.interpreter_needed or obj.preferred_language not in ("", "en"):
            needs.append(obj.language_display)
        short_payment: dict[str, str] = {Payment.SELF_PAY: "self-pay", Payment.MEDICARE: "Medicare"}
        if obj.payment in short_payment:
            needs.append(short_payment[obj.payment])
        if obj.requester == Requester.SOMEONE_ELSE:
            needs.append(f"asked by {obj.requester_relationship or 'someone else'}")
        return " · ".join(needs)

    @admin.display(description="emails")
    def delivery(self, obj: AppointmentRequest) -> str:
        """Failed, waiting or sent, worst first (reads prefetched emails)."""
        statuses = {email.status for email in obj.emails.all()}
        for status in (RequestEmail.Status.FAILED, RequestEmail.Status.QUEUED, RequestEmail.Status.SENT):
            if status in statuses:
                return RequestEmail.Status(status).label
        return "none"

    @admin.display(description="possible duplicate of")
    def possible_duplicate(self, obj: AppointmentRequest) -> str:
        """An earlier request with the same patient details from another browser (only its reference: it may
        belong to a center this staff member does not work for)."""
        if not obj.possible_duplicate_of:
            return "—"
        url = reverse("admin:appointments_appointmentrequest_change", args=[obj.possible_duplicate_of_id])
        return format_html('<a href="{}">{}</a>', url, obj.possible_duplicate_of.reference)

    @admin.display(description="possible duplicate")
    def duplicate_flag(self, obj: AppointmentRequest) -> str:
        """On the list: the earlier request this one may repeat (same phone and birth date or last name)."""
        return obj.possible_duplicate_of.reference if obj.possible_duplicate_of else ""

    @admin.display(description="age")
    def age(self, obj: AppointmentRequest) -> str:
        return timesince(obj.created_at, depth=1)

    def save_model(self, request, obj, form, change):
        if change and {"status", "closed_reason"} & set(form.changed_data):
            services.appointment_request_change_status(
                appointment_request=obj, status=obj.status, closed_reason=obj.closed_reason, by=request.user
            )
        else:
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            note.author = note.author or request.user
            note.save()

    def get_form(self, request, obj=None, change=False, **kwargs):
        """The request's form, whose "handled by" choices are the staff of the request's center (of any center for
        those who see every center)."""
        form = type("WorkflowForm", (WorkflowForm,), {"sees_all": user_sees_all_centers(request.user)})
        return super().get_form(request, obj, change, **{"form": form, **kwargs})

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("appointments.export_appointmentrequest"):
            actions.pop("export_csv", None)
        return actions

    @admin.action(description="Export selected requests to CSV")
    def export_csv(self, request, queryset):
        if not request.user.has_perm("appointments.export_appointmentrequest"):
            raise PermissionDenied
        return csv_response(queryset.visible_to(request.user).select_related("center"))
