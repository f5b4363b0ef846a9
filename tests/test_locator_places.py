"""Find a center by ZIP code or by city and state, however the place is typed."""

import html

import pytest

from appointments import geo

from .factories_appointments import (
    CenterFactory,
)
from .locator import AUSTIN, field_error, result_names, search

pytestmark = pytest.mark.django_db


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
    from appointments.geo import US_STATES

    assert US_STATES is geo.US_STATES
    assert ("TX", "Texas") in US_STATES
