"""Many patients at once, against a real server and PostgreSQL: every request stored once with its own
reference, and a submission sent several times at once stored once."""

import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from django.db import connection

from appointments.models import AppointmentRequest

from .factories_appointments import CenterFactory
from .factories_requests import REFERENCE_RE, form_data
from .html import hidden_inputs
from .support import clear_caches, skip_or_fail

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FORM_PATH = "/appointments/request/"
RECEIVED_PATH = "/appointments/request/received/"
TIMEOUT = 30


@pytest.fixture(autouse=True)
def _postgres_only(settings):
    if connection.vendor != "postgresql":
        skip_or_fail(
            f"concurrent writes need PostgreSQL, not {connection.vendor} "
            "(set DATABASE_URL=postgres://postgres@127.0.0.1:5432/azura)"
        )
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 1000
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clear_caches()
    yield
    clear_caches()


@dataclass
class Answer:
    status: int
    url: str
    body: str

    @property
    def reference(self) -> str | None:
        match = REFERENCE_RE.search(self.body) if self.url.endswith(RECEIVED_PATH) else None
        return match.group(0) if match else None


class Browser:
    """One patient's browser: its own cookies (session and CSRF), no `requests` library."""

    def __init__(self, base_url: str):
        assert base_url.startswith("http://"), base_url  # the live server, never a file: or other scheme
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.hidden: dict[str, str] = {}

    def _open(self, request: urllib.request.Request) -> Answer:
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return Answer(response.status, response.geturl(), response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.geturl(), error.read().decode())

    def open_form(self, query: str = "") -> Answer:
        answer = self._open(urllib.request.Request(self.base_url + FORM_PATH + query))  # noqa: S310 (http only)
        assert answer.status == 200
        self.hidden = hidden_inputs(answer.body)
        assert {"csrfmiddlewaretoken", "started", "submission_token"} <= set(self.hidden), self.hidden
        return answer

    def send(self, answers: dict) -> Answer:
        """Post the form with these answers and the page's hidden fields; follows the redirect."""
        data = {**answers, **self.hidden}
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(  # noqa: S310 (http only, checked in __init__)
            self.base_url + FORM_PATH,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base_url + FORM_PATH},
        )
        return self._open(request)


def patient_answers(center, n: int) -> dict:
    # Each patient has a phone of their own: one number is limited to a few requests a day.
    answers = form_data(center, first_name=f"Patient{n}", email=f"patient{n}@example.com", phone=f"(512) 555-{n:04d}")
    for hidden in ("started", "submission_token"):
        answers.pop(hidden)
    return answers


@pytest.fixture
def center():
    return CenterFactory(name="Azura Busy", notification_email="busy@azura.example")


def test_fifty_patients_at_once_are_stored_with_fifty_distinct_references(live_server, center):
    browsers = [Browser(live_server.url) for _ in range(50)]
    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(lambda b: b.open_form(f"?center={center.slug}"), browsers))
        answers = list(pool.map(lambda nb: nb[1].send(patient_answers(center, nb[0])), enumerate(browsers)))

    assert [a.status for a in answers] == [200] * 50
    assert all(a.url.endswith(RECEIVED_PATH) for a in answers)
    shown = [a.reference for a in answers]
    assert None not in shown
    assert len(set(shown)) == 50
    stored = list(AppointmentRequest.objects.values_list("reference", flat=True))
    assert len(stored) == 50
    assert set(stored) == set(shown)
    assert set(AppointmentRequest.objects.values_list("first_name", flat=True)) == {f"Patient{n}" for n in range(50)}


def test_same_submission_sent_five_times_at_once_is_stored_once(live_server, center):
    browser = Browser(live_server.url)
    browser.open_form()
    answers = patient_answers(center, 1)
    start = threading.Barrier(5)

    def send_together(_):
        start.wait(timeout=TIMEOUT)
        return browser.send(answers)

    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(send_together, range(5)))

    assert [r.status for r in results] == [200] * 5
    stored = AppointmentRequest.objects.get()
    assert {r.reference for r in results} == {stored.reference}
    assert str(stored.submission_token) == browser.hidden["submission_token"]


def test_rate_limit_holds_when_requests_arrive_at_once(live_server, center, settings):
    """A bot firing in parallel from one address gets no more stored than the limit allows."""
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 5
    browsers = [Browser(live_server.url) for _ in range(20)]
    for browser in browsers:
        browser.open_form()
    start = threading.Barrier(10)

    def send_together(nb):
        n, browser = nb
        if n < 10:
            start.wait(timeout=TIMEOUT)
        return browser.send(patient_answers(center, n))

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(send_together, enumerate(browsers)))

    statuses = sorted(r.status for r in results)
    assert AppointmentRequest.objects.count() <= 5, statuses
    assert statuses.count(429) >= 15
