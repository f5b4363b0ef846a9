from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from .models import SiteContact


@admin.register(SiteContact)
class SiteContactAdmin(admin.ModelAdmin):
    """One row: the list opens it straight away."""

    fields = ("phone", "hours")
    list_display = ("phone", "hours")
    list_filter = ()
    search_fields = ()

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteContact.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if SiteContact.objects.exists():
            return HttpResponseRedirect(reverse("admin:azura_site_sitecontact_change", args=[1]))
        return HttpResponseRedirect(reverse("admin:azura_site_sitecontact_add"))
