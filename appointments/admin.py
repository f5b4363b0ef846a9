from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.auth import get_user_model

from core import phones
from core.admin import PhoneSearch
from core.admin_history import HistoryAdmin

from . import admin_requests  # noqa: F401 (registers the appointment request admin)
from .access import user_manages_center_staff
from .models import Center, Closure, Language, OpeningHours, Physician, Practice

STAFF_PICKER_WARNING = (
    "Adding someone gives them this center's patient data: every appointment request made to it, with the "
    "patient's name, date of birth, phone number and reason for the visit. Add only people who work here."
)


def staff_label(user) -> str:
    """A staff account in the picker as people know it: "Ana Reyes (areyes) — Center staff"."""
    name = user.get_full_name()
    who = f"{name} ({user.get_username()})" if name else user.get_username()
    roles = ", ".join(group.name for group in user.groups.all()) or ("administrator" if user.is_superuser else "")
    return f"{who} — {roles}" if roles else who


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    """Holidays: "open now" and the center's page say closed on these days, whatever the weekly hours."""

    model = Closure
    extra = 0
    fields = ("starts_on", "ends_on", "note")


class PracticeInline(admin.TabularInline):
    """Who practises where, edited from either side: the other side is looked up by name."""

    model = Practice
    extra = 0


class CenterPracticeInline(PracticeInline):
    autocomplete_fields = ("physician",)
    verbose_name, verbose_name_plural = "physician practising here", "physicians practising here"


@admin.register(Center)
class CenterAdmin(PhoneSearch, HistoryAdmin):
    list_display = (
        *("name", "city", "state", "zip_code", "phone_number"),
        *("is_active", "location_is_approximate", "is_demo"),
    )
    list_filter = ("is_active", "state", "timezone", "procedures", "location_is_approximate", "is_demo")
    readonly_fields = ("location_is_approximate",)
    search_fields = ("name", "city", "zip_code", "address", "phone")  # the phone also however typed (PhoneSearch)
    prepopulated_fields: ClassVar[dict[str, Any]] = {"slug": ("name", "city", "state")}
    filter_horizontal = ("procedures", "staff", "languages")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("name", "slug", "is_active", "is_demo")}),
        ("Staff", {"fields": ("staff",)}),
        (
            "Address",
            {
                "fields": ("address", "city", "state", "zip_code", "latitude", "longitude", "location_is_approximate"),
                "description": "Blank coordinates are filled from the ZIP code: approximate, so patients see "
                "distances as “about”. Enter the entrance's coordinates for exact distances and the map.",
            },
        ),
        ("Contact", {"fields": ("phone", "notification_email", "timezone")}),
        ("Visiting", {"fields": ("suite", "parking", "accessibility", "transit", "languages")}),
        ("Procedures offered", {"fields": ("procedures",)}),
    )
    inlines = (OpeningHoursInline, ClosureInline, CenterPracticeInline)

    @admin.display(description="phone", ordering="phone")
    def phone_number(self, obj: Center) -> str:
        return phones.display(obj.phone)

    def get_fieldsets(self, request, obj=None):
        """Who works where decides who sees patient data: only those who may manage center staff see the
        "Staff" picker (without it in the form, a posted staff list is ignored)."""
        fieldsets = super().get_fieldsets(request, obj)
        if user_manages_center_staff(request.user):
            return fieldsets
        return [(name, options) for name, options in fieldsets if name != "Staff"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "staff":  # staff accounts only, never a patient or a disabled account
            users = get_user_model().objects.filter(is_staff=True, is_active=True)
            kwargs["queryset"] = users.prefetch_related("groups").order_by("first_name", "last_name", "username")
            kwargs["help_text"] = STAFF_PICKER_WARNING
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name == "staff":
            field.label_from_instance = staff_label
        return field


class PhysicianPracticeInline(PracticeInline):
    autocomplete_fields = ("center",)
    verbose_name, verbose_name_plural = "center where they practise", "centers where they practise"


@admin.register(Physician)
class PhysicianAdmin(HistoryAdmin):
    list_display = ("last_name", "first_name", "credentials", "is_active", "is_demo")
    list_display_links = ("last_name", "first_name")
    list_filter = ("is_active", "procedures", "languages", "practices__accepting_new_patients", "is_demo")
    search_fields = ("first_name", "last_name", "practices__center__name", "practices__center__city")
    prepopulated_fields: ClassVar[dict[str, Any]] = {"slug": ("first_name", "last_name", "credentials")}
    filter_horizontal = ("languages", "procedures")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("first_name", "last_name", "credentials", "slug", "npi", "is_active", "is_demo")}),
        ("Profile", {"fields": ("photo", "photo_alt", "biography", "board_certifications", "education")}),
        ("Languages and procedures", {"fields": ("languages", "procedures")}),
    )
    inlines = (PhysicianPracticeInline,)


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ("name", "name_es")
    list_editable = ("name_es",)
    search_fields = ("name", "name_es")
    fields = ("name", "name_es")
