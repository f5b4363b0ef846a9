"""Distances say what they are: "less than a mile" rather than "0.0 mi", "about" for a center located by its ZIP
code's middle, and once per list that they are in a straight line."""

import pytest

from appointments import distances

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .html import find_all, has_class, parse, result_distances, text

pytestmark = pytest.mark.django_db

STRAIGHT_LINE = "Distances are in a straight line, not by road."


@pytest.mark.parametrize(
    ("miles", "approximate", "said"),
    [
        (0.0, False, "less than a mile away"),
        (0.04, False, "less than a mile away"),
        (0.96, False, "less than a mile away"),
        (1.0, False, "1.0 mi away"),
        (0.0, True, "about a mile away or less"),
        (2.44, True, "about 2.4 mi away"),
        (146.92, False, "146.9 mi away"),
    ],
)
def test_a_distance_is_said_plainly(miles, approximate, said):
    assert distances.away(miles, approximate=approximate) == said


def test_a_center_in_the_zip_searched_is_not_0_0_mi_away(client):
    CenterFactory(name="Right Here", place=PLACES["78701"], latitude=30.2713, longitude=-97.7426)
    CenterFactory(name="Exact Door", latitude=30.2714, longitude=-97.7427, zip_code="78701", city="Austin")
    shown = result_distances(parse(client.get("/centers/", {"q": "78701"})))
    assert shown == ["about a mile away or less", "less than a mile away"]
    assert "0.0" not in " ".join(shown)
    spanish = result_distances(parse(client.get("/es/centers/", {"q": "78701"})))
    assert spanish == ["a una milla o menos, aproximadamente", "a menos de una milla"]


def notes(page) -> list[str]:
    return [text(p) for p in find_all(parse(page), "p") if has_class(p, "distance-note")]


def test_the_locator_says_once_per_list_that_distances_are_in_a_straight_line(client):
    for n in range(3):
        CenterFactory(name=f"Austin {n}", place=PLACES["78704"])
    assert notes(client.get("/centers/", {"q": "78701"})) == [STRAIGHT_LINE]
    assert notes(client.get("/centers/", {"q": "78701", "radius": "10"})) == [STRAIGHT_LINE]
    assert notes(client.get("/centers/", {"q": "TX"})) == []  # a state's list shows no distances
    beyond = client.get("/centers/", {"q": "10001", "radius": "10"})
    assert "The nearest one is" in text(parse(beyond))
    assert notes(beyond) == [STRAIGHT_LINE]


def test_the_directory_says_it_once_above_physicians_near_a_place(client):
    center = CenterFactory(place=PLACES["78704"])
    for n in range(3):
        PracticeFactory(center=center, physician=PhysicianFactory(last_name=f"Near{n}"))
    assert notes(client.get("/physicians/", {"near": "78701"})) == [STRAIGHT_LINE]
    assert notes(client.get("/physicians/")) == []
    assert notes(client.get("/es/physicians/", {"near": "78701"})) == [
        "Las distancias son en línea recta, no por carretera."
    ]
