"""Demand counted by area: a state and a 3-digit ZIP prefix read from what was searched (a ZIP code, a city, a whole
state, the browser's location), the procedure, and whether a center offering it is within 50 miles (issue 25)."""

from collections import Counter

import pytest

from appointments import zip_prefixes

from .factories_appointments import PLACES, CenterFactory
from .insight import counting, rows  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("counting")]


def searches() -> list[tuple]:
    return [(r["source"], r["state"], r["zip3"], r["procedure"], r["found"], r["count"]) for r in rows(kind="search")]


def test_a_zip_code_a_city_a_state_and_a_location_are_read_as_areas(public, center):
    public.get("/centers/?q=78701")
    public.get("/centers/?q=Houston%2C+TX&radius=10")  # Cedar Park is 150 miles away
    public.get("/centers/?q=Texas")
    public.get("/es/centers/?lat=40.7484&lng=-73.9967")  # New York, from the browser, on the Spanish page
    assert sorted(searches()) == [
        ("locator", "NY", "100", "", False, 1),
        ("locator", "TX", "", "", True, 1),
        ("locator", "TX", "770", "", False, 1),
        ("locator", "TX", "787", "", True, 1),
    ]


def test_a_center_that_does_not_offer_the_procedure_is_not_found(public, kyphoplasty):
    CenterFactory(name="Injections only", place=PLACES["78704"], procedures=[])
    public.get("/centers/?q=78701&procedure=kyphoplasty")
    public.get("/centers/?q=78701&radius=any")
    assert sorted(searches()) == [
        ("locator", "TX", "787", "", True, 1),
        ("locator", "TX", "787", "kyphoplasty", False, 1),
    ]


def test_the_nearest_center_beyond_a_short_radius_still_counts_within_50_miles(public, center):
    public.get("/centers/?q=78701&radius=10")  # Cedar Park is about 17 miles away: listed as the nearest beyond
    assert searches() == [("locator", "TX", "787", "", True, 1)]


def test_the_directory_counts_a_search_near_a_place(public, physician):
    public.get("/physicians/?near=78701")
    public.get("/physicians/?near=10001&radius=10")
    public.get("/physicians/?q=Okafor")  # a name, not a place: not demand
    assert sorted(searches()) == [("directory", "NY", "100", "", False, 1), ("directory", "TX", "787", "", True, 1)]


def test_the_request_form_counts_its_search_once_per_view(public, center):
    for _ in range(3):
        assert public.get("/appointments/request/?q=10001&procedure=kyphoplasty").status_code == 200
    public.get("/appointments/request/")  # no place: no search
    assert searches() == [("form", "NY", "100", "kyphoplasty", False, 3)]


def test_a_search_that_could_not_be_read_counts_nothing(public, center):
    public.get("/centers/?q=Atlantis%2C+ZZ")
    public.get("/appointments/request/?q=00000")
    assert searches() == []


def test_small_areas_are_counted_as_000_with_their_state(public, center):
    public.get("/centers/?q=03601")  # Acworth, NH: a prefix of 20,000 people or fewer
    assert searches() == [("locator", "NH", "000", "", False, 1)]


@pytest.mark.slow
def test_the_prefixes_states_agree_with_the_zip_code_dataset():
    import zipcodes

    states: dict[str, Counter] = {}
    for entry in zipcodes.list_all():
        states.setdefault(entry["zip_code"][:3], Counter())[entry["state"]] += 1
    assert {prefix: zip_prefixes.state_of(prefix) for prefix in states} == {
        prefix: counted.most_common(1)[0][0] for prefix, counted in states.items()
    }
    assert zip_prefixes.state_of("000") == ""
