"""`manage.py import_centers centers.csv`: create or update centers from a spreadsheet, all rows or none."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from appointments.importing import COLUMNS, InvalidRows, import_centers, read_csv


class Command(BaseCommand):
    help = (
        "Create or update centers from a CSV file (UTF-8): columns name, address, city, state, zip, phone, and "
        "optionally email, latitude, longitude, procedures, hours, timezone. Every row is checked first; if any "
        "is bad, each problem is listed by line number and nothing is imported."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="the CSV file, e.g. centers.csv")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            # utf-8-sig: spreadsheet programs often start a UTF-8 file with a byte order mark.
            with file.open(encoding="utf-8-sig", newline="") as csv_file:
                columns, reading = read_csv(csv_file)
                rows = list(reading)  # read inside the with: its errors are the ones caught below
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text; save it as “CSV UTF-8”.") from error
        except (ValueError, csv.Error) as error:  # a missing column, or a file that is not CSV
            raise CommandError(f"{file}: {error}.") from error

        unknown = [name for name in columns if name not in COLUMNS]
        if unknown:
            self.stderr.write(self.style.WARNING(f"Ignoring unknown column(s): {', '.join(unknown)}"))

        try:
            result = import_centers(rows, progress=self.stdout.write)
        except InvalidRows as invalid:
            for line, reason in invalid.errors:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(f"{invalid} in {file.name}; nothing was imported.") from None
        self.stdout.write(
            self.style.SUCCESS(f"Imported {result.total} centers ({result.created} created, {result.updated} updated).")
        )
