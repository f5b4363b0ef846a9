"""Reading places as people type them: apostrophes, accents, Saint/St., a ZIP code with its city in any order,
a full street address, a state alone, misspellings ("Did you mean …") and a city without its state."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appointments import geo, places

from .factories_appointments import PLACES, CenterFactory
from .html import find_all, find_one, parse, text

pytestmark = pytest.mark.django_db

LOCATOR = "/centers/"


def center_at(name: str, zip_code: str, city: str, state: str, **kwargs):
    lat, lng = geo.zip_point(zip_code)
    return CenterFactory(name=name, city=city, state=state, zip_code=zip_code, latitude=lat, longitude=lng, **kwargs)


def result_names(response) -> list[str]:
    return [text(find_all(li, "a")[0]) for li in find_all(parse(response), "li", **{"class": "result"})]


def suggestions(response) -> list[tuple[str, str]]:
    found = find_all(parse(response), "p", id="q-suggestions")
    return [(text(a), dict(a.attributes)["href"]) for a in find_all(found[0], "a")] if found else []


@pytest.mark.parametrize(
    ("q", "zip_code", "city", "state"),
    [
        ("O'Fallon, MO", "63366", "O Fallon", "MO"),
        ("O’Fallon MO", "63366", "O Fallon", "MO"),
        ("Coeur d'Alene, ID", "83814", "Coeur D Alene", "ID"),
        ("Española, NM", "87532", "Espanola", "NM"),
        ("Cañon City, CO", "81212", "Canon City", "CO"),
        ("Canon City, Colorado", "81212", "Cañon City", "CO"),
        ("Winston Salem, NC", "27101", "Winston-Salem", "NC"),
        ("Port St. Lucie, FL", "34952", "Port Saint Lucie", "FL"),
        ("Port Saint Lucie FL", "34952", "Port St. Lucie", "FL"),
    ],
)
def test_apostrophes_accents_hyphens_and_saint_are_read_as_the_dataset_spells_them(client, q, zip_code, city, state):
    center_at("Found Center", zip_code, city, state)
    response = client.get(LOCATOR, {"q": q})
    assert response.status_code == 200, q
    assert result_names(response) == ["Found Center"]


@pytest.mark.parametrize(
    "q",
    [
        "Austin TX 78701",
        "Austin, TX 78701",
        "78701 Austin, TX",
        "TX 78701 Austin",
        "TX Austin",
        "6190 Park Boulevard, Austin, TX 78701",
        "6190 Park Boulevard, Austin, TX",
        "6190 Park Boulevard, Austin TX",
        "6190 Park Boulevard Austin TX 78701-1234",
        "12345 Ranch Road, Austin, Texas, 78701",
    ],
)
def test_zip_city_and_state_in_any_order_and_full_addresses_find_the_place(client, q):
    CenterFactory(name="Austin Center", place=PLACES["78704"])
    CenterFactory(name="Houston Center", place=PLACES["77002"])
    response = client.get(LOCATOR, {"q": q})
    assert response.status_code == 200, q
    assert result_names(response) == ["Austin Center"]


def test_unknown_zip_in_an_address_falls_back_to_its_city_and_state():
    place = places.resolve("1 Main Street, Austin, TX 00000")
    assert place.label == "Austin, TX"


@pytest.mark.parametrize("q", ["Texas", "texas", "TX"])
def test_a_state_alone_lists_its_centers_by_city(client, q):
    CenterFactory(name="Houston Center", place=PLACES["77002"])
    CenterFactory(name="Austin Center", place=PLACES["78704"])
    CenterFactory(name="Phoenix Center", place=PLACES["85004"])
    response = client.get(LOCATOR, {"q": q})
    assert response.status_code == 200
    assert result_names(response) == ["Austin Center", "Houston Center"]
    assert "2 centers in Texas" in text(find_one(parse(response), "h2", id="results-heading"))


def test_a_state_without_centers_says_so(client):
    CenterFactory(name="Austin Center", place=PLACES["78704"])
    response = client.get(LOCATOR, {"q": "Vermont"})
    assert response.status_code == 200
    assert "No centers in Vermont yet" in text(find_one(parse(response), "h2", id="results-heading"))


def test_misspelled_city_offers_did_you_mean_links_that_keep_the_filters(client):
    CenterFactory(name="Pittsburgh Center", city="Pittsburgh", state="PA", latitude=40.44, longitude=-80.0)
    response = client.get(LOCATOR, {"q": "Pittsburg, PA", "radius": "25", "procedure": ""})
    assert response.status_code == 400
    offered = suggestions(response)
    assert offered[0] == ("Pittsburgh, PA", "?q=Pittsburgh%2C+PA&radius=25")
    assert "Did you mean" in text(find_one(parse(response), "p", id="q-suggestions"))
    followed = client.get(LOCATOR + offered[0][1])
    assert result_names(followed) == ["Pittsburgh Center"]


def test_city_without_a_state_offers_its_states_as_links(client):
    response = client.get(LOCATOR, {"q": "austin"})
    assert response.status_code == 400
    labels = [label for label, _ in suggestions(response)]
    assert labels[0] == "Austin, TX"
    assert {"Austin, MN", "Austin, AR"} <= set(labels)
    assert "Which one did you mean" in text(find_one(parse(response), "p", id="q-suggestions"))


def test_a_place_that_cannot_be_read_offers_no_links(client):
    response = client.get(LOCATOR, {"q": "東京, TX"})
    assert response.status_code == 400
    assert suggestions(response) == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=80))
def test_any_text_is_a_place_or_a_clear_message(text):
    place, problem = _resolve(text)
    if problem is not None:
        assert problem.message
        assert all(isinstance(suggestion, str) for suggestion in problem.suggestions)
    else:
        assert place is not None
        assert -90 <= place.point[0] <= 90
        assert -180 <= place.point[1] <= 180
        assert place.label


def _resolve(text: str) -> tuple[places.Place | None, places.PlaceNotFound | None]:
    """The place the text names, or the message it gets instead."""
    try:
        return places.resolve(text), None
    except places.PlaceNotFound as problem:
        return None, problem


ADDRESS_WORDS = st.sampled_from(["6190", "Park", "Blvd", "St.", "Austin", "TX", "Texas", "78701", ",", "O'Fallon", "Ñ"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(ADDRESS_WORDS, max_size=8))
def test_any_place_typed_on_any_page_never_gives_a_server_error(client, words):
    q = " ".join(words)
    assert client.get(LOCATOR, {"q": q}).status_code in (200, 400)
    assert client.get("/physicians/", {"near": q}).status_code in (200, 400)
    assert client.get("/appointments/request/", {"q": q}).status_code == 200
