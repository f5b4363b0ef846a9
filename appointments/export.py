"""Appointment requests as a CSV file for a spreadsheet, safe to open in Excel, LibreOffice or Numbers."""

import csv
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.http import HttpResponse

from core import phones

from .admin_booking import visit_csv
from .models import AppointmentRequest

# Each column's field and its header, in staff's words.
HEADERS = {
    "reference": "Reference", "status": "Status", "closed_reason": "Reason closed",
    "created_at": "Received (center's time)", "visit": "Booked visit (center's time)", "center": "Center",
    "first_name": "First name", "last_name": "Last name", "phone": "Phone", "email": "Email",
    "preferred_contact": "Contact by", "best_time": "Best time to call", "patient_status": "New or returning",
    "preferred_language": "Language", "preferred_language_other": "Other language",
    "interpreter_needed": "Interpreter needed", "payment": "Payment", "requester": "Who asked",
    "requester_name": "Their name", "requester_relationship": "Their relationship", "requester_phone": "Their phone",
    "call_back": "Call back", "site_language": "Site language",
}  # fmt: skip
COLUMNS = list(HEADERS)
LABELLED = {"status", "closed_reason", "preferred_contact", "best_time", "patient_status",
            "preferred_language", "payment", "requester", "call_back", "site_language"}  # fmt: skip

# A spreadsheet runs a cell as a formula when it starts with one of these (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Where a spreadsheet that ignores the quotes, or splits on another list separator (";" in much of Europe,
# tab, "|"), would start a new cell: a formula right after one is neutralised too.
_AFTER_SEPARATOR = re.compile(r"([,;\t|\r\n]\s*)([=+\-@])")


def csv_safe(value) -> str:
    """Text for a spreadsheet cell that no spreadsheet runs as a formula, whatever its list separator."""
    text = str(value if value is not None else "")
    text = _AFTER_SEPARATOR.sub(r"\1'\2", text)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_response(requests: Iterable[AppointmentRequest], filename: str = "appointment-requests.csv") -> HttpResponse:
    """Every cell quoted and formula-neutralised; headers and labels as staff see them; times in the center's time
    zone, to the minute, with the zone ("2026-11-29 21:48 CST")."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # byte-order mark: Excel then reads the file as UTF-8 ("–", "é")
    writer = csv.writer(response, quoting=csv.QUOTE_ALL)
    writer.writerow(HEADERS.values())
    for row in requests:
        values = {column: getattr(row, column) for column in COLUMNS if column != "visit"}
        values["visit"] = visit_csv(row)  # the booked visit, in the center's time zone with its name
        values.update({column: getattr(row, f"get_{column}_display")() for column in LABELLED})
        values["created_at"] = row.created_at.astimezone(ZoneInfo(row.center.timezone)).strftime("%Y-%m-%d %H:%M %Z")
        values["phone"] = row.phone_display
        values["requester_phone"] = phones.display(row.requester_phone)
        values["interpreter_needed"] = "yes" if row.interpreter_needed else "no"
        writer.writerow([csv_safe(values[column]) for column in COLUMNS])
    return response
