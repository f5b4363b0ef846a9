from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from . import phones
from .models import SiteSettings


class PhoneSearch:
    """A ModelAdmin mixin: the search also finds a number however staff type it ("5125550100", "512-555-0100",
    "(512) 555-0100"), stored as E.164 ("+15125550100") and so found by prefix, on an index where there is one."""

    phone_search_fields: tuple[str, ...] = ("phone",)

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)  # type: ignore[misc]
        prefix = phones.search_prefix(search_term)
        for name in self.phone_search_fields if prefix else ():  # the same table: no duplicates, no DISTINCT
            results = results | queryset.filter(**{f"{name}__startswith": prefix})
        return results, may_have_duplicates


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list opens it straight away."""

    fields = ("phone", "hours", "response_business_days", "language_help_phone", "what_to_bring", "what_to_bring_es")
    list_display = ("phone", "hours", "response_business_days", "language_help_phone")
    list_filter = ()
    search_fields = ()

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if SiteSettings.objects.exists():
            return HttpResponseRedirect(reverse("admin:core_sitesettings_change", args=[1]))
        return HttpResponseRedirect(reverse("admin:core_sitesettings_add"))
