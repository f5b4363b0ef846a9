"""When a request cannot be taken as usual: a database that refuses the write (the patient keeps every answer and
sees the center's phone, never "received"), the per-client rate limit, and headers that keep personal pages out of
every cache."""

from contextlib import contextmanager
from importlib import import_module

import pytest
from django.conf import settings
from django.db import connection

from appointments.models import AppointmentRequest, RequestEmail
from appointments.request_session import RECEIVED_SESSION_KEY as SESSION_KEY

from .factories_requests import (
    DATE_OF_BIRTH_FORMS,
    RADIO_FIELDS,
    RECEIVED_URL,
    REFERENCE_RE,
    SELECT_FIELDS,
    TEXT_FIELDS,
    form_data,
    post,
)
from .factories_requests import REQUEST_URL as URL
from .html import attrs, checked_value, input_value, selected_value, text
from .html import find_one as find
from .html import parse as page
from .support import clear_caches

pytestmark = pytest.mark.django_db

RECEIVED_TEXT = "We received your request"


@pytest.fixture(autouse=True)
def _isolated():
    clear_caches()  # the rate limit counts in the cache, which outlives a test
    yield
    clear_caches()


# --- The database refuses the write --------------------------------------------------------------------------


@contextmanager
def refusing_writes():
    """The database itself refuses to store a request: reading still works, writing fails.

    SQLite: the connection is made read-only (PRAGMA query_only), so the INSERT fails with OperationalError.
    PostgreSQL: another connection holds a SHARE lock on the table (reads pass, inserts wait) and this
    connection gives up waiting after a short lock timeout, with OperationalError (lock_not_available).
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = ON")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"no way to make {connection.vendor} refuse writes")
    import psycopg

    settings_dict = connection.settings_dict
    locker = psycopg.connect(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
    )
    table = connection.ops.quote_name(AppointmentRequest._meta.db_table)
    try:
        locker.execute(f"LOCK TABLE {table} IN SHARE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '300ms'")
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")
        locker.rollback()
        locker.close()


@pytest.fixture
def database_refuses_writes():
    with refusing_writes():
        yield


def test_database_failure_shows_the_form_again_with_503_the_phone_and_the_answers(
    client, full_answers, center, database_refuses_writes, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post(client, full_answers)
    content = response.content.decode()
    root = page(response)

    assert response.status_code == 503
    assert "Your request was not sent" in content
    assert '<a href="tel:+15125550142">(512) 555-0142</a>' in content  # typed "(512) 555-0142", stored E.164
    assert RECEIVED_TEXT not in content
    assert "received" not in text(find(root, "main")).lower()
    assert not REFERENCE_RE.search(content)
    for name in TEXT_FIELDS:
        assert input_value(root, name) == full_answers[name], name
    for name in SELECT_FIELDS:
        assert selected_value(root, name) == full_answers[name], name
    for name in RADIO_FIELDS:
        assert checked_value(root, name) == full_answers[name], name
    assert "checked" in attrs(find(root, "input", name="consent"))
    assert input_value(root, "submission_token") == full_answers["submission_token"]
    assert "no-store" in response["Cache-Control"]
    assert callbacks == []
    assert not RequestEmail.objects.exists()
    # No session was given a request to show (read without Client.session, which would save a new one).
    session_cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert session_cookie is None or SESSION_KEY not in store(session_cookie.value).load()
    for secret in ["Rosalind", "Quigglesworth", "555-0123", *DATE_OF_BIRTH_FORMS[:-1]]:
        assert secret not in caplog.text


def test_after_a_database_failure_there_is_no_confirmation_and_a_retry_stores_the_request(
    client, full_answers, center, django_capture_on_commit_callbacks
):
    with refusing_writes():
        assert post(client, full_answers).status_code == 503
    assert AppointmentRequest.objects.count() == 0
    assert client.get(RECEIVED_URL).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        retry = post(client, full_answers, follow=True)
    assert retry.status_code == 200
    assert AppointmentRequest.objects.get().reference in retry.content.decode()
    assert RequestEmail.objects.count() == 2


# --- Rate limit: tests/test_request_limits.py -----------------------------------------------------------------


# --- Caching headers -----------------------------------------------------------------------------------------


def test_form_page_is_not_stored_by_caches(client, center):
    assert "no-store" in client.get(URL)["Cache-Control"]


def test_form_with_errors_is_not_stored_by_caches(client, center):
    assert "no-store" in client.post(URL, form_data(center, first_name=""))["Cache-Control"]  # the redirect
    response = post(client, form_data(center, first_name=""))  # and the form it leads to
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_redirect_after_a_valid_post_is_not_stored_by_caches(client, center):
    response = post(client, form_data(center))
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]


def test_nothing_to_show_page_is_not_stored_by_caches(client):
    assert "no-store" in client.get(RECEIVED_URL)["Cache-Control"]
