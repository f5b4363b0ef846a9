"""Holiday closures staff enter per center (a day or days in a row, an optional note): "open now", "opens next",
the locator's cards, the request form's offer, the center page's hours and its structured data honour them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from appointments import hours
from appointments.cards import open_now_line
from appointments.models import Closure

from .factories_appointments import PLACES, CenterFactory, weekday_hours
from .html import find_one, jsonld, offered_centers, parse, text
from .locator import open_notes

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")
T = dt.time
WEEKDAYS_8_TO_5 = [(day, T(8), T(17)) for day in range(5)]
THANKSGIVING = (dt.date(2026, 11, 26), dt.date(2026, 11, 27), "Thanksgiving")  # Thursday and Friday
THURSDAY_NOON = dt.datetime(2026, 11, 26, 12, 0, tzinfo=CHICAGO)


def test_a_center_is_closed_on_a_closure_whatever_its_weekly_hours():
    assert hours.is_open(WEEKDAYS_8_TO_5, THURSDAY_NOON)
    assert not hours.is_open(WEEKDAYS_8_TO_5, THURSDAY_NOON, [THANKSGIVING])
    assert hours.closes_at(WEEKDAYS_8_TO_5, THURSDAY_NOON, [THANKSGIVING]) is None


def test_it_next_opens_after_the_closure():
    wednesday_evening = dt.datetime(2026, 11, 25, 18, 0, tzinfo=CHICAGO)
    opens = hours.next_opening(WEEKDAYS_8_TO_5, wednesday_evening, [THANKSGIVING])
    assert opens == dt.datetime(2026, 11, 30, 8, 0, tzinfo=CHICAGO)  # Monday, not Thursday
    assert hours.opening_note(WEEKDAYS_8_TO_5, wednesday_evening, [THANKSGIVING]) == "opens Monday 8:00 AM"


def test_after_a_long_closure_it_says_the_date_it_opens():
    closed = [(dt.date(2026, 12, 21), dt.date(2027, 1, 3), "")]
    friday = dt.datetime(2026, 12, 18, 18, 0, tzinfo=CHICAGO)
    assert hours.opening_note(WEEKDAYS_8_TO_5, friday, closed) == "opens January 4 8:00 AM"


def test_the_open_now_line_says_closed_today_with_the_note():
    line = text(parse(open_now_line("America/Chicago", WEEKDAYS_8_TO_5, THURSDAY_NOON, [THANKSGIVING])))
    assert line == "Closed today · , Thanksgiving · , opens Monday 8:00 AM (12:00 PM local time)"


@pytest.fixture
def austin():
    center = CenterFactory(name="Austin Center", place=PLACES["78701"])
    weekday_hours(center, days=range(7))
    return center


def close_today(center, note="Thanksgiving", days=0) -> Closure:
    today = timezone.localtime(timezone.now(), CHICAGO).date()
    return Closure.objects.create(
        center=center, starts_on=today, ends_on=today + dt.timedelta(days=days) if days else None, note=note
    )


def test_the_center_page_says_closed_today_and_lists_the_closures_ahead(client, austin, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 11, 26, 18, 0, tzinfo=dt.UTC))  # noon, Austin
    Closure.objects.create(
        center=austin, starts_on=dt.date(2026, 11, 26), ends_on=dt.date(2026, 11, 27), note="Thanksgiving"
    )
    Closure.objects.create(center=austin, starts_on=dt.date(2026, 12, 25))
    Closure.objects.create(center=austin, starts_on=dt.date(2026, 7, 4), note="Over")
    response = client.get(austin.get_absolute_url())
    page = parse(response)
    shown = text(page)
    assert "Closed today · , Thanksgiving · , opens Saturday 8:00 AM" in shown
    assert "Thursday (today) Closed today ( Thanksgiving )" in shown
    closures = text(find_one(page, "ul", **{"aria-labelledby": "closures-heading"}))
    assert closures == (
        "Closed from Thursday, November 26, 2026 to Friday, November 27, 2026: Thanksgiving "
        "Closed on Friday, December 25, 2026"
    )
    (clinic,) = [data for data in jsonld(response) if data["@type"] == "MedicalClinic"]
    assert clinic["specialOpeningHoursSpecification"][0] == {
        "@type": "OpeningHoursSpecification", "validFrom": "2026-11-26", "validThrough": "2026-11-27",
        "opens": "00:00", "closes": "00:00",
    }  # fmt: skip


def test_the_locator_and_the_request_form_say_closed_today(client, austin):
    close_today(austin)
    assert open_notes(client.get("/centers/", {"q": "78701"}).content.decode())[0].startswith(
        "Closed today · , Thanksgiving"
    )
    (offer,) = offered_centers(client.get("/appointments/request/", {"q": "78701"}))
    assert "Closed now" in offer[1]
    assert "Open now" not in offer[1]


def test_a_closure_over_yesterday_no_longer_counts(client, austin):
    closure = close_today(austin)
    closure.starts_on -= dt.timedelta(days=2)
    closure.ends_on = closure.starts_on + dt.timedelta(days=1)
    closure.save()
    assert "Closed today" not in client.get(austin.get_absolute_url()).content.decode()


def test_staff_enter_closures_on_the_center(admin_client, austin):
    page = admin_client.get(f"/admin/appointments/center/{austin.pk}/change/").content.decode()
    assert "Holiday closures" in page
    assert 'name="closures-0-starts_on"' in page or 'name="closures-TOTAL_FORMS"' in page
