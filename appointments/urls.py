from django.urls import path
from django.views.generic import TemplateView

app_name = "appointments"
# Placeholder routes until the locator and request issues land.
urlpatterns = [
    path("centers/", TemplateView.as_view(template_name="base.html"), name="locator"),
    path("physicians/", TemplateView.as_view(template_name="base.html"), name="physicians"),
    path("appointments/request/", TemplateView.as_view(template_name="base.html"), name="request"),
]
