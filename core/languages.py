"""The page in the other language: the language switch and the hreflang alternates of every public page.

English pages keep their addresses and Spanish ones are the same addresses under /es/ (azura_site/urls.py). A
page with one address only (the admin, the sign-in lockout) has no other language and shows no switch.
"""

import functools
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

# The query parameters the switch carries to the other language: the searches and choices of the public pages
# (a place, a distance, a procedure, a center, a physician, a page number). Nothing else in a query string is
# repeated into the page.
CARRIED_PARAMS = (
    *("q", "lat", "lng", "radius", "near", "procedure", "center", "physician", "language", "accepting", "page"),
    "form",  # the request form's answers kept in the session (appointments/request_session.py)
)


@dataclass(frozen=True)
class Alternate:
    """The page in one language: its code, its name in that language, and its path."""

    code: str
    name: str
    path: str


def page_languages(request: HttpRequest) -> list[Alternate]:
    """This page in each language, English first; [] for a page that exists in one language only."""
    match = getattr(request, "resolver_match", None)
    if match is None:  # an error page without a route (a 404): the same address in the other language
        return _alternates(_paths_without_route(request.path))
    route = (match.view_name, tuple(match.args), tuple(sorted(match.kwargs.items())))
    urls = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), tuple(settings.LANGUAGES))
    try:
        return list(_alternates_of_route(urls, *route))
    except TypeError:  # an argument that cannot be a key (no route of ours has one)
        return _alternates(_paths_of_route(*route))


def alternate_links(alternates: list[Alternate]) -> SafeString:
    """The page in each language, for search engines (hreflang), English also as the page for every other
    language (x-default); written here, not by a template loop, as every page has them."""
    if not alternates:
        return SafeString("")
    links = [(alternate.code, alternate.path) for alternate in alternates] + [("x-default", alternates[0].path)]
    return format_html_join(
        "", '<link rel="alternate" hreflang="{}" href="{}">', ((code, settings.SITE_URL + path) for code, path in links)
    )


def switch_url(request: HttpRequest) -> str:
    """The link to this page in the other language, with the searches it carries; "" if it has none."""
    current = translation.get_language()
    other = next((alternate for alternate in page_languages(request) if alternate.code != current), None)
    if other is None:
        return ""
    query = switch_query(request)
    return f"{other.path}?{query}" if query else other.path


def switch_query(request: HttpRequest) -> str:
    """The part of the query string the other language's page is given: the searches the page reads."""
    pairs = [(name, value) for name in CARRIED_PARAMS for value in request.GET.getlist(name)[:5]]
    return urlencode([(name, value[:200]) for name, value in pairs])


@functools.lru_cache(maxsize=1024)
def _alternates_of_route(urls: tuple, view_name: str, args: tuple, kwargs: tuple) -> tuple:
    """The same route always has the same addresses (for one set of URL patterns, script prefix and languages:
    `urls`): reversed once per process, not on every page."""
    return tuple(_alternates(_paths_of_route(view_name, args, kwargs)))


def _alternates(paths: dict[str, str] | None) -> list[Alternate]:
    if paths is None or len(set(paths.values())) < len(paths):
        return []
    return [Alternate(code, name, paths[code]) for code, name in settings.LANGUAGES]


def _paths_of_route(view_name: str, args: tuple, kwargs: tuple) -> dict[str, str] | None:
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                paths[code] = reverse(view_name, args=args, kwargs=dict(kwargs))
            except NoReverseMatch:
                return None
    return paths


def _paths_without_route(path: str) -> dict[str, str]:
    english = _without_language_prefix(path)
    return {code: english if code == settings.LANGUAGE_CODE else f"/{code}{english}" for code, _ in settings.LANGUAGES}


def _without_language_prefix(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and (path.startswith(prefix) or path == prefix[:-1]):
            return path[len(prefix) - 1 :] or "/"
    return path
