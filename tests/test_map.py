"""The map of centers, drawn on our own servers: d3-geo's projection written out in Python (checked against
d3-geo itself in Node), the markers of the results numbered and named as listed, after the list, and nothing
that another host serves."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from appointments import maps

from .factories_appointments import PLACES, CenterFactory
from .html import attr, find_all, iter_elements, parse
from .support import ROOT, skip_or_fail

pytestmark = pytest.mark.django_db

# (longitude, latitude): Austin, New York, Anchorage, Honolulu, Seattle, Miami, Key West, San Juan (not drawn).
PLACES_TO_PROJECT = [
    (-97.7426, 30.2713), (-73.9967, 40.7484), (-149.9, 61.2), (-157.85, 21.3), (-122.33, 47.61), (-80.19, 25.77),
    (-81.78, 24.55), (-66.1, 18.4),
]  # fmt: skip
D3_SCRIPT = """
import { geoAlbersUsa } from "d3-geo";
const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);
console.log(JSON.stringify(%s.map((point) => projection(point))));
"""


def test_markers_are_placed_exactly_where_d3_geo_projects_them():
    if not shutil.which("node") or not (ROOT / "node_modules" / "d3-geo").exists():
        skip_or_fail("Node and node_modules/d3-geo are needed (npm ci)")
    script = D3_SCRIPT % json.dumps(PLACES_TO_PROJECT)
    done = subprocess.run(  # noqa: S603
        ["node", "--input-type=module", "-e", script],  # noqa: S607
        cwd=ROOT, capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    expected = json.loads(done.stdout)
    ours = [maps.project((lat, lng)) for lng, lat in PLACES_TO_PROJECT]
    assert expected[-1] is None
    assert ours[-1] is None
    for theirs, mine in zip(expected[:-1], ours[:-1], strict=True):
        assert mine == pytest.approx(theirs, abs=1e-6)


def test_the_map_is_built_from_npm_packages_and_refers_to_nothing_else():
    path = finders.find("img/us-states.svg")
    if path is None:
        skip_or_fail("assets/img/us-states.svg is missing (make assets)")
    svg = Path(path).read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert 'viewBox="0 0 975 610"' in svg
    assert "href" not in svg
    assert "url(" not in svg
    assert len(svg) < 40_000


def svg_of(response):
    (figure,) = [element for element in iter_elements(parse(response)) if element.name == "figure"]
    (svg,) = find_all(figure, "svg")
    return figure, svg


def test_results_map_has_a_named_marker_per_center_numbered_as_listed(client):
    CenterFactory(name="South Austin Center", place=PLACES["78704"])
    CenterFactory(name="Cedar Park Center", place=PLACES["78613"])
    response = client.get("/centers/", {"q": "78701"})
    figure, svg = svg_of(response)
    markers = [g for g in find_all(svg, "g") if attr(g, "role") == "img"]
    assert [attr(g, "aria-label") for g in markers] == ["1. South Austin Center", "2. Cedar Park Center"]
    assert attr(svg, "aria-labelledby")
    assert attr(svg, "role") == "group"
    (image,) = find_all(svg, "image")
    assert attr(image, "href") == "/static/img/us-states.svg"
    page = response.content.decode()
    assert page.index('class="result-list"') < page.index("<figure")  # the list first
    assert "://" not in str(figure)


def test_map_zooms_to_the_centers_around_the_place(client):
    CenterFactory(name="South Austin Center", place=PLACES["78704"])
    response = client.get("/centers/", {"q": "78701"})
    _, svg = svg_of(response)
    left, top, width, height = map(float, attr(svg, "viewbox").split())
    x, y = maps.project((PLACES["78704"].latitude, PLACES["78704"].longitude))
    assert left < x < left + width
    assert top < y < top + height
    assert width < 200  # a region, not the whole country


def test_center_page_shows_the_center_on_a_map(client):
    center = CenterFactory(name="Downtown Phoenix Center", place=PLACES["85004"])
    _, svg = svg_of(client.get(center.get_absolute_url()))
    assert [attr(g, "aria-label") for g in find_all(svg, "g")] == ["Downtown Phoenix Center"]


def test_a_center_the_map_cannot_show_is_counted_not_drawn(client):
    CenterFactory(name="Miami Center", place=PLACES["33101"])
    CenterFactory(
        name="San Juan Center", city="San Juan", state="PR", zip_code="00901", latitude=18.46, longitude=-66.1
    )
    response = client.get("/centers/", {"q": "Miami, FL", "radius": "any"})
    _, svg = svg_of(response)
    assert [attr(g, "aria-label") for g in find_all(svg, "g")] == ["1. Miami Center"]
    assert "(1 not shown: outside the map)" in response.content.decode()


def test_map_numbers_do_not_depend_on_the_language_of_the_page():
    center = CenterFactory(name="South Austin Center", place=PLACES["78704"])
    center_map = maps.centers_map([center])
    with translation.override("de"):  # a language that writes 463,9 for 463.9
        svg = render_to_string("appointments/_map.html", {"center_map": center_map, "caption": "Karte"})
    assert f'viewBox="{center_map.view_box}"' in svg
    assert "." in center_map.view_box
    assert 'transform="translate(' in svg
    assert "," not in svg.split('transform="')[1].split('"')[0]


def test_no_map_without_results(client):
    response = client.get("/centers/", {"q": "78701"})
    assert "<figure" not in response.content.decode()
