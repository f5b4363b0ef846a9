"""Throttles that hold: the sign-in lockout by account across addresses and by address across accounts, an
IPv6 /64 counted as one client by both throttles, and gunicorn listening on loopback unless told otherwise."""

import importlib

import pytest
from django.test import Client, RequestFactory

from appointments.models import AppointmentRequest
from core.clients import client_address

from .factories_requests import another_patient, post
from .staff import PASSWORD, is_refused, is_signed_in, login
from .support import clear_caches

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean(settings):
    settings.NUM_PROXIES = 0
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def accounts(django_user_model):
    for name in ("editor", "manager", "austin"):
        django_user_model.objects.create_user(username=name, password=PASSWORD, is_staff=True)


# --- Sign-in lockout ---------------------------------------------------------------------------------------


def test_forty_invented_user_names_from_one_address_lock_that_address(client, accounts):
    for n in range(40):
        login(client, f"invented-{n}", "guess", address="203.0.113.9")

    assert is_refused(login(client, "editor", PASSWORD, address="203.0.113.9"))
    assert is_signed_in(client, login(client, "editor", PASSWORD, address="198.51.100.1"))


def test_guesses_spread_over_three_real_accounts_from_one_address_lock_it(client, accounts):
    for name in ("editor", "manager", "austin"):
        for _ in range(2):  # under the limit for each account
            login(client, name, "guess", address="203.0.113.9")

    assert is_refused(login(client, "manager", PASSWORD, address="203.0.113.9"))


def test_signing_in_to_ones_own_account_does_not_reset_the_addresss_failures(client, accounts):
    for n in range(4):
        login(client, f"invented-{n}", "guess", address="203.0.113.9")
    assert is_signed_in(client, login(client, "austin", PASSWORD, address="203.0.113.9"))
    client.logout()
    login(client, "invented-5", "guess", address="203.0.113.9")

    assert is_refused(login(client, "editor", PASSWORD, address="203.0.113.9"))


def test_one_account_guessed_from_many_addresses_is_locked_everywhere(client, accounts):
    for n in range(5):
        login(client, "editor", "guess", address=f"198.51.100.{n + 10}")

    assert is_refused(login(client, "editor", PASSWORD, address="192.0.2.200"))
    assert is_signed_in(client, login(client, "manager", PASSWORD, address="192.0.2.200"))


def test_addresses_rotated_inside_one_ipv6_64_are_one_client_for_the_lockout(client, accounts):
    for n in range(5):
        login(client, f"invented-{n}", "guess", address=f"2001:db8:7:1::{n + 1:x}")

    assert is_refused(login(client, "editor", PASSWORD, address="2001:db8:7:1:ffff:1:2:3"))
    assert is_signed_in(client, login(client, "editor", PASSWORD, address="2001:db8:7:2::1"))


def test_addresses_rotated_inside_one_64_behind_a_proxy_are_one_client(client, accounts, settings):
    settings.NUM_PROXIES = 1
    for n in range(5):
        client.post(
            "/admin/login/",
            {"username": f"invented-{n}", "password": "guess"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"2001:db8:7:1::{n + 1:x}",
        )
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="2001:db8:7:1::abcd",
    )
    assert is_refused(response)


# --- The request form's rate limit ---------------------------------------------------------------------------


def test_addresses_rotated_inside_one_ipv6_64_share_the_forms_rate_limit(client, center):
    for n in range(2):
        assert post(Client(), another_patient(center, n), REMOTE_ADDR=f"2001:db8:5:5::{n + 1}").status_code == 302

    assert post(Client(), another_patient(center, 9), REMOTE_ADDR="2001:db8:5:5:aaaa::9").status_code == 429
    assert post(Client(), another_patient(center, 10), REMOTE_ADDR="2001:db8:5:6::1").status_code == 302
    assert AppointmentRequest.objects.count() == 3


def test_rotation_inside_one_64_behind_a_proxy_shares_the_rate_limit(client, center, settings):
    settings.NUM_PROXIES = 1
    for n in range(2):
        forwarded = f"2001:db8:5:5::{n + 1}"
        assert post(Client(), another_patient(center, n), HTTP_X_FORWARDED_FOR=forwarded).status_code == 302

    assert post(Client(), another_patient(center, 9), HTTP_X_FORWARDED_FOR="2001:db8:5:5::99").status_code == 429


# --- Who the client is ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("203.0.113.7", "", 0, "203.0.113.7"),
        ("203.0.113.7", "198.51.100.1", 0, "203.0.113.7"),  # no proxy trusted: the header is ignored
        ("10.0.0.2", "198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),  # the address our proxy saw
        ("2001:db8:1:2:3:4:5:6", "", 0, "2001:db8:1:2::"),
        ("::ffff:203.0.113.7", "", 0, "203.0.113.7"),
        ("not-an-address", "", 0, "not-an-address"),
    ],
)
def test_client_address_counts_an_ipv6_client_as_its_64(settings, remote, forwarded, proxies, expected):
    settings.NUM_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_gunicorn_listens_on_loopback_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    import azura_site.gunicorn as config

    assert importlib.reload(config).bind == "127.0.0.1:8000"
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000")
    assert importlib.reload(config).bind == "0.0.0.0:9000"
