"""Two hosts: two gunicorn servers on loopback sharing one PostgreSQL database and one Redis database, and one
queue worker. The form's rate limit, the sign-in lockout, staff sessions and the page cache's invalidation after
a content save hold across both, and the worker sends the emails of requests stored through either."""

import http.cookiejar
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from appointments.models import AppointmentRequest, Language, RequestEmail
from procedures.models import Procedure

from .factories_appointments import CenterFactory, PhysicianFactory, PracticeFactory
from .factories_requests import form_data
from .html import hidden_inputs
from .processes import database_url, gunicorn, worker
from .support import ROOT, skip_or_fail

pytestmark = [pytest.mark.postgres, pytest.mark.processes, pytest.mark.django_db(transaction=True)]

PASSWORD = "two-hosts-correct-horse-42"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie jar shared by both hosts (cookies ignore the port), as one person's browser would be."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, url: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310 (loopback http)
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf(self, url: str) -> str:
        status, content = self.request(url)
        assert status == 200, (url, status)
        return hidden_inputs(content)["csrfmiddlewaretoken"]

    def sign_in(self, host: str, username: str, password: str) -> tuple[int, str]:
        token = self.csrf(f"{host}/admin/login/")
        return self.request(
            f"{host}/admin/login/?next=/admin/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )


@pytest.fixture
def hosts(transactional_db, tmp_path):
    """Two gunicorn servers and the worker, stopped by their own process ids."""
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        skip_or_fail("the two-host test needs DATABASE_URL on PostgreSQL and REDIS_URL")
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "DJANGO_DEBUG": "1",  # static files without collectstatic; nothing here depends on it
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the form's signed start time is checked by either host
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PAGE_CACHE_SECONDS": "600",
        "APPOINTMENT_RATE_LIMIT_PER_HOUR": "2",
        "APPOINTMENT_MIN_FILL_SECONDS": "0",
        "DJANGO_NUM_PROXIES": "0",
        "GUNICORN_THREADS": "2",
    }
    first, second = gunicorn(env, tmp_path / "first.log"), gunicorn(env, tmp_path / "second.log")
    with first, second, worker(env, tmp_path / "worker.log") as queue_worker:
        urls = [first.url(), second.url()]
        for host in urls:
            _wait_for(host)
        yield urls
        for process in (first, second, queue_worker):
            assert process.popen is not None
            assert process.popen.poll() is None, f"{process.args} stopped early\n{process.tail()}"


def _wait_for(host: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{host}/healthz/", timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{host} did not start")


def test_rate_limit_lockout_sessions_and_page_cache_hold_across_two_hosts(hosts, django_user_model, settings):
    a, b = hosts
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # one the servers know
    center = CenterFactory(name="Azura Two Hosts")
    spanish = Language.objects.create(name="Spanish")
    PracticeFactory(center=center, physician=PhysicianFactory(last_name="Twohosts", languages=[spanish]))
    django_user_model.objects.create_superuser("editor", "editor@azura.example", PASSWORD)

    # A staff session started on one host is the same session on the other.
    staff = Browser()
    status, _ = staff.sign_in(a, "editor", PASSWORD)
    assert status == 302
    status, content = staff.request(f"{b}/admin/")
    assert status == 200
    assert "Azura Vascular Care — staff" in content

    # A content saved through one host is seen at once on both, though both had the page cached.
    visitor = Browser()
    for host in (a, b):
        assert "Spanish" in visitor.request(f"{host}/physicians/")[1]
    token = staff.csrf(f"{a}/admin/appointments/language/{spanish.pk}/change/")
    change = {"name": "Español", "csrfmiddlewaretoken": token, "_save": "Save"}
    assert staff.request(f"{a}/admin/appointments/language/{spanish.pk}/change/", change)[0] == 302
    for host in (b, a):
        content = visitor.request(f"{host}/physicians/")[1]
        assert "Español" in content, host
        assert "Spanish" not in content, host

    # The form's rate limit (2 an hour here, counted in the database) counts requests sent to either host.
    for n, host in enumerate((a, b, a)):
        patient = Browser()  # three patients behind one address, each in a browser of their own
        token = patient.csrf(f"{host}/appointments/request/")
        patient_n = form_data(center, last_name=f"Twohosts{n}", phone=f"(512) 555-02{n:02d}")
        answers = {**patient_n, "csrfmiddlewaretoken": token}
        assert patient.request(f"{host}/appointments/request/", answers)[0] == 302  # received, or the form again
        status, _ = patient.request(f"{host}/appointments/request/received/")
        assert status == (200 if n < 2 else 404), (n, host, status)
    assert AppointmentRequest.objects.count() == 2
    emails = RequestEmail.objects.filter(request__center=center)
    deadline = time.monotonic() + 30
    while emails.exclude(status=RequestEmail.Status.SENT).exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert emails.count() == 2
    assert not emails.exclude(status=RequestEmail.Status.SENT).exists()

    # Five failed sign-ins on one host lock the account on the other.
    intruder = Browser()
    for _ in range(5):
        intruder.sign_in(a, "editor", "wrong-password")
    status, content = intruder.sign_in(b, "editor", PASSWORD)
    assert status != 302
    assert "Too many failed sign-in attempts" in content


@pytest.fixture
def second_checkout(tmp_path) -> Path:
    """A copy of this checkout made now: the same files, each with a newer modification time, as a second host
    that cloned the same commit at another time has."""
    command = ["git", "ls-files", "-co", "--exclude-standard"]
    listed = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()  # noqa: S603
    manifest = Path("staticfiles") / "staticfiles.json"
    copy = tmp_path / "checkout"
    for name in [*listed, *([str(manifest)] if (ROOT / manifest).exists() else [])]:
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / name, copy / name)  # contents only: the times are now
    return copy


def test_two_hosts_from_two_checkouts_of_one_release_share_kept_pages(second_checkout, transactional_db, tmp_path):
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        skip_or_fail("the two-host test needs DATABASE_URL on PostgreSQL and REDIS_URL")
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_DEBUG": "1", "PAGE_CACHE_SECONDS": "600",
           "DJANGO_SECRET_KEY": settings.SECRET_KEY, "DJANGO_LOG_LEVEL": "WARNING"}  # fmt: skip
    first = gunicorn(env, tmp_path / "first.log")
    second = gunicorn(env, tmp_path / "second.log", cwd=second_checkout)
    with first, second:
        for host in (first.url(), second.url()):
            _wait_for(host)
        page = "/pain-management/kyphoplasty/"
        assert "Kyphoplasty" in Browser().request(first.url() + page)[1]  # kept by the first host
        # A write that bumps nothing: only a page kept before it can still say "Kyphoplasty" on the second host.
        Procedure.objects.filter(slug="kyphoplasty").update(title="Retitled without a signal")
        assert "Retitled without a signal" not in Browser().request(second.url() + page)[1], second.tail()
