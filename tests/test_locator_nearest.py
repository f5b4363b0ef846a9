"""Find a center: when nothing is within the radius, the nearest center beyond it is offered."""

import html

import pytest

from .factories_appointments import (
    PLACES,
    CenterFactory,
)
from .locator import epidural, kyphoplasty, result_distances, result_names, search

pytestmark = pytest.mark.django_db


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
    assert "No centers offering Kyphoplasty within 10 miles of 78701" in page
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
