import uuid

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import TemplateDoesNotExist, loader
from django.utils import timezone
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from appointments import mail
from azura_site import server_error_words
from core import housekeeping
from core.pagecache import public_page
from procedures.models import Notice, Procedure, ServiceLine
from procedures.rendering import content_language_context


@public_page()
def home(request: HttpRequest) -> HttpResponse:
    """What we treat, the procedures, and the ways to a center and an appointment."""
    service_line = ServiceLine.objects.published().first()
    context = {
        "service_line": service_line,
        "procedures": Procedure.objects.published(),
        **(content_language_context(service_line) if service_line else {}),
    }
    return render(request, "home.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice patients agree to when they request an appointment, and the consumer health data privacy
    policy (Washington's My Health My Data Act), which staff edit as a notice."""
    policy = Notice.objects.of_kind(Notice.Kind.CONSUMER_HEALTH_DATA)
    context = {
        "version": settings.PRIVACY_NOTICE_VERSION,
        "health_data_policy": policy,
        **(content_language_context(policy) if policy else {}),
    }
    return render(request, "privacy.html", context)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the language of the address: one standalone template (no database, cache, static manifest,
    context processors or catalogue) rendered as Django's own view renders 500.html, with no request, but given
    the words of the page's language; Django's bare page if the template is missing."""
    spanish = request.path.startswith("/es/") or request.path == "/es"
    words = server_error_words.SPANISH if spanish else server_error_words.ENGLISH
    try:
        template = loader.get_template(defaults.ERROR_500_TEMPLATE_NAME)
    except TemplateDoesNotExist:
        return HttpResponseServerError(defaults.ERROR_PAGE_TEMPLATE % {"title": "Server Error (500)", "details": ""})
    return HttpResponseServerError(template.render(words))


def healthz(request: HttpRequest) -> HttpResponse:
    """Each dependency's state, as JSON, for monitoring: 503 only when patients cannot be served (the database is
    down); a cache outage, a backlog of email or no recent heartbeat of the worker is "degraded", with 200. Never a
    traceback or an error's text."""
    report: dict = {"database": "ok", "cache": "ok", "email_queue": None, "worker": None}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["email_queue"] = mail.backlog()
        beat = housekeeping.last_beat()
        report["worker"] = {
            "last_heartbeat": beat.isoformat(timespec="seconds") if beat else None,
            "last_heartbeat_seconds": round((timezone.now() - beat).total_seconds()) if beat else None,
        }
    except DatabaseError:
        report["database"] = "unavailable"
    probe = f"healthz:{uuid.uuid4().hex}"
    cache.set(probe, 1, 10)
    if cache.get(probe) != 1:
        report["cache"] = "unavailable"
    cache.delete(probe)
    queue = report["email_queue"] or {}
    worker_age = (report["worker"] or {}).get("last_heartbeat_seconds")
    if report["database"] != "ok":
        report["status"] = "down"
    elif (
        report["cache"] != "ok"
        or queue.get("oldest_queued_seconds", 0) > settings.HEALTH_EMAIL_QUEUE_MAX_SECONDS
        or worker_age is None
        or worker_age > settings.HEALTH_WORKER_MAX_SECONDS
    ):
        report["status"] = "degraded"
    else:
        report["status"] = "ok"
    return JsonResponse(report, status=503 if report["status"] == "down" else 200)


def staff_login(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in page, which warns before the attempts that would lock the user name (or the place) out
    for the cool-off time (django-axes)."""
    response = admin.site.login(request)
    context = getattr(response, "context_data", None)
    if request.method == "POST" and context is not None:
        failures = AxesProxyHandler.get_failures(request, {"username": request.POST.get("username", "")})
        left = settings.AXES_FAILURE_LIMIT - failures
        minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        more = {1: "One more failed attempt locks", 2: "Two more failed attempts lock"}.get(left)
        if more:
            context["lockout_warning"] = (
                f"{more} signing in with this user name, or from this place, for {minutes} minutes."
            )
    return response


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /appointments/request/received/",
        "Disallow: /es/appointments/request/received/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
