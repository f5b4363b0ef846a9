"""The go-live checklist: what only the practice (or whoever runs the server) can still supply before the site is
public. Each app lists its own open items; `appointments/golive.py` gathers them for the admin page and
`manage.py golive --check`. Here: the server's settings still at their local defaults, and the site settings staff
have not filled in (each is shown to patients only once filled, so nothing breaks: the promise is simply missing).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from .models import SiteSettings

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
EXAMPLE_DOMAINS = ("example", "example.com", "example.org", "example.net", "azura.example", "localhost")
NO_MAIL_BACKENDS = ("console", "filebased", "locmem", "dummy")


@dataclass(frozen=True)
class Item:
    """One thing still open: where it belongs, what is missing, and the admin page that fixes it ("" when it is a
    server setting, which the person running the server sets in the environment)."""

    area: str
    what: str
    fix_url: str = ""


def settings_items() -> list[Item]:
    """Server settings still at the values that suit a laptop (README: every variable)."""
    area = "Server settings"
    items = []
    if getattr(settings, "DEV_SECRET_KEY", None) == settings.SECRET_KEY:
        items.append(Item(area, "DJANGO_SECRET_KEY is the development key: set a long random secret."))
    if settings.DEBUG:
        items.append(Item(area, "DJANGO_DEBUG is on: set DJANGO_DEBUG=0."))
    site = urlsplit(settings.SITE_URL)
    if site.scheme != "https" or (site.hostname or "") in LOCAL_HOSTS:
        items.append(Item(area, f"SITE_URL is {settings.SITE_URL}: set the site's public https address."))
    if set(settings.ALLOWED_HOSTS) <= LOCAL_HOSTS:
        items.append(Item(area, "DJANGO_ALLOWED_HOSTS names this machine only: add the site's host name."))
    sender = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >").lower()
    if sender.endswith(EXAMPLE_DOMAINS):
        items.append(Item(area, f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL}: set the practice's address."))
    if any(name in settings.EMAIL_BACKEND for name in NO_MAIL_BACKENDS):
        items.append(Item(area, f"Email is not sent (DJANGO_EMAIL_BACKEND is {settings.EMAIL_BACKEND})."))
    elif settings.EMAIL_HOST in LOCAL_HOSTS:
        items.append(Item(area, f"EMAIL_HOST is {settings.EMAIL_HOST}: set the practice's mail server."))
    return items


def site_settings_items() -> list[Item]:
    """What only the practice can say, site-wide (core.SiteSettings), still empty."""
    area = "Site settings"
    site = SiteSettings.current()
    url = reverse("admin:core_sitesettings_changelist")
    items = []
    if not site.phone:
        items.append(Item(area, "No main phone number: pages send patients to their nearest center instead.", url))
    if site.response_business_days is None:
        items.append(Item(area, "No call-back promise: the site does not say how soon centers call back.", url))
    if not site.language_help_phone:
        items.append(Item(area, "No language-help phone number: notices give no number for free language help.", url))
    return items
