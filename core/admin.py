from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from .models import SiteSettings


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
