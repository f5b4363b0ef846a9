"""A real PostgreSQL stopped under a running gunicorn: the request form's POST answers the form again, with every
answer and the center's phone (status 503), never a 500, with or without a session; a page asked for says online
requests are not working just now (never that a request was not sent), in the visitor's language; a page the cache
serves is served to a visitor with a session too. The cluster is this test's own (initdb in a temporary folder, on a
port the OS gives, as .ci/db-restart-check does), never the machine's server."""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from .html import input_value, parse, text
from .processes import ROOT, environment, gunicorn, wait_for

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]

PGBIN = max(Path("/usr/lib/postgresql").glob("*/bin"), default=None, key=lambda path: int(path.parent.name))
CENTER = """
from procedures.models import Procedure
from tests.factories_appointments import PLACES, CenterFactory
CenterFactory(name="Azura Cedar Park", slug="azura-cedar-park", place=PLACES["78613"], phone="(512) 555-0142",
              procedures=list(Procedure.objects.published()))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster of the test's own, run as the postgres user when the test runs as root."""

    def __init__(self, folder: Path):
        if PGBIN is None or not (PGBIN / "initdb").exists():
            pytest.skip("PostgreSQL's initdb is not installed")
        self.folder, self.port = folder, _free_port()
        folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        self._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "-A", "trust")

    def _run(self, *args: str) -> None:
        command = [str(PGBIN / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603 (our own commands)

    def _ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-w", *args)

    def start(self) -> None:
        self._ctl("-l", str(self.folder / "postgres.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("stop", "-m", mode)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    # Straight under /tmp: the postgres user cannot reach into pytest's own folder (mode 700).
    folder = Path(tempfile.mkdtemp(prefix="azura-db-down-"))
    own = Cluster(folder)
    own.start()
    try:
        yield own
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped by the test
            own.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def _request(port: int, method: str, path: str, *, cookies: dict, body: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}
    payload = None
    if body is not None:
        payload = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=payload, headers=headers)
    response = conn.getresponse()
    content = response.read().decode()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
    conn.close()
    return response.status, content


PAGE = "/pain-management/kyphoplasty/"
ANSWERS = {
    "requester": "patient",
    "first_name": "Rosalind",
    "last_name": "Quigglesworth",
    "date_of_birth": "03/27/1954",
    "patient_status": "new",
    "phone": "(512) 555-0123",
    "email": "",
    "preferred_contact": "phone",
    "best_time": "any",
    "preferred_language": "en",
    "center": "azura-cedar-park",
    "physician": "",
    "procedure": "",
    "reason": "",
    "payment": "not_sure",
    "insurance": "",
    "consent": "on",
    "website": "",
}


def test_with_postgresql_stopped_the_form_answers_503_with_every_answer_the_centers_phone_and_true_words(
    cluster, tmp_path
):
    # DEBUG on only so that static files need no collectstatic; a 500 is a 500 all the same.
    env = environment(DATABASE_URL=cluster.url, CACHE_DIR=str(tmp_path / "cache"), DJANGO_DEBUG="1")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=600
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", CENTER], cwd=ROOT, env=env, check=True, timeout=120
    )
    with gunicorn(env, tmp_path / "gunicorn.log", workers=1) as web:
        port = int(web.url().rsplit(":", 1)[1])
        wait_for(
            lambda: _request(port, "GET", "/healthz/", cookies={})[0] == 200, seconds=30, what="gunicorn to answer"
        )
        visitor: dict = {}  # sends the form without having pressed a button before: no session
        status, page = _request(port, "GET", "/appointments/request/?center=azura-cedar-park", cookies=visitor)
        assert status == 200
        token = input_value(parse(page), "csrfmiddlewaretoken")
        submission = input_value(parse(page), "submission_token")
        patient = dict(visitor)  # pressed Continue: the answers wait in the session (a row of the database)
        body = {**ANSWERS, "csrfmiddlewaretoken": token, "submission_token": submission, "action": "check"}
        assert _request(port, "POST", "/appointments/request/", cookies=patient, body=body)[0] == 302
        assert "sessionid" in patient
        assert _request(port, "GET", PAGE, cookies={})[0] == 200  # now kept by the page cache

        cluster.stop()
        for who, cookies in (("no session", visitor), ("a session", patient)):
            for action in ("check", "send", "find"):  # Continue, Send request (from Check your answers), Find centers
                body = {**ANSWERS, "csrfmiddlewaretoken": token, "submission_token": submission, "action": action}
                status, page = _request(port, "POST", "/appointments/request/", cookies=cookies, body=body)

                assert status == 503, f"{who}, {action}: {status}\n{web.tail()}"
                root = parse(page)
                for name in ("first_name", "last_name", "date_of_birth", "phone"):
                    assert input_value(root, name) == ANSWERS[name], name
                assert "(512) 555-0142" in text(root)
                assert "Your request was not sent" in text(root)

        asked_for = {  # pages the patient asks for (GET) while the database is down
            "/appointments/request/?center=azura-cedar-park&procedure=kyphoplasty": "requests may not go through",
            f"/appointments/request/check/?form={submission}": "we cannot show your answers",
            "/es/appointments/request/?center=azura-cedar-park&q=78613": "es posible que las solicitudes no lleguen",
        }
        for path, words in asked_for.items():
            status, page = _request(port, "GET", path, cookies=patient)

            assert status == 503, f"{path}: {status}\n{web.tail()}"
            root = parse(page)
            assert words in text(root), path
            assert "not sent" not in text(root), path
            assert "no se envió" not in text(root), path
            assert ("(512) 555-0142" in text(root)) == ("center=" in path), path  # the center's phone, when known
            # A form that can still be sent once the database is back.
            assert input_value(root, "submission_token"), path
            assert input_value(root, "started"), path
        assert input_value(root, "q") == "78613"
        # A page the cache serves without the database is served to a visitor with a session too.
        assert _request(port, "GET", PAGE, cookies=patient)[0] == 200
        assert "Traceback" not in web.tail()

    cluster.start()  # and the answers the patient left are still there
    with gunicorn(env, tmp_path / "gunicorn-again.log", workers=1) as web:
        port = int(web.url().rsplit(":", 1)[1])
        status, page = _request(port, "GET", f"/appointments/request/check/?form={submission}", cookies=patient)
        assert status == 200
        assert "Quigglesworth" in text(parse(page))
