"""The site's URLs plus a bare view: the fastest page Django can serve through the site's middleware."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """A fixed string: no template, no query. The baseline of the benchmark."""
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("", include("azura_site.urls")),
]
