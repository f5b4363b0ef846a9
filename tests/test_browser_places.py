"""In a real browser: the map, the new ways of finding a place and choosing a center on the request form, at
phone and desktop widths, checked by axe-core; the pages with a map stay within the page-weight budget and
load nothing from another host; the request form works without JavaScript."""

import datetime as dt
from urllib.parse import urlsplit

import pytest

from appointments.models import AppointmentRequest
from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, languages, weekday_hours
from .factories_requests import send_request, type_answers
from .page_weight import MAX_COMPRESSED_BYTES, MAX_PROCEDURE_REQUESTS, describe, load
from .support import AT_EACH_WIDTH, BROWSER, LANGUAGES, axe_at_each_address

pytestmark = BROWSER


@pytest.fixture
def centers():
    austin = CenterFactory(
        name="South Austin Center", place=PLACES["78704"], suite="Suite 210", parking="Free garage",
        procedures=[Procedure.objects.get(slug="kyphoplasty")],
        accessibility="Step-free entrance", transit="Bus 7",
    )  # fmt: skip
    austin.languages.set(languages("Spanish"))
    houston = CenterFactory(name="Houston Center", place=PLACES["77002"])
    CenterFactory(name="Pittsburgh Center", city="Pittsburgh", state="PA", latitude=40.44, longitude=-80.0)
    for center in (austin, houston):
        weekday_hours(center, dt.time(8), dt.time(17))
    physician = PhysicianFactory(first_name="José", last_name="Martínez")
    PracticeFactory(physician=physician, center=austin)
    return {"austin": austin}


def paths(centers) -> dict[str, str]:
    return {
        "results with map": "/centers/?q=Austin+TX+78701&radius=any",
        "state": "/centers/?q=Texas",
        "did you mean": "/centers/?q=Pittsburg%2C+PA",
        "which state": "/centers/?q=austin",
        "center page with map and details": centers["austin"].get_absolute_url(),
        "physicians near": "/physicians/?near=78701",
        "physicians by name and center": "/physicians/?q=martinez&center=Austin",
    }


@AT_EACH_WIDTH
@pytest.mark.parametrize("language", LANGUAGES)
def test_new_states_have_no_axe_violations(live_server, page, axe, centers, width, language):
    addresses = paths(centers)
    assert axe_at_each_address(page, axe, width, live_server.url, addresses, language, statuses=(200, 400)) == {}


@pytest.mark.parametrize("state", ["results with map", "center page with map and details"])
def test_pages_with_a_map_stay_within_the_budget_and_on_this_host(live_server, page, centers, state):
    loaded = load(page, live_server.url + paths(centers)[state])
    origin = urlsplit(live_server.url).netloc
    assert any(urlsplit(url).path.endswith("/us-states.svg") for url in loaded.urls), describe(loaded)
    assert len(loaded.requests) <= MAX_PROCEDURE_REQUESTS, describe(loaded)
    assert all(urlsplit(url).netloc == origin for url in loaded.urls), describe(loaded)
    assert sum(loaded.compressed_bytes().values()) <= MAX_COMPRESSED_BYTES
    assert page.locator("svg .map-marker").count() >= 1
    box = page.locator(".center-map svg").bounding_box()
    assert box
    assert box["height"] > 100


def test_did_you_mean_link_searches_the_right_city(live_server, page, centers):
    page.goto(live_server.url + paths(centers)["did you mean"])
    with page.expect_navigation():
        page.get_by_role("link", name="Pittsburgh, PA", exact=True).click()
    assert page.locator(".result-list .result h3").all_inner_texts() == ["Pittsburgh Center"]


def test_choosing_a_center_and_requesting_works_without_javascript(
    live_server, page_without_javascript, centers, settings
):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    page = page_without_javascript
    page.goto(f"{live_server.url}/pain-management/kyphoplasty/")
    with page.expect_navigation():
        page.locator(".cta a", has_text="Request an appointment").click()
    assert page.url.endswith("/appointments/request/?procedure=kyphoplasty")
    page.fill("#id_q", "Austin TX 78701")
    with page.expect_navigation():
        page.get_by_role("button", name="Find centers").click()
    page.get_by_label("South Austin Center").check()
    assert page.input_value("#id_procedure") == "kyphoplasty"
    type_answers(page, payment="3")  # not sure
    send_request(page)
    assert page.url.endswith("/appointments/request/received/")
    stored = AppointmentRequest.objects.get()
    assert (stored.center, stored.procedure.slug) == (centers["austin"], "kyphoplasty")
