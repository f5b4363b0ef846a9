"""Find a physician by place (?near=&radius=, nearest first), names with or without accents (on SQLite and
PostgreSQL alike), and the center filter as a search rather than a list of every center."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from appointments.models import Physician

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .html import find_all, find_one, has_class, parse, text

pytestmark = pytest.mark.django_db

DIRECTORY = "/physicians/"
# The smallest valid GIF: a photo staff uploaded.
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")


def listed(response) -> list[str]:
    return [text(find_all(li, "a")[0]) for li in find_all(parse(response), "li") if has_class(li, "result")]


def at(center, first: str, last: str, **kwargs) -> Physician:
    physician = PhysicianFactory(first_name=first, last_name=last, **kwargs)
    PracticeFactory(physician=physician, center=center)
    return physician


@pytest.fixture
def three_cities():
    austin = CenterFactory(name="Austin Center", place=PLACES["78704"])
    cedar_park = CenterFactory(name="Cedar Park Center", place=PLACES["78613"])
    houston = CenterFactory(name="Houston Center", place=PLACES["77002"])
    # Named so that the alphabetical order is the reverse of the distance order.
    return {
        "far": at(houston, "Hana", "Abbott"),
        "near": at(austin, "Ana", "Young"),
        "middle": at(cedar_park, "Cy", "Moss"),
    }


@pytest.mark.parametrize("near", ["78701", "Austin, TX", "Austin TX 78701"])
def test_physicians_near_a_place_are_listed_nearest_first_within_the_radius(client, three_cities, near):
    response = client.get(DIRECTORY, {"near": near, "radius": "50"})
    assert response.status_code == 200
    assert listed(response) == ["Dr. Ana Young, MD", "Dr. Cy Moss, MD"]
    distances = [text(p) for p in find_all(parse(response), "p") if has_class(p, "result-distance")]
    miles = [float(d.removeprefix("Nearest center: ").removesuffix(" mi away")) for d in distances]
    assert miles == sorted(miles)
    assert miles[-1] < 50
    assert "near" in text(find_one(parse(response), "h2", id="results-heading"))


def test_physicians_near_a_place_at_any_distance_include_far_ones(client, three_cities):
    response = client.get(DIRECTORY, {"near": "78701", "radius": "any"})
    assert listed(response) == ["Dr. Ana Young, MD", "Dr. Cy Moss, MD", "Dr. Hana Abbott, MD"]


def test_physicians_in_a_state(client, three_cities):
    at(CenterFactory(name="Phoenix Center", place=PLACES["85004"]), "Pat", "Phoenix")
    response = client.get(DIRECTORY, {"near": "Texas"})
    assert response.status_code == 200
    assert sorted(listed(response)) == ["Dr. Ana Young, MD", "Dr. Cy Moss, MD", "Dr. Hana Abbott, MD"]


def test_place_the_directory_cannot_read_is_400_with_the_locators_message(client, three_cities):
    response = client.get(DIRECTORY, {"near": "Pittsburg, PA"})
    assert response.status_code == 400
    assert "We don’t know Pittsburg, PA" in response.content.decode()
    assert listed(response) == []


@pytest.mark.parametrize("q", ["Martínez", "Martinez", "martinez", "MARTÍNEZ", "José Martinez", "Jose"])
def test_physician_names_match_with_or_without_accents(client, q):
    at(CenterFactory(), "José", "Martínez")
    at(CenterFactory(), "Joseph", "Martin")
    response = client.get(DIRECTORY, {"q": q})
    assert response.status_code == 200
    assert "Dr. José Martínez, MD" in listed(response)
    assert "Dr. Joseph Martin, MD" not in listed(response) or q == "Jose"


def test_a_renamed_physician_is_found_by_the_new_name(client):
    physician = at(CenterFactory(), "Ana", "Lopez")
    physician.last_name = "Peña"
    physician.save()
    assert listed(client.get(DIRECTORY, {"q": "pena"})) == ["Dr. Ana Peña, MD"]


def test_center_filter_is_a_search_box_not_a_list_of_every_center(client, three_cities):
    for n in range(30):
        CenterFactory(name=f"Extra Center {n}")
    response = client.get(DIRECTORY)
    assert find_all(parse(response), "select", name="center") == []
    assert find_one(parse(response), "input", name="center")
    assert "Extra Center 29" not in response.content.decode()


@pytest.mark.parametrize("center", ["Cedar Park", "cedar park center", "Cedar"])
def test_center_search_finds_the_physicians_of_centers_named_so(client, three_cities, center):
    response = client.get(DIRECTORY, {"center": center})
    assert response.status_code == 200
    assert listed(response) == ["Dr. Cy Moss, MD"]


def test_center_search_by_city(client, three_cities):
    assert listed(client.get(DIRECTORY, {"center": "Houston"})) == ["Dr. Hana Abbott, MD"]


def test_physician_photo_shows_in_the_directory_when_staff_uploaded_one(client, three_cities, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    physician = three_cities["near"]
    physician.photo = SimpleUploadedFile("ana.gif", GIF, content_type="image/gif")
    physician.save()
    page = parse(client.get(DIRECTORY, {"near": "78701"}))
    (photo,) = find_all(page, "img", **{"class": "physician-thumb"})
    assert dict(photo.attributes)["src"].startswith("/media/physicians/ana")


def test_directory_with_a_place_uses_a_bounded_number_of_queries(client, three_cities, django_assert_max_num_queries):
    for n in range(10):
        at(CenterFactory(place=PLACES["78704"]), "Pat", f"Extra{n}")
    with django_assert_max_num_queries(8):
        response = client.get(DIRECTORY, {"near": "78701"})
    assert len(listed(response)) == 12
