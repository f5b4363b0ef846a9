"""Demand: what the locator, the physician directory and the request form were searched for, counted by area
(a state and a 3-digit ZIP prefix), procedure, and whether a center offering it was found within 50 miles, so that
the practice sees where patients look for a center it does not have (core/insights.py counts; never what was typed).

The locator's and the directory's pages are kept whole by the page cache, so those views tag their response
(`tag_locator`, `tag_directory`) and core.insights.InsightMiddleware counts every answer of it. The request form's
page is drawn from a kept stencil, so its view counts the search itself (`count_form_search`), from facts kept per
query string as any rendered output is (core/rendered.py).
"""

import math
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse

from core import insights, rendered

from . import geo, selectors, zip_index, zip_prefixes
from .locator import LocatorForm
from .places import Place
from .selectors import Result

NEAR_MILES = 50
# The ZIP code nearest to a point, within about 35 miles: a city's or a browser's location read as a ZIP prefix.
NEAREST_ZIP_SQL = (
    "SELECT code FROM zip WHERE lat BETWEEN ? AND ? AND lng BETWEEN ? AND ? "
    "ORDER BY (lat - ?) * (lat - ?) + (lng - ?) * (lng - ?) LIMIT 1"
)
SEARCH_PARAMS = ("q", "lat", "lng", "procedure")


def area(place: Place | None) -> tuple[str, str]:
    """The state and 3-digit ZIP prefix of a place searched ("" where not known); a whole state has no prefix."""
    if place is None:
        return "", ""
    if place.state:
        return place.state, ""
    label_state = place.label[-2:] if place.label[-4:-2] == ", " else ""  # "Austin, TX"
    code = place.label if geo.ZIP_RE.match(place.label) else nearest_zip(place.point)
    zip3 = code[:3] if code else ""
    return label_state or zip_prefixes.state_of(zip3), zip_prefixes.counted_prefix(zip3)


def nearest_zip(point: geo.Point) -> str:
    lat, lng = point
    box = [lat - 0.5, lat + 0.5, lng - 0.5, lng + 0.5, lat, lat, lng, lng]
    found = zip_index.rows(NEAREST_ZIP_SQL, [str(value) for value in box])
    return str(found[0][0]) if found else ""


def found_near(results: Sequence[Result | None]) -> bool:
    """Whether a center among these results (a search's, and the nearest beyond its radius) is within 50 miles."""
    return any(r is not None and r.distance is not None and r.distance <= NEAR_MILES for r in results)


def tag_locator(response: HttpResponse, form, results: list[Result], nearest_beyond: Result | None) -> HttpResponse:
    """The locator's page, saying what it searched (core.insights.tag) when it searched a place."""
    if not form.searched or not insights.counting():
        return response
    state, zip3 = area(form.found)
    # A whole state lists its centers: found when it has one. Otherwise the results are every center within the
    # radius (or, when none is, the nearest beyond it), nearest first: the nearest of them decides.
    found = bool(results) if form.state else found_near([*results, nearest_beyond])
    return insights.tag(response, "locator", state=state, zip3=zip3, procedure=_slug(form), found=found)


def tag_directory(response: HttpResponse, form, physicians) -> HttpResponse:
    """The physician directory's page, saying what it searched when it searched near a place: found when a physician
    (who performs the procedure, if one was chosen) practises at a center within 50 miles."""
    place = getattr(form, "place", None)
    if place is None or form.errors or not insights.counting():
        return response
    state, zip3 = area(place)
    if place.state:
        found = bool(physicians)
    else:
        nearest = min((getattr(p, "distance", math.inf) for p in physicians), default=math.inf)
        radius = form.cleaned_data.get("radius")
        found = nearest <= NEAR_MILES or (
            not physicians and radius is not None and radius < NEAR_MILES and _center_near(place.point, form)
        )
    return insights.tag(response, "directory", state=state, zip3=zip3, procedure=_slug(form), found=found)


def count_form_search(params) -> None:
    """Count the request form's search (?q=, or ?lat=&lng=), with facts kept per query string and content."""
    if not insights.counting() or not any(params.get(name) for name in ("q", "lat", "lng")):
        return
    search = {name: params[name][:200] for name in SEARCH_PARAMS if params.get(name)}
    facts = rendered.kept("insight-search", (urlencode(search),), lambda: _form_search_facts(search))
    if facts:
        insights.count_search("form", **facts)


def _form_search_facts(search: dict[str, str]) -> dict[str, Any]:
    form = LocatorForm(search)
    if not form.searched:
        return {}
    state, zip3 = area(form.found)
    procedure = form.cleaned_data.get("procedure")
    if form.state:
        found = bool(selectors.centers_in_state(state=form.state, procedure=procedure, limit=1))
    else:
        found = form.point is not None and _center_near(form.point, form)
    return {"state": state, "zip3": zip3, "procedure": _slug(form), "found": found}


def _center_near(point: geo.Point, form) -> bool:
    return found_near(selectors.nearest(point, NEAR_MILES, 1, procedure=form.cleaned_data.get("procedure")))


def _slug(form) -> str:
    procedure = form.cleaned_data.get("procedure")
    return procedure.slug if procedure else ""
