"""The insights dashboard in a real browser at 1280 px and on a phone: its tables, bar charts and map pass axe-core
under the site's Content-Security-Policy (nothing from another host, no inline script), with every period."""

import pytest
from django.utils import timezone

from core.models import InsightCount

from .factories_appointments import PLACES, CenterFactory
from .factories_requests import AppointmentRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Kind = InsightCount.Kind


def some_counts() -> None:
    today = timezone.localdate()
    for state, zip3, count in (("NY", "100", 40), ("CA", "900", 12), ("WA", "981", 3)):
        InsightCount.objects.create(day=today, kind=Kind.SEARCH, source="locator", state=state, zip3=zip3, count=count)
    InsightCount.objects.create(day=today, kind=Kind.SEARCH, source="form", state="TX", zip3="787", found=True, count=9)
    InsightCount.objects.create(day=today, kind=Kind.PAGE, path="/pain-management/kyphoplasty/", count=120)
    InsightCount.objects.create(day=today, kind=Kind.FORM, step="view", count=30)
    InsightCount.objects.create(day=today, kind=Kind.FORM_ERROR, field="phone", count=7)
    InsightCount.objects.create(day=today, kind=Kind.NOT_FOUND, path="/old-brochure/", count=6)
    center = CenterFactory(name="Azura Austin", place=PLACES["78701"])
    for _ in range(6):
        AppointmentRequestFactory(center=center)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_dashboard_passes_axe_with_its_charts_and_map(live_server, page, admin_session, width):
    some_counts()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="Insights").click()
    page.get_by_role("heading", name="Where searches found no center within 50 miles").wait_for()
    assert page.locator("svg.insight-map circle").count() == 3
    assert page.locator("svg.insight-chart").count() >= 5
    admin_session.assert_axe_clean()
    page.get_by_role("link", name="Last 52 weeks").click()
    page.get_by_role("link", name="Last 52 weeks").and_(page.locator("[aria-current=page]")).wait_for()
    admin_session.assert_axe_clean()
    assert admin_session.csp_errors == []
