"""Opening hours as pure functions (appointments.hours): open or closed at a moment on the center's clock, when it
closes, when it next opens and what the card says, across midnight, time zones, daylight saving days, closed days
and a week's wait; no database."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from appointments import hours
from appointments.cards import open_now_line

CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
T = dt.time
WEEKDAYS_8_TO_5 = [(day, T(8), T(17)) for day in range(5)]
# A late clinic: Friday 18:00 until midnight, then Saturday from midnight to 02:00 (a period never runs past
# midnight: the night is two periods, one on each day).
LATE = [(4, T(18), T(23, 59)), (5, T(0), T(2))]


def chicago(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CHICAGO)


def test_open_inside_a_period_and_closed_at_its_closing_minute():
    assert hours.is_open(WEEKDAYS_8_TO_5, chicago(2025, 6, 2, 8, 0))  # a Monday
    assert hours.is_open(WEEKDAYS_8_TO_5, chicago(2025, 6, 2, 16, 59, 59))
    assert not hours.is_open(WEEKDAYS_8_TO_5, chicago(2025, 6, 2, 17, 0))
    assert not hours.is_open(WEEKDAYS_8_TO_5, chicago(2025, 6, 2, 7, 59))


def test_closed_all_day_on_a_day_without_periods():
    saturday = chicago(2025, 6, 7, 12, 0)
    assert not hours.is_open(WEEKDAYS_8_TO_5, saturday)
    assert hours.closes_at(WEEKDAYS_8_TO_5, saturday) is None
    assert hours.next_opening(WEEKDAYS_8_TO_5, saturday) == chicago(2025, 6, 9, 8, 0)


def test_open_late_friday_night_and_after_midnight_on_saturday():
    assert hours.is_open(LATE, chicago(2025, 6, 6, 23, 30))
    assert hours.is_open(LATE, chicago(2025, 6, 7, 1, 30))
    assert not hours.is_open(LATE, chicago(2025, 6, 7, 2, 0))
    # After midnight the day is Saturday: it closes at 02:00, not at Friday's 23:59.
    assert hours.closes_at(LATE, chicago(2025, 6, 7, 0, 15)) == chicago(2025, 6, 7, 2, 0)


def test_the_day_is_the_centers_own_not_the_moments():
    # Tuesday 00:30 UTC is Monday 19:30 in Los Angeles: Monday's hours decide, and the center is closed.
    utc = dt.datetime(2025, 6, 3, 0, 30, tzinfo=dt.UTC)
    local = hours.local_time("America/Los_Angeles", utc)
    assert local == dt.datetime(2025, 6, 2, 17, 30, tzinfo=LOS_ANGELES)
    assert local.weekday() == 0
    assert not hours.is_open(WEEKDAYS_8_TO_5, local)
    assert hours.is_open(WEEKDAYS_8_TO_5, hours.local_time("America/Los_Angeles", utc - dt.timedelta(hours=1)))


def test_arizona_keeps_its_clock_when_the_rest_of_the_mountain_zone_changes():
    summer_utc = dt.datetime(2025, 7, 1, 15, 30, tzinfo=dt.UTC)  # 08:30 in Phoenix, 09:30 in Denver
    assert hours.local_time("America/Phoenix", summer_utc).time() == T(8, 30)
    assert hours.local_time("America/Denver", summer_utc).time() == T(9, 30)
    winter_utc = dt.datetime(2025, 1, 7, 15, 30, tzinfo=dt.UTC)
    phoenix, denver = (hours.local_time(zone, winter_utc) for zone in ("America/Phoenix", "America/Denver"))
    assert phoenix.time() == denver.time() == T(8, 30)


def test_next_opening_across_the_spring_daylight_saving_change_is_eight_by_the_local_clock():
    # Clocks go forward on Sunday 9 March 2025: Monday 08:00 is 13:00 UTC, where the Friday before it was 14:00.
    saturday = chicago(2025, 3, 8, 12, 0)
    opens = hours.next_opening(WEEKDAYS_8_TO_5, saturday)
    assert opens == chicago(2025, 3, 10, 8, 0)
    assert opens.astimezone(dt.UTC) == dt.datetime(2025, 3, 10, 13, 0, tzinfo=dt.UTC)
    assert hours.is_open(WEEKDAYS_8_TO_5, hours.local_time("America/Chicago", opens.astimezone(dt.UTC)))
    assert not hours.is_open(
        WEEKDAYS_8_TO_5, hours.local_time("America/Chicago", dt.datetime(2025, 3, 10, 12, 59, tzinfo=dt.UTC))
    )


def test_open_hours_on_the_autumn_change_day_itself():
    # Sunday 2 November 2025: 01:00 to 02:00 happens twice in Chicago; a Sunday clinic 09:00-12:00 is unaffected.
    sunday = [(6, T(9), T(12))]
    assert hours.is_open(sunday, hours.local_time("America/Chicago", dt.datetime(2025, 11, 2, 15, 0, tzinfo=dt.UTC)))
    assert hours.closes_at(sunday, chicago(2025, 11, 2, 10, 0)) == chicago(2025, 11, 2, 12, 0)
    early = hours.local_time("America/Chicago", dt.datetime(2025, 11, 2, 6, 30, tzinfo=dt.UTC))  # 01:30, again
    assert hours.next_opening(sunday, early) == chicago(2025, 11, 2, 9, 0)


def test_next_opening_a_week_away_when_open_one_day_only():
    wednesday_mornings = [(2, T(9), T(12))]
    assert hours.next_opening(wednesday_mornings, chicago(2025, 6, 4, 12, 0)) == chicago(2025, 6, 11, 9, 0)
    assert hours.next_opening(wednesday_mornings, chicago(2025, 6, 4, 8, 59)) == chicago(2025, 6, 4, 9, 0)


def test_no_hours_means_never_open_and_nothing_to_say():
    moment = chicago(2025, 6, 2, 10, 0)
    assert not hours.is_open([], moment)
    assert hours.closes_at([], moment) is None
    assert hours.next_opening([], moment) is None
    assert hours.opening_note([], moment) == ""


def test_periods_that_follow_on_close_at_the_end_of_the_last():
    split = [(0, T(8), T(12)), (0, T(12), T(17))]
    assert hours.closes_at(split, chicago(2025, 6, 2, 9, 0)) == chicago(2025, 6, 2, 17, 0)
    lunch_break = [(0, T(8), T(12)), (0, T(13), T(17))]
    assert hours.closes_at(lunch_break, chicago(2025, 6, 2, 9, 0)) == chicago(2025, 6, 2, 12, 0)
    assert hours.opening_note(lunch_break, chicago(2025, 6, 2, 12, 30)) == "opens today 1:00 PM"


@pytest.mark.parametrize(
    ("moment", "english", "spanish"),
    [
        (chicago(2025, 6, 2, 9, 0), "closes 5:00 PM", "cierra a las 5:00 p.m."),
        (chicago(2025, 6, 2, 7, 0), "opens today 8:00 AM", "abre hoy a las 8:00 a.m."),
        (chicago(2025, 6, 2, 18, 0), "opens tomorrow 8:00 AM", "abre mañana a las 8:00 a.m."),
        (chicago(2025, 6, 6, 18, 0), "opens Monday 8:00 AM", "abre el lunes a las 8:00 a.m."),
    ],
)
def test_the_note_in_english_and_spanish(moment, english, spanish):
    with translation.override("en"):
        assert hours.opening_note(WEEKDAYS_8_TO_5, moment) == english
    with translation.override("es"):
        assert hours.opening_note(WEEKDAYS_8_TO_5, moment) == spanish


def test_the_open_now_line_says_status_note_and_local_time_with_a_comma_for_screen_readers():
    with translation.override("en"):
        line = open_now_line("America/Chicago", WEEKDAYS_8_TO_5, dt.datetime(2025, 6, 2, 20, 12, tzinfo=dt.UTC))
    assert '<span class="status-open">Open now</span>' in line
    assert '<span aria-hidden="true"> · </span><span class="visually-hidden">, </span>closes 5:00 PM' in line
    assert "(3:12 PM local time)" in line
    with translation.override("es"):
        line = open_now_line("America/Chicago", [], dt.datetime(2025, 6, 2, 20, 12, tzinfo=dt.UTC))
    assert '<span class="status-closed">Cerrado ahora</span>' in line
    assert "visually-hidden" not in line  # no hours: no note, no separator
    assert "(3:12 p.m. hora local)" in line


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("Fri 18:00-23:59; Sat 00:00-02:00", LATE),
        ("Mon-Fri 08:00-17:00; Sun closed", WEEKDAYS_8_TO_5),
    ],
)
def test_the_text_format_reads_into_the_periods_these_functions_take(text, periods):
    assert hours.parse_hours(text) == periods
