from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from procedures.cache import public_page
from procedures.models import Procedure, ServiceLine


@public_page()
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


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not; never a traceback."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /appointments/request/received/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
