from django.urls import path

from . import request_views, views

app_name = "appointments"
urlpatterns = [
    path("centers/", views.locator, name="locator"),
    path("centers/<slug:slug>/", views.CenterDetailView.as_view(), name="center"),
    path("physicians/", views.physician_list, name="physicians"),
    path("physicians/<slug:slug>/", views.PhysicianDetailView.as_view(), name="physician"),
    path("appointments/request/", request_views.request_appointment, name="request"),
    path("appointments/request/check/", request_views.request_check, name="request_check"),
    path("appointments/request/received/", request_views.request_received, name="request_received"),
]
