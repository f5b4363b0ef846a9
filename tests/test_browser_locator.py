"""Find a center and a physician in a real browser: axe-core at phone and desktop widths in every state,
keyboard-only search, "Use my location", and the page without JavaScript."""

import datetime as dt
import re

import pytest

from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, languages, weekday_hours
from .support import AT_EACH_WIDTH, BROWSER, LANGUAGES, axe_at_each_address, sideways_at_each_address

pytestmark = BROWSER


@pytest.fixture
def network():
    """Centers in Austin, Houston and Phoenix, with hours, procedures and physicians."""
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    epidural = Procedure.objects.get(slug="epidural-injections")
    (spanish,) = languages("Spanish")
    centers = {
        "austin": CenterFactory(name="South Austin Center", place=PLACES["78704"], procedures=[kyphoplasty, epidural]),
        "houston": CenterFactory(name="Houston Center", place=PLACES["77002"], procedures=[epidural]),
        "phoenix": CenterFactory(name="Downtown Phoenix Center", place=PLACES["85004"], procedures=[kyphoplasty]),
    }
    for center in centers.values():
        weekday_hours(center, dt.time(8), dt.time(17))
    physician = PhysicianFactory(
        first_name="Elena", last_name="Vasquez", procedures=[kyphoplasty, epidural], languages=[spanish]
    )
    PracticeFactory(physician=physician, center=centers["austin"], accepting_new_patients=True)
    PracticeFactory(physician=physician, center=centers["houston"], accepting_new_patients=False)
    other = PhysicianFactory(first_name="Samuel", last_name="Okafor")
    PracticeFactory(physician=other, center=centers["phoenix"])
    return {**centers, "physician": physician}


def result_names(page) -> list[str]:
    return [name.strip() for name in page.locator(".result-list .result h3").all_inner_texts()]


# --- axe-core, every state, phone and desktop -------------------------------------------------------------------


def pages_to_check(network) -> dict[str, str]:
    return {
        "locator empty": "/centers/",
        "locator with results": "/centers/?q=78701",
        "locator error": "/centers/?q=99999",
        "locator radius error": "/centers/?q=78701&radius=7",
        "locator no results": "/centers/?q=10001&radius=10",
        "locator procedure without place": "/centers/?procedure=epidural-injections",
        "center page": network["austin"].get_absolute_url(),
        "directory": "/physicians/",
        "directory error": "/physicians/?procedure=no-such-procedure",
        "physician page": network["physician"].get_absolute_url(),
    }


@AT_EACH_WIDTH
@pytest.mark.parametrize("language", LANGUAGES)
def test_find_a_center_and_physician_pages_have_no_axe_violations(live_server, page, axe, network, width, language):
    paths = pages_to_check(network)
    assert axe_at_each_address(page, axe, width, live_server.url, paths, language, statuses=(200, 400)) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_locator_and_directory_reflow_at_320_px(live_server, page, network, language):
    assert sideways_at_each_address(page, live_server.url, ["/centers/?q=78701", "/physicians/"], language) == []


# --- Keyboard ---------------------------------------------------------------------------------------------------


def test_keyboard_only_search_lists_results(live_server, page, network):
    page.goto(live_server.url + "/centers/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    for _ in range(20):
        if page.evaluate("() => document.activeElement.id") == "id_q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "id_q"
    page.keyboard.type("78701")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=78701" in page.url
    assert page.get_by_role("heading", name=re.compile(r"^1 center within \d+ miles of 78701$")).is_visible()
    assert result_names(page) == ["South Austin Center"]
    # The move waits for the first paint (two animation frames after load).
    page.wait_for_function("() => document.activeElement.id === 'results-heading'")


@pytest.mark.parametrize("path", ["/centers/?q=78701", "/centers/?q=10001&radius=10"])
def test_results_heading_takes_focus_after_a_search(live_server, page, network, path):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(live_server.url + path)
    # The move waits for the first paint (two animation frames after load).
    page.wait_for_function("() => document.activeElement.id === 'results-heading'")
    # Scrolled into view on a phone (smoothly, unless the patient asked for reduced motion).
    page.wait_for_function(
        "() => { const top = document.getElementById('results-heading').getBoundingClientRect().top;"
        " return top >= 0 && top < 700; }",
    )


def test_error_message_is_tied_to_the_search_box(live_server, page, network):
    page.goto(live_server.url + "/centers/?q=99999")
    field = page.get_by_label("ZIP code or city and state")
    assert field.get_attribute("aria-invalid") == "true"
    described_by = field.get_attribute("aria-describedby").split()
    messages = " ".join(page.locator(f"#{element_id}").inner_text() for element_id in described_by)
    assert "We don’t know the ZIP code 99999" in messages


# --- "Use my location" ------------------------------------------------------------------------------------------


def test_use_my_location_lists_the_nearest_center(live_server, page, context, network):
    context.grant_permissions(["geolocation"], origin=live_server.url)
    context.set_geolocation({"latitude": 33.45, "longitude": -112.07})  # downtown Phoenix
    page.goto(live_server.url + "/centers/")
    button = page.get_by_role("button", name="Use my location")
    assert button.is_visible()
    with page.expect_navigation():
        button.click()
    assert "lat=33.45" in page.url
    assert "lng=-112.07" in page.url
    heading = re.compile(r"^1 center within \d+ miles of your location$")
    assert page.get_by_role("heading", name=heading).is_visible()
    assert result_names(page) == ["Downtown Phoenix Center"]
    assert page.locator(".result-distance").first.inner_text() == "about a mile away or less"  # 0.4 mi, by ZIP


def test_use_my_location_with_any_distance_lists_nearest_first(live_server, browser, network):
    context = browser.new_context(
        geolocation={"latitude": 29.76, "longitude": -95.36},
        permissions=["geolocation"],  # downtown Houston
    )
    try:
        page = context.new_page()
        page.goto(live_server.url + "/centers/")
        page.get_by_label("Distance").select_option("any")
        with page.expect_navigation():
            page.get_by_role("button", name="Use my location").click()
        assert result_names(page) == ["Houston Center", "South Austin Center", "Downtown Phoenix Center"]
    finally:
        context.close()


def test_location_refused_says_so_and_returns_to_the_search_box(live_server, browser, network):
    context = browser.new_context()  # no permission granted: headless Chromium denies
    try:
        page = context.new_page()
        page.goto(live_server.url + "/centers/")
        page.get_by_role("button", name="Use my location").click()
        status = page.locator("#location-status")
        status.get_by_text("We could not get your location").wait_for()
        assert page.evaluate("() => document.activeElement.id") == "id_q"
        assert page.url == live_server.url + "/centers/"
    finally:
        context.close()


# --- Without JavaScript -----------------------------------------------------------------------------------------


def test_locator_works_without_javascript(live_server, page_without_javascript, network):
    page = page_without_javascript
    page.goto(live_server.url + "/centers/")
    assert not page.locator("#use-location").is_visible()
    page.get_by_label("ZIP code or city and state").fill("Austin, TX")
    with page.expect_navigation():
        page.get_by_label("ZIP code or city and state").press("Enter")
    assert result_names(page) == ["South Austin Center"]
    assert not page.locator("#use-location").is_visible()


def test_directory_filters_work_without_javascript(live_server, page_without_javascript, network):
    page = page_without_javascript
    page.goto(live_server.url + "/physicians/")
    page.get_by_label("Language").select_option("Spanish")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    names = page.locator(".result-list .result h3").all_inner_texts()
    assert [name.strip() for name in names] == ["Dr. Elena Vasquez, MD"]
