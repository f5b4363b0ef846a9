"""A city typed without its state: a name that begins with a state's ("Kansas City", "Oklahoma City") is the city,
not a town called "City"; a name only one state has ("Cedar Park") is searched at once; a name several states have
offers each; and the place is named as people spell it (Coeur d'Alene, McAllen), not as str.title() would."""

import html

import pytest

from appointments import places

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .html import find_all, find_one, parse, text
from .locator import field_error, result_names, search

pytestmark = pytest.mark.django_db

OKLAHOMA_CITY = {
    "city": "Oklahoma City",
    "state": "OK",
    "zip_code": "73102",
    "latitude": 35.4676,
    "longitude": -97.5164,
}
KANSAS_CITY_MO = {"city": "Kansas City", "state": "MO", "zip_code": "64106", "latitude": 39.0997, "longitude": -94.5786}


def suggestions(response) -> list[tuple[str, str]]:
    found = find_all(parse(response), "p", id="q-suggestions")
    return [(text(a), dict(a.attributes)["href"]) for a in find_all(found[0], "a")] if found else []


def heading(response) -> str:
    return text(find_one(parse(response), "h2", id="results-heading"))


@pytest.mark.parametrize("q", ["Oklahoma City", "oklahoma city", "OKLAHOMA CITY"])
def test_a_city_named_after_its_state_is_the_city_not_a_town_called_city(client, q):
    CenterFactory(name="Oklahoma City Center", **OKLAHOMA_CITY)
    response = search(client, q=q, radius="25")
    assert response.status_code == 200, field_error(response.content.decode(), "q")
    assert result_names(response.content.decode()) == ["Oklahoma City Center"]
    assert "of Oklahoma City, OK" in heading(response)


@pytest.mark.parametrize("q", ["Cedar Park", "cedar park", "CEDAR PARK"])
def test_a_city_only_one_state_has_is_searched_at_once(client, q):
    CenterFactory(name="Cedar Park Center", place=PLACES["78613"])
    CenterFactory(name="Houston Center", place=PLACES["77002"])
    response = search(client, q=q, radius="25")
    assert response.status_code == 200, field_error(response.content.decode(), "q")
    assert result_names(response.content.decode()) == ["Cedar Park Center"]
    assert "of Cedar Park, TX" in heading(response)
    assert places.resolve(q).label == "Cedar Park, TX"


@pytest.mark.parametrize("q", ["Kansas City", "kansas city", "6190 Park Boulevard, Kansas City"])
def test_a_city_several_states_have_offers_each_state(client, q):
    CenterFactory(name="Kansas City Center", **KANSAS_CITY_MO)
    response = search(client, q=q, radius="25")
    assert response.status_code == 400
    assert html.unescape(field_error(response.content.decode(), "q")) == "Add the state, for example Kansas City, MO."
    offered = suggestions(response)
    assert [label for label, _ in offered] == ["Kansas City, MO", "Kansas City, KS"]
    assert "Which one did you mean" in text(find_one(parse(response), "p", id="q-suggestions"))
    followed = client.get("/centers/" + offered[0][1])
    assert result_names(followed.content.decode()) == ["Kansas City Center"]


@pytest.mark.parametrize(
    ("q", "label"),
    [
        ("Kansas City, KS", "Kansas City, KS"),
        ("Kansas City Kansas", "Kansas City, KS"),
        ("kansas city mo", "Kansas City, MO"),
        ("Oklahoma City, OK", "Oklahoma City, OK"),
        ("oklahoma city oklahoma", "Oklahoma City, OK"),
    ],
)
def test_a_city_named_after_a_state_with_its_state_is_found(q, label):
    assert places.resolve(q).label == label


@pytest.mark.parametrize(
    ("q", "label"),
    [
        ("o'fallon, mo", "O'Fallon, MO"),
        ("O'Fallon, MO", "O'Fallon, MO"),
        ("O’FALLON MO", "O'Fallon, MO"),
        ("coeur d'alene, id", "Coeur d'Alene, ID"),
        ("Coeur d'Alene, ID", "Coeur d'Alene, ID"),
        ("coeur d'alene", "Coeur d'Alene, ID"),
        ("winston-salem, nc", "Winston-Salem, NC"),
        ("McAllen, TX", "McAllen, TX"),
        ("DeKalb, IL", "DeKalb, IL"),
        ("ST. LOUIS, MO", "St. Louis, MO"),
    ],
)
def test_the_place_is_named_as_it_is_spelt_not_as_str_title_would(q, label):
    """str.title() gave "Coeur D'Alene" and turned a typed "McAllen" into "Mcallen"."""
    assert places.resolve(q).label == label


def test_the_suggested_states_name_the_city_as_it_is_spelt(client):
    response = search(client, q="o'fallon")
    assert response.status_code == 400
    assert html.unescape(field_error(response.content.decode(), "q")) == "Add the state, for example O'Fallon, MO."
    assert [label for label, _ in suggestions(response)] == ["O'Fallon, MO", "O'Fallon, IL"]


def test_the_physician_directory_reads_a_city_alone_as_the_locator_does(client):
    center = CenterFactory(name="Oklahoma City Center", **OKLAHOMA_CITY)
    PracticeFactory(physician=PhysicianFactory(first_name="Ana", last_name="Reyes"), center=center)
    response = client.get("/physicians/", {"near": "Oklahoma City", "radius": "25"})
    assert response.status_code == 200
    assert [text(find_all(li, "a")[0]) for li in find_all(parse(response), "li", **{"class": "result"})] == [
        "Dr. Ana Reyes, MD"
    ]
