"""Centers from a spreadsheet: the checked, all-or-nothing import behind `manage.py import_centers` (the opening
hours column is read by appointments.hours; time zones of ZIP codes: geo.py; the saving: upsert.py).

Every row is checked before anything is written, so a file with one bad row changes nothing and staff see
every problem at once, by line number, instead of fixing them one run at a time.
"""

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from core import phones, rendered, slugs
from procedures.addresses import procedures_by_address
from procedures.models import Procedure

from . import geo, upsert
from .hours import Period, parse_hours
from .models import Center
from .validators import no_control_characters

if TYPE_CHECKING:
    import _csv

REQUIRED_COLUMNS = ("name", "address", "city", "state", "zip", "phone")
OPTIONAL_COLUMNS = ("email", "latitude", "longitude", "procedures", "hours", "timezone")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# The model's limits, checked here so that a long value is a row error rather than a database error mid-import.
MAX_LENGTHS = {"name": 150, "address": 200, "city": 100, "zip": 10, "phone": 20, "email": 254}
PROGRESS_EVERY = 500

# A CSV row by column; values beyond the header's columns are a list under the key None (as csv.DictReader does).
Row = dict[str | None, Any]


# --- Reading a CSV file ----------------------------------------------------------------------------------------


def read_csv(file: TextIO) -> tuple[list[str], Iterator[Row]]:
    """The columns of a centers CSV file and an iterator over its rows, as import_centers reads them.

    Raises ValueError right away when the file is empty or a required column is missing. Column names are
    matched without regard to case or surrounding spaces. To keep line numbers true, a blank line comes as
    an empty dict, and a row with a quoted value over several lines is followed by an empty dict for each
    extra line. Values beyond the header's columns are kept under the key None, as csv.DictReader does.
    """
    reader = csv.reader(file)
    header = next(reader, None)
    if not header:
        raise ValueError("the file is empty; the first line must name the columns")
    columns = [name.strip().lower() for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ValueError(f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        raise ValueError(f"repeated column{'s' if len(repeated) > 1 else ''}: {', '.join(repeated)}")
    return columns, _rows(reader, columns)


def _rows(reader: "_csv.Reader", columns: list[str]) -> Iterator[Row]:
    number = 2  # the line number import_centers gives the next row
    line = reader.line_num  # the last line read so far
    for values in reader:
        first_line, line = line + 1, reader.line_num
        while number < first_line:  # lines taken by a quoted value that ran over several lines
            yield {}
            number += 1
        row: Row = dict(zip(columns, values + [""] * (len(columns) - len(values)), strict=False)) if values else {}
        if len(values) > len(columns):
            row[None] = values[len(columns) :]
        yield row
        number += 1


# --- Importing -------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """How many centers an import created and updated."""

    created: int = 0
    updated: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated


class InvalidRows(ValueError):
    """Rows that cannot be imported, so nothing was: `errors` holds every problem as (line, reason)."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        self.lines = sorted({line for line, _ in errors})
        super().__init__(f"{len(self.lines)} row{'s' if len(self.lines) != 1 else ''} with errors")


@dataclass
class CenterRow:
    """A checked row: the center's fields, and its procedures and hours (None: the file has no such column)."""

    slug: str
    fields: dict[str, object]
    procedures: list[Procedure] | None
    hours: list[Period] | None


def import_centers(
    rows: Iterable[Mapping[str | None, Any]], *, progress: Callable[[str], None] | None = None
) -> ImportResult:
    """Create or update a center for each row; or, when any row is bad, write nothing and raise InvalidRows.

    Row n is line n + 1 of the file, the header being line 1 (read_csv keeps this true); empty rows are
    counted but skipped. A center is known by its slug (Center.slug_for: from name, city and state),
    so importing the same file again updates the same centers. Their hours and procedures are replaced by the
    file's, unless it has no such column.
    `progress` is called with a line of text every PROGRESS_EVERY rows.
    """
    rows = list(rows)
    report = progress or (lambda message: None)
    with transaction.atomic():
        checked = _check_rows(rows, report)
        return _save(checked, report)


def _check_rows(rows: list[Mapping[str | None, Any]], report: Callable[[str], None]) -> list[CenterRow]:
    """The rows as CenterRows, or InvalidRows with every problem of every row."""
    procedures = procedures_by_address()  # a moved page's old address names it too
    errors: list[tuple[int, str]] = []
    checked: list[CenterRow] = []
    line_of_slug: dict[str, int] = {}
    for index, row in enumerate(rows):
        line = index + 2
        if index and index % PROGRESS_EVERY == 0:
            report(f"Checked {index} of {len(rows)} rows.")
        if _is_blank(row):
            continue
        center, problems = _check_row(row, procedures)
        if center and center.slug in line_of_slug:
            problems.append(f"the same center as line {line_of_slug[center.slug]} (same name, city and state)")
        errors.extend((line, problem) for problem in problems)
        if center and not problems:
            line_of_slug[center.slug] = line
            checked.append(center)
    if errors:
        raise InvalidRows(errors)
    return checked


def _one_line(value: str) -> bool:
    """The model's own check (appointments.validators), so the import refuses what the admin refuses."""
    try:
        no_control_characters(value)
    except ValidationError:
        return False
    return True


def _is_blank(row: Mapping[str | None, Any]) -> bool:
    return None not in row and not any(str(value or "").strip() for value in row.values())


def _check_row(row: Mapping[str | None, Any], procedures: dict[str, Procedure]) -> tuple[CenterRow | None, list[str]]:
    if row.get(None):
        # Every value after the stray comma is in the wrong column: checking them would only add noise.
        extra = len(row[None])
        return None, [f"{extra} more value(s) than the header has columns; a value with a comma needs double quotes"]
    problems: list[str] = []
    values = {column: str(row.get(column) or "").strip() for column in COLUMNS}
    for column in COLUMNS:
        limit = MAX_LENGTHS.get(column, 1000)
        if column in REQUIRED_COLUMNS and not values[column]:
            problems.append(f"{column} is required")
        elif not _one_line(values[column]):
            problems.append(f"{column} has a line break or another control character")
        elif len(values[column]) > limit:
            problems.append(f"{column} is longer than {limit} characters")

    state = values["state"].upper()
    if state and state not in geo.STATE_CODES:
        problems.append(f"state '{values['state']}' is not a US state code like TX")
    zip_code = values["zip"]
    zip_ok = bool(geo.ZIP_RE.match(zip_code))
    if zip_code and not zip_ok:
        problems.append(f"zip '{zip_code}' is not a ZIP code like 78701 or 78701-1234")
    if values["phone"] and not phones.parse(values["phone"], strict=False):
        problems.append(f"phone '{values['phone']}' does not have a 10-digit number")
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            problems.append(f"email '{values['email']}' is not an email address")

    point = _check_point(values, problems, zip_ok)
    time_zone = _check_time_zone(values, problems, zip_ok)
    center_procedures = _check_procedures(values["procedures"], procedures, problems)
    hours = None
    try:
        hours = parse_hours(values["hours"])
    except ValueError as error:
        problems.append(f"hours: {error}")

    slug = Center.slug_for(values["name"], values["city"], state)
    if values["name"] and not slugs.slug_of(values["name"]):
        problems.append("name needs at least one letter or digit")
    if problems:
        return None, problems
    assert point is not None  # _check_point adds a problem whenever it finds no point
    fields: dict[str, object] = {
        "name": values["name"],
        "address": values["address"],
        "city": values["city"],
        "state": state,
        "zip_code": zip_code,
        "phone": phones.normalised(values["phone"]),  # as the field stores it: a re-import changes nothing
        "latitude": point[0],
        "longitude": point[1],
        "timezone": time_zone,
    }
    if "email" in row:
        fields["notification_email"] = values["email"]
    return CenterRow(
        slug=slug,
        fields=fields,
        procedures=center_procedures if "procedures" in row else None,
        hours=hours if "hours" in row else None,
    ), []


def _check_point(values: dict[str, str], problems: list[str], zip_ok: bool) -> geo.Point | None:
    """The coordinates given, or else the ZIP code's."""
    latitude, longitude = values["latitude"], values["longitude"]
    if not latitude and not longitude:
        point = geo.zip_point(values["zip"]) if zip_ok else None
        if zip_ok and point is None:
            problems.append(f"zip '{values['zip']}' is not a known ZIP code; check it, or give latitude and longitude")
        return point
    if not latitude or not longitude:
        problems.append("give both latitude and longitude, or neither (to use the ZIP code's location)")
        return None
    numbers: list[float | None] = []
    for name, text, limit in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        try:
            number = float(text)
        except ValueError:
            number = None
        # The comparison is False for nan, so "nan" is refused with the out-of-range values.
        if number is None or not -limit <= number <= limit:
            problems.append(f"{name} '{text}' is not a number from -{limit} to {limit}")
        numbers.append(number)
    latitude_number, longitude_number = numbers
    if latitude_number is None or longitude_number is None:
        return None
    return (latitude_number, longitude_number)


def _check_time_zone(values: dict[str, str], problems: list[str], zip_ok: bool) -> str | None:
    """The time zone given, or else the ZIP code's."""
    if values["timezone"]:
        name = geo.TIME_ZONES.get(values["timezone"].lower())
        if name is None:
            problems.append(f"timezone '{values['timezone']}' is not one of {', '.join(geo.TIME_ZONES.values())}")
        return name
    name = geo.zip_time_zone(values["zip"]) if zip_ok else None
    located = values["latitude"] or values["longitude"] or geo.zip_point(values["zip"])
    if zip_ok and name is None and located:  # an unknown ZIP without coordinates is reported already
        problems.append(f"the time zone of ZIP code {values['zip']} is not known; give a timezone")
    return name


def _check_procedures(text: str, procedures: dict[str, Procedure], problems: list[str]) -> list[Procedure]:
    slugs = [slug.strip().lower() for slug in re.split(r"[;|]", text) if slug.strip()]
    unknown = [slug for slug in slugs if slug not in procedures]
    if unknown:
        problems.append(
            f"unknown procedure{'s' if len(unknown) > 1 else ''} {', '.join(repr(slug) for slug in unknown)}; "
            f"known: {', '.join(sorted(procedures))}"
        )
    return [procedures[slug] for slug in dict.fromkeys(slugs) if slug in procedures]


def _save(rows: list[CenterRow], report: Callable[[str], None]) -> ImportResult:
    result = ImportResult()
    for start in range(0, len(rows), PROGRESS_EVERY):
        created, updated = _save_batch(rows[start : start + PROGRESS_EVERY])
        result.created += created
        result.updated += updated
        if result.total < len(rows):
            report(f"Saved {result.total} of {len(rows)} centers.")
    # Bulk writes send no signals: without this, cached pages and center cards would show the old centers.
    # Once committed, so that no page drawn from the old rows is kept under the new generation.
    transaction.on_commit(rendered.content_changed)
    return result


def _save_batch(rows: list[CenterRow]) -> tuple[int, int]:
    """Save the centers, then their procedures and hours; return how many were created and updated."""
    saved = upsert.save_changed(Center, {row.slug: row.fields for row in rows})
    centers = {center.slug: center for center in saved.rows}
    upsert.set_procedures({centers[row.slug]: row.procedures for row in rows if row.procedures is not None})
    upsert.set_hours({centers[row.slug]: row.hours for row in rows if row.hours is not None})
    return len(saved.created), len(saved.updated) + len(saved.unchanged)
