"""schema.org for search engines: a BreadcrumbList on every page with breadcrumbs, physicians with whether they
accept new patients, languages, specialty and a checked NPI, centers with their opening hours."""

import json

import pytest
from django.core.exceptions import ValidationError

from appointments.models import validate_npi

from .factories_appointments import CenterFactory, LanguageFactory, PhysicianFactory, PracticeFactory, weekday_hours
from .html import find_all, parse

pytestmark = pytest.mark.django_db

SITE_URL = "https://azura.example"


def schema(response, schema_type: str) -> dict:
    scripts = find_all(parse(response), "script", type="application/ld+json")
    blocks = [json.loads(script.children[0]) for script in scripts]
    found = [data for data in blocks if data.get("@type") == schema_type]
    assert len(found) == 1, f"expected one {schema_type}, found {blocks}"
    return found[0]


@pytest.fixture
def physician():
    physician = PhysicianFactory(
        first_name="Elena", last_name="Vasquez", npi="1234567893", board_certifications="Anesthesiology\nPain Medicine",
        languages=[LanguageFactory(name="Spanish")],
    )  # fmt: skip
    PracticeFactory(physician=physician, center=CenterFactory(name="Austin Center"), accepting_new_patients=True)
    return physician


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("/centers/", ["Home", "Find a center"]),
        ("/physicians/", ["Home", "Find a physician"]),
        ("/pain-management/kyphoplasty/", ["Home", "Interventional Pain Management", "Kyphoplasty"]),
    ],
)
def test_pages_with_breadcrumbs_describe_them_as_a_breadcrumb_list(client, settings, url, trail):
    settings.SITE_URL = SITE_URL
    data = schema(client.get(url), "BreadcrumbList")
    items = data["itemListElement"]
    assert [item["name"] for item in items][: len(trail)] == trail
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0]["item"] == SITE_URL + "/"
    assert items[-1]["item"] == SITE_URL + url


def test_center_and_physician_pages_have_a_three_step_breadcrumb_list(client, settings, physician):
    settings.SITE_URL = SITE_URL
    items = schema(client.get(physician.get_absolute_url()), "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in items] == ["Home", "Find a physician", "Dr. Elena Vasquez, MD"]
    assert items[1]["item"] == SITE_URL + "/physicians/"


def test_physician_is_described_with_new_patients_languages_specialty_and_npi(client, physician):
    data = schema(client.get(physician.get_absolute_url()), "Physician")
    assert data["isAcceptingNewPatients"] is True
    assert data["knowsLanguage"] == ["Spanish"]
    assert data["medicalSpecialty"] == ["Anesthesia"]
    assert data["usNPI"] == "1234567893"


def test_physician_not_accepting_anywhere_and_without_npi(client):
    physician = PhysicianFactory(board_certifications="")
    PracticeFactory(physician=physician, accepting_new_patients=False)
    data = schema(client.get(physician.get_absolute_url()), "Physician")
    assert data["isAcceptingNewPatients"] is False
    assert "usNPI" not in data
    assert "medicalSpecialty" not in data


@pytest.mark.parametrize("npi", ["1234567893", "1245319599"])
def test_npi_with_a_right_check_digit_is_accepted(npi):
    validate_npi(npi)


@pytest.mark.parametrize("npi", ["1234567890", "123456789", "12345678933", "abcdefghij", "１２３４５６７８９３"])  # noqa: RUF001 (full-width digits on purpose)
def test_npi_with_a_wrong_check_digit_or_length_is_refused(npi):
    with pytest.raises(ValidationError):
        validate_npi(npi)


def test_staff_enter_a_physicians_npi_in_the_admin(admin_client, physician):
    url = f"/admin/appointments/physician/{physician.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert 'name="npi"' in page


def test_center_is_described_with_its_opening_hours(client):
    center = CenterFactory()
    weekday_hours(center)
    data = schema(client.get(center.get_absolute_url()), "MedicalClinic")
    days = [spec["dayOfWeek"] for spec in data["openingHoursSpecification"]]
    assert days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert data["openingHoursSpecification"][0]["opens"] == "08:00"
