"""A sign-out sticks whatever the cache does: sessions live in the database only, so a sign-out made while Redis
stalls ends the session, and the old cookie can save neither a status change nor a note once Redis answers again.
Sign-in lockouts live in the database too: no cache pressure resets them."""

import time
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client

from appointments.models import AppointmentRequest, RequestNote
from core import cache_backends

from .factories_requests import AppointmentRequestFactory
from .processes import redis_as_cache
from .staff import ADMIN, PASSWORD, is_refused, is_signed_in, login
from .support import clear_caches


@pytest.fixture
def private_redis(settings, tmp_path):
    """The site's caches on a Redis of this test's own, which the test may pause."""
    with redis_as_cache(settings, tmp_path) as redis:
        yield redis


@pytest.mark.processes
@pytest.mark.django_db(transaction=True)
def test_a_sign_out_during_a_redis_stall_stops_the_old_cookie(private_redis, monkeypatch, staff_a, center_a):
    monkeypatch.setattr(cache_backends, "RETRY_AFTER_SECONDS", 0.5)
    request = AppointmentRequestFactory(center=center_a)
    browser = Client()
    assert is_signed_in(browser, login(browser, staff_a.username, PASSWORD))
    old_cookie = browser.cookies[settings.SESSION_COOKIE_NAME].value
    assert browser.get(f"{ADMIN}{request.pk}/change/").status_code == 200

    private_redis.pause()
    try:
        assert browser.post("/admin/logout/").status_code == 200
    finally:
        private_redis.pause(paused=False)
    time.sleep(0.6)  # Redis is asked again

    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    change = stolen.post(
        f"{ADMIN}{request.pk}/change/",
        {"status": AppointmentRequest.Status.CONTACTED, "notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0",
         "notes-0-text": "Written with a cookie that was signed out.", "_save": "Save"},
    )  # fmt: skip

    assert change.status_code == 302
    assert change["Location"].startswith("/admin/login/")
    request.refresh_from_db()
    assert request.status == AppointmentRequest.Status.NEW
    assert not RequestNote.objects.exists()


@pytest.mark.django_db
def test_sessions_live_in_the_database_only():
    store = import_module(settings.SESSION_ENGINE).SessionStore
    session = store()
    session["signed_in_as"] = "editor"
    session.save()

    clear_caches()
    assert Session.objects.filter(session_key=session.session_key).exists()
    assert store(session.session_key)["signed_in_as"] == "editor"
    Session.objects.all().delete()  # a sign-out everywhere: no cache brings it back
    assert store(session.session_key).get("signed_in_as") is None


@pytest.mark.django_db
def test_a_lockout_outlives_every_cache_being_emptied(client, staff_a):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, staff_a.username, "a wrong password")

    clear_caches()  # what an LRU cache under pressure, a restart of Redis or a flush would do
    for cache in caches.all():
        cache.clear()

    assert is_refused(login(Client(), staff_a.username, PASSWORD, address="198.51.100.9"))
