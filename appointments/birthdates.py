"""Reading a date of birth the way people type it in the US: month, day, year.

On a phone's numeric keypad there is no slash, so "04121957" must work as well as "04/12/1957",
"4-12-57", "04.12.1957", "04 12 1957" and "April 12, 1957"; on the Spanish page, "12 de abril de 1957" and
"abril 12, 1957" too (the numbers stay month first, as on every US form, and the page says so); a year first
("1957/04/12", "1957-04-12") is read as year, month, day. A date with no day ("April 1957", "04/1957") is refused
with a message that says the day is missing, never guessed. When a part is wrong the message names that part
(GOV.UK's date input pattern), in the page's language, and nothing typed is thrown away: the form shows it again.
A date that reads both ways (12/04/1957: December 4 here, 12 April to someone used to day-first dates) is read
month first and shown back in words (`in_words`) on "Check your answers" before anything is sent.
"""

import re
from datetime import date

from django import forms
from django.utils import dateformat, timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Spanish names ("12 de abril de 1957"); none is an English name of another month.
MONTHS |= {
    name: number
    for number, names in enumerate(
        [
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "setiembre", "sep", "sept", "set"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ],
        start=1,
    )
    for name in names
}
OLDEST_AGE = 120


def _example() -> str:
    return _("for example 04/12/1957 or 04121957")


class BirthDateError(ValueError):
    """A date of birth that cannot be read; the message says which part is wrong, in words for the patient."""


def parse_birth_date(text: str, *, today: date) -> date:
    """The date of birth in `text`, or BirthDateError naming the part that is wrong."""
    month, day, year = _parts(text.strip())
    if not 1 <= month <= 12:
        raise BirthDateError(_("The month must be a number from 1 to 12, %(example)s.") % {"example": _example()})
    if year < 100:  # "3/27/54" is 1954, "3/27/05" 2005: the most recent such year that is not in the future
        year += 2000 if 2000 + year <= today.year else 1900
    elif year < 1000:
        raise BirthDateError(_("The year must have 4 digits, %(example)s.") % {"example": _example()})
    try:
        born = date(year, month, day)
    except ValueError:
        raise BirthDateError(
            _("The day must be a real day of that month, %(example)s.") % {"example": _example()}
        ) from None
    if born > today:
        raise BirthDateError(_("Your date of birth can’t be in the future."))
    if born.year < today.year - OLDEST_AGE:
        raise BirthDateError(_("Check the year of your date of birth."))
    return born


class BirthDateField(forms.CharField):
    """A date of birth as people type it: the text field of the request form and of "Check or change my request",
    cleaned to a `date` by `parse_birth_date`, with its message next to the field when a part is wrong."""

    def __init__(self, *, label, required_message, autocomplete: str, **kwargs):
        super().__init__(
            label=label,
            max_length=40,
            help_text=gettext_lazy("Month, day and year, for example 04/12/1957 or 04121957"),
            error_messages={"required": required_message},
            widget=forms.TextInput(attrs={"autocomplete": autocomplete, "inputmode": "numeric"}),
            **kwargs,
        )

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return None
        try:
            return parse_birth_date(text, today=timezone.localdate())
        except BirthDateError as error:
            raise forms.ValidationError(str(error)) from None


def in_words(born: date) -> str:
    """The date as people read it in the page's language: "April 12, 1957", "12 de abril de 1957"."""
    language = (get_language() or "en").split("-")[0]
    return dateformat.format(born, r"j \d\e F \d\e Y" if language == "es" else "F j, Y")


def reads_both_ways(text: str) -> bool:
    """Whether the numbers typed make two different dates month first and day first (12/04/1957, 1204957 aside):
    such a date is shown back in words before it is sent."""
    pieces = re.split(r"[\s/.\-]+", text.strip())
    if len(pieces) != 3 or not all(piece.isdigit() for piece in pieces) or len(pieces[0]) > 2:
        if not (text.strip().isdigit() and len(text.strip()) in (6, 8)):
            return False
        digits = text.strip()
        pieces = [digits[:2], digits[2:4], digits[4:]]
    first, second = int(pieces[0]), int(pieces[1])
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def _no_day() -> BirthDateError:
    return BirthDateError(
        _("Your date of birth must include the day, not only the month and year, %(example)s.")
        % {"example": _example()}
    )


def _parts(text: str) -> tuple[int, int, int]:
    if not text:
        raise BirthDateError(_("Enter your date of birth."))
    if re.fullmatch(r"([^\W\d_]+)\.?,?\s*(?:de\s+|del\s+)?(\d{4})", text):  # "April 1957", "abril de 1957"
        raise _no_day()
    # The day and the year need something between them ("April 12, 1957", "April 12 1957"): "April 1957" is no
    # April 19.
    words = re.match(r"^([^\W\d_]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?:de\s+|del\s+)?(\d{2}|\d{4})$", text)
    day_first = re.match(
        r"^(\d{1,2})(?:st|nd|rd|th)?\s*(?:de\s+)?([^\W\d_]+)\.?,?\s*(?:de\s+|del\s+)?(\d{2}|\d{4})$", text
    )
    named = (
        (words[1], words[2], words[3]) if words else (day_first[2], day_first[1], day_first[3]) if day_first else None
    )
    if named:
        name, day, year = named
        month = MONTHS.get(name.lower())
        if month is None:
            raise BirthDateError(
                _("Enter the month as a number or a name such as April, %(example)s.") % {"example": _example()}
            )
        return month, int(day), int(year)
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", text):  # year first: ISO, as a browser's date picker sends it
        year, month, day = (int(part) for part in re.split(r"[-/.]", text))
        return month, day, year
    pieces = re.split(r"[\s/.\-]+", text)
    if len(pieces) == 3 and all(piece.isdigit() for piece in pieces):
        if len(pieces[2]) == 3 or len(pieces[2]) > 4:
            raise BirthDateError(_("The year must have 4 digits, %(example)s.") % {"example": _example()})
        return int(pieces[0]), int(pieces[1]), int(pieces[2])
    if text.isdigit():
        return _digits_only(text)
    if len(pieces) == 2 and all(piece.isdigit() for piece in pieces):
        if len(pieces[1]) == 4:  # "04/1957": a month and a year
            raise _no_day()
        raise BirthDateError(
            _("Your date of birth must include a month, a day and a year, %(example)s.") % {"example": _example()}
        )
    raise BirthDateError(_("Enter your date of birth as month, day and year, %(example)s.") % {"example": _example()})


def _digits_only(text: str) -> tuple[int, int, int]:
    """Typed on a numeric keypad: MMDDYYYY, MMDDYY, or 7 digits when a month or day has one digit and only one
    reading of them is a real date."""
    if len(text) == 8:
        return int(text[:2]), int(text[2:4]), int(text[4:])
    if len(text) == 6:
        return int(text[:2]), int(text[2:4]), int(text[4:])
    if len(text) == 7:
        readings = []
        for month, day in ((text[:1], text[1:3]), (text[:2], text[2:3])):
            try:
                date(int(text[3:]), int(month), int(day))
            except ValueError:
                continue
            readings.append((int(month), int(day), int(text[3:])))
        if len(readings) == 1:
            return readings[0]
        raise BirthDateError(
            _("Enter 2 digits for the month and 2 for the day, %(example)s.") % {"example": _example()}
        )
    raise BirthDateError(
        _("Enter 2 digits for the month, 2 for the day and 4 for the year, %(example)s.") % {"example": _example()}
    )
