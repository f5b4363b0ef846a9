"""Find a center: bad or empty input gets a clear message by the field, never a server error."""

import html

import pytest

from .factories import ProcedureFactory
from .html import attr, attrs, find_one, parse, selected_value
from .locator import LOCATOR, field_error, result_names, search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("radius", ["7", "-1", "abc", "0", "10.5", "1e9", "ANY"])
def test_radius_not_offered_is_400_with_a_message_and_the_other_answers_kept(client, texas_and_beyond, radius):
    response = search(client, q="78701", radius=radius, procedure="kyphoplasty")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select a valid choice" in field_error(page, "radius")
    assert 'name="q" value="78701"' in page
    assert selected_value(parse(page), "procedure") == "kyphoplasty"
    assert result_names(page) == []
    assert "<title>Error:" in page


def test_unknown_zip_is_400_with_a_clear_message_next_to_the_search_box(client, texas_and_beyond):
    response = search(client, q="99999")
    page = response.content.decode()
    assert response.status_code == 400
    assert "We don’t know the ZIP code 99999" in html.unescape(field_error(page, "q"))
    assert 'name="q" value="99999"' in page
    search_box = find_one(parse(page), "input", name="q")
    assert attr(search_box, "aria-invalid") == "true"
    assert "id_q_error" in attr(search_box, "aria-describedby").split()


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


@pytest.mark.parametrize("procedure", ["no-such-procedure", "KYPHOPLASTY", "'; --", "é" * 300, "\x00"])
def test_unknown_procedure_searches_every_procedure_with_a_note(client, texas_and_beyond, procedure):
    response = search(client, q="78701", procedure=procedure)
    assert response.status_code == 200  # was a 400 "Select a valid choice"
    assert "The procedure in this link is not one we list" in response.content.decode()
    assert result_names(response.content.decode()) == ["South Austin Center", "Cedar Park Center"]


def test_draft_procedure_is_not_searched_and_not_named(client, texas_and_beyond):
    ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft")
    response = search(client, q="78701", procedure="secret-draft")
    assert response.status_code == 200  # a link to a procedure we do not list: every procedure, with a note
    assert "The procedure in this link is not one we list" in response.content.decode()
    assert "Secret Draft Procedure" not in response.content.decode()


def test_empty_locator_shows_the_form_and_no_results(client, texas_and_beyond):
    response = client.get(LOCATOR)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="q"' in page
    assert result_names(page) == []
    assert "hidden" in attrs(find_one(parse(page), "button", id="use-location"))


def test_procedure_without_a_place_asks_for_one(client, texas_and_beyond):
    response = search(client, procedure="epidural-injections")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter your ZIP code or city and state above to see centers offering Epidural Injections near you." in page
    assert result_names(page) == []


def test_empty_locator_does_not_ask_for_a_place(client, texas_and_beyond):
    for params in [{}, {"q": "", "radius": "50"}]:
        page = search(client, **params).content.decode()
        assert "Enter your ZIP code or city and state above" not in page


def test_results_heading_can_take_focus_but_errors_have_none(client, texas_and_beyond):
    page = search(client, q="78701").content.decode()
    assert attr(find_one(parse(page), "h2", id="results-heading"), "tabindex") == "-1"
    page = search(client, q="99999").content.decode()
    assert 'id="results-heading"' not in page


def test_empty_form_preselects_the_default_radius(client):
    # The form a patient submits must search the same distance as a link without a radius (50 miles).
    page = client.get(LOCATOR).content.decode()
    assert selected_value(parse(page), "radius") == "50"


def test_empty_search_box_is_not_an_error(client, texas_and_beyond):
    response = search(client, q="", radius="50")
    assert response.status_code == 200
    assert result_names(response.content.decode()) == []


def test_query_string_with_repeated_and_unknown_parameters_does_not_break(client, texas_and_beyond):
    response = client.get(LOCATOR + "?q=78701&q=99999&radius=any&radius=7&utm_source=mail&page=abc")
    assert response.status_code in (200, 400)
