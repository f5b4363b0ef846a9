"""Accepting new patients is true of a physician at a center, never of the physician alone: the directory, the
physician's profile, the center page and the structured data say it per center."""

import pytest

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .html import find_all, has_class, jsonld, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def split():
    """Dr. Vasquez accepts new patients in Austin and not in Houston."""
    austin = CenterFactory(name="Austin Center", place=PLACES["78701"])
    houston = CenterFactory(name="Houston Center", place=PLACES["77002"])
    vasquez = PhysicianFactory(first_name="Elena", last_name="Vasquez")
    PracticeFactory(physician=vasquez, center=austin, accepting_new_patients=True)
    PracticeFactory(physician=vasquez, center=houston, accepting_new_patients=False)
    return {"austin": austin, "houston": houston, "vasquez": vasquez}


def listing(client, **params) -> str:
    page = parse(client.get("/physicians/", params))
    return " ".join(text(li) for li in find_all(page, "li") if has_class(li, "result"))


def test_the_directory_says_it_beside_each_center_and_never_for_the_physician_alone(client, split):
    shown = listing(client, q="Vasquez")
    assert "Austin Center (accepting new patients); Houston Center (not accepting new patients)" in shown
    assert "Accepting new patients" not in shown  # the old line that was true of one center only


def test_near_a_place_with_accepting_only_the_distance_is_to_a_center_where_they_accept(client, split):
    shown = listing(client, near="77002", radius="any", accepting="1")
    assert "Nearest center: 146.9 mi away" in shown  # Austin, where she accepts; not Houston, next door
    assert "less than a mile" not in shown
    assert "Nearest center: less than a mile away" in listing(client, near="77002", radius="any")


def test_near_a_place_with_accepting_only_a_physician_accepting_only_far_away_is_not_near(client, split):
    assert listing(client, near="77002", radius="10", accepting="1") == ""
    assert "Vasquez" in listing(client, near="77002", radius="10")


def test_the_center_page_and_the_profile_say_it_for_each_center(client, split):
    page = text(parse(client.get(split["vasquez"].get_absolute_url())))
    assert "Accepting new patients here" in page
    assert "Not accepting new patients here" in page
    assert "Dr. Elena Vasquez, MD – not accepting new patients here" in text(
        parse(client.get(split["houston"].get_absolute_url()))
    )
    assert "Dr. Elena Vasquez, MD – accepting new patients here" in text(
        parse(client.get(split["austin"].get_absolute_url()))
    )


def test_structured_data_says_it_per_location_and_for_the_physician_only_when_every_location_agrees(client, split):
    (data,) = [d for d in jsonld(client.get(split["vasquez"].get_absolute_url())) if d["@type"] == "Physician"]
    assert "isAcceptingNewPatients" not in data
    assert {place["name"]: place["isAcceptingNewPatients"] for place in data["location"]} == {
        "Austin Center": True,
        "Houston Center": False,
    }
    other = PhysicianFactory(first_name="Ann", last_name="Lee")
    PracticeFactory(physician=other, center=split["houston"], accepting_new_patients=False)
    (data,) = [d for d in jsonld(client.get(other.get_absolute_url())) if d["@type"] == "Physician"]
    assert data["isAcceptingNewPatients"] is False
