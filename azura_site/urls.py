from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from appointments.admin_golive import golive_view
from appointments.admin_insights import insights_view

from . import views
from .sitemaps import SITEMAPS

admin.site.site_header = admin.site.site_title = "Azura Vascular Care — staff"
admin.site.index_title = "Staff"
admin.site.enable_nav_sidebar = False  # its 300 px pushed the request list's last columns off a 1280 px screen

# The pages patients read, in English at today's addresses and in Spanish under /es/.
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("pain-management/", include("procedures.urls")),
    path("", include("procedures.notice_urls")),
    path("", include("appointments.urls")),
    prefix_default_language=False,
)
# Staff and machines: one address each, no language prefix.
urlpatterns += [
    path("admin/go-live/", admin.site.admin_view(golive_view), name="golive"),
    path("admin/login/", views.staff_login, name="staff_login"),  # the admin's, with a warning before a lockout
    path("admin/insights/", admin.site.admin_view(insights_view), name="insights"),
    path("admin/", admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Uploaded photos, served by Django for local use only; in production the proxy or object storage serves them.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

handler500 = "azura_site.views.server_error"
