"""The insights dashboard: unmet demand by area, the request form's errors per field, staff response times from
requests with known times, small numbers masked, and who may see what (issue 25)."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appointments import services
from appointments.models import AppointmentRequest
from core.models import InsightCount, SiteSettings

from .factories_appointments import PLACES, CenterFactory
from .factories_requests import AppointmentRequestFactory, age, form_data, post
from .insight import counting  # noqa: F401 (the fixture)
from .staff import WORKER, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("counting")]

URL = "/admin/insights/"


@pytest.fixture
def manager(client):
    user = make_staff("manager", *WORKER)
    user.groups.add(Group.objects.get(name="Practice managers"))
    return user


def table(client, name: str, weeks: int = 4) -> list[list[str]]:
    """A table of the dashboard as its CSV download gives it, headings first."""
    response = client.get(URL, {"weeks": weeks, "csv": name})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))


def test_searches_where_no_center_is_near_list_that_area(client, public, center, manager):
    for _ in range(6):
        public.get("/centers/?q=10001")  # New York: the only center is in Texas
    public.get("/physicians/?near=10001")
    public.get("/appointments/request/?q=10001")
    public.get("/centers/?q=78701")  # Austin: Cedar Park is near
    client.force_login(manager)
    page = client.get(URL).content.decode()
    assert "New York, ZIP codes 100xx" in page
    assert table(client, "unmet-demand-by-area") == [
        ["Area", "Searches with no center within 50 miles", "All searches"],
        ["New York, ZIP codes 100xx", "8", "8"],
    ]
    by_state = table(client, "unmet-demand-by-state")
    assert ["New York", "8", "8"] in by_state
    assert ["Texas", "fewer than 5", "0"] in by_state
    assert 'aria-label="New York: 8 searches with no center within 50 miles"' in page  # on the map


def test_a_sequence_of_form_errors_shows_counts_per_field(client, public, center, manager):
    for n in range(6):
        post(public, form_data(center, phone="", last_name="" if n < 2 else "Quigglesworth"))
    post(public, form_data(center, date_of_birth="02/30/1950"))
    client.force_login(manager)
    assert table(client, "request-form-errors") == [
        ["Field", "Times its error was shown"],
        ["phone", "6"],
        ["date_of_birth", "fewer than 5"],
        ["last_name", "fewer than 5"],
    ]


def test_form_steps_are_counted_and_small_numbers_masked(client, public, center, manager):
    for _ in range(5):
        public.get("/appointments/request/")
    assert post(public, form_data(center, client=public)).status_code == 302
    client.force_login(manager)
    steps = dict(row for row in table(client, "request-form-steps")[1:])
    assert steps == {"Form seen": "5", "Answers checked": "0", "Request sent": "fewer than 5",
                     "Refused by the rate limit": "0"}  # fmt: skip
    assert "fewer than 5" in client.get(URL).content.decode()


def answered(center, hours: float, by, *, received_days_ago: float = 3) -> AppointmentRequest:
    """A request received some days ago whose status staff first changed `hours` after it arrived."""
    request = age(AppointmentRequestFactory(center=center), days=received_days_ago)
    request._history_date = request.created_at + timedelta(hours=hours)
    services.appointment_request_change_status(appointment_request=request, status="contacted", by=by)
    return request


def test_response_times_match_requests_with_known_times(client, center, manager):
    for hours in (1, 2, 3, 4, 10):
        answered(center, hours, manager)
    north = CenterFactory(name="Azura North", place=PLACES["10001"])
    for hours in (5, 6):
        answered(north, hours, manager)
    age(AppointmentRequestFactory(center=north), days=5)  # never answered: still new
    SiteSettings(response_business_days=2).save()
    client.force_login(manager)
    assert table(client, "response-times") == [
        ["Center", "Requests answered", "Median hours to first status change", "90th percentile (hours)",
         "Still new after 2 business days"],
        ["Azura Cedar Park", "5", "3.0", "10.0", "0"],
        ["Azura North", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5"],
    ]  # fmt: skip


def test_only_practice_managers_see_the_dashboard(client, editor, center, staff_b, manager):
    assert client.get(URL).status_code == 403  # the editor, signed in by its fixture
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Where patients look for a center we do not have" in response.content.decode()
    client.logout()
    assert client.get(URL).status_code == 302  # to the sign-in page


def test_center_staff_see_only_their_own_centers_response_times(client, center_a, center_b, staff_a, manager):
    for hours in (1, 2, 3, 4, 5):
        answered(center_a, hours, staff_a)
        answered(center_b, hours, manager)
    client.force_login(staff_a)
    response = client.get(URL, {"weeks": 13})
    page = response.content.decode()
    assert response.status_code == 200
    assert center_a.name in page
    assert center_b.name not in page
    assert "Where patients look" not in page
    assert [row[0] for row in table(client, "response-times", 13)] == ["Center", center_a.name]
    assert client.get(URL, {"csv": "page-views"}).status_code == 404


def test_the_period_changes_what_is_counted(client, center, manager):
    answered(center, 2, manager, received_days_ago=60)
    client.force_login(manager)
    assert table(client, "requests-by-center", 4) == [["Center", "Requests", "Per week"]]
    assert table(client, "requests-by-center", 13)[1] == ["Azura Cedar Park", "fewer than 5", "fewer than 5"]


def test_a_table_s_csv_cannot_run_as_a_formula(client, manager):
    CenterFactory(name="=HYPERLINK(1)", place=PLACES["10001"])
    for _ in range(5):
        AppointmentRequestFactory(center=CenterFactory._meta.model.objects.get(name="=HYPERLINK(1)"))
    client.force_login(manager)
    assert table(client, "requests-by-center")[1][0] == "'=HYPERLINK(1)"


def test_old_requests_and_spam_are_left_out(client, center, manager):
    for _ in range(5):
        AppointmentRequestFactory(center=center)
    AppointmentRequestFactory(center=center, status=AppointmentRequest.Status.SPAM)
    age(AppointmentRequestFactory(center=center), days=400)
    client.force_login(manager)
    assert table(client, "requests-by-center") == [["Center", "Requests", "Per week"], ["Azura Cedar Park", "5", "1.2"]]


def test_the_dashboard_asks_as_many_queries_for_many_centers_as_for_one(client, manager):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"weeks": 52}).status_code == 200
        return len(captured)

    client.force_login(manager)
    first = CenterFactory(name="One", place=PLACES["78701"])
    answered(first, 2, manager)
    few = queries()
    for n in range(12):
        answered(CenterFactory(name=f"Center {n}", place=PLACES["10001"]), n + 1, manager)
    assert queries() == few


def test_tables_list_the_most_counted_first_and_counts_under_5_alike_by_name(client, manager):
    today = timezone.localdate()
    for path, count in [("/b/", 1), ("/c/", 7), ("/a/", 3), ("/d/", 5)]:
        InsightCount.objects.create(day=today, kind=InsightCount.Kind.PAGE, path=path, count=count)
    client.force_login(manager)
    assert table(client, "page-views")[1:] == [
        ["/c/", "7"],
        ["/d/", "5"],
        ["/a/", "fewer than 5"],  # 3 and 1 in the order of their names: the order tells no masked count
        ["/b/", "fewer than 5"],
    ]
