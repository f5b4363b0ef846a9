"""The site's URLs plus a bare view: the fastest page Django can serve through the site's middleware."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from azura_site.urls import urlpatterns as site_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    """A fixed string: no template, no query. The baseline of the benchmark."""
    return HttpResponse("ok")


# The site's patterns themselves, not include()d: Django refuses i18n_patterns (the Spanish pages) in an include.
urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *site_urlpatterns]
