"""In a real browser, at phone and desktop widths: the request form's choice step with several centers offered and
their physicians, one option each (saying at which center they accept new patients), has no axe-core violation, on a
first visit and on a visit served the page drawn before (appointments/request_page.py)."""

import datetime as dt

import pytest

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, weekday_hours
from .support import AT_EACH_WIDTH, BROWSER, assert_axe_clean

pytestmark = BROWSER

FORM = "/appointments/request/"


@pytest.fixture
def two_centers_with_physicians():
    austin = CenterFactory(name="South Austin Center", place=PLACES["78704"])
    cedar = CenterFactory(name="Cedar Park Center", place=PLACES["78613"])
    for center in (austin, cedar):
        weekday_hours(center, dt.time(8), dt.time(17))
    PracticeFactory(physician=PhysicianFactory(first_name="Elena", last_name="Vasquez"), center=austin)
    PracticeFactory(
        physician=PhysicianFactory(first_name="Sam", last_name="Okafor"), center=cedar, accepting_new_patients=False
    )


@AT_EACH_WIDTH
@pytest.mark.parametrize("visit", ["first", "from the cache"])
def test_centers_and_their_physicians_offered_have_no_axe_violations(
    live_server, page, axe, two_centers_with_physicians, width, visit
):
    page.set_viewport_size({"width": width, "height": 900})
    if visit == "from the cache":
        page.goto(f"{live_server.url}{FORM}?q=78701")
    page.goto(f"{live_server.url}{FORM}?q=78701")
    assert page.locator("input[name=center][type=radio]").count() == 2
    options = page.locator("select[name=physician] option").all_inner_texts()
    assert [option for option in options if "Okafor" in option] == [
        "Dr. Sam Okafor, MD – Cedar Park Center: not accepting new patients"
    ]
    assert_axe_clean(axe)
