"""Abuse limits that don't block people: counted in the database (no cache pressure resets them), generous per
address (a care home, a carrier's shared address), tighter per phone number and per browser session; the limit
page keeps every answer and gives the center's phone. `ratelimit.allow` is the one counter any page calls."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import Client

from appointments import ratelimit
from appointments.models import AppointmentRequest, RateLimitCounter

from .factories_requests import REQUEST_URL, another_patient, form_data
from .html import input_value, parse
from .support import clear_caches

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]

ADDRESS = "198.51.100.7"
WINDOW = timedelta(minutes=15)


def send(answers: dict, address: str = ADDRESS, client: Client | None = None):
    """A request sent from a browser of its own (a new session) unless a client is given."""
    return (client or Client()).post(REQUEST_URL, answers, REMOTE_ADDR=address)


def test_allow_gives_the_limit_then_refuses_and_other_identities_and_scopes_are_apart(db):
    assert [ratelimit.allow("my-request-reference", "AZ-2345-6789", limit=5, window=WINDOW) for _ in range(6)] == [
        True, True, True, True, True, False,
    ]  # fmt: skip
    assert ratelimit.allow("my-request-reference", "AZ-9999-9999", limit=5, window=WINDOW)
    assert ratelimit.allow("my-request-address", "AZ-2345-6789", limit=5, window=WINDOW)


def test_a_refusal_survives_a_thousand_cache_writes(db):
    for _ in range(3):
        ratelimit.allow("my-request-reference", "AZ-2345-6789", limit=3, window=WINDOW)
    cache = caches["default"]
    for n in range(1000):  # an LRU cache flooded: every key it held may be evicted
        cache.set(f"flood:{n}", "x" * 100)
    clear_caches()  # and every key of this run dropped (never a whole Redis database)

    assert not ratelimit.allow("my-request-reference", "AZ-2345-6789", limit=3, window=WINDOW)


def test_the_counters_hold_no_address_phone_or_reference(client, center):
    send(form_data(center), client=client)
    stored = list(RateLimitCounter.objects.values_list("identity", flat=True))
    assert len(stored) == 3  # address, phone, session
    assert all(ADDRESS not in identity and "5550123" not in identity for identity in stored)


def test_a_shared_address_sends_many_requests(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 60
    for n in range(20):  # a care home: twenty residents, one connection
        assert send(another_patient(center, n)).status_code == 302
    assert AppointmentRequest.objects.count() == 20


def test_one_address_is_refused_past_its_limit_with_the_answers_and_the_phone(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 2
    for n in range(2):
        send(another_patient(center, n))
    client = Client()
    answers = another_patient(center, 99)
    response = send(answers, client=client)

    assert response.status_code == 302
    page = client.get(response["Location"])
    content = page.content.decode()
    assert page.status_code == 429
    assert "We could not take this request online" in content
    assert center.phone in content
    assert input_value(parse(page), "last_name") == answers["last_name"]
    assert AppointmentRequest.objects.count() == 2


def test_one_phone_number_is_refused_past_its_daily_limit_from_any_address(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_PHONE_PER_DAY = 2
    for n in range(2):
        send(form_data(center, last_name=f"Patient{n}"), address=f"203.0.113.{n}")
    send(form_data(center, last_name="Patient9"), address="203.0.113.9")
    assert AppointmentRequest.objects.count() == 2


def test_one_session_is_refused_past_its_limit(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_SESSION_PER_HOUR = 2
    client = Client()
    for n in range(3):  # each "for another person", so each is a new request
        answers = another_patient(center, n)
        client.post(REQUEST_URL, {**answers, "action": "another"}, REMOTE_ADDR=f"203.0.113.{n}")
        client.post(REQUEST_URL, answers, REMOTE_ADDR=f"203.0.113.{n}")
    assert AppointmentRequest.objects.count() == 2


def test_a_correction_takes_no_place(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 1
    client = Client()
    send(form_data(center), client=client)
    response = send(form_data(center, first_name="Rosalyn"), client=client)
    assert response["Location"] == "/appointments/request/received/"
    assert AppointmentRequest.objects.get().first_name == "Rosalyn"


def test_a_forged_forwarded_for_header_does_not_escape_the_address_limit(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 2
    settings.NUM_PROXIES = 0
    for n in range(3):
        Client().post(REQUEST_URL, another_patient(center, n), REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert AppointmentRequest.objects.count() == 2


def test_a_database_that_cannot_store_gives_the_places_back(center, settings):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 1
    assert ratelimit.reserve_request(_request(), phone="+15125550123") is None
    ratelimit.release_request(_request(), phone="+15125550123")
    assert ratelimit.reserve_request(_request(), phone="+15125550123") is None


def _request():
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    request = RequestFactory().post(REQUEST_URL, REMOTE_ADDR=ADDRESS)
    request.session = SessionStore()
    return request
