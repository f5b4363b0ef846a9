from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("pain-management/", include("procedures.urls")),
    path("", include("appointments.urls")),
    path("admin/", admin.site.urls),
]
