"""Failures rehearsed with real processes on loopback: a real mail server (aiosmtpd), one that never answers, the
real worker (`manage.py db_worker`), gunicorn killed with SIGKILL after a save, and Redis stopped or paused under the
site."""

import http.client
import secrets
import time
import urllib.parse
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client

from appointments.models import AppointmentRequest, RequestEmail
from core import cache_backends
from procedures.models import Procedure

from .factories_requests import STARTED_SALT, form_data
from .processes import MailServer, SilentMailServer, environment, gunicorn, redis_as_cache, wait_for, worker

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]

URL = "/appointments/request/"


def post_request(client, center, **answers) -> AppointmentRequest:
    assert client.post(URL, form_data(center, client=client, **answers)).status_code == 302
    return AppointmentRequest.objects.latest("created_at")


def test_a_request_made_while_no_worker_runs_is_mailed_when_a_worker_starts(client, center, tmp_path):
    stored = post_request(client, center)
    time.sleep(1)  # no worker: nothing can be sent, and nothing is lost
    assert set(stored.emails.values_list("status", flat=True)) == {"queued"}

    with MailServer() as smtp, worker(environment(EMAIL_PORT=str(smtp.port)), tmp_path / "worker.log") as proc:
        wait_for(lambda: len(smtp.messages) == 2, seconds=30, what=f"two emails\n{proc.tail()}")

    assert smtp.recipients == ["cedarpark@azura.example", "rosalind@example.com"]
    assert set(stored.emails.values_list("status", flat=True)) == {"sent"}


def test_a_mail_server_that_never_answers_neither_delays_the_patient_nor_loses_the_mail(client, center, tmp_path):
    silent = SilentMailServer()
    port = silent.port
    env = environment(EMAIL_PORT=str(port), EMAIL_TIMEOUT="1")
    with worker(env, tmp_path / "worker.log") as proc:
        with silent:
            began = time.monotonic()
            stored = post_request(client, center)
            assert time.monotonic() - began < 1.0  # the patient's page never waits on the mail server
            wait_for(
                lambda: not RequestEmail.objects.filter(request=stored, last_error="").exists(),
                seconds=30,
                what=f"both emails timed out once\n{proc.tail()}",
            )
        assert set(stored.emails.values_list("status", flat=True)) == {"queued"}
        with MailServer(port) as smtp:  # the mail server is back on its port
            wait_for(lambda: len(smtp.messages) == 2, seconds=40, what=f"two emails after recovery\n{proc.tail()}")

    assert smtp.recipients == ["cedarpark@azura.example", "rosalind@example.com"]
    assert set(stored.emails.values_list("status", flat=True)) == {"sent"}


def test_killing_the_web_process_right_after_the_save_loses_no_email(center, tmp_path):
    """gunicorn stores a request and is killed with SIGKILL at once; a worker started later sends both emails."""
    env = environment()
    csrf = secrets.token_hex(16)  # Django accepts its secret itself as the form's token
    stamp = signing.dumps({"t": time.time() - 30, "n": "-"}, key=env["DJANGO_SECRET_KEY"], salt=STARTED_SALT)
    body = urllib.parse.urlencode(
        {**form_data(center), "started": stamp, "submission_token": str(uuid.uuid4()), "csrfmiddlewaretoken": csrf}
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"}

    with gunicorn(env, tmp_path / "gunicorn.log") as web:
        web_port = int(web.url().rsplit(":", 1)[1])
        wait_for(lambda: _answers(web_port), seconds=30, what=f"gunicorn to start\n{web.tail()}")
        conn = http.client.HTTPConnection("127.0.0.1", web_port, timeout=10)
        conn.request("POST", URL, body=body, headers={**headers, "Host": "127.0.0.1"})
        assert conn.getresponse().status == 302, web.tail()
        web.kill()  # SIGKILL to gunicorn and its worker, right after the save

    stored = AppointmentRequest.objects.get()
    assert stored.emails.count() == 2
    with MailServer() as smtp, worker({**env, "EMAIL_PORT": str(smtp.port)}, tmp_path / "worker.log") as proc:
        wait_for(lambda: len(smtp.messages) == 2, seconds=30, what=f"two emails\n{proc.tail()}")


def _answers(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz/", headers={"Host": "127.0.0.1"})
        return conn.getresponse().status == 200
    except OSError:
        return False


# --- Redis stops --------------------------------------------------------------------------------------------


@pytest.fixture
def private_redis(settings, tmp_path):
    """The site's cache on a Redis of this test's own, which the test may stop; the page cache on."""
    with redis_as_cache(settings, tmp_path) as redis:
        settings.PAGE_CACHE_SECONDS = 600
        yield redis


def test_with_redis_stopped_pages_answer_requests_are_stored_and_staff_sign_in(private_redis, center, caplog):
    staff = get_user_model().objects.create_superuser("head", "head@azura.example", "a-long-pass-phrase")
    assert Client().get("/pain-management/kyphoplasty/").status_code == 200  # cached while Redis runs

    private_redis.kill()

    for path in ["/", "/pain-management/kyphoplasty/", "/centers/?q=78701", f"/centers/{center.slug}/", URL]:
        assert Client().get(path).status_code == 200, path
    patient = Client()
    assert patient.post(URL, form_data(center, client=patient)).status_code == 302
    assert patient.get("/appointments/request/received/").status_code == 200
    assert AppointmentRequest.objects.count() == 1
    browser = Client()
    signed_in = browser.post(
        "/admin/login/?next=/admin/", {"username": staff.username, "password": "a-long-pass-phrase"}
    )
    assert signed_in.status_code == 302
    assert browser.get("/admin/appointments/appointmentrequest/").status_code == 200
    assert "cache unavailable: serving without it" in caplog.text
    assert Client().get("/healthz/").json()["cache"] == "unavailable"


def test_a_save_made_while_redis_was_unreachable_shows_once_it_answers(private_redis, monkeypatch):
    monkeypatch.setattr(cache_backends, "RETRY_AFTER_SECONDS", 0.5)  # Redis is asked again sooner than 5 s
    assert "Kyphoplasty, retitled" not in Client().get("/pain-management/kyphoplasty/").content.decode()  # cached

    private_redis.pause()  # a network blip: Redis holds its data but does not answer
    try:
        page = Procedure.objects.get(slug="kyphoplasty")
        page.title = "Kyphoplasty, retitled"
        page.save()  # its bump of the generation times out
    finally:
        private_redis.pause(paused=False)
    time.sleep(0.6)

    assert "Kyphoplasty, retitled" in Client().get("/pain-management/kyphoplasty/").content.decode()
