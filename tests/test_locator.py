"""Find a center: distance order, radius, ZIP and city search, bad input, "open now" across time zones,
query counts, center pages and their schema.org description."""

import datetime as dt
import html
import json
import math
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appointments import geo
from appointments.models import Center
from procedures.models import Procedure

from .factories import ProcedureFactory
from .factories_appointments import (
    PLACES,
    CenterFactory,
    LanguageFactory,
    OpeningHoursFactory,
    PhysicianFactory,
    PracticeFactory,
    weekday_hours,
)

pytestmark = pytest.mark.django_db

LOCATOR = "/centers/"
AUSTIN = (PLACES["78701"].latitude, PLACES["78701"].longitude)  # where the ZIP code 78701 puts a search
MILES_PER_DEGREE_LATITUDE = geo.EARTH_RADIUS_MILES * math.pi / 180


# --- Helpers ----------------------------------------------------------------------------------------------------


def north_of(point: geo.Point, miles: float) -> tuple[float, float]:
    """The point that many miles due north (exact on the haversine sphere)."""
    return point[0] + miles / MILES_PER_DEGREE_LATITUDE, point[1]


def result_names(page: str) -> list[str]:
    """The names of the centers listed in the results, in order."""
    return [
        html.unescape(name) for name in re.findall(r'<li class="result">\s*<h3 class="h4"><a [^>]*>([^<]+)</a>', page)
    ]


def result_distances(page: str) -> list[str]:
    return re.findall(r'<p class="result-distance">([^<]+)</p>', page)


def jsonld(page: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    found = [json.loads(block) for block in blocks]
    return [data for data in found if data["@type"] != "BreadcrumbList"]  # tests/test_structured_data.py


def search(client, **params):
    return client.get(LOCATOR, params)


def field_error(page: str, field: str) -> str:
    """The text of the error shown under a field of the form (crispy-forms' invalid-feedback)."""
    match = re.search(rf'<[^>]+id="error_\d+_id_{field}"[^>]*>(.*?)</(?:span|div|p)>', page, flags=re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def kyphoplasty() -> Procedure:
    return Procedure.objects.get(slug="kyphoplasty")


def epidural() -> Procedure:
    return Procedure.objects.get(slug="epidural-injections")


@pytest.fixture
def texas_and_beyond():
    """Centers in several states, named so the order is easy to read."""
    return {
        "south austin": CenterFactory(name="South Austin Center", place=PLACES["78704"]),
        "cedar park": CenterFactory(name="Cedar Park Center", place=PLACES["78613"]),
        "houston": CenterFactory(name="Houston Center", place=PLACES["77002"]),
        "phoenix": CenterFactory(name="Phoenix Center", place=PLACES["85004"]),
        "new york": CenterFactory(name="New York Center", place=PLACES["10001"]),
        "los angeles": CenterFactory(name="Los Angeles Center", place=PLACES["90012"]),
    }


# --- Distances --------------------------------------------------------------------------------------------------


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


# --- Radius -----------------------------------------------------------------------------------------------------


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


@pytest.mark.parametrize("radius", ["7", "-1", "abc", "0", "10.5", "1e9", "ANY"])
def test_radius_not_offered_is_400_with_a_message_and_the_other_answers_kept(client, texas_and_beyond, radius):
    response = search(client, q="78701", radius=radius, procedure="kyphoplasty")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select a valid choice" in field_error(page, "radius")
    assert 'name="q" value="78701"' in page
    assert re.search(r'<option value="kyphoplasty"[^>]*selected', page)
    assert result_names(page) == []
    assert "<title>Error:" in page


# --- ZIP code or city and state ---------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["Austin, TX", "austin, tx", " Austin ,TX ", "AUSTIN,TX", "78701-1234"])
@pytest.mark.parametrize("radius", ["50", "any"])
def test_zip_and_city_give_the_same_centers_in_the_same_order(client, texas_and_beyond, q, radius):
    by_zip = result_names(search(client, q="78701", radius=radius).content.decode())
    response = search(client, q=q, radius=radius)
    assert response.status_code == 200
    assert by_zip  # the comparison means something
    assert result_names(response.content.decode()) == by_zip


def test_city_search_names_the_place(client, texas_and_beyond):
    page = search(client, q="austin, tx").content.decode()
    assert "near Austin, TX" in page  # the title
    assert "of Austin, TX" in page  # the heading


def test_saint_and_st_are_the_same_city(client):
    CenterFactory(
        name="Saint Louis Center", city="St. Louis", state="MO", zip_code="63101", latitude=38.63, longitude=-90.19
    )
    for q in ["St. Louis, MO", "Saint Louis, MO", "st louis, mo"]:
        response = search(client, q=q)
        assert response.status_code == 200, q
        assert result_names(response.content.decode()) == ["Saint Louis Center"], q


@pytest.mark.parametrize(
    "q",
    [
        "Austin TX",
        "austin tx",
        "Austin, Texas",
        "austin texas",
        "AUSTIN,  TEXAS",
        "Austin, Tx.",
        "\uff17\uff18\uff17\uff10\uff11",  # full-width digits, as some phone keyboards type them
        "787\u200b01",
        "\ufeffAustin, TX\u200d",
        "\uff21\uff55\uff53\uff54\uff49\uff4e, \uff34\uff38",  # full-width letters
    ],
)
def test_ordinary_ways_of_typing_a_place_find_the_same_centers(client, texas_and_beyond, q):
    by_zip = result_names(search(client, q="78701").content.decode())
    response = search(client, q=q)
    assert response.status_code == 200, q
    assert by_zip
    assert result_names(response.content.decode()) == by_zip


def test_city_typed_with_a_state_name_is_shown_with_its_code(client, texas_and_beyond):
    page = search(client, q="austin texas").content.decode()
    assert "of Austin, TX" in page


@pytest.mark.parametrize("q", ["St. Louis MO", "Saint Louis, Missouri", "st louis missouri", "ST. LOUIS, MO."])
def test_saint_louis_is_found_however_it_is_typed(client, q):
    CenterFactory(
        name="Saint Louis Center", city="St. Louis", state="MO", zip_code="63101", latitude=38.63, longitude=-90.19
    )
    response = search(client, q=q)
    assert response.status_code == 200, q
    assert result_names(response.content.decode()) == ["Saint Louis Center"]


@pytest.mark.parametrize("q", ["Nome, AK", "Nome AK", "Nome, Alaska", "Diomede, AK"])
def test_town_with_only_po_box_zip_codes_or_an_acceptable_name_is_found(client, q):
    # Nome's only ZIP code, 99762, is a PO box one; Diomede is one of its "acceptable" city names.
    CenterFactory(name="Nome Center", city="Nome", state="AK", zip_code="99762", latitude=64.5, longitude=-165.4)
    response = search(client, q=q)
    assert response.status_code == 200, q
    assert result_names(response.content.decode()) == ["Nome Center"]


def test_a_citys_own_standard_zip_codes_still_place_it():
    # Adding PO box ZIP codes and acceptable names must not move a city that has its own ZIP codes.
    lat, lng = geo.city_point("Austin", "TX")
    assert geo.distance_miles((lat, lng), AUSTIN) < 10


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("Austin", "Add the state, for example Austin, TX."),
        ("austin", "Add the state, for example Austin, TX."),
        ("Nowhereville", "Add the state, for example Austin, TX."),
        ("boston", "Add the state, for example Boston, MA."),
    ],
)
def test_city_without_a_state_asks_for_the_state(client, texas_and_beyond, q, message):
    response = search(client, q=q)
    assert response.status_code == 400
    assert html.unescape(field_error(response.content.decode(), "q")) == message


def test_unknown_state_name_is_named_in_the_message(client, texas_and_beyond):
    response = search(client, q="Austin, Texass")
    assert response.status_code == 400
    assert "We don’t know Austin, Texass" in html.unescape(field_error(response.content.decode(), "q"))


def test_us_states_are_still_importable_from_the_models():
    from appointments.models import US_STATES

    assert US_STATES is geo.US_STATES
    assert ("TX", "Texas") in US_STATES


# --- Bad input never breaks the page ----------------------------------------------------------------------------


def test_unknown_zip_is_400_with_a_clear_message_next_to_the_search_box(client, texas_and_beyond):
    response = search(client, q="99999")
    page = response.content.decode()
    assert response.status_code == 400
    assert "We don’t know the ZIP code 99999" in html.unescape(field_error(page, "q"))
    assert 'name="q" value="99999"' in page
    search_box = re.search(r'<input [^>]*name="q"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in search_box
    assert re.search(r'aria-describedby="[^"]*\bid_q_error\b', search_box)


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("1234", "Enter a 5-digit ZIP code"),
        ("123456", "Enter a 5-digit ZIP code"),
        ("7870l", "Enter a 5-digit ZIP code"),
        ("abc", "Add the state"),
        ("Atlantis, ZZ", "We don’t know Atlantis, ZZ"),
        ("Nowhereville, TX", "We don’t know Nowhereville, TX"),
        ("x" * 81, "at most 80 characters"),
        ("9" * 5000, "at most 80 characters"),
        ("Zürich, ZH", "We don’t know Zürich, ZH"),
        ("東京, TX", "city and state separated by a comma"),
        ("\U0001f3e5, TX", "city and state separated by a comma"),
        ("'; DROP TABLE appointments_center; --", "city and state separated by a comma"),
        ("Austin' OR '1'='1, TX", "city and state separated by a comma"),
        ("<script>alert(1)</script>", "city and state separated by a comma"),
        ("١٢٣٤٥", ""),  # Arabic-Indic digits: no such ZIP code, whatever the message
        ("Austin\x00, TX", "Null characters are not allowed"),
    ],
)
def test_malformed_place_is_400_with_a_message(client, texas_and_beyond, q, message):
    response = search(client, q=q)
    page = response.content.decode()
    assert response.status_code == 400
    error = html.unescape(field_error(page, "q"))
    assert error
    assert message in error
    assert "<script>alert(1)" not in page


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "91", "lng": "0"},
        {"lat": "-90.5", "lng": "0"},
        {"lat": "30", "lng": "181"},
        {"lat": "30", "lng": "-180.01"},
        {"lat": "abc", "lng": "-97"},
        {"lat": "30", "lng": "west"},
        {"lat": "nan", "lng": "-97"},
        {"lat": "30", "lng": "inf"},
        {"lat": "1e400", "lng": "-97"},
        {"lat": "30.27"},
        {"lng": "-97.74"},
        {"lat": "30.27", "lng": ""},
    ],
)
def test_bad_coordinates_are_400_with_a_message(client, texas_and_beyond, params):
    response = search(client, **params)
    assert response.status_code == 400
    assert "We could not use that location" in html.unescape(field_error(response.content.decode(), "q"))


def test_coordinates_at_the_limits_are_accepted(client, texas_and_beyond):
    for lat, lng in [("90", "180"), ("-90", "-180"), ("0", "0")]:
        response = search(client, lat=lat, lng=lng, radius="any")
        assert response.status_code == 200, (lat, lng)
        assert len(result_names(response.content.decode())) == len(texas_and_beyond)


@pytest.mark.parametrize(
    ("procedure", "message"),
    [
        ("no-such-procedure", "Select a valid choice"),
        ("KYPHOPLASTY", "Select a valid choice"),
        ("'; --", "Select a valid choice"),
        ("é" * 300, "Select a valid choice"),
        ("\x00", "Null characters are not allowed"),
    ],
)
def test_unknown_procedure_is_400_with_a_message(client, texas_and_beyond, procedure, message):
    response = search(client, q="78701", procedure=procedure)
    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "procedure")


def test_draft_procedure_is_not_searched_and_not_named(client, texas_and_beyond):
    ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft")
    response = search(client, q="78701", procedure="secret-draft")
    assert response.status_code == 200  # an old link to a withdrawn procedure: every procedure, with a note
    assert "no longer on our site" in response.content.decode()
    assert "Secret Draft Procedure" not in response.content.decode()


def test_empty_locator_shows_the_form_and_no_results(client, texas_and_beyond):
    response = client.get(LOCATOR)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="q"' in page
    assert result_names(page) == []
    assert 'id="use-location"' in page
    assert "hidden" in re.search(r'<button[^>]*id="use-location"[^>]*>', page).group(0)


def test_procedure_without_a_place_asks_for_one(client, texas_and_beyond):
    response = search(client, procedure="epidural-injections")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter your ZIP code or city and state above to see centers offering epidural injections near you." in page
    assert result_names(page) == []


def test_empty_locator_does_not_ask_for_a_place(client, texas_and_beyond):
    for params in [{}, {"q": "", "radius": "50"}]:
        page = search(client, **params).content.decode()
        assert "Enter your ZIP code or city and state above" not in page


def test_results_heading_can_take_focus_but_errors_have_none(client, texas_and_beyond):
    page = search(client, q="78701").content.decode()
    assert re.search(r'<h2 id="results-heading" tabindex="-1">', page)
    page = search(client, q="99999").content.decode()
    assert 'id="results-heading"' not in page


def test_empty_form_preselects_the_default_radius(client):
    # The form a patient submits must search the same distance as a link without a radius (50 miles).
    page = client.get(LOCATOR).content.decode()
    assert re.search(r'<option value="50"[^>]*selected', page)
    assert not re.search(r'<option value="10"[^>]*selected', page)


def test_empty_search_box_is_not_an_error(client, texas_and_beyond):
    response = search(client, q="", radius="50")
    assert response.status_code == 200
    assert result_names(response.content.decode()) == []


def test_query_string_with_repeated_and_unknown_parameters_does_not_break(client, texas_and_beyond):
    response = client.get(LOCATOR + "?q=78701&q=99999&radius=any&radius=7&utm_source=mail&page=abc")
    assert response.status_code in (200, 400)


text_or_typical = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["", "78701", "Austin, TX", "99999", "10", "25", "any", "kyphoplasty", "30.27", "-97.74"]),
)
coordinates = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.just(""),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=text_or_typical, radius=text_or_typical, procedure=text_or_typical, lat=coordinates, lng=coordinates)
def test_arbitrary_input_never_gives_a_server_error(client, texas_and_beyond, q, radius, procedure, lat, lng):
    response = client.get(LOCATOR, {"q": q, "radius": radius, "procedure": procedure, "lat": lat, "lng": lng})
    assert response.status_code in {200, 400}


# --- No results within the radius -------------------------------------------------------------------------------


def test_no_results_within_the_radius_offers_the_nearest_center_beyond_it(client):
    CenterFactory(name="Houston Center", place=PLACES["77002"])
    CenterFactory(name="New York Center", place=PLACES["10001"])
    response = search(client, q="78701", radius="10")
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "No centers within 10 miles of 78701" in page
    assert "The nearest one is 146.9 miles away" in page
    assert result_names(page) == ["Houston Center"]
    assert result_distances(page) == ["about 146.9 mi away"]


def test_no_results_with_a_procedure_offers_the_nearest_center_offering_it(client):
    CenterFactory(name="Houston Center", place=PLACES["77002"], procedures=[epidural()])
    CenterFactory(name="Phoenix Center", place=PLACES["85004"], procedures=[kyphoplasty()])
    page = html.unescape(search(client, q="78701", radius="10", procedure="kyphoplasty").content.decode())
    assert "No centers offering kyphoplasty within 10 miles of 78701" in page
    assert result_names(page) == ["Phoenix Center"]
    assert "The nearest one is 868.2 miles away" in page


def test_no_center_offers_the_procedure_at_all(client):
    CenterFactory(name="Houston Center", place=PLACES["77002"], procedures=[epidural()])
    response = search(client, q="78701", radius="any", procedure="kyphoplasty")
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert result_names(page) == []
    page = html.unescape(search(client, q="78701", radius="10", procedure="kyphoplasty").content.decode())
    assert "We have no center offering this yet" in page


def test_no_centers_at_all_is_not_an_error(client):
    for radius in ["10", "any"]:
        response = search(client, q="78701", radius=radius)
        assert response.status_code == 200
        assert result_names(response.content.decode()) == []


# --- Procedure filter -------------------------------------------------------------------------------------------


def test_procedure_filter_lists_only_centers_offering_it(client):
    CenterFactory(name="Both Center", place=PLACES["78704"], procedures=[kyphoplasty(), epidural()])
    CenterFactory(name="Epidural Only Center", place=PLACES["78701"], procedures=[epidural()])
    CenterFactory(name="Kyphoplasty Only Center", place=PLACES["78613"], procedures=[kyphoplasty()])
    CenterFactory(name="Nothing Center", place=PLACES["78701"])
    page = html.unescape(search(client, q="78701", procedure="kyphoplasty").content.decode())
    assert result_names(page) == ["Both Center", "Kyphoplasty Only Center"]
    assert "offering kyphoplasty" in page
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
    assert re.search(r'<option value="kyphoplasty"[^>]*selected', response.content.decode())


# --- Inactive centers -------------------------------------------------------------------------------------------


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


# --- "Open now", in the center's own time zone ------------------------------------------------------------------

PACIFIC = ZoneInfo("America/Los_Angeles")
EASTERN = ZoneInfo("America/New_York")
ARIZONA = ZoneInfo("America/Phoenix")
MOUNTAIN = ZoneInfo("America/Denver")


@pytest.fixture
def los_angeles_center():
    center = CenterFactory(place=PLACES["90012"])
    weekday_hours(center, dt.time(8, 0), dt.time(17, 0))
    return center


def test_open_at_half_past_four_pacific_on_monday_which_is_half_past_seven_eastern(los_angeles_center):
    eastern = dt.datetime(2025, 6, 2, 19, 30, tzinfo=EASTERN)  # a Monday
    assert eastern == dt.datetime(2025, 6, 2, 16, 30, tzinfo=PACIFIC)
    assert los_angeles_center.is_open_at(eastern)
    assert los_angeles_center.is_open_at(eastern.astimezone(dt.UTC))


def test_closed_at_five_pacific(los_angeles_center):
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 17, 0, tzinfo=PACIFIC))
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 20, 0, tzinfo=EASTERN))
    assert los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 16, 59, 59, tzinfo=PACIFIC))


def test_opens_at_eight_pacific_not_eight_eastern(los_angeles_center):
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 8, 0, tzinfo=EASTERN))
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 7, 59, tzinfo=PACIFIC))
    assert los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 8, 0, tzinfo=PACIFIC))


def test_closed_on_saturday(los_angeles_center):
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 7, 10, 0, tzinfo=PACIFIC))
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 8, 10, 0, tzinfo=PACIFIC))


def test_weekday_is_the_centers_own_not_utc(los_angeles_center):
    # Monday 1 AM UTC is still Sunday evening in Los Angeles.
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 1, 0, tzinfo=dt.UTC))
    # Friday 3 PM in Honolulu is already Saturday in UTC.
    honolulu = CenterFactory(place=PLACES["78701"], timezone="Pacific/Honolulu")
    weekday_hours(honolulu, dt.time(8, 0), dt.time(17, 0))
    friday_afternoon = dt.datetime(2025, 6, 6, 15, 0, tzinfo=ZoneInfo("Pacific/Honolulu"))
    assert friday_afternoon.astimezone(dt.UTC).weekday() == 5
    assert honolulu.is_open_at(friday_afternoon.astimezone(dt.UTC))


def test_phoenix_has_no_daylight_saving_time_in_july():
    phoenix = CenterFactory(place=PLACES["85004"])
    denver = CenterFactory(place=PLACES["80202"])
    for center in (phoenix, denver):
        weekday_hours(center, dt.time(8, 0), dt.time(17, 0))
    # Monday 7 July 2025, 5:30 PM in Denver (MDT, UTC-6) is 4:30 PM in Phoenix (MST, UTC-7).
    evening = dt.datetime(2025, 7, 7, 17, 30, tzinfo=MOUNTAIN)
    assert evening.astimezone(ARIZONA).hour == 16
    assert phoenix.is_open_at(evening)
    assert not denver.is_open_at(evening)
    # 8:30 AM in Denver is 7:30 AM in Phoenix.
    morning = dt.datetime(2025, 7, 7, 8, 30, tzinfo=MOUNTAIN)
    assert not phoenix.is_open_at(morning)
    assert denver.is_open_at(morning)
    # In January both keep the same time.
    winter = dt.datetime(2025, 1, 6, 16, 30, tzinfo=MOUNTAIN)
    assert phoenix.is_open_at(winter)
    assert denver.is_open_at(winter)
    assert not phoenix.is_open_at(winter + dt.timedelta(hours=1))


def test_split_hours_lunch_break():
    center = CenterFactory(place=PLACES["78701"])
    central = ZoneInfo("America/Chicago")
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(8), closes=dt.time(12))
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(13), closes=dt.time(17))
    assert center.is_open_at(dt.datetime(2025, 6, 4, 11, 59, tzinfo=central))
    assert not center.is_open_at(dt.datetime(2025, 6, 4, 12, 30, tzinfo=central))
    assert center.is_open_at(dt.datetime(2025, 6, 4, 13, 0, tzinfo=central))


def test_center_without_hours_is_never_open():
    center = CenterFactory()
    assert not center.is_open_at(dt.datetime(2025, 6, 2, 12, 0, tzinfo=EASTERN))


def test_center_page_says_open_now_from_the_current_time(client, los_angeles_center, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.UTC))  # Mon 4:30 PM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    assert "Open now" in page
    assert "Closed now" not in page
    assert "(4:30 PM local time)" in page  # the center's time, not the server's
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 3, 0, 30, tzinfo=dt.UTC))  # Mon 5:30 PM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    assert "Closed now" in page
    assert "Open now" not in page


def test_next_opening_later_today_after_lunch():
    center = CenterFactory(place=PLACES["78701"])
    central = ZoneInfo("America/Chicago")
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(8), closes=dt.time(12))
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(13), closes=dt.time(17))
    lunch = dt.datetime(2025, 6, 4, 12, 30, tzinfo=central)  # a Wednesday
    assert center.next_opening(lunch) == dt.datetime(2025, 6, 4, 13, 0, tzinfo=central)
    assert center.opening_note(lunch) == "opens today 1:00 PM"


def test_next_opening_tomorrow_morning_in_the_centers_time_zone(los_angeles_center):
    evening = dt.datetime(2025, 6, 3, 1, 0, tzinfo=dt.UTC)  # Monday 6 PM in Los Angeles
    opens = los_angeles_center.next_opening(evening)
    assert opens == dt.datetime(2025, 6, 3, 8, 0, tzinfo=PACIFIC)
    assert opens.utcoffset() == dt.timedelta(hours=-7)
    assert los_angeles_center.opening_note(evening) == "opens tomorrow 8:00 AM"


def test_next_opening_after_the_weekend_names_the_day(los_angeles_center):
    saturday = dt.datetime(2025, 6, 7, 10, 0, tzinfo=PACIFIC)
    assert los_angeles_center.next_opening(saturday) == dt.datetime(2025, 6, 9, 8, 0, tzinfo=PACIFIC)
    assert los_angeles_center.opening_note(saturday) == "opens Monday 8:00 AM"


def test_next_opening_a_week_later_when_open_one_day_only():
    center = CenterFactory(place=PLACES["78701"])
    central = ZoneInfo("America/Chicago")
    OpeningHoursFactory(center=center, weekday=0, opens=dt.time(8), closes=dt.time(9))
    monday_noon = dt.datetime(2025, 6, 2, 12, 0, tzinfo=central)
    assert center.next_opening(monday_noon) == dt.datetime(2025, 6, 9, 8, 0, tzinfo=central)


def test_center_without_hours_has_no_next_opening_and_no_note():
    center = CenterFactory()
    when = dt.datetime(2025, 6, 2, 12, 0, tzinfo=EASTERN)
    assert center.next_opening(when) is None
    assert center.closes_at(when) is None
    assert center.opening_note(when) == ""


def test_open_center_says_when_it_closes(los_angeles_center):
    afternoon = dt.datetime(2025, 6, 2, 16, 30, tzinfo=PACIFIC)
    assert los_angeles_center.closes_at(afternoon) == dt.datetime(2025, 6, 2, 17, 0, tzinfo=PACIFIC)
    assert los_angeles_center.opening_note(afternoon) == "closes 5:00 PM"


def test_periods_that_follow_on_close_at_the_end_of_the_last():
    center = CenterFactory(place=PLACES["78701"])
    central = ZoneInfo("America/Chicago")
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(8), closes=dt.time(12))
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(12), closes=dt.time(17))
    morning = dt.datetime(2025, 6, 4, 9, 0, tzinfo=central)
    assert center.closes_at(morning) == dt.datetime(2025, 6, 4, 17, 0, tzinfo=central)


def test_center_page_says_when_it_next_opens_or_closes(client, los_angeles_center, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 7, 17, 0, tzinfo=dt.UTC))  # Sat 10 AM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    assert re.search(r"Closed now</span>.*?opens Monday 8:00 AM", page)
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.UTC))  # Mon 4:30 PM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    assert re.search(r"Open now</span>.*?closes 5:00 PM", page)


def test_locator_results_say_when_a_closed_center_opens(client, los_angeles_center, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 3, 1, 0, tzinfo=dt.UTC))  # Mon 6 PM PT
    page = search(client, q="90012").content.decode()
    assert re.search(r"Closed now</span>.*?opens tomorrow 8:00 AM", page)


# --- Coordinates from the ZIP code ------------------------------------------------------------------------------


def test_coordinates_fill_from_the_zip_code_when_left_blank():
    center = Center.objects.create(
        name="No Coordinates", address="1 Main St", city="Phoenix", state="AZ", zip_code="85004", phone="(602) 555-0100"
    )
    center.refresh_from_db()
    assert (center.latitude, center.longitude) == pytest.approx((33.4557, -112.0686))


def test_coordinates_fill_from_a_zip_plus_four():
    center = CenterFactory(zip_code="85004-1234", latitude=None, longitude=None)
    assert (center.latitude, center.longitude) == pytest.approx((33.4557, -112.0686))


def test_coordinates_fill_when_only_one_is_blank():
    center = CenterFactory(place=PLACES["85004"], latitude=12.0, longitude=None)
    assert (center.latitude, center.longitude) == pytest.approx((33.4557, -112.0686))


def test_coordinates_given_by_staff_are_kept():
    center = CenterFactory(place=PLACES["85004"], latitude=33.5, longitude=-112.1)
    center.refresh_from_db()
    assert (center.latitude, center.longitude) == (33.5, -112.1)


def test_center_with_unknown_zip_and_no_coordinates_is_saved_but_not_located(client):
    center = CenterFactory(name="Somewhere New", zip_code="99999", latitude=None, longitude=None)
    assert center.latitude is None
    assert center.longitude is None
    assert result_names(search(client, lat="30", lng="-97", radius="any").content.decode()) == []
    assert client.get(center.get_absolute_url()).status_code == 200


def test_filled_coordinates_make_the_center_findable(client):
    Center.objects.create(
        name="Blank Coordinates Center", address="1 Congress Ave", city="Austin", state="TX", zip_code="78701",
        phone="(512) 555-0100",
    )  # fmt: skip
    page = search(client, q="Austin, TX", radius="10").content.decode()
    assert result_names(page) == ["Blank Coordinates Center"]


# --- Center page ------------------------------------------------------------------------------------------------


@pytest.fixture
def full_center():
    center = CenterFactory(
        name="Downtown Phoenix Center",
        address="100 N 1st Street",
        place=PLACES["85004"],
        phone="(602) 555-0123",
        procedures=[kyphoplasty(), epidural()],
    )
    weekday_hours(center, dt.time(8, 0), dt.time(17, 0))
    OpeningHoursFactory(center=center, weekday=5, opens=dt.time(9), closes=dt.time(12))
    spanish = LanguageFactory(name="Spanish")
    for first, last, accepting in [("Elena", "Vasquez", True), ("Samuel", "Okafor", False)]:
        PracticeFactory(
            center=center,
            accepting_new_patients=accepting,
            physician=PhysicianFactory(first_name=first, last_name=last, languages=[spanish]),
        )
    PracticeFactory(center=center, physician=PhysicianFactory(first_name="Gone", last_name="Away", is_active=False))
    return center


def test_center_page_shows_address_phone_and_directions(client, full_center):
    response = client.get(full_center.get_absolute_url())
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "<h1>Downtown Phoenix Center</h1>" in page
    assert "100 N 1st Street" in page
    assert "Phoenix, AZ 85004" in page
    assert 'href="tel:+16025550123"' in page
    assert "(602) 555-0123" in page
    assert "Get directions to 100 N 1st Street" in page


def test_center_page_has_an_hours_table_with_all_seven_days(client, full_center):
    page = client.get(full_center.get_absolute_url()).content.decode()
    table = re.search(r'<table class="table hours">(.*?)</table>', page, flags=re.S).group(1)
    days = re.findall(
        r'<th scope="row">(\w+)(?: <span class="today-label">\(today\)</span>)?</th><td>([^<]*)</td>', table
    )
    assert [day for day, _ in days] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    hours = dict(days)
    assert hours["Monday"] == "8:00 AM – 5:00 PM"
    assert hours["Saturday"] == "9:00 AM – 12:00 PM"
    assert hours["Sunday"] == "Closed"
    assert "Mountain (Arizona, no daylight saving) time" in table


def test_center_page_says_open_or_closed(client, full_center):
    page = client.get(full_center.get_absolute_url()).content.decode()
    assert ("Open now" in page) != ("Closed now" in page)


def test_center_page_lists_procedures_and_active_physicians(client, full_center):
    page = html.unescape(client.get(full_center.get_absolute_url()).content.decode())
    assert 'href="/pain-management/kyphoplasty/">Kyphoplasty</a>' in page
    assert 'href="/pain-management/epidural-injections/"' in page
    assert "Dr. Elena Vasquez, MD</a> – accepting new patients" in page
    assert "Dr. Samuel Okafor, MD</a> – not accepting new patients here" in page
    assert "Gone Away" not in page


def test_center_page_has_request_link_for_that_center(client, full_center):
    page = html.unescape(client.get(full_center.get_absolute_url()).content.decode())
    link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Request an appointment here</a>', page)
    assert link
    assert link.group(1) == f"/appointments/request/?center={full_center.slug}"


def test_center_page_does_not_list_draft_procedures(client, full_center):
    full_center.procedures.add(ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft"))
    page = client.get(full_center.get_absolute_url()).content.decode()
    assert "Secret Draft Procedure" not in page
    assert "/pain-management/secret-draft/" not in page


def test_locator_result_does_not_list_draft_procedures(client, full_center):
    full_center.procedures.add(ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft"))
    page = search(client, q="85004").content.decode()
    assert result_names(page) == ["Downtown Phoenix Center"]
    assert "Secret Draft Procedure" not in page


def test_center_page_without_coordinates_has_no_broken_directions_link(client):
    center = CenterFactory(name="Somewhere New", zip_code="99999", latitude=None, longitude=None)
    page = client.get(center.get_absolute_url()).content.decode()
    assert "None" not in page


def test_center_page_json_ld_is_a_medical_clinic_with_its_address(client, full_center, settings):
    settings.SITE_URL = "https://azura.example"
    page = client.get(full_center.get_absolute_url()).content.decode()
    (data,) = jsonld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalClinic"
    assert data["name"] == "Downtown Phoenix Center"
    assert data["url"] == f"https://azura.example/centers/{full_center.slug}/"
    assert data["telephone"] == "+16025550123"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "100 N 1st Street",
        "addressLocality": "Phoenix",
        "addressRegion": "AZ",
        "postalCode": "85004",
        "addressCountry": "US",
    }
    assert data["geo"]["latitude"] == pytest.approx(33.4557)
    assert {spec["dayOfWeek"] for spec in data["openingHoursSpecification"]} == {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    }  # fmt: skip
    assert {service["name"] for service in data["availableService"]} == {"Kyphoplasty", "Epidural Injections"}


def test_center_json_ld_escapes_markup_in_names(client):
    center = CenterFactory(name="</script><script>alert(1)</script> & Co")
    page = client.get(center.get_absolute_url()).content.decode()
    (data,) = jsonld(page)
    assert data["name"] == "</script><script>alert(1)</script> & Co"
    assert "<script>alert(1)" not in page


# --- Query counts -----------------------------------------------------------------------------------------------


def make_centers_around_austin(count: int, procedures) -> int:
    """`count` centers on a grid north-east of downtown Austin; returns how many are within 10 miles."""
    within_10 = 0
    for n in range(count):
        center = CenterFactory(
            name=f"Grid Center {n:02d}",
            latitude=AUSTIN[0] + (n % 8) * 0.05,
            longitude=AUSTIN[1] + (n // 8) * 0.05,
            procedures=procedures,
        )
        weekday_hours(center)
        within_10 += geo.distance_miles(AUSTIN, (center.latitude, center.longitude)) <= 10
    return within_10


def measure(client, url: str, django_assert_max_num_queries, limit: int = 6) -> tuple[int, str]:
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize(
    "query", ["?q=78701&radius=any", "?q=78701&radius=any&procedure=kyphoplasty", "?q=78701&radius=10"]
)
def test_locator_uses_the_same_few_queries_for_5_or_40_results(client, django_assert_max_num_queries, query):
    procedures = [kyphoplasty(), epidural()]
    within_10 = make_centers_around_austin(5, procedures)
    few, page = measure(client, LOCATOR + query, django_assert_max_num_queries)
    assert len(result_names(page)) == (5 if "any" in query else within_10)
    Center.objects.all().delete()
    within_10 = make_centers_around_austin(40, procedures)
    many, page = measure(client, LOCATOR + query, django_assert_max_num_queries)
    assert len(result_names(page)) == (40 if "any" in query else within_10)
    assert few == many


def test_locator_no_results_uses_few_queries(client, django_assert_max_num_queries):
    CenterFactory(place=PLACES["10001"], procedures=[kyphoplasty()])
    # The nearest beyond may try boxes of 25, 100 and 400 miles before the whole table (selectors.GROWING_RADII).
    _, page = measure(client, LOCATOR + "?q=78701&radius=10", django_assert_max_num_queries, limit=8)
    assert len(result_names(page)) == 1


def test_center_page_uses_a_bounded_number_of_queries(client, full_center, django_assert_max_num_queries):
    few, _ = measure(client, full_center.get_absolute_url(), django_assert_max_num_queries)
    for n in range(10):
        PracticeFactory(center=full_center, physician=PhysicianFactory(last_name=f"Extra{n}"))
    many, page = measure(client, full_center.get_absolute_url(), django_assert_max_num_queries)
    assert "Extra9" in page
    assert few == many


def test_physician_page_uses_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    physician = PhysicianFactory(procedures=[kyphoplasty()], languages=[LanguageFactory(name="Spanish")])
    PracticeFactory(physician=physician)
    few, _ = measure(client, physician.get_absolute_url(), django_assert_max_num_queries)
    for _n in range(5):
        PracticeFactory(physician=physician)
    physician.procedures.add(epidural())
    physician.languages.add(LanguageFactory(name="French"), LanguageFactory(name="Vietnamese"))
    many, _ = measure(client, physician.get_absolute_url(), django_assert_max_num_queries)
    assert few == many


def test_the_nearest_query_returns_at_most_the_limit(texas_and_beyond):
    nearest = list(Center.objects.active().nearest(*AUSTIN, radius_miles=None, limit=3))
    assert [c.name for c in nearest] == ["South Austin Center", "Cedar Park Center", "Houston Center"]
