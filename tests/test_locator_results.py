"""Find a center: nearest first with the distance, the radius, the procedure filter, inactive centers."""

import html
import math

import pytest

from appointments import geo, selectors

from .factories_appointments import (
    PLACES,
    CenterFactory,
)
from .html import parse, selected_value
from .locator import (
    AUSTIN,
    MILES_PER_DEGREE_LATITUDE,
    epidural,
    kyphoplasty,
    north_of,
    result_distances,
    result_names,
    search,
)

pytestmark = pytest.mark.django_db


def test_distance_from_new_york_to_los_angeles_is_about_2445_miles():
    new_york, los_angeles = (40.7128, -74.0060), (34.0522, -118.2437)
    assert geo.distance_miles(new_york, los_angeles) == pytest.approx(2445, abs=10)


def test_distance_is_symmetric_and_zero_at_the_same_point():
    a, b = AUSTIN, (PLACES["77002"].latitude, PLACES["77002"].longitude)
    assert geo.distance_miles(a, b) == pytest.approx(geo.distance_miles(b, a))
    assert geo.distance_miles(a, a) == 0
    assert geo.distance_miles(a, b) == pytest.approx(146.9, abs=0.5)  # Austin to downtown Houston


def test_centers_come_back_nearest_first_with_their_distance(client, texas_and_beyond):
    response = search(client, q="78701", radius="any")
    page = response.content.decode()
    assert response.status_code == 200
    assert result_names(page) == [
        "South Austin Center",
        "Cedar Park Center",
        "Houston Center",
        "Phoenix Center",
        "Los Angeles Center",
        "New York Center",
    ]
    distances = result_distances(page)
    # The factory's centers sit at their ZIP codes' middles: approximate, so "about".
    assert distances[:3] == ["about 2.4 mi away", "about 16.8 mi away", "about 146.9 mi away"]
    for center, shown in zip(
        sorted(texas_and_beyond.values(), key=lambda c: geo.distance_miles(AUSTIN, (c.latitude, c.longitude))),
        distances,
        strict=True,
    ):
        assert shown == f"about {geo.distance_miles(AUSTIN, (center.latitude, center.longitude)):.1f} mi away"


def test_results_heading_says_how_many_and_where(client, texas_and_beyond):
    page = search(client, q="78701", radius="25").content.decode()
    assert "2 centers within 25 miles of 78701" in page


def test_searching_by_coordinates_lists_nearest_first(client, texas_and_beyond):
    phoenix = PLACES["85004"]
    response = search(client, lat=str(phoenix.latitude + 0.01), lng=str(phoenix.longitude), radius="any")
    assert response.status_code == 200
    names = result_names(response.content.decode())
    assert names[0] == "Phoenix Center"
    assert names[1] == "Los Angeles Center"
    assert "nearest to your location" in response.content.decode()


def test_radius_includes_a_center_just_inside_and_excludes_one_just_outside(client):
    inside_lat, inside_lng = north_of(AUSTIN, 9.9)
    outside_lat, outside_lng = north_of(AUSTIN, -10.1)  # south
    CenterFactory(name="Just Inside", latitude=inside_lat, longitude=inside_lng, place=PLACES["78701"])
    CenterFactory(name="Just Outside", latitude=outside_lat, longitude=outside_lng, place=PLACES["78704"])
    assert geo.distance_miles(AUSTIN, (inside_lat, inside_lng)) == pytest.approx(9.9, abs=0.01)
    assert geo.distance_miles(AUSTIN, (outside_lat, outside_lng)) == pytest.approx(10.1, abs=0.01)

    page = search(client, q="78701", radius="10").content.decode()
    assert result_names(page) == ["Just Inside"]
    assert result_distances(page) == ["9.9 mi away"]

    page = search(client, q="78701", radius="25").content.decode()
    assert result_names(page) == ["Just Inside", "Just Outside"]


def test_radius_edge_due_east_is_not_cut_by_the_bounding_box(client):
    # Due east, a degree of longitude is shorter: the box must still reach the full 10 miles.
    miles_per_degree_longitude = MILES_PER_DEGREE_LATITUDE * math.cos(math.radians(AUSTIN[0]))
    CenterFactory(name="East Inside", latitude=AUSTIN[0], longitude=AUSTIN[1] + 9.95 / miles_per_degree_longitude)
    CenterFactory(name="West Outside", latitude=AUSTIN[0], longitude=AUSTIN[1] - 10.2 / miles_per_degree_longitude)
    assert result_names(search(client, q="78701", radius="10").content.decode()) == ["East Inside"]


def test_radius_any_lists_far_centers(client, texas_and_beyond):
    page = search(client, q="78701", radius="any").content.decode()
    assert "New York Center" in result_names(page)
    assert "Los Angeles Center" in result_names(page)
    page = search(client, q="78701", radius="100").content.decode()
    assert "New York Center" not in result_names(page)


def test_default_radius_is_50_miles(client, texas_and_beyond):
    page = search(client, q="78701").content.decode()
    assert result_names(page) == ["South Austin Center", "Cedar Park Center"]
    assert "within 50 miles of 78701" in page


def test_procedure_filter_lists_only_centers_offering_it(client):
    CenterFactory(name="Both Center", place=PLACES["78704"], procedures=[kyphoplasty(), epidural()])
    CenterFactory(name="Epidural Only Center", place=PLACES["78701"], procedures=[epidural()])
    CenterFactory(name="Kyphoplasty Only Center", place=PLACES["78613"], procedures=[kyphoplasty()])
    CenterFactory(name="Nothing Center", place=PLACES["78701"])
    page = html.unescape(search(client, q="78701", procedure="kyphoplasty").content.decode())
    assert result_names(page) == ["Both Center", "Kyphoplasty Only Center"]
    assert "offering Kyphoplasty" in page  # as the title is written (lower-casing breaks acronyms)
    page = search(client, q="78701").content.decode()
    assert sorted(result_names(page)) == [
        "Both Center",
        "Epidural Only Center",
        "Kyphoplasty Only Center",
        "Nothing Center",
    ]


def test_result_lists_the_procedures_offered_and_a_request_link(client):
    center = CenterFactory(name="Both Center", place=PLACES["78704"], procedures=[kyphoplasty(), epidural()])
    page = html.unescape(search(client, q="78701").content.decode())
    assert "Offers:" in page
    assert "Kyphoplasty" in page
    assert "Epidural" in page
    assert f'href="/appointments/request/?center={center.slug}"' in page
    assert f'href="{center.get_absolute_url()}"' in page


def test_procedure_page_links_to_the_locator_filtered_by_it(client):
    page = client.get("/pain-management/kyphoplasty/").content.decode()
    assert 'href="/centers/?procedure=kyphoplasty"' in page


def test_locator_link_from_procedure_page_answers_200(client):
    response = client.get("/centers/?procedure=kyphoplasty")
    assert response.status_code == 200
    assert selected_value(parse(response), "procedure") == "kyphoplasty"


def test_inactive_center_never_appears_in_results(client):
    CenterFactory(name="Closed For Good", place=PLACES["78701"], is_active=False)
    CenterFactory(name="Houston Center", place=PLACES["77002"])
    page = search(client, q="78701", radius="any").content.decode()
    assert result_names(page) == ["Houston Center"]
    # Not offered as "the nearest one beyond" either.
    page = search(client, q="78701", radius="10").content.decode()
    assert result_names(page) == ["Houston Center"]
    assert "Closed For Good" not in page


def test_inactive_center_page_is_404(client):
    center = CenterFactory(is_active=False)
    assert client.get(center.get_absolute_url()).status_code == 404


def test_unknown_center_page_is_404(client):
    assert client.get("/centers/no-such-center/").status_code == 404


def test_the_nearest_query_returns_at_most_the_limit(texas_and_beyond):
    nearest = selectors.nearest(AUSTIN, None, 3)
    assert [result.center.name for result in nearest] == ["South Austin Center", "Cedar Park Center", "Houston Center"]
