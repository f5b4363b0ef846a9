"""Opening hours: the text format staff write (`Mon-Fri 08:00-17:00; Sat 09:00-12:00`), and the arithmetic of
"open now", "closes at" and "opens next", as pure functions of a center's periods and a moment in its time zone.

A period is (weekday, opens, closes), Monday being 0, on the 24-hour clock in the center's own time zone; a day
with no period is closed; a period never runs past midnight (the database refuses closes <= opens). A closure is
(first day, last day, note): days staff closed the center whatever its weekly hours (a holiday). The model
(Center.is_open_at and the like), the locator's cards and the importer all read hours through these functions.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from django.utils import dateformat, timezone
from django.utils.translation import gettext, gettext_lazy, ngettext

Period = tuple[int, time, time]  # (weekday, opens, closes)
Closed = tuple[date, date, str]  # (first day, last day, note): a holiday closure
# How far ahead "opens next" looks: a week, and past a closure that covers part of it.
LOOK_AHEAD_DAYS = 60

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")


# --- The text format -------------------------------------------------------------------------------------------


def parse_hours(text: str) -> list[Period]:
    """Opening periods (weekday, opens, closes), Monday being 0, from e.g. `Mon-Fri 08:00-17:00; Sat 09:00-12:00`.

    Parts are separated by `;`. Each names its days (Mon..Sun, any case) as a range `Mon-Fri`, a list `Mon,Wed`
    or both, then one or more periods on the 24-hour clock, `08:00-12:00,13:00-17:00`, or `closed` (which adds
    nothing: a day with no period is closed). Raises ValueError saying what is wrong.
    """
    periods: list[Period] = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue  # a trailing ";" is harmless
        # "Mon - Fri 08:00 - 17:00" means the same as "Mon-Fri 08:00-17:00".
        words = re.sub(r"\s*([-,])\s*", r"\1", part).split()
        if len(words) != 2:
            raise ValueError(f"'{part}' is not days then times, like 'Mon-Fri 08:00-17:00'")
        days = _parse_days(words[0])
        if words[1].lower() == "closed":
            continue
        for period in words[1].split(","):
            opens, closes = _parse_period(period)
            periods.extend((day, opens, closes) for day in days)
    periods.sort()
    _check_overlaps(periods)
    return periods


def _parse_days(text: str) -> list[int]:
    days: set[int] = set()
    for item in text.split(","):
        first, dash, last = item.partition("-")
        start = _parse_day(first)
        end = _parse_day(last) if dash else start
        if end < start:
            raise ValueError(f"day range '{item}' runs backwards; write it as two parts, e.g. 'Fri-Sun; Mon'")
        days.update(range(start, end + 1))
    return sorted(days)


def _parse_day(text: str) -> int:
    try:
        return [name.lower() for name in DAY_NAMES].index(text.lower())
    except ValueError:
        raise ValueError(f"'{text}' is not a day; use {', '.join(DAY_NAMES)}") from None


def _parse_period(text: str) -> tuple[time, time]:
    first, dash, last = text.partition("-")
    if not dash:
        raise ValueError(f"'{text}' is not a period like 08:00-17:00")
    opens, closes = _parse_time(first), _parse_time(last)
    if closes <= opens:
        raise ValueError(f"in '{text}' the closing time is not after the opening time")
    return opens, closes


def _parse_time(text: str) -> time:
    match = TIME_RE.match(text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"'{text}' is not a time like 08:00 or 17:30 (24-hour clock)")
    return time(int(match.group(1)), int(match.group(2)))


def _check_overlaps(periods: list[Period]) -> None:
    """Periods are sorted; on each day, one must end before (or when) the next begins."""
    for (day, opens, closes), (next_day, next_opens, next_closes) in pairwise(periods):
        if day == next_day and next_opens < closes:
            raise ValueError(
                f"{DAY_NAMES[day]} {opens:%H:%M}-{closes:%H:%M} overlaps {next_opens:%H:%M}-{next_closes:%H:%M}"
            )


# --- Open now, closes at, opens next ---------------------------------------------------------------------------


def local_time(zone: str, when: datetime | None = None) -> datetime:
    """The moment (now if None) on the clock of the time zone, e.g. "America/Chicago"."""
    return (when or timezone.now()).astimezone(ZoneInfo(zone))


def closure_on(day: date, closed: Iterable[Closed] = ()) -> Closed | None:
    """The closure that covers that day, if any."""
    return next((closure for closure in closed if closure[0] <= day <= closure[1]), None)


def is_open(periods: Iterable[Period], local: datetime, closed: Iterable[Closed] = ()) -> bool:
    """Whether a center with these periods (and closures) is open at that moment on its own clock."""
    if closure_on(local.date(), closed):
        return False
    weekday, now = local.weekday(), local.time()
    return any(day == weekday and opens <= now < closes for day, opens, closes in periods)


def closes_at(periods: Iterable[Period], local: datetime, closed: Iterable[Closed] = ()) -> datetime | None:
    """When the center closes, if it is open at that moment (periods that follow on without a break count as
    one), on its own clock; None when it is closed."""
    if closure_on(local.date(), closed):
        return None
    today = [(opens, closes) for day, opens, closes in periods if day == local.weekday()]
    closes = None
    now = local.time()
    while period := next((p for p in today if p[0] <= now < p[1]), None):
        closes = now = period[1]
        today.remove(period)
    return datetime.combine(local.date(), closes, tzinfo=local.tzinfo) if closes else None


def next_opening(periods: Iterable[Period], local: datetime, closed: Iterable[Closed] = ()) -> datetime | None:
    """When the center next opens after that moment, on its own clock: within a week (the same weekday a week
    later counts), or later when closures cover those days (up to LOOK_AHEAD_DAYS); None when it has no hours.

    The date and the wall-clock time are combined in the center's zone: on a day the clocks change, 08:00 is
    still 08:00 local time (zoneinfo gives it that day's offset)."""
    ordered = sorted(periods, key=lambda period: period[1])
    closed = list(closed)
    for days in range(LOOK_AHEAD_DAYS if closed else 8):
        day = local.date() + timedelta(days=days)
        if closure_on(day, closed):
            continue
        for weekday, opens, _closes in ordered:
            if weekday == day.weekday():
                start = datetime.combine(day, opens, tzinfo=local.tzinfo)
                if start > local:
                    return start
    return None


def opening_note(periods: Iterable[Period], local: datetime, closed: Iterable[Closed] = ()) -> str:
    """ "closes 5:00 PM" when open, "opens today 1:00 PM", "opens tomorrow 8:00 AM", "opens Monday 8:00 AM" (within
    a week) or "opens January 5 8:00 AM" (after a long closure) when closed, "" when it has no hours; in the active
    language."""
    periods = list(periods)
    if closes := closes_at(periods, local, closed):
        return _at(closes, ngettext("closes %(time)s", "closes %(time)s", _hour(closes)))
    opens = next_opening(periods, local, closed)
    if opens is None:
        return ""
    days = (opens.date() - local.date()).days
    if days == 0:
        phrase = ngettext("opens today %(time)s", "opens today %(time)s", _hour(opens))
    elif days == 1:
        phrase = ngettext("opens tomorrow %(time)s", "opens tomorrow %(time)s", _hour(opens))
    elif days < 7:
        phrase = ngettext("opens %(day)s %(time)s", "opens %(day)s %(time)s", _hour(opens))
    else:
        phrase = ngettext("opens %(date)s %(time)s", "opens %(date)s %(time)s", _hour(opens))
    # Translators: a day of the month in Django's date format ("January 5"; Spanish "5 de enero").
    return _at(opens, phrase, day=weekday_name(opens.weekday()), on=dateformat.format(opens, gettext("F j")))


def clock_time(when: datetime) -> str:
    """A time of day as the active language writes it ("5:00 PM"; Spanish "5:00 p.m.")."""
    # Translators: a time of day in Django's date format ("5:00 PM"); Spanish writes "5:00 p.m." (g:i a).
    return dateformat.format(when, gettext("g:i A"))


def weekday_name(weekday: int) -> str:
    """Monday (0) to Sunday (6), in the active language."""
    return str(WEEKDAY_NAMES[weekday])


# The labels of models.Weekday (the same messages in the catalog).
WEEKDAY_NAMES = (
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
)


def _hour(when: datetime) -> int:
    """The hour on a 12-hour clock: Spanish says "a la 1:00" but "a las 8:00" (ngettext picks by it)."""
    return int(dateformat.format(when, "g"))


def _at(when: datetime, phrase: str, day: str = "", on: str = "") -> str:
    """The phrase with its time of day (and weekday or date) filled in."""
    return phrase % {"day": day, "date": on, "time": clock_time(when)}
