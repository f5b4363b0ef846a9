"""Operations: the health check, one JSON request line per request with its id, and no personal data in any log."""

import io
import json
import logging
import re
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import timezone

from core.logs import JsonFormatter
from core.models import WorkerHeartbeat

from .factories_appointments import PLACES, CenterFactory
from .factories_requests import form_data

pytestmark = pytest.mark.django_db

REQUEST_LOGGER = "azura.request"
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
FORM_URL = "/appointments/request/"


def request_records(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == REQUEST_LOGGER]


# --- Health check --------------------------------------------------------------------------------------------


def test_health_check_answers_ok_with_each_dependency(client):
    beat = timezone.now().replace(microsecond=0)
    WorkerHeartbeat.objects.create(beat_at=beat)

    response = client.get("/healthz/")

    assert response.status_code == 200
    report = response.json()
    assert report.pop("worker")["last_heartbeat"] == beat.isoformat()
    assert report == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "email_queue": {"queued": 0, "oldest_queued_seconds": 0, "failed": 0},
    }


def database_down(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.mark.parametrize("method", ["cursor", "ensure_connection"])
@pytest.mark.parametrize("debug", [False, True])
def test_health_check_answers_503_without_a_traceback_when_the_database_is_down(monkeypatch, settings, method, debug):
    settings.DEBUG = debug
    monkeypatch.setattr(BaseDatabaseWrapper, method, database_down)

    response = Client(raise_request_exception=False).get("/healthz/")

    assert response.status_code == 503
    body = response.content.decode()
    assert response.json()["status"] == "down"
    assert response.json()["database"] == "unavailable"
    assert "Traceback" not in body
    assert "OperationalError" not in body
    assert "5432" not in body


def test_health_check_is_logged_as_503_when_the_database_is_down(monkeypatch, caplog):
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", database_down)

    Client(raise_request_exception=False).get("/healthz/")

    assert [record.status for record in request_records(caplog)] == [503]


# --- The request line ----------------------------------------------------------------------------------------


@pytest.fixture
def center():
    return CenterFactory(name="Azura Congress Avenue", place=PLACES["78701"], notification_email="c@azura.example")


def test_each_request_is_logged_once_without_its_query_string(client, center, caplog):
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)

    response = client.get("/centers/?q=78701")

    assert response.status_code == 200
    records = request_records(caplog)
    assert len(records) == 1
    record = records[0]
    assert record.method == "GET"
    assert record.path == "/centers/"
    assert record.status == 200
    assert isinstance(record.duration_ms, int | float)
    assert record.duration_ms >= 0
    assert REQUEST_ID_RE.match(record.request_id)
    assert response["X-Request-ID"] == record.request_id
    line = JsonFormatter().format(record)
    assert "78701" not in line
    assert "q=" not in line


def test_request_line_is_json_with_the_request_fields(client, center, caplog):
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)

    client.get("/centers/?q=78701")

    entry = json.loads(JsonFormatter().format(request_records(caplog)[0]))
    assert entry["logger"] == REQUEST_LOGGER
    assert entry["level"] == "INFO"
    assert {"request_id", "method", "path", "status", "duration_ms", "time"} <= set(entry)
    assert entry["path"] == "/centers/"
    assert entry["status"] == 200


def test_not_found_and_post_requests_are_logged_with_their_status(client, caplog):
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)

    client.get("/no-such-page/?email=someone@example.com")
    client.post(FORM_URL, {"first_name": ""})

    assert [(r.method, r.path, r.status) for r in request_records(caplog)] == [
        ("GET", "/no-such-page/", 404),
        ("POST", FORM_URL, 302),  # back to the form, which shows the problem (Post/Redirect/Get)
    ]
    assert "someone@example.com" not in caplog.text


def test_every_request_gets_its_own_id(client):
    ids = {client.get("/healthz/")["X-Request-ID"] for _ in range(3)}

    assert len(ids) == 3
    assert all(REQUEST_ID_RE.match(request_id) for request_id in ids)


@pytest.mark.parametrize("incoming", ["abc-123", "7f3c2a1e9b8d4c6f", "req.2026_11_24-0001", "a" * 64])
def test_a_valid_incoming_request_id_is_reused(client, caplog, incoming):
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)

    response = client.get("/healthz/", HTTP_X_REQUEST_ID=incoming)

    assert response["X-Request-ID"] == incoming
    assert request_records(caplog)[0].request_id == incoming


@pytest.mark.parametrize(
    "incoming",
    [
        "has spaces in it",
        "a" * 200,
        "a" * 65,
        "",
        "<script>alert(1)</script>",
        "name@example.com",
        "abc\n",
        "abc\r\nSet-Cookie: x=1",
        "ünïcode",
    ],
)
def test_an_invalid_incoming_request_id_is_replaced(client, caplog, incoming):
    caplog.set_level(logging.INFO, logger=REQUEST_LOGGER)

    response = Client(raise_request_exception=False).get("/healthz/", HTTP_X_REQUEST_ID=incoming)

    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    assert request_id != incoming
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,64}", request_id)
    assert request_records(caplog)[0].request_id == request_id


# --- JSON lines ----------------------------------------------------------------------------------------------


def make_record(message: str, *, extra: dict | None = None, exc_info=None) -> logging.LogRecord:
    return logging.getLogger("azura.test").makeRecord(
        "azura.test", logging.WARNING, __file__, 1, message, (), exc_info, extra=extra
    )


def test_json_formatter_writes_one_valid_json_object_with_the_extras():
    record = make_record(
        'a "quoted"\nmessage over two lines',
        extra={
            "reference": "AZ-7K3M-9Q2P",
            "count": 3,
            "when": datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
            "cost": Decimal("1.5"),
        },
    )

    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == 'a "quoted"\nmessage over two lines'
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "azura.test"
    assert entry["reference"] == "AZ-7K3M-9Q2P"
    assert entry["count"] == 3
    assert entry["when"] == "2026-11-24 09:30:00+00:00"
    assert entry["cost"] == "1.5"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}", entry["time"])
    for standard in ("args", "msg", "levelno", "pathname", "exc_info", "stack_info"):
        assert standard not in entry


def test_json_formatter_puts_the_traceback_in_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = make_record("failed", exc_info=sys.exc_info())

    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert "ValueError: boom" in entry["exception"]
    assert entry["exception"].startswith("Traceback")


def test_json_formatter_never_writes_the_request_object(rf):
    request = rf.get("/centers/?q=78701", HTTP_COOKIE="sessionid=secret-session")

    entry = json.loads(JsonFormatter().format(make_record("oops", extra={"request": request, "status_code": 500})))

    assert "request" not in entry
    assert entry["status_code"] == 500


def test_json_lines_from_a_stream_handler_each_parse():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("azura.test.stream")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("first", extra={"reference": "AZ-AAAA-BBBB"})
        logger.warning("second\nline")
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError:
            logger.exception("third")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True

    lines = stream.getvalue().splitlines()
    assert [json.loads(line)["message"] for line in lines] == ["first", "second\nline", "third"]


def test_logs_are_json_by_default(settings):
    assert settings.LOGGING["formatters"]["json"]["()"] == "core.logs.JsonFormatter"
    assert settings.LOGGING["handlers"]["stdout"]["formatter"] == "json"


# --- No personal data in any log -----------------------------------------------------------------------------

PATIENT_SECRETS = [
    "Rosalind",
    "Quigglesworth",
    "(512) 555-0123",
    "555-0123",
    "5125550123",
    "rosalind@example.com",
    "03/27/1954",
    "1954-03-27",
    "03-27-1954",
    "27/03/1954",
    "March 27, 1954",
    "Sharp zigzag pain",
    "Bluewater Mutual",
]


def everything_logged(caplog) -> str:
    formatter = JsonFormatter()
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(formatter.format(record))
        parts.append(repr(vars(record)))
    return "\n".join(parts)


def assert_no_patient_data(logged: str) -> None:
    for secret in PATIENT_SECRETS:
        assert secret not in logged, f"{secret!r} was logged"
    assert date(1954, 3, 27).isoformat() not in logged


@pytest.fixture
def posting(settings, center):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return form_data(center)


def test_posting_the_request_form_logs_no_personal_data(client, posting, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, posting, follow=True)

    assert response.status_code == 200
    assert "We received your request" in response.content.decode()
    assert len(request_records(caplog)) == 2  # the POST and the confirmation page
    assert_no_patient_data(everything_logged(caplog))


def test_an_invalid_post_logs_no_personal_data(client, posting, caplog):
    caplog.set_level(logging.DEBUG)

    response = client.post(FORM_URL, {**posting, "consent": "", "date_of_birth": "03/27/1954x"}, follow=True)

    assert response.status_code == 200
    assert_no_patient_data(everything_logged(caplog))


def test_a_refused_email_logs_no_personal_data(client, posting, refusing_mail_server, caplog, run_worker):
    caplog.set_level(logging.DEBUG)  # smtplib reports a refused address with the address in the exception

    response = client.post(FORM_URL, posting, follow=True)
    run_worker()

    assert "We received your request" in response.content.decode()
    assert "email failed for good" in caplog.text
    assert "SMTPRecipientsRefused" in everything_logged(caplog)  # the kind of error, never its text
    assert_no_patient_data(everything_logged(caplog))
