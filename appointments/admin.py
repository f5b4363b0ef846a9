import csv
from datetime import timedelta

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from simple_history.admin import SimpleHistoryAdmin

from . import phones, services
from .models import AppointmentRequest, Center, Language, OpeningHours, Physician, Practice, RequestEmail, RequestNote


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class CenterPracticeInline(admin.TabularInline):
    model = Practice
    extra = 0
    autocomplete_fields = ("physician",)
    verbose_name = "physician practising here"
    verbose_name_plural = "physicians practising here"


@admin.register(Center)
class CenterAdmin(SimpleHistoryAdmin):
    list_display = ("name", "city", "state", "zip_code", "phone", "is_active", "is_demo")
    list_filter = ("is_active", "state", "timezone", "procedures", "is_demo")
    search_fields = ("name", "city", "zip_code", "address", "phone")
    prepopulated_fields = {"slug": ("name", "city", "state")}
    filter_horizontal = ("procedures", "staff")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("name", "slug", "is_active", "is_demo")}),
        ("Staff", {"fields": ("staff",)}),
        ("Address", {"fields": ("address", "city", "state", "zip_code", "latitude", "longitude", "timezone")}),
        ("Contact", {"fields": ("phone", "notification_email")}),
        ("Procedures offered", {"fields": ("procedures",)}),
    )
    inlines = [OpeningHoursInline, CenterPracticeInline]


class PhysicianPracticeInline(admin.TabularInline):
    model = Practice
    extra = 0
    autocomplete_fields = ("center",)
    verbose_name = "center where they practise"
    verbose_name_plural = "centers where they practise"


@admin.register(Physician)
class PhysicianAdmin(SimpleHistoryAdmin):
    list_display = ("last_name", "first_name", "credentials", "is_active", "is_demo")
    list_display_links = ("last_name", "first_name")
    list_filter = ("is_active", "procedures", "languages", "practices__accepting_new_patients", "is_demo")
    search_fields = ("first_name", "last_name", "practices__center__name", "practices__center__city")
    prepopulated_fields = {"slug": ("first_name", "last_name", "credentials")}
    filter_horizontal = ("languages", "procedures")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("first_name", "last_name", "credentials", "slug", "is_active", "is_demo")}),
        ("Profile", {"fields": ("photo", "photo_alt", "biography", "board_certifications", "education")}),
        ("Languages and procedures", {"fields": ("languages", "procedures")}),
    )
    inlines = [PhysicianPracticeInline]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


class RequestNoteInline(admin.StackedInline):
    """Notes staff leave on a request; kept, never edited, so the record stays honest."""

    model = RequestNote
    extra = 1
    fields = ("text", "author", "created_at")
    readonly_fields = ("author", "created_at")
    can_delete = False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


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


class DeliveryFilter(admin.SimpleListFilter):
    title = "emails"
    parameter_name = "emails"

    def lookups(self, request, model_admin):
        return [("failed", "An email failed"), ("queued", "An email is waiting")]

    def queryset(self, request, queryset):
        if self.value() in (RequestEmail.Status.FAILED, RequestEmail.Status.QUEUED):
            return queryset.filter(emails__status=self.value()).distinct()
        return queryset


class AgeFilter(admin.SimpleListFilter):
    title = "received"
    parameter_name = "received"
    options = {"today": 0, "older_1": 1, "older_3": 3, "older_7": 7}

    def lookups(self, request, model_admin):
        return [
            ("today", "Today"),
            ("older_1", "More than a day ago"),
            ("older_3", "More than 3 days ago"),
            ("older_7", "More than a week ago"),
        ]

    def queryset(self, request, queryset):
        days = self.options.get(self.value())
        if days is None:
            return queryset
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        if days == 0:
            return queryset.filter(created_at__gte=today)
        return queryset.filter(created_at__lt=timezone.now() - timedelta(days=days))


class CenterScopedFilter(admin.RelatedFieldListFilter):
    """The center filter lists only the centers the staff member may see."""

    def field_choices(self, field, request, model_admin):
        centers = Center.objects.all() if _sees_all(request.user) else Center.objects.filter(staff=request.user)
        return [(center.pk, str(center)) for center in centers]


def _sees_all(user) -> bool:
    return user.is_superuser or user.has_perm("appointments.view_all_centers")


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "patient", "center", "status", "created_at", "age", "handled_by", "delivery")
    list_filter = ("status", ("center", CenterScopedFilter), AgeFilter, DeliveryFilter, "created_at")
    search_fields = ("reference", "last_name", "first_name")  # reference: part of it is enough; phones below
    list_select_related = ("center", "handled_by")
    date_hierarchy = "created_at"
    actions = ["export_csv"]
    inlines = [RequestNoteInline, RequestEmailInline]
    readonly_fields = (
        "reference", "created_at", "updated_at", "first_name", "last_name", "date_of_birth", "phone_link", "email",
        "preferred_contact", "best_time", "physician", "procedure", "reason", "patient_status", "insurance",
        "consent_at", "privacy_notice_version", "spam_signals", "possible_duplicate",
    )  # fmt: skip
    fieldsets = (
        ("Workflow", {"fields": ("reference", "status", "closed_reason", "handled_by", "created_at", "updated_at")}),
        ("Patient", {"fields": ("first_name", "last_name", "date_of_birth", "phone_link", "email")}),
        ("Contact", {"fields": ("preferred_contact", "best_time")}),
        ("Visit", {"fields": ("center", "physician", "procedure", "reason", "patient_status", "insurance")}),
        (
            "Consent and checks",
            {"fields": ("consent_at", "privacy_notice_version", "spam_signals", "possible_duplicate")},
        ),
    )

    def has_add_permission(self, request) -> bool:
        return False  # requests come from patients

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).prefetch_related("emails")

    # Every view of one request (change, history, a history version, delete) asks these with the object:
    # staff of another center get "permission denied" whatever URL they try.
    def _may_see(self, request, obj) -> bool:
        return obj is None or _sees_all(request.user) or obj.center.staff.filter(pk=request.user.pk).exists()

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self._may_see(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._may_see(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._may_see(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "center" and not _sees_all(request.user):
            kwargs["queryset"] = Center.objects.filter(staff=request.user)
        if db_field.name == "handled_by":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        """Also find a phone number however it is typed ("5125550123", "512-555-0123"): numbers are stored as
        E.164 ("+15125550123")."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        prefix = phones.search_prefix(search_term)
        if prefix:
            results = results | queryset.filter(phone__startswith=prefix)
            may_have_duplicates = True
        return results, may_have_duplicates

    @admin.display(description="patient", ordering="last_name")
    def patient(self, obj: AppointmentRequest) -> str:
        return f"{obj.last_name}, {obj.first_name}"

    @admin.display(description="phone")
    def phone_link(self, obj: AppointmentRequest) -> str:
        if not obj.tel:
            return obj.phone  # not a number we can dial: shown as typed
        return format_html('<a href="tel:{}">{}</a>', obj.tel, obj.phone_display)

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
        return obj.possible_duplicate_of.reference if obj.possible_duplicate_of else "—"

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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        sees_all = _sees_all(request.user)

        class WorkflowForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields.get("handled_by")  # absent for staff who may only view
                if field is None:
                    return
                users = get_user_model().objects.filter(is_staff=True, is_active=True)
                if not sees_all:  # only the staff of the request's own center
                    users = users.filter(staffed_centers=self.instance.center_id) if self.instance.pk else users.none()
                # The current handler stays a choice, so saving the form never silently drops them.
                current = Q(pk=self.instance.handled_by_id) if self.instance.handled_by_id else Q(pk__in=[])
                field.queryset = get_user_model().objects.filter(Q(pk__in=users.values("pk")) | current)

            def clean(self):
                cleaned = super().clean()
                if cleaned.get("status") == AppointmentRequest.Status.CLOSED and not cleaned.get("closed_reason"):
                    self.add_error("closed_reason", "Choose why the request is closed.")
                return cleaned

        return WorkflowForm

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("appointments.export_appointmentrequest"):
            actions.pop("export_csv", None)
        return actions

    @admin.action(description="Export selected requests to CSV")
    def export_csv(self, request, queryset):
        if not request.user.has_perm("appointments.export_appointmentrequest"):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="appointment-requests.csv"'
        response["Cache-Control"] = "no-store"
        response.write("\ufeff")  # byte-order mark: Excel then reads the file as UTF-8 ("–", "é")
        writer = csv.writer(response)
        columns = ["reference", "status", "closed_reason", "created_at", "center", "first_name", "last_name",
                   "phone", "email", "preferred_contact", "best_time", "patient_status"]  # fmt: skip
        writer.writerow(columns)
        labelled = {"status", "closed_reason", "preferred_contact", "best_time", "patient_status"}
        for row in queryset.visible_to(request.user).select_related("center"):
            values = {column: getattr(row, column) for column in columns}
            values.update({column: getattr(row, f"get_{column}_display")() for column in labelled})
            values["created_at"] = timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M")
            values["phone"] = row.phone_display
            writer.writerow([_csv_safe(values[column]) for column in columns])
        return response


def _csv_safe(value) -> str:
    """Text for a spreadsheet cell; a leading =, +, - or @ would make it a formula (CSV injection)."""
    text = str(value if value is not None else "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
