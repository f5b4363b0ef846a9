"""The page in the other language: the language switch and the hreflang alternates of every public page.

English pages keep their addresses and Spanish ones are the same addresses under /es/ (azura_site/urls.py). A
page with one address only (the admin, the sign-in lockout) has no other language and shows no switch.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

# The query parameters the switch carries to the other language: the searches and choices of the public pages
# (a place, a distance, a procedure, a center, a physician, a page number). Nothing else in a query string is
# repeated into the page.
CARRIED_PARAMS = (
    *("q", "lat", "lng", "radius", "near", "procedure", "center", "physician", "language", "accepting", "page"),
)


@dataclass(frozen=True)
class Alternate:
    """The page in one language: its code, its name in that language, and its path."""

    code: str
    name: str
    path: str


def page_languages(request: HttpRequest) -> list[Alternate]:
    """This page in each language, English first; [] for a page that exists in one language only."""
    paths = _paths_by_language(request)
    if paths is None or len(set(paths.values())) < len(paths):
        return []
    return [Alternate(code, name, paths[code]) for code, name in settings.LANGUAGES]


def switch_query(request: HttpRequest) -> str:
    """The part of the query string the other language's page is given: the searches the page reads."""
    pairs = [(name, value) for name in CARRIED_PARAMS for value in request.GET.getlist(name)[:5]]
    return urlencode([(name, value[:200]) for name, value in pairs])


def _paths_by_language(request: HttpRequest) -> dict[str, str] | None:
    match = getattr(request, "resolver_match", None)
    if match is None:  # an error page without a route (a 404): the same address in the other language
        english = _without_language_prefix(request.path)
        return {
            code: english if code == settings.LANGUAGE_CODE else f"/{code}{english}" for code, _ in settings.LANGUAGES
        }
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                paths[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return None
    return paths


def _without_language_prefix(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and (path.startswith(prefix) or path == prefix[:-1]):
            return path[len(prefix) - 1 :] or "/"
    return path
