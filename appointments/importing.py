"""Centers from a spreadsheet: the opening hours format, and the checked, all-or-nothing import behind
`manage.py import_centers`.

Every row is checked before anything is written, so a file with one bad row changes nothing and staff see
every problem at once, by line number, instead of fixing them one run at a time.
"""

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import zipcodes
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from azura_site.cache import bump_content_generation
from procedures.addresses import procedures_by_address
from procedures.models import Procedure

from . import geo, phones
from .models import US_STATES, US_TIME_ZONES, Center, OpeningHours, center_search_text
from .validators import no_control_characters

REQUIRED_COLUMNS = ("name", "address", "city", "state", "zip", "phone")
OPTIONAL_COLUMNS = ("email", "latitude", "longitude", "procedures", "hours", "timezone")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# The model's limits, checked here so that a long value is a row error rather than a database error mid-import.
MAX_LENGTHS = {"name": 150, "address": 200, "city": 100, "zip": 10, "phone": 20, "email": 254}
PROGRESS_EVERY = 500

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
STATE_CODES = {code for code, _ in US_STATES}
TIME_ZONES = {name.lower(): name for name, _ in US_TIME_ZONES}
TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")

Hours = list[tuple[int, time, time]]


# --- Opening hours ---------------------------------------------------------------------------------------------


def parse_hours(text: str) -> Hours:
    """Opening periods (weekday, opens, closes), Monday being 0, from e.g. `Mon-Fri 08:00-17:00; Sat 09:00-12:00`.

    Parts are separated by `;`. Each names its days (Mon..Sun, any case) as a range `Mon-Fri`, a list `Mon,Wed`
    or both, then one or more periods on the 24-hour clock, `08:00-12:00,13:00-17:00`, or `closed` (which adds
    nothing: a day with no period is closed). Raises ValueError saying what is wrong.
    """
    periods: Hours = []
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


def format_hours(periods: Iterable[tuple[int, time, time]]) -> str:
    """The text parse_hours reads, one day per part: `Mon 08:00-17:00; Tue 08:00-17:00`."""
    by_day: dict[int, list[str]] = {}
    for day, opens, closes in sorted(periods):
        by_day.setdefault(day, []).append(f"{opens:%H:%M}-{closes:%H:%M}")
    return "; ".join(f"{DAY_NAMES[day]} {','.join(times)}" for day, times in by_day.items())


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


def _check_overlaps(periods: Hours) -> None:
    """Periods are sorted; on each day, one must end before (or when) the next begins."""
    for (day, opens, closes), (next_day, next_opens, next_closes) in zip(periods, periods[1:], strict=False):
        if day == next_day and next_opens < closes:
            raise ValueError(
                f"{DAY_NAMES[day]} {opens:%H:%M}-{closes:%H:%M} overlaps {next_opens:%H:%M}-{next_closes:%H:%M}"
            )


# --- Time zones ------------------------------------------------------------------------------------------------


def zip_time_zone(zip_code: str) -> str | None:
    """The time zone of a ZIP code as one of US_TIME_ZONES, or None if the dataset does not know it.

    The dataset names zones such as America/Detroit or America/Boise; each is mapped to the zone of our list
    that keeps the same clock all year (America/New_York, America/Denver).
    """
    match = geo.ZIP_RE.match((zip_code or "").strip())
    if not match:
        return None
    return _equivalent_zone(_zip_zone_names().get(match.group(1), ""))


@cache
def _zip_zone_names() -> dict[str, str]:
    return {z["zip_code"]: z["timezone"] for z in zipcodes.list_all()}


@cache
def _equivalent_zone(name: str) -> str | None:
    clock = _clock(name)
    if clock is None:
        return None
    return next((ours for ours, _ in US_TIME_ZONES if _clock(ours) == clock), None)


def _clock(name: str) -> tuple | None:
    """A zone's offsets from UTC in January and July (this year's rules): its winter and summer clock."""
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    year = timezone.now().year
    return tuple(datetime(year, month, 15, 12, tzinfo=zone).utcoffset() for month in (1, 7))


# --- Reading a CSV file ----------------------------------------------------------------------------------------


def read_csv(file: TextIO) -> tuple[list[str], Iterator[dict]]:
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


def _rows(reader, columns: list[str]) -> Iterator[dict]:
    number = 2  # the line number import_centers gives the next row
    line = reader.line_num  # the last line read so far
    for values in reader:
        first_line, line = line + 1, reader.line_num
        while number < first_line:  # lines taken by a quoted value that ran over several lines
            yield {}
            number += 1
        row = dict(zip(columns, values + [""] * (len(columns) - len(values)), strict=False)) if values else {}
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
    fields: dict
    procedures: list[Procedure] | None
    hours: Hours | None


def import_centers(rows: Iterable[Mapping], *, progress: Callable[[str], None] | None = None) -> ImportResult:
    """Create or update a center for each row; or, when any row is bad, write nothing and raise InvalidRows.

    Row n is line n + 1 of the file, the header being line 1 (read_csv keeps this true); empty rows are
    counted but skipped. A center is known by its slug, made from name, city and state as Center.save makes it,
    so importing the same file again updates the same centers. Their hours and procedures are replaced by the
    file's, unless it has no such column.
    `progress` is called with a line of text every PROGRESS_EVERY rows.
    """
    rows = list(rows)
    report = progress or (lambda message: None)
    with transaction.atomic():
        checked = _check_rows(rows, report)
        return _save(checked, report)


def _check_rows(rows: list[Mapping], report: Callable[[str], None]) -> list[CenterRow]:
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


def _is_blank(row: Mapping) -> bool:
    return None not in row and not any(str(value or "").strip() for value in row.values())


def _check_row(row: Mapping, procedures: dict[str, Procedure]) -> tuple[CenterRow | None, list[str]]:
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
    if state and state not in STATE_CODES:
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

    slug = slugify(f"{values['name']} {values['city']} {state}")[:180]
    if values["name"] and not slugify(values["name"]):
        problems.append("name needs at least one letter or digit")
    if problems:
        return None, problems
    fields = {
        "name": values["name"],
        "address": values["address"],
        "city": values["city"],
        "state": state,
        "zip_code": zip_code,
        "phone": values["phone"],
        "latitude": point[0],
        "longitude": point[1],
        "location_is_approximate": geo.is_zip_location(point, zip_code),
        "timezone": time_zone,
        "search_text": center_search_text(values["name"], values["city"]),  # the importer bypasses save()
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
    point = []
    for name, text, limit in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        try:
            number = float(text)
        except ValueError:
            number = None
        # The comparison is False for nan, so "nan" is refused with the out-of-range values.
        if number is None or not -limit <= number <= limit:
            problems.append(f"{name} '{text}' is not a number from -{limit} to {limit}")
        point.append(number)
    return (point[0], point[1]) if None not in point else None


def _check_time_zone(values: dict[str, str], problems: list[str], zip_ok: bool) -> str | None:
    """The time zone given, or else the ZIP code's."""
    if values["timezone"]:
        name = TIME_ZONES.get(values["timezone"].lower())
        if name is None:
            problems.append(f"timezone '{values['timezone']}' is not one of {', '.join(TIME_ZONES.values())}")
        return name
    name = zip_time_zone(values["zip"]) if zip_ok else None
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
    transaction.on_commit(bump_content_generation)
    return result


def _save_batch(rows: list[CenterRow]) -> tuple[int, int]:
    """Save the centers, then their procedures and hours; return how many were created and updated."""
    created, updated = _save_centers(rows)
    _save_procedures_and_hours(rows)
    return created, updated


def _save_centers(rows: list[CenterRow]) -> tuple[int, int]:
    """Save new and changed centers in bulk, each with a history record.

    The checks already set what Center.save would fill in (the slug, the ZIP code's location), so bulk writes,
    which skip save(), store the same thing.
    """
    existing = Center.objects.in_bulk([row.slug for row in rows], field_name="slug")
    new, changed = [], []
    for row in rows:
        center = existing.get(row.slug)
        if center is None:
            new.append(Center(slug=row.slug, **row.fields))
        elif any(getattr(center, field) != value for field, value in row.fields.items()):
            for field, value in row.fields.items():
                setattr(center, field, value)
            center.updated_at = timezone.now()
            # One UPDATE per row: QuerySet.bulk_update builds a CASE per field and row, far slower here.
            Center.objects.filter(pk=center.pk).update(**row.fields, updated_at=center.updated_at)
            changed.append(center)
    bulk_create_with_history(new, Center)
    Center.history.bulk_history_create(changed, update=True)
    return len(new), len(existing)


def _save_procedures_and_hours(rows: list[CenterRow]) -> None:
    """Rewrite only what differs, so that importing the same file again adds no history noise."""
    centers = Center.objects.in_bulk([row.slug for row in rows], field_name="slug")
    ids = [center.pk for center in centers.values()]
    procedures: dict[int, set[int]] = {pk: set() for pk in ids}
    for center_id, procedure_id in Center.procedures.through.objects.filter(center__in=ids).values_list(
        "center_id", "procedure_id"
    ):
        procedures[center_id].add(procedure_id)
    hours: dict[int, list] = {pk: [] for pk in ids}
    for opening in OpeningHours.objects.filter(center__in=ids):
        hours[opening.center_id].append((opening.weekday, opening.opens, opening.closes))

    stale_hours: list[int] = []
    new_hours: list[OpeningHours] = []
    for row in rows:
        center = centers[row.slug]
        wanted = row.procedures
        if wanted is not None and {p.pk for p in wanted} != procedures.get(center.pk, set()):
            center.procedures.set(wanted)
        if row.hours is not None and row.hours != sorted(hours.get(center.pk, [])):
            stale_hours.append(center.pk)
            new_hours += [OpeningHours(center=center, weekday=d, opens=o, closes=c) for d, o, c in row.hours]
    OpeningHours.objects.filter(center__in=stale_hours).delete()
    bulk_create_with_history(new_hours, OpeningHours)
