from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from procedures.models import Procedure, ServiceLine


def home(request: HttpRequest) -> HttpResponse:
    """What we treat, the procedures, and the ways to a center and an appointment."""
    context = {
        "service_line": ServiceLine.objects.published().first(),
        "procedures": Procedure.objects.published(),
    }
    return render(request, "home.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice patients agree to when they request an appointment."""
    return render(request, "privacy.html", {"version": settings.PRIVACY_NOTICE_VERSION})
