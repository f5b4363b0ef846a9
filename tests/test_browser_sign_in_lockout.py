"""The sign-in warning and lockout in Chromium at 1280 px: the warning before the last attempt and the lockout page
(the staff layout) pass axe-core (WCAG 2.2 AA)."""

import pytest

from .staff import make_staff
from .support import describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_warning_and_the_lockout_page_pass_axe(live_server, page, axe):
    make_staff("front-desk")
    page.set_viewport_size({"width": 1280, "height": 900})
    for attempt in range(1, 6):
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "front-desk")
        page.fill("#id_password", "not the password")
        with page.expect_navigation():
            page.click("input[type=submit]")
        if attempt == 4:
            assert "One more failed attempt locks" in page.inner_text("[role=alert]")
            violations = axe()
            assert violations == [], describe_violations(violations)

    assert "Too many failed sign-in attempts" in page.inner_text("h1")
    assert "911" not in page.content()
    violations = axe()
    assert violations == [], describe_violations(violations)
