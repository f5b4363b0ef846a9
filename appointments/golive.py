"""The go-live checklist, gathered: the server's settings and the site settings (core/golive.py), the content
(procedures/golive.py), and what this app adds: languages without their Spanish name, and demo centers or
physicians still shown to patients. One list for the admin page (appointments/admin_golive.py) and for
`manage.py golive --check`: the practice sees in one place what only it can supply."""

from django.urls import reverse

from core.golive import Item, settings_items, site_settings_items
from procedures.golive import open_items as content_items

from .models import Center, Language, Physician

AREAS = ("Server settings", "Site settings", "Notices", "Procedure pages", "Spanish", "Centers and physicians")


def language_items() -> list[Item]:
    return [
        Item(
            "Spanish",
            f"Language “{language.name}”: no Spanish name (Spanish pages show it in English).",
            reverse("admin:appointments_language_change", args=[language.pk]),
        )
        for language in Language.objects.filter(name_es="")
    ]


def demo_items() -> list[Item]:
    items = []
    centers = Center.objects.active().filter(is_demo=True).count()
    if centers:
        url = reverse("admin:appointments_center_changelist") + "?is_demo__exact=1"
        items.append(Item("Centers and physicians", f"{centers} demo center(s) are shown to patients.", url))
    physicians = Physician.objects.active().filter(is_demo=True).count()
    if physicians:
        url = reverse("admin:appointments_physician_changelist") + "?is_demo__exact=1"
        items.append(Item("Centers and physicians", f"{physicians} demo physician(s) are shown to patients.", url))
    return items


def open_items() -> list[Item]:
    """Everything still open, by area in AREAS' order."""
    items = [
        *settings_items(),
        *site_settings_items(),
        *content_items(),
        *language_items(),
        *demo_items(),
    ]
    return sorted(items, key=lambda item: AREAS.index(item.area))
