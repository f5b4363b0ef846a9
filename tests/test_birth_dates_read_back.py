"""The one birth-date reader (appointments/birthdates.py): a date without a day is refused saying so, never guessed;
a year first is read year, month, day; a date that reads both ways is known as such and is shown in words."""

from datetime import date

import pytest
from django.utils import translation

from appointments.birthdates import BirthDateError, in_words, parse_birth_date, reads_both_ways

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize("typed", ["April 1957", "Dec 2001", "abril 1957", "abril de 1957", "04/1957", "4-1957"])
def test_a_date_without_a_day_is_refused_with_a_message_saying_the_day_is_missing(typed):
    with pytest.raises(BirthDateError, match="must include the day"):
        parse_birth_date(typed, today=TODAY)


@pytest.mark.parametrize(
    ("typed", "born"),
    [
        ("1957/04/12", date(1957, 4, 12)),
        ("1957-04-12", date(1957, 4, 12)),
        ("1957.4.12", date(1957, 4, 12)),
        ("April 12, 1957", date(1957, 4, 12)),
        ("April 12 1957", date(1957, 4, 12)),
        ("12 de abril de 1957", date(1957, 4, 12)),
        ("12/04/1957", date(1957, 12, 4)),  # month first, as on every US form; shown in words before sending
    ],
)
def test_dates_people_type_are_read(typed, born):
    assert parse_birth_date(typed, today=TODAY) == born


@pytest.mark.parametrize(
    ("typed", "both_ways"),
    [("12/04/1957", True), ("04/12/1957", True), ("12041957", True), ("04/04/1957", False), ("04/13/1957", False),
     ("1957/04/12", False), ("April 12, 1957", False)],
)  # fmt: skip
def test_a_date_that_reads_both_ways_is_known(typed, both_ways):
    assert reads_both_ways(typed) is both_ways


def test_a_date_in_words_is_in_the_pages_language():
    assert in_words(date(1957, 4, 12)) == "April 12, 1957"
    with translation.override("es"):
        assert in_words(date(1957, 4, 12)) == "12 de abril de 1957"
