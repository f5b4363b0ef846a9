"""Choosing a center on the request form: the nearest centers to what the patient typed, offering the chosen
procedure, as a short list of radio options; physicians only those of the centers offered; the choices made
earlier pre-fill it; and with 10,000 centers on file the page stays small and asks few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appointments.models import AppointmentRequest
from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, add_centers, weekday_hours
from .factories_requests import form_data, post
from .html import attr, checked_value, find_all, parse, selected_value, text
from .html import offered_centers as offered

pytestmark = pytest.mark.django_db

URL = "/appointments/request/"


def physician_options(response) -> list[str]:
    (select,) = find_all(parse(response), "select", name="physician")
    return [text(option) for option in find_all(select, "option") if attr(option, "value")]


@pytest.fixture
def texas():
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    epidural = Procedure.objects.get(slug="epidural-injections")
    centers = {
        "austin": CenterFactory(name="South Austin Center", place=PLACES["78704"], procedures=[kyphoplasty, epidural]),
        "cedar": CenterFactory(name="Cedar Park Center", place=PLACES["78613"], procedures=[epidural]),
        "houston": CenterFactory(name="Houston Center", place=PLACES["77002"], procedures=[kyphoplasty]),
    }
    for center in centers.values():
        weekday_hours(center)
    vasquez = PhysicianFactory(first_name="Elena", last_name="Vasquez")
    PracticeFactory(physician=vasquez, center=centers["austin"], accepting_new_patients=True)
    PracticeFactory(physician=PhysicianFactory(first_name="Sam", last_name="Okafor"), center=centers["austin"],
                    accepting_new_patients=False)  # fmt: skip
    PracticeFactory(physician=PhysicianFactory(first_name="Hana", last_name="Lee"), center=centers["houston"])
    return {**centers, "vasquez": vasquez}


def test_a_place_offers_the_nearest_centers_as_radio_options_nearest_first(client, texas):
    response = client.get(URL, {"q": "78701"})
    assert response.status_code == 200
    options = offered(response)
    assert [slug for slug, _ in options] == [texas[k].slug for k in ("austin", "cedar", "houston")]
    label = options[0][1]
    assert "South Austin Center" in label
    assert "about 2.4 mi away" in label
    assert "100 Main Street" in label or "Main Street, Austin, TX 78704" in label
    assert ("Open now" in label) != ("Closed now" in label)
    assert "Phone (512) 555-0142" in label


def test_only_centers_offering_the_chosen_procedure_are_offered(client, texas):
    response = client.get(URL, {"q": "Austin, TX", "procedure": "kyphoplasty"})
    assert [slug for slug, _ in offered(response)] == [texas["austin"].slug, texas["houston"].slug]
    assert checked_value(parse(response), "center") is None  # offered, not chosen for the patient


def test_no_more_than_five_centers_are_offered(client):
    for n in range(8):
        CenterFactory(name=f"Center {n}", place=PLACES["78704"])
    assert len(offered(client.get(URL, {"q": "78701"}))) == 5


def test_center_procedure_and_physician_from_earlier_pages_prefill_the_form(client, texas):
    params = {"center": texas["austin"].slug, "procedure": "kyphoplasty", "physician": texas["vasquez"].slug}
    response = client.get(URL, params)
    assert [slug for slug, _ in offered(response)] == [texas["austin"].slug]
    assert checked_value(parse(response), "center") == texas["austin"].slug
    root = parse(response)
    assert selected_value(root, "physician") == texas["vasquez"].slug
    assert selected_value(root, "procedure") == "kyphoplasty"
    # The search is part of the form: a new search sends these answers with it.
    assert find_all(root, "button", name="action", value="find")


def test_physicians_offered_are_those_at_the_chosen_center_marked_for_new_patients(client, texas):
    response = client.get(URL, {"center": texas["austin"].slug})
    assert physician_options(response) == [
        "Dr. Sam Okafor, MD (not accepting new patients at this center)",
        "Dr. Elena Vasquez, MD (accepting new patients at this center)",
    ]  # fmt: skip


def test_a_physician_at_several_offered_centers_is_one_option_saying_where_they_accept(client, texas):
    PracticeFactory(physician=texas["vasquez"], center=texas["houston"], accepting_new_patients=False)
    options = physician_options(client.get(URL, {"q": "78701"}))
    vasquez = [option for option in options if "Vasquez" in option]
    assert vasquez == [
        "Dr. Elena Vasquez, MD – South Austin Center: accepting new patients; "
        "Houston Center: not accepting new patients"
    ]


def test_a_form_sent_with_a_problem_offers_the_same_centers_again_and_keeps_the_choice(client, texas):
    answers = form_data(texas["cedar"], first_name="")
    response = post(client, {**answers, "q": "78701", "searched": "78701"})
    assert response.status_code == 200
    assert [slug for slug, _ in offered(response)][:3] == [
        texas["cedar"].slug,
        texas["austin"].slug,
        texas["houston"].slug,
    ]
    assert checked_value(parse(response), "center") == texas["cedar"].slug
    assert "Enter your first name." in text(parse(response))


def test_a_center_chosen_from_the_options_is_stored_with_the_request(client, texas):
    response = post(client, form_data(texas["houston"]))
    assert response.status_code == 302
    assert AppointmentRequest.objects.get().center == texas["houston"]


def test_a_place_that_cannot_be_read_says_so_and_offers_did_you_mean(client, texas):
    response = client.get(URL, {"q": "Pittsburg, PA"})
    assert response.status_code == 200
    assert "We don’t know Pittsburg, PA" in response.content.decode()
    assert offered(response) == []


def test_without_a_place_the_center_field_says_where_to_search(client, texas):
    response = client.get(URL)
    (select,) = find_all(parse(response), "select", name="center")
    assert [text(option) for option in find_all(select, "option")] == ["Search above to see the nearest centers"]


def test_with_10000_centers_the_form_is_small_and_asks_few_queries(client):
    add_centers(10_000)
    for params in [{}, {"q": "78701"}, {"q": "Texas"}, {"center": "bulk-00042", "q": "Denver, CO"}]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
        assert response.status_code == 200
        assert len(response.content) < 150 * 1024, params
        assert len(queries) <= 12, [q["sql"][:120] for q in queries]
        assert len(offered(response)) == (0 if not params else 6 if "center" in params else 5), params


@pytest.mark.parametrize("slug", ["\x00", "x" * 5000, "bad slug", "../etc"])
def test_a_center_or_physician_that_is_not_a_slug_names_nobody(client, texas, slug):
    response = client.get(URL, {"center": slug, "physician": slug})
    assert response.status_code == 200
    assert offered(response) == []
    posted = post(client, {**form_data(texas["austin"]), "physician": slug})
    assert posted.status_code == 200  # a problem shown next to the field, never a 500
