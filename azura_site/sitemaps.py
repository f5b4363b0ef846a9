from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from appointments.models import Center, Physician
from procedures.models import Procedure, ServiceLine


class CanonicalSitemap(Sitemap):
    """Addresses on SITE_URL, like the canonical links: never the request's Host header or scheme. Every page in
    English and in Spanish (/es/), each with its alternates (hreflang, and x-default: the English page)."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class StaticSitemap(CanonicalSitemap):
    def items(self) -> list[str]:
        return [
            "home",
            "appointments:locator",
            "appointments:physicians",
            "notices:nondiscrimination",
            "notices:good-faith-estimate",
            "privacy",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class ContentSitemap(CanonicalSitemap):
    """Published pages only: a draft never reaches a search engine."""

    def __init__(self, queryset):
        self.queryset = queryset

    def items(self):
        # A fresh query each time: with i18n the sitemap iterates the items itself, which would fill (and keep, for
        # the life of the process) the cache of a module-level QuerySet.
        return self.queryset.all()

    def lastmod(self, obj):
        # A page's real last edit (none for content a migration loaded); other models' last save.
        return obj.last_published_at if hasattr(obj, "last_published_at") else obj.updated_at


SITEMAPS = {
    "static": StaticSitemap,
    "overview": ContentSitemap(ServiceLine.objects.published()),
    "procedures": ContentSitemap(Procedure.objects.published()),
    "centers": ContentSitemap(Center.objects.active()),
    "physicians": ContentSitemap(Physician.objects.active()),
}
