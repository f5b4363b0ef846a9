from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from appointments.models import Center, Physician
from procedures.models import Procedure, ServiceLine


class StaticSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["home", "appointments:locator", "appointments:physicians"]

    def location(self, item: str) -> str:
        return reverse(item)


class ContentSitemap(Sitemap):
    """Published pages only: a draft never reaches a search engine."""

    def __init__(self, queryset):
        self.queryset = queryset

    def items(self):
        return self.queryset

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {
    "static": StaticSitemap,
    "overview": ContentSitemap(ServiceLine.objects.published()),
    "procedures": ContentSitemap(Procedure.objects.published()),
    "centers": ContentSitemap(Center.objects.active()),
    "physicians": ContentSitemap(Physician.objects.active()),
}
