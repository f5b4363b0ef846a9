from django.urls import path

from . import patient_views, request_views, views

app_name = "appointments"
urlpatterns = [
    path("centers/", views.locator, name="locator"),
    path("centers/<slug:slug>/", views.CenterDetailView.as_view(), name="center"),
    path("physicians/", views.physician_list, name="physicians"),
    path("physicians/<slug:slug>/", views.PhysicianDetailView.as_view(), name="physician"),
    path("appointments/request/", request_views.request_appointment, name="request"),
    path("appointments/request/check/", request_views.request_check, name="request_check"),
    path("appointments/request/received/", request_views.request_received, name="request_received"),
    # Check or change my request (patient_views.py): no reference, name or date in any address.
    path("appointments/my-request/", patient_views.my_request, name="my_request"),
    path("appointments/my-request/sent/", patient_views.my_request_sent, name="my_request_sent"),
    path("appointments/my-request/status/", patient_views.my_request_status, name="my_request_status"),
    path("appointments/my-request/contact/", patient_views.my_request_contact, name="my_request_contact"),
    path("appointments/my-request/cancel/", patient_views.my_request_cancel, name="my_request_cancel"),
    path("appointments/my-request/appointment.ics", patient_views.my_request_calendar, name="my_request_calendar"),
    path("appointments/my-request/close/", patient_views.my_request_close, name="my_request_close"),
]
