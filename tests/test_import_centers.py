"""`manage.py import_centers`: a checked, all-or-nothing import of centers from a CSV file."""

from datetime import time

import pytest

from appointments import geo
from appointments.geo import zip_time_zone
from appointments.hours import parse_hours
from appointments.models import Center
from procedures import publishing
from procedures.models import Procedure

from .center_csv import AUSTIN, HEADER, run, run_failing, write_csv

pytestmark = pytest.mark.django_db

DENVER = {
    **AUSTIN,
    "name": "Denver Pain Clinic",
    "address": "1600 Glenarm Pl",
    "city": "Denver",
    "state": "co",
    "zip": "80202-1234",
    "phone": "303-555-0100",
    "email": "",
    "latitude": "39.7456",
    "longitude": "-104.9910",
    "procedures": "facet-joint-injections|kyphoplasty",
    "hours": "mon,wed 08:00-12:00,13:00-17:00; Sun closed",
    "timezone": "America/Denver",
}


def hours_of(center: Center) -> list[tuple[int, time, time]]:
    return [(h.weekday, h.opens, h.closes) for h in center.opening_hours.all()]


def test_a_good_file_imports_centers_with_location_procedures_hours_and_timezone(tmp_path):
    # utf-8-sig: a byte order mark, as spreadsheet programs write it, must not spoil the first column's name.
    out, _ = run(write_csv(tmp_path / "centers.csv", [AUSTIN, DENVER], encoding="utf-8-sig"))

    assert "Imported 2 centers (2 created, 0 updated)." in out
    austin = Center.objects.get(slug="north-austin-spine-center-austin-tx")
    assert (austin.latitude, austin.longitude) == geo.zip_point("78701")
    assert austin.timezone == "America/Chicago"  # from the ZIP code, as the column is blank
    assert austin.notification_email == "austin@example.com"
    assert austin.phone == "+15125550142"  # as typed in the file, stored E.164
    assert sorted(austin.procedures.values_list("slug", flat=True)) == ["epidural-injections", "kyphoplasty"]
    weekday = [(day, time(8), time(17)) for day in range(5)]
    assert hours_of(austin) == [*weekday, (5, time(9), time(12))]

    denver = Center.objects.get(city="Denver")
    assert (denver.state, denver.zip_code, denver.timezone) == ("CO", "80202-1234", "America/Denver")
    assert (denver.latitude, denver.longitude) == (39.7456, -104.991)
    assert sorted(denver.procedures.values_list("slug", flat=True)) == ["facet-joint-injections", "kyphoplasty"]
    assert hours_of(denver) == [
        (day, t1, t2) for day in (0, 2) for t1, t2 in ((time(8), time(12)), (time(13), time(17)))
    ]


def test_a_moved_procedure_s_old_address_names_the_procedure_now_at_the_new_one(tmp_path):
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    kyphoplasty.slug = "balloon-kyphoplasty"
    kyphoplasty.save()
    publishing.page_moved(page=kyphoplasty, old_slug="kyphoplasty")

    out, _ = run(write_csv(tmp_path / "centers.csv", [AUSTIN]))  # "epidural-injections; kyphoplasty"

    assert "Imported 1 centers (1 created, 0 updated)." in out
    offered = Center.objects.get().procedures.values_list("slug", flat=True)
    assert sorted(offered) == ["balloon-kyphoplasty", "epidural-injections"]


def test_running_the_same_file_again_updates_the_same_centers(tmp_path):
    path = write_csv(tmp_path / "centers.csv", [AUSTIN, DENVER])
    run(path)
    first_ids = set(Center.objects.values_list("pk", flat=True))

    changed = {**AUSTIN, "phone": "(512) 555-0199", "hours": "Tue 10:00-14:00", "procedures": "facet-joint-injections"}
    out, _ = run(write_csv(tmp_path / "centers.csv", [changed, DENVER]))

    assert "Imported 2 centers (0 created, 2 updated)." in out
    assert set(Center.objects.values_list("pk", flat=True)) == first_ids
    austin = Center.objects.get(slug="north-austin-spine-center-austin-tx")
    assert austin.phone == "+15125550199"
    assert hours_of(austin) == [(1, time(10), time(14))]  # replaced, not added to
    assert list(austin.procedures.values_list("slug", flat=True)) == ["facet-joint-injections"]


def test_without_an_hours_column_the_hours_are_kept(tmp_path):
    run(write_csv(tmp_path / "centers.csv", [AUSTIN]))
    run(write_csv(tmp_path / "centers.csv", [AUSTIN], header=[c for c in HEADER if c != "hours"]))

    assert len(hours_of(Center.objects.get())) == 6


BAD_VALUES = [
    ({"zip": "00000", "latitude": "", "longitude": ""}, "zip '00000' is not a known ZIP code"),
    ({"zip": "7870"}, "zip '7870' is not a ZIP code"),
    ({"state": "XX"}, "state 'XX' is not a US state code"),
    ({"hours": "Mon-Fri 17:00-08:00"}, "hours: in '17:00-08:00' the closing time is not after the opening time"),
    ({"hours": "Weekdays 08:00-17:00"}, "hours: 'Weekdays' is not a day"),
    ({"phone": ""}, "phone is required"),
    ({"name": ""}, "name is required"),
    ({"latitude": "30.27", "longitude": ""}, "give both latitude and longitude, or neither"),
    ({"latitude": "95", "longitude": "-97.7"}, "latitude '95' is not a number from -90 to 90"),
    ({"procedures": "epidural-injections;acupuncture"}, "unknown procedure 'acupuncture'"),
    ({"email": "front desk@clinic"}, "email 'front desk@clinic' is not an email address"),
    ({"timezone": "Europe/Paris"}, "timezone 'Europe/Paris' is not one of America/New_York"),
]


@pytest.mark.parametrize(("change", "reason"), BAD_VALUES, ids=[reason[:30] for _, reason in BAD_VALUES])
def test_a_file_with_bad_rows_imports_nothing_and_reports_every_one(tmp_path, change, reason):
    run(write_csv(tmp_path / "before.csv", [AUSTIN]))
    rows = [
        {**AUSTIN, "phone": "(512) 555-0100"},  # line 2: a good update, which must not be written either
        {**DENVER, "name": "Bad One", **change},  # line 3
        {**DENVER},  # line 4: good
        {**AUSTIN, "name": "Bad Two", **change},  # line 5
    ]

    message, errors = run_failing(write_csv(tmp_path / "centers.csv", rows))

    assert "2 rows with errors in centers.csv; nothing was imported." in message
    assert f"line 3: {reason}" in errors
    assert f"line 5: {reason}" in errors
    assert "line 2" not in errors
    assert "line 4" not in errors
    assert list(Center.objects.values_list("name", "phone")) == [("North Austin Spine Center", "+15125550142")]


def test_every_problem_of_a_row_is_reported(tmp_path):
    bad = {**AUSTIN, "state": "Texas", "email": "nope", "hours": "Mon 9-5"}

    _, errors = run_failing(write_csv(tmp_path / "centers.csv", [AUSTIN, bad]))

    assert errors.splitlines() == [
        "line 3: state 'Texas' is not a US state code like TX",
        "line 3: email 'nope' is not an email address",
        "line 3: hours: '9' is not a time like 08:00 or 17:30 (24-hour clock)",
    ]


def test_the_same_center_twice_in_a_file_is_an_error(tmp_path):
    _, errors = run_failing(write_csv(tmp_path / "centers.csv", [AUSTIN, DENVER, {**AUSTIN, "phone": "512-555-0111"}]))

    assert errors.strip() == "line 4: the same center as line 2 (same name, city and state)"


def test_line_numbers_count_blank_lines_and_values_over_several_lines(tmp_path):
    path = tmp_path / "centers.csv"
    good = ",".join(AUSTIN[column] for column in HEADER)
    path.write_text(
        ",".join([*HEADER, "notes"]) + "\n"  # line 1
        f'{good.replace("North", "West")},"two\nlines"\n'  # lines 2 and 3
        "\n"  # line 4
        f"{good.replace('TX', 'ZZ')},\n"  # line 5
        f"{good.replace('100 Congress Ave', '100 Congress Ave, Suite 2')},\n"  # line 6: a comma without quotes
    )

    _, errors = run_failing(path)

    assert errors.splitlines() == [
        "Ignoring unknown column(s): notes",
        "line 5: state 'ZZ' is not a US state code like TX",
        "line 6: 1 more value(s) than the header has columns; a value with a comma needs double quotes",
    ]


def test_a_missing_column_is_an_error_naming_it(tmp_path):
    path = write_csv(tmp_path / "centers.csv", [AUSTIN], header=[c for c in HEADER if c != "phone"])

    message, _ = run_failing(path)

    assert "missing column: phone" in message
    assert not Center.objects.exists()


def test_an_unreadable_file_is_an_error(tmp_path):
    (tmp_path / "latin1.csv").write_bytes(
        ",".join(HEADER).encode() + b"\nCaf\xe9,1 Main St,Austin,TX,78701,5125550100\n"
    )

    assert "not UTF-8" in run_failing(tmp_path / "latin1.csv")[0]
    assert "Cannot read" in run_failing(tmp_path / "missing.csv")[0]


def test_a_long_file_reports_progress_every_500_rows(tmp_path):
    # Without procedures: saving them records history center by center, which would only make the test slow.
    rows = [{**AUSTIN, "name": f"Center {n:04}", "procedures": ""} for n in range(1200)]

    out, _ = run(write_csv(tmp_path / "centers.csv", rows))

    assert out.splitlines() == [
        "Checked 500 of 1200 rows.",
        "Checked 1000 of 1200 rows.",
        "Saved 500 of 1200 centers.",
        "Saved 1000 of 1200 centers.",
        "Imported 1200 centers (1200 created, 0 updated).",
    ]
    assert "\r" not in out
    assert Center.objects.count() == 1200


# --- parse_hours and zip_time_zone ---------------------------------------------------------------------------


def test_parse_hours_reads_ranges_lists_and_several_periods():
    assert parse_hours("Mon-Wed 08:00-17:00; Sat 09:00-12:00") == [
        (0, time(8), time(17)),
        (1, time(8), time(17)),
        (2, time(8), time(17)),
        (5, time(9), time(12)),
    ]
    assert parse_hours("mon,WED 8:00-12:00,13:30-17:00") == [
        (0, time(8), time(12)),
        (0, time(13, 30), time(17)),
        (2, time(8), time(12)),
        (2, time(13, 30), time(17)),
    ]
    assert parse_hours("Mon - Tue, Fri 07:00 - 15:00;") == [(d, time(7), time(15)) for d in (0, 1, 4)]


def test_parse_hours_omits_closed_days():
    assert parse_hours("Sat 09:00-12:00; Sun closed") == [(5, time(9), time(12))]
    assert parse_hours("Mon-Sun CLOSED") == []
    assert parse_hours("") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Mon 17:00-08:00", "closing time is not after the opening time"),
        ("Mon 08:00-08:00", "closing time is not after the opening time"),
        ("Monday 08:00-12:00", "'Monday' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun"),
        ("Fri-Mon 08:00-12:00", "day range 'Fri-Mon' runs backwards"),
        ("Mon 8am-5pm", "'8am' is not a time like 08:00"),
        ("Mon 24:00-25:00", "'24:00' is not a time"),
        ("Mon 08:00", "'08:00' is not a period like 08:00-17:00"),
        ("Mon-Fri", "'Mon-Fri' is not days then times"),
        ("Mon 08:00-12:00 13:00-17:00", "is not days then times"),
        ("Mon 08:00-12:00,11:00-13:00", "Mon 08:00-12:00 overlaps 11:00-13:00"),
        ("Mon-Fri 08:00-17:00; Wed 12:00-13:00", "Wed 08:00-17:00 overlaps 12:00-13:00"),
    ],
)
def test_parse_hours_refuses_anything_else(text, message):
    with pytest.raises(ValueError, match=message):
        parse_hours(text)


@pytest.mark.parametrize(
    ("zip_code", "time_zone"),
    [
        ("78701", "America/Chicago"),
        ("79901", "America/Denver"),  # El Paso keeps Mountain time
        ("48226", "America/New_York"),  # the dataset says America/Detroit: the same clock
        ("83702", "America/Denver"),  # America/Boise
        ("85004", "America/Phoenix"),  # no daylight saving
        ("96813", "Pacific/Honolulu"),
        ("00000", None),
        ("not a zip", None),
    ],
)
def test_zip_time_zone_names_one_of_our_time_zones(zip_code, time_zone):
    assert zip_time_zone(zip_code) == time_zone
