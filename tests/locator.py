"""Searching the center locator in tests, and reading its results."""

import math

from appointments import geo
from procedures.models import Procedure

from . import html
from .factories_appointments import PLACES

LOCATOR = "/centers/"
AUSTIN = (PLACES["78701"].latitude, PLACES["78701"].longitude)  # where the ZIP code 78701 puts a search
MILES_PER_DEGREE_LATITUDE = geo.EARTH_RADIUS_MILES * math.pi / 180


def north_of(point: geo.Point, miles: float) -> tuple[float, float]:
    """The point that many miles due north (exact on the haversine sphere)."""
    return point[0] + miles / MILES_PER_DEGREE_LATITUDE, point[1]


def search(client, **params):
    return client.get(LOCATOR, params)


def result_names(page: str) -> list[str]:
    """The names of the centers (or physicians) listed in the results, in order."""
    return html.result_names(html.parse(page))


def result_distances(page: str) -> list[str]:
    return html.result_distances(html.parse(page))


def jsonld(page: str) -> list[dict]:
    """The page's schema.org descriptions, but its breadcrumbs (tests/test_structured_data.py reads those)."""
    return [data for data in html.jsonld(page) if data["@type"] != "BreadcrumbList"]


def field_error(page: str, field: str) -> str:
    """The text of the error shown under a field of the form (crispy-forms' invalid-feedback)."""
    return html.field_error(html.parse(page), field)


def kyphoplasty() -> Procedure:
    return Procedure.objects.get(slug="kyphoplasty")


def epidural() -> Procedure:
    return Procedure.objects.get(slug="epidural-injections")


def measure(client, url: str, django_assert_max_num_queries, limit: int = 6) -> tuple[int, str]:
    """(queries, HTML) of a page, which must answer within `limit` queries."""
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def open_notes(page: str) -> list[str]:
    """What each "Open now"/"Closed now" line of the page says, e.g. "Closed now · , opens Monday 8:00 AM"."""
    return [
        html.text(line)
        for line in html.find_all(html.parse(page), "p")
        if any(
            html.has_class(s, "status-open") or html.has_class(s, "status-closed") for s in html.find_all(line, "span")
        )
    ]
