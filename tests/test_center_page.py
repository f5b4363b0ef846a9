"""A center's page: address, phone, directions, hours, procedures, physicians and its schema.org description;
coordinates filled from the ZIP code."""

import datetime as dt
import html

import pytest

from appointments.models import Center

from .factories import ProcedureFactory
from .factories_appointments import (
    PLACES,
    CenterFactory,
    LanguageFactory,
    OpeningHoursFactory,
    PhysicianFactory,
    PracticeFactory,
    weekday_hours,
)
from .html import attr, find_all, find_one, has_class, jsonld_of_type, parse, text
from .locator import (
    epidural,
    jsonld,
    kyphoplasty,
    measure,
    result_names,
    search,
)
from .support import not_said

pytestmark = pytest.mark.django_db


def test_coordinates_fill_from_the_zip_code_when_left_blank():
    center = Center.objects.create(
        name="No Coordinates", address="1 Main St", city="Phoenix", state="AZ", zip_code="85004", phone="(602) 555-0100"
    )
    center.refresh_from_db()
    assert (center.latitude, center.longitude) == pytest.approx((33.4557, -112.0686))


def test_coordinates_fill_from_a_zip_plus_four():
    center = CenterFactory(zip_code="85004-1234", latitude=None, longitude=None)
    assert (center.latitude, center.longitude) == pytest.approx((33.4557, -112.0686))


def test_coordinates_fill_when_only_one_is_blank():
    center = CenterFactory(place=PLACES["85004"], latitude=12.0, longitude=None)
    assert (center.latitude, center.longitude) == pytest.approx((33.4557, -112.0686))


def test_coordinates_given_by_staff_are_kept():
    center = CenterFactory(place=PLACES["85004"], latitude=33.5, longitude=-112.1)
    center.refresh_from_db()
    assert (center.latitude, center.longitude) == (33.5, -112.1)


def test_center_with_unknown_zip_and_no_coordinates_is_saved_but_not_located(client):
    center = CenterFactory(name="Somewhere New", zip_code="99999", latitude=None, longitude=None)
    assert center.latitude is None
    assert center.longitude is None
    assert result_names(search(client, lat="30", lng="-97", radius="any").content.decode()) == []
    assert client.get(center.get_absolute_url()).status_code == 200


def test_filled_coordinates_make_the_center_findable(client):
    Center.objects.create(
        name="Blank Coordinates Center", address="1 Congress Ave", city="Austin", state="TX", zip_code="78701",
        phone="(512) 555-0100",
    )  # fmt: skip
    page = search(client, q="Austin, TX", radius="10").content.decode()
    assert result_names(page) == ["Blank Coordinates Center"]


@pytest.fixture
def full_center():
    center = CenterFactory(
        name="Downtown Phoenix Center",
        address="100 N 1st Street",
        place=PLACES["85004"],
        phone="(602) 555-0123",
        procedures=[kyphoplasty(), epidural()],
    )
    weekday_hours(center, dt.time(8, 0), dt.time(17, 0))
    OpeningHoursFactory(center=center, weekday=5, opens=dt.time(9), closes=dt.time(12))
    spanish = LanguageFactory(name="Spanish")
    for first, last, accepting in [("Elena", "Vasquez", True), ("Samuel", "Okafor", False)]:
        PracticeFactory(
            center=center,
            accepting_new_patients=accepting,
            physician=PhysicianFactory(first_name=first, last_name=last, languages=[spanish]),
        )
    PracticeFactory(center=center, physician=PhysicianFactory(first_name="Gone", last_name="Away", is_active=False))
    return center


def test_center_page_shows_address_phone_and_directions(client, full_center):
    response = client.get(full_center.get_absolute_url())
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert not_said(
        page, "<h1>Downtown Phoenix Center</h1>", "100 N 1st Street", "Phoenix, AZ 85004",
        '<a href="tel:+16025550123">(602) 555-0123</a>', "Get directions to 100 N 1st Street",
    ) == []  # fmt: skip


def test_center_page_has_an_hours_table_with_all_seven_days(client, full_center):
    (table,) = [
        t for t in find_all(parse(client.get(full_center.get_absolute_url())), "table") if has_class(t, "hours")
    ]
    days = [
        (text(find_one(row, "th", scope="row")).split()[0], text(find_one(row, "td")))
        for row in find_all(table, "tr")
        if find_all(row, "th", scope="row")
    ]
    assert [day for day, _ in days] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    hours = dict(days)
    assert hours["Monday"] == "8:00 AM – 5:00 PM"
    assert hours["Saturday"] == "9:00 AM – 12:00 PM"
    assert hours["Sunday"] == "Closed"
    assert "Mountain (Arizona, no daylight saving) time" in text(table)


def test_center_page_says_open_or_closed(client, full_center):
    page = client.get(full_center.get_absolute_url()).content.decode()
    assert ("Open now" in page) != ("Closed now" in page)


def test_center_page_lists_procedures_and_active_physicians(client, full_center):
    page = html.unescape(client.get(full_center.get_absolute_url()).content.decode())
    assert 'href="/pain-management/kyphoplasty/">Kyphoplasty</a>' in page
    assert 'href="/pain-management/epidural-injections/"' in page
    assert "Dr. Elena Vasquez, MD</a> – accepting new patients" in page
    assert "Dr. Samuel Okafor, MD</a> – not accepting new patients here" in page
    assert "Gone Away" not in page


def test_center_page_has_request_link_for_that_center(client, full_center):
    links = find_all(parse(client.get(full_center.get_absolute_url())), "a")
    (link,) = [link for link in links if text(link) == "Request an appointment here"]
    assert attr(link, "href") == f"/appointments/request/?center={full_center.slug}"


def test_center_page_does_not_list_draft_procedures(client, full_center):
    full_center.procedures.add(ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft"))
    page = client.get(full_center.get_absolute_url()).content.decode()
    assert "Secret Draft Procedure" not in page
    assert "/pain-management/secret-draft/" not in page


def test_locator_result_does_not_list_draft_procedures(client, full_center):
    full_center.procedures.add(ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft"))
    page = search(client, q="85004").content.decode()
    assert result_names(page) == ["Downtown Phoenix Center"]
    assert "Secret Draft Procedure" not in page


def test_center_page_without_coordinates_has_no_broken_directions_link(client):
    center = CenterFactory(name="Somewhere New", zip_code="99999", latitude=None, longitude=None)
    page = client.get(center.get_absolute_url()).content.decode()
    assert "None" not in page


def test_center_page_json_ld_is_a_medical_clinic_with_its_address(client, full_center, settings):
    settings.SITE_URL = "https://azura.example"
    page = client.get(full_center.get_absolute_url()).content.decode()
    data = jsonld_of_type(page, "MedicalClinic")
    assert data["name"] == "Downtown Phoenix Center"
    assert data["url"] == f"https://azura.example/centers/{full_center.slug}/"
    assert data["telephone"] == "+16025550123"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "100 N 1st Street",
        "addressLocality": "Phoenix",
        "addressRegion": "AZ",
        "postalCode": "85004",
        "addressCountry": "US",
    }
    assert data["geo"]["latitude"] == pytest.approx(33.4557)
    assert {spec["dayOfWeek"] for spec in data["openingHoursSpecification"]} == {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    }  # fmt: skip
    assert {service["name"] for service in data["availableService"]} == {"Kyphoplasty", "Epidural Injections"}


def test_center_json_ld_escapes_markup_in_names(client):
    center = CenterFactory(name="</script><script>alert(1)</script> & Co")
    page = client.get(center.get_absolute_url()).content.decode()
    (data,) = jsonld(page)
    assert data["name"] == "</script><script>alert(1)</script> & Co"
    assert "<script>alert(1)" not in page


def test_center_page_uses_a_bounded_number_of_queries(client, full_center, django_assert_max_num_queries):
    # 7: the center, its procedures, hours, holiday closures, languages and practices, and the site settings.
    few, _ = measure(client, full_center.get_absolute_url(), django_assert_max_num_queries, limit=7)
    for n in range(10):
        PracticeFactory(center=full_center, physician=PhysicianFactory(last_name=f"Extra{n}"))
    many, page = measure(client, full_center.get_absolute_url(), django_assert_max_num_queries, limit=7)
    assert "Extra9" in page
    assert few == many
