"""Centers' CSV files for `manage.py import_centers`, written and imported in tests."""

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

HEADER = ["name", "address", "city", "state", "zip", "phone", "email", "latitude", "longitude", "procedures", "hours",
          "timezone"]  # fmt: skip
AUSTIN = {
    "name": "North Austin Spine Center",
    "address": "100 Congress Ave",
    "city": "Austin",
    "state": "TX",
    "zip": "78701",
    "phone": "(512) 555-0142",
    "email": "austin@example.com",
    "latitude": "",
    "longitude": "",
    "procedures": "epidural-injections; kyphoplasty",
    "hours": "Mon-Fri 08:00-17:00; Sat 09:00-12:00",
    "timezone": "",
}


def write_csv(path: Path, rows: list[dict], header: list[str] = HEADER, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.DictWriter(file, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path: Path) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("import_centers", str(path), stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def run_failing(path: Path) -> tuple[str, str]:
    stderr = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_centers", str(path), stdout=StringIO(), stderr=stderr)
    return str(raised.value), stderr.getvalue()
