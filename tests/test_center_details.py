"""A center page as a patient uses it: directions to the door in the maps service they choose, distances from
approximate locations said as "about", the details they ask for, and today's row in the hours."""

import datetime as dt
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone

from appointments.models import Center

from .factories_appointments import PLACES, CenterFactory, LanguageFactory, weekday_hours
from .html import attr, find_all, find_one, has_class, parse, text

pytestmark = pytest.mark.django_db

PARK_BOULEVARD = "6190 Park Boulevard, Austin, TX 78701, USA"


@pytest.fixture
def park_boulevard():
    """A center whose coordinates staff left blank: they come from the middle of its ZIP code."""
    return CenterFactory(
        name="Park Boulevard Center", address="6190 Park Boulevard", city="Austin", state="TX", zip_code="78701",
        latitude=None, longitude=None, timezone="America/Chicago",
    )  # fmt: skip


def directions(page) -> dict[str, str]:
    block = [div for div in find_all(page, "div") if has_class(div, "directions")]
    assert len(block) == 1
    return {text(a).split(" directions")[0]: attr(a, "href") for a in find_all(block[0], "a")}


def test_directions_name_the_street_address_in_three_maps_services(client, park_boulevard):
    links = directions(parse(client.get(park_boulevard.get_absolute_url())))
    assert set(links) == {"Apple Maps", "Google Maps", "OpenStreetMap"}
    apple, google, osm = (urlsplit(links[name]) for name in ("Apple Maps", "Google Maps", "OpenStreetMap"))
    assert (apple.netloc, parse_qs(apple.query)["daddr"]) == ("maps.apple.com", [PARK_BOULEVARD])
    assert (google.netloc, parse_qs(google.query)["destination"]) == ("www.google.com", [PARK_BOULEVARD])
    assert (osm.netloc, parse_qs(osm.query)["to"]) == ("www.openstreetmap.org", [PARK_BOULEVARD])
    for href in links.values():
        assert "30.27" not in href  # never the ZIP code's middle


def test_directions_links_say_they_leave_the_site(client, park_boulevard):
    page = parse(client.get(park_boulevard.get_absolute_url()))
    block = next(div for div in find_all(page, "div") if has_class(div, "directions"))
    assert "leave our site" in text(block)
    for link in find_all(block, "a"):
        assert "external" in attr(link, "rel")
        assert "another website" in text(link)


def test_coordinates_from_the_zip_code_are_marked_approximate_and_real_ones_are_not(park_boulevard):
    assert park_boulevard.location_is_approximate
    park_boulevard.latitude, park_boulevard.longitude = 30.2651, -97.7493
    park_boulevard.save()
    assert not Center.objects.get(pk=park_boulevard.pk).location_is_approximate
    assert CenterFactory(place=PLACES["78704"]).location_is_approximate  # the factory's are the ZIP's coordinates
    assert not CenterFactory(latitude=30.2428, longitude=-97.7657).location_is_approximate


def test_distance_to_an_approximately_placed_center_says_about(client, park_boulevard):
    exact = CenterFactory(name="Exact Center", place=PLACES["78704"], latitude=30.2428, longitude=-97.7657)
    page = parse(client.get("/centers/", {"q": "78701"}))
    distances = {
        text(find_all(li, "a")[0]): text(next(p for p in find_all(li, "p") if has_class(p, "result-distance")))
        for li in find_all(page, "li")
        if has_class(li, "result")
    }
    assert distances["Park Boulevard Center"] == "about a mile away or less"  # never "0.0 mi"
    assert distances[exact.name].startswith("2.")
    assert not distances[exact.name].startswith("about")


def test_admin_shows_staff_that_a_location_is_approximate(admin_client, park_boulevard):
    page = admin_client.get("/admin/appointments/center/").content.decode()
    assert "location is approximate" in page.lower()
    change = admin_client.get(f"/admin/appointments/center/{park_boulevard.pk}/change/").content.decode()
    assert "approximate" in change
    assert "Visiting" in change


def test_details_patients_ask_for_show_when_filled(client):
    center = CenterFactory(
        name="Detailed Center", suite="2nd floor, Suite 210", parking="Free parking garage on Oak Street",
        accessibility="Step-free entrance on Oak Street; elevator to the 2nd floor", transit="Bus 7 stops at the door",
    )  # fmt: skip
    center.languages.set([LanguageFactory(name="Spanish"), LanguageFactory(name="Vietnamese")])
    page = parse(client.get(center.get_absolute_url()))
    details = find_one(page, "dl")
    assert [text(dt_) for dt_ in find_all(details, "dt")] == [
        "Floor and suite", "Parking", "Wheelchair access and entrance", "Public transit", "Languages spoken",
    ]  # fmt: skip
    assert "Step-free entrance on Oak Street" in text(details)
    assert "Spanish, Vietnamese" in text(details)


def test_details_are_left_out_when_empty(client):
    page = client.get(CenterFactory().get_absolute_url()).content.decode()
    assert "Getting here" not in page
    assert "<dl" not in page


def test_todays_row_is_marked_in_the_centers_own_time_zone(client, monkeypatch):
    center = CenterFactory(place=PLACES["90012"])
    weekday_hours(center, days=range(7))
    # Tuesday 02:00 UTC is still Monday evening in Los Angeles.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 3, 3, 2, 0, tzinfo=dt.UTC))
    page = parse(client.get(center.get_absolute_url()))
    rows = [row for row in find_all(find_one(page, "table"), "tr") if attr(row, "aria-current") == "date"]
    assert len(rows) == 1
    assert text(find_one(rows[0], "th")) == "Monday (today)"


def test_imported_centers_without_coordinates_are_marked_approximate(tmp_path):
    csv = tmp_path / "centers.csv"
    csv.write_text(
        "name,address,city,state,zip,phone,latitude,longitude\n"
        "Zip Center,1 Main St,Austin,TX,78701,(512) 555-0100,,\n"
        "Door Center,2 Main St,Austin,TX,78701,(512) 555-0101,30.2651,-97.7493\n"
    )
    call_command("import_centers", str(csv), stdout=io.StringIO())
    assert Center.objects.get(name="Zip Center").location_is_approximate
    assert not Center.objects.get(name="Door Center").location_is_approximate
