"""The default set-up (no Redis) is correct across processes: a change made by any process of one install (a
`manage.py` command, the worker, one of several gunicorn workers) shows on the next view of a page every other
process had kept, on SQLite and on PostgreSQL."""

import http.cookiejar
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from appointments.models import Language
from procedures import publishing
from procedures.models import Procedure

from .center_csv import AUSTIN, write_csv
from .factories_appointments import CenterFactory, PhysicianFactory, PracticeFactory
from .html import hidden_inputs
from .processes import ROOT, environment, gunicorn, wait_for, worker

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]

VIEWS = 8  # enough for each of two gunicorn workers to serve (and keep) the page
PASSWORD = "every-process-sees-it-42"


@pytest.fixture
def env():
    """Production-like settings with the page cache on, and no Redis: the default every install starts with (DEBUG
    on only so that static files need no collectstatic; the caches are the same)."""
    return environment(PAGE_CACHE_SECONDS="600", DJANGO_LOG_LEVEL="WARNING", DJANGO_DEBUG="1")


@pytest.fixture
def site(env, tmp_path):
    """gunicorn with two workers, as a small production install runs it."""
    with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as web:
        url = web.url()
        wait_for(lambda: _get(url, "/healthz/")[0] == 200, seconds=30, what=f"gunicorn to answer\n{web.tail()}")
        yield url


def _get(url: str, path: str, opener=None) -> tuple[int, str]:
    try:
        with (opener or urllib.request.build_opener()).open(url + path, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def _views(url: str, path: str) -> list[str]:
    return [_get(url, path)[1] for _ in range(VIEWS)]


def test_centers_imported_by_manage_py_show_on_the_next_search(site, env, tmp_path):
    before = _views(site, "/centers/?q=78701")
    assert all("North Austin Spine Center" not in page for page in before)

    csv = write_csv(tmp_path / "centers.csv", [AUSTIN])
    command = [sys.executable, "manage.py", "import_centers", str(csv)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)  # noqa: S603

    assert all("North Austin Spine Center" in page for page in _views(site, "/centers/?q=78701"))


def test_a_draft_published_by_the_worker_at_its_time_shows_on_the_next_view(site, env, tmp_path):
    path = "/pain-management/kyphoplasty/"
    assert all("A summary the worker published." not in page for page in _views(site, path))
    editor = get_user_model().objects.create_user("editor", is_staff=True)
    draft = publishing.draft_start(page=Procedure.objects.get(slug="kyphoplasty"), user=editor)
    draft.summary = "A summary the worker published."
    draft.go_live_at = timezone.now() + timedelta(seconds=1)
    draft.save()
    publishing.draft_saved(draft=draft, user=editor)

    with worker(env, tmp_path / "worker.log") as proc:
        published = lambda: not Procedure.all_objects.filter(pk=draft.pk).exists()  # noqa: E731
        wait_for(published, seconds=30, what=f"publishing\n{proc.tail()}")
    assert all("A summary the worker published." in page for page in _views(site, path))


def test_an_admin_save_through_one_gunicorn_worker_shows_on_every_worker(site, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # one gunicorn knows
    spanish = Language.objects.create(name="Spanish")
    PracticeFactory(center=CenterFactory(), physician=PhysicianFactory(last_name="Everyworker", languages=[spanish]))
    get_user_model().objects.create_superuser("editor", "editor@azura.example", PASSWORD)
    assert all("Spanish" in page for page in _views(site, "/physicians/"))

    staff = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    _post(staff, site, "/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD})
    change = f"/admin/appointments/language/{spanish.pk}/change/"
    _post(staff, site, change, {"name": "Español", "_save": "Save"})
    assert Language.objects.get(pk=spanish.pk).name == "Español"

    pages = _views(site, "/physicians/")
    assert all("Español" in page and ">Spanish<" not in page for page in pages)


def _post(opener, url: str, path: str, data: dict) -> None:
    status, form = _get(url, path, opener)
    assert status == 200, (path, status)
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": hidden_inputs(form)["csrfmiddlewaretoken"]})
    request = urllib.request.Request(url + path, data=body.encode(), headers={"Referer": url + path})  # noqa: S310
    with opener.open(request, timeout=20) as response:
        assert response.status == 200, (path, response.status)  # followed the redirect after the save
    time.sleep(0.1)
