"""The filters of the appointment request list."""

from datetime import timedelta
from typing import Any, ClassVar

from django.contrib import admin
from django.utils import timezone

from .models import AppointmentRequest, Center, RequestEmail

Status = AppointmentRequest.Status
OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.SCHEDULED)


class OpenStatusFilter(admin.SimpleListFilter):
    """Opens on the requests still to be worked (new, contacted, scheduled); "All" shows every status."""

    title = "status"
    parameter_name = "status"

    def __init__(self, request, params, model, model_admin):
        self.searching = bool(request.GET.get("q"))  # a search looks in every status unless told otherwise
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [("open", "Open (new, contacted, scheduled)"), *Status.choices, ("all", "All")]

    def value(self):
        return super().value() or ("all" if self.searching else "open")

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(status__in=OPEN_STATUSES)
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset


class AgeFilter(admin.SimpleListFilter):
    title = "received"
    parameter_name = "received"
    options: ClassVar[dict[str, Any]] = {"today": 0, "older_1": 1, "older_3": 3, "older_7": 7}

    def lookups(self, request, model_admin):
        return [
            ("today", "Today"),
            ("older_1", "More than a day ago"),
            ("older_3", "More than 3 days ago"),
            ("older_7", "More than a week ago"),
        ]

    def queryset(self, request, queryset):
        days = self.options.get(self.value() or "")
        if days is None:
            return queryset
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        if days == 0:
            return queryset.filter(created_at__gte=today)
        return queryset.filter(created_at__lt=timezone.now() - timedelta(days=days))


class CenterScopedFilter(admin.RelatedFieldListFilter):
    """The center filter lists only the centers the staff member may see."""

    def field_choices(self, field, request, model_admin):
        return [(center.pk, str(center)) for center in Center.objects.staffed_by(request.user)]


class DeliveryFilter(admin.SimpleListFilter):
    title = "emails"
    parameter_name = "emails"

    def lookups(self, request, model_admin):
        return [("failed", "An email failed"), ("queued", "An email is waiting")]

    def queryset(self, request, queryset):
        if self.value() in (RequestEmail.Status.FAILED, RequestEmail.Status.QUEUED):
            return queryset.filter(emails__status=self.value()).distinct()
        return queryset
