"""What the patient already chose travels with them: every "Request an appointment" link (locator results,
center, physician and procedure pages) carries the center, physician and procedure chosen on the way."""

from urllib.parse import parse_qs, urlsplit

import pytest

from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .html import attr, find_all, parse, text

pytestmark = pytest.mark.django_db


def links(response, label: str) -> list[dict[str, list[str]]]:
    """The query of every link whose text starts with the label."""
    found = [a for a in find_all(parse(response), "a") if text(a).startswith(label) and "?" in attr(a, "href")]
    assert found, f"no link {label!r}"
    return [parse_qs(urlsplit(attr(a, "href")).query) for a in found]


@pytest.fixture
def portland_and_austin():
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    epidural = Procedure.objects.get(slug="epidural-injections")
    austin = CenterFactory(name="Austin Center", place=PLACES["78704"], procedures=[kyphoplasty, epidural])
    other = CenterFactory(name="Cedar Park Center", place=PLACES["78613"], procedures=[epidural])
    physician = PhysicianFactory(first_name="Elena", last_name="Vasquez", procedures=[kyphoplasty])
    PracticeFactory(physician=physician, center=austin)
    return {"austin": austin, "other": other, "physician": physician}


def test_locator_results_filtered_by_a_procedure_carry_it_to_the_request_form(client, portland_and_austin):
    response = client.get("/centers/", {"q": "78701", "procedure": "kyphoplasty"})
    (query,) = links(response, "Request an appointment")
    assert query == {"center": [portland_and_austin["austin"].slug], "procedure": ["kyphoplasty"]}
    (details,) = links(response, "Center details")
    assert details == {"procedure": ["kyphoplasty"]}


def test_locator_results_without_a_procedure_carry_only_the_center(client, portland_and_austin):
    response = client.get("/centers/", {"q": "78701"})
    centers = portland_and_austin["austin"], portland_and_austin["other"]
    assert links(response, "Request an appointment") == [{"center": [center.slug]} for center in centers]


def test_center_page_carries_a_procedure_it_offers(client, portland_and_austin):
    response = client.get(portland_and_austin["austin"].get_absolute_url(), {"procedure": "kyphoplasty"})
    (query,) = links(response, "Request an appointment here")
    assert query == {"center": [portland_and_austin["austin"].slug], "procedure": ["kyphoplasty"]}


@pytest.mark.parametrize("procedure", ["kyphoplasty", "no-such-procedure", "<script>"])
def test_center_page_drops_a_procedure_it_does_not_offer_or_that_does_not_exist(client, portland_and_austin, procedure):
    response = client.get(portland_and_austin["other"].get_absolute_url(), {"procedure": procedure})
    assert response.status_code == 200
    (query,) = links(response, "Request an appointment here")
    assert query == {"center": [portland_and_austin["other"].slug]}


def test_physician_page_carries_center_physician_and_procedure(client, portland_and_austin):
    physician = portland_and_austin["physician"]
    response = client.get(physician.get_absolute_url(), {"procedure": "kyphoplasty"})
    (query,) = links(response, "Request an appointment")
    assert query == {
        "center": [portland_and_austin["austin"].slug], "physician": [physician.slug], "procedure": ["kyphoplasty"]
    }  # fmt: skip


def test_directory_filtered_by_a_procedure_carries_it_to_the_physician_page(client, portland_and_austin):
    response = client.get("/physicians/", {"procedure": "kyphoplasty"})
    (query,) = links(response, "Dr. Elena Vasquez")
    assert query == {"procedure": ["kyphoplasty"]}


def test_procedure_page_carries_the_procedure(client):
    response = client.get("/pain-management/kyphoplasty/")
    assert {"procedure": ["kyphoplasty"]} in links(response, "Request an appointment")
