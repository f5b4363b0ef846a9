from collections.abc import Callable
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.views.defaults import bad_request

# Geolocation for this site only ("Use my location"); every other powerful feature off.
PERMISSIONS_POLICY = ", ".join(
    [
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "magnetometer=()",
        "gyroscope=()",
        "accelerometer=()",
        "browsing-topics=()",
    ]
)


class PermissionsPolicyMiddleware:
    """Sends the Permissions-Policy header on every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class RejectNullBytesMiddleware:
    """A NUL byte in a path, or in the admin's query string, answers 400 before any view: PostgreSQL refuses
    NUL in text, so an admin search or filter with one would otherwise answer 500. (The public pages' forms
    say so next to the field: Django's form fields refuse NUL.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        in_admin = request.path_info.startswith("/admin/")
        if "\x00" in request.path_info or (in_admin and "\x00" in unquote(request.META.get("QUERY_STRING", ""))):
            return bad_request(request, exception=ValueError("a NUL byte in the address"))
        return self.get_response(request)


class LanguageFromAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without its `Vary: Accept-Language`. With prefix_default_language=False an address
    names its language (/es/... is Spanish, any other English), never the browser's Accept-Language nor a cookie,
    so a shared cache need not keep a copy of each page per browser language."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            named = [name.strip() for name in response["Vary"].split(",")]
            kept = [name for name in named if name.lower() not in ("", "accept-language")]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
