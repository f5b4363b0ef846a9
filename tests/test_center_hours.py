""" "Open now", when a center next opens and when it closes, in the center's own time zone."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from .factories_appointments import (
    PLACES,
    CenterFactory,
    OpeningHoursFactory,
    weekday_hours,
)
from .locator import (
    open_notes,
    search,
)

pytestmark = pytest.mark.django_db


PACIFIC = ZoneInfo("America/Los_Angeles")


EASTERN = ZoneInfo("America/New_York")
CENTRAL = ZoneInfo("America/Chicago")  # Austin's


ARIZONA = ZoneInfo("America/Phoenix")


MOUNTAIN = ZoneInfo("America/Denver")


@pytest.fixture
def los_angeles_center():
    center = CenterFactory(place=PLACES["90012"])
    weekday_hours(center, dt.time(8, 0), dt.time(17, 0))
    return center


def test_open_at_half_past_four_pacific_on_monday_which_is_half_past_seven_eastern(los_angeles_center):
    eastern = dt.datetime(2025, 6, 2, 19, 30, tzinfo=EASTERN)  # a Monday
    assert eastern == dt.datetime(2025, 6, 2, 16, 30, tzinfo=PACIFIC)
    assert los_angeles_center.is_open_at(eastern)
    assert los_angeles_center.is_open_at(eastern.astimezone(dt.UTC))


def test_closed_at_five_pacific(los_angeles_center):
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 17, 0, tzinfo=PACIFIC))
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 20, 0, tzinfo=EASTERN))
    assert los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 16, 59, 59, tzinfo=PACIFIC))


def test_opens_at_eight_pacific_not_eight_eastern(los_angeles_center):
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 8, 0, tzinfo=EASTERN))
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 7, 59, tzinfo=PACIFIC))
    assert los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 8, 0, tzinfo=PACIFIC))


def test_closed_on_saturday(los_angeles_center):
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 7, 10, 0, tzinfo=PACIFIC))
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 8, 10, 0, tzinfo=PACIFIC))


def test_weekday_is_the_centers_own_not_utc(los_angeles_center):
    # Monday 1 AM UTC is still Sunday evening in Los Angeles.
    assert not los_angeles_center.is_open_at(dt.datetime(2025, 6, 2, 1, 0, tzinfo=dt.UTC))
    # Friday 3 PM in Honolulu is already Saturday in UTC.
    honolulu = CenterFactory(place=PLACES["78701"], timezone="Pacific/Honolulu")
    weekday_hours(honolulu, dt.time(8, 0), dt.time(17, 0))
    friday_afternoon = dt.datetime(2025, 6, 6, 15, 0, tzinfo=ZoneInfo("Pacific/Honolulu"))
    assert friday_afternoon.astimezone(dt.UTC).weekday() == 5
    assert honolulu.is_open_at(friday_afternoon.astimezone(dt.UTC))


def test_phoenix_has_no_daylight_saving_time_in_july():
    phoenix = CenterFactory(place=PLACES["85004"])
    denver = CenterFactory(place=PLACES["80202"])
    for center in (phoenix, denver):
        weekday_hours(center, dt.time(8, 0), dt.time(17, 0))
    # Monday 7 July 2025, 5:30 PM in Denver (MDT, UTC-6) is 4:30 PM in Phoenix (MST, UTC-7).
    evening = dt.datetime(2025, 7, 7, 17, 30, tzinfo=MOUNTAIN)
    assert evening.astimezone(ARIZONA).hour == 16
    assert phoenix.is_open_at(evening)
    assert not denver.is_open_at(evening)
    # 8:30 AM in Denver is 7:30 AM in Phoenix.
    morning = dt.datetime(2025, 7, 7, 8, 30, tzinfo=MOUNTAIN)
    assert not phoenix.is_open_at(morning)
    assert denver.is_open_at(morning)
    # In January both keep the same time.
    winter = dt.datetime(2025, 1, 6, 16, 30, tzinfo=MOUNTAIN)
    assert phoenix.is_open_at(winter)
    assert denver.is_open_at(winter)
    assert not phoenix.is_open_at(winter + dt.timedelta(hours=1))


def test_split_hours_lunch_break():
    center = CenterFactory(place=PLACES["78701"])
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(8), closes=dt.time(12))
    OpeningHoursFactory(center=center, weekday=2, opens=dt.time(13), closes=dt.time(17))
    assert center.is_open_at(dt.datetime(2025, 6, 4, 11, 59, tzinfo=CENTRAL))
    assert not center.is_open_at(dt.datetime(2025, 6, 4, 12, 30, tzinfo=CENTRAL))
    assert center.is_open_at(dt.datetime(2025, 6, 4, 13, 0, tzinfo=CENTRAL))


def test_center_without_hours_is_never_open():
    center = CenterFactory()
    assert not center.is_open_at(dt.datetime(2025, 6, 2, 12, 0, tzinfo=EASTERN))


def test_center_page_says_open_now_from_the_current_time(client, los_angeles_center, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.UTC))  # Mon 4:30 PM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    assert "Open now" in page
    assert "Closed now" not in page
    assert "(4:30 PM local time)" in page  # the center's time, not the server's
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 3, 0, 30, tzinfo=dt.UTC))  # Mon 5:30 PM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    assert "Closed now" in page
    assert "Open now" not in page


def june(day: int, hour: int, minute: int = 0, tz: dt.tzinfo = PACIFIC) -> dt.datetime:
    return dt.datetime(2025, 6, day, hour, minute, tzinfo=tz)  # June 2, 2025 is a Monday


@pytest.mark.parametrize(
    ("now", "asked", "expected", "note"),
    [
        (june(3, 1, tz=dt.UTC), "next_opening", june(3, 8), "opens tomorrow 8:00 AM"),  # Monday 6 PM in Los Angeles
        (june(7, 10), "next_opening", june(9, 8), "opens Monday 8:00 AM"),
        (june(2, 16, 30), "closes_at", june(2, 17), "closes 5:00 PM"),
    ],
    ids=["tomorrow-morning-in-its-time-zone", "after-the-weekend-names-the-day", "open-says-when-it-closes"],
)
def test_the_note_says_when_the_center_next_opens_or_closes_in_its_own_time(
    los_angeles_center, now, asked, expected, note
):
    found = getattr(los_angeles_center, asked)(now)
    assert found == expected
    assert found.utcoffset() == expected.utcoffset()  # the center's own time, not the server's
    assert los_angeles_center.opening_note(now) == note


@pytest.mark.parametrize(
    ("hours", "now", "asked", "expected", "note"),
    [
        ([(2, 8, 12), (2, 13, 17)], june(4, 12, 30), "next_opening", june(4, 13), "opens today 1:00 PM"),
        ([(0, 8, 9)], june(2, 12), "next_opening", june(9, 8), "opens June 9 8:00 AM"),  # Mondays only
        ([(2, 8, 12), (2, 12, 17)], june(4, 9), "closes_at", june(4, 17), "closes 5:00 PM"),
    ],
    ids=["later-today-after-lunch", "a-week-later-names-the-date", "periods-that-follow-on-close-at-the-last-end"],
)
def test_the_note_reads_the_centers_periods_of_the_week(hours, now, asked, expected, note):
    center = CenterFactory(place=PLACES["90012"])  # in Los Angeles
    for weekday, opens, closes in hours:  # (weekday, opening hour, closing hour)
        OpeningHoursFactory(center=center, weekday=weekday, opens=dt.time(opens), closes=dt.time(closes))
    assert getattr(center, asked)(now) == expected
    assert center.opening_note(now) == note


def test_center_without_hours_has_no_next_opening_and_no_note():
    center = CenterFactory()
    when = dt.datetime(2025, 6, 2, 12, 0, tzinfo=EASTERN)
    assert center.next_opening(when) is None
    assert center.closes_at(when) is None
    assert center.opening_note(when) == ""


def test_center_page_says_when_it_next_opens_or_closes(client, los_angeles_center, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 7, 17, 0, tzinfo=dt.UTC))  # Sat 10 AM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    (note,) = open_notes(page)
    assert note.startswith("Closed now")
    assert "opens Monday 8:00 AM" in note
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 2, 23, 30, tzinfo=dt.UTC))  # Mon 4:30 PM PT
    page = client.get(los_angeles_center.get_absolute_url()).content.decode()
    (note,) = open_notes(page)
    assert note.startswith("Open now")
    assert "closes 5:00 PM" in note


def test_locator_results_say_when_a_closed_center_opens(client, los_angeles_center, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2025, 6, 3, 1, 0, tzinfo=dt.UTC))  # Mon 6 PM PT
    page = search(client, q="90012").content.decode()
    (note,) = open_notes(page)
    assert note.startswith("Closed now")
    assert "opens tomorrow 8:00 AM" in note
