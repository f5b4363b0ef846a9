"""Shared fixtures: plain static storage, a fast hasher, and Chromium driven by Playwright.

Tests that need Chromium or the npm packages skip on a machine without them, with the reason; CI sets
AZURA_REQUIRE_ALL=1, which turns every such skip into a failure.
"""

import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db.backends.signals import connection_created
from django.utils import translation
from hypothesis import is_hypothesis_test
from hypothesis import settings as hypothesis_settings

from .migrations import migration
from .support import AXE_PATH, CHROMIUM_PATH, clear_caches, describe_violations, skip_or_fail


def _own_names_for_this_run() -> None:
    """Every test run has names of its own on the machine's shared servers and disk, so two runs at once (two
    checkouts, CI beside a developer) never meet: its own PostgreSQL test database, cache folder and Redis key
    prefix. The processes a test starts (tests/processes.py) inherit the folder and prefix from the environment."""
    run = f"test{os.getpid()}"
    os.environ["CACHE_DIR"] = str(Path(tempfile.gettempdir()) / f"azura-cache-{run}")
    os.environ["CACHE_KEY_PREFIX"] = f"azura-{run}"
    for conf in django_settings.CACHES.values():
        conf["KEY_PREFIX"] = os.environ["CACHE_KEY_PREFIX"]
        if conf["BACKEND"].endswith("SharedFileCache"):
            conf["LOCATION"] = os.environ["CACHE_DIR"]
    caches.__dict__.pop("settings", None)  # read again at the first use (no cache is used before this)
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_{run}"


_own_names_for_this_run()

# In CI every fuzzer draws the same examples on every run (a failure is the code's, and can be reproduced); on a
# laptop they draw new ones each time, to find more.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("AZURA_REQUIRE_ALL") == "1":
    hypothesis_settings.load_profile("ci")


def pytest_unconfigure(config):
    shutil.rmtree(os.environ["CACHE_DIR"], ignore_errors=True)


def _commit_without_waiting_for_the_disk(sender, connection, **kwargs):
    """The test databases are thrown away, so no commit of this process waits for the disk: transactional tests
    (browser, processes) commit each row and empty every table after each test. What other connections see of a
    commit, and when, is unchanged (only a crash of the machine could lose one)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO off")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous = OFF")


connection_created.connect(_commit_without_waiting_for_the_disk, dispatch_uid="tests:commit-without-waiting")


def pytest_collection_modifyitems(items):
    """Every fuzzer (a hypothesis test, wherever it is written) is slow: `make test-fast` leaves them out."""
    for item in items:
        if isinstance(item, pytest.Function) and is_hypothesis_test(item.obj):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SECURE_SSL_REDIRECT = False
    settings.PAGE_CACHE_SECONDS = 0  # tests of the page cache turn it on themselves
    settings.INSIGHT_COUNTING = False  # tests of insight counting turn it on themselves (tests/insight.py)
    # A request to a Spanish page leaves Spanish active in the thread (as in a server, where the next request sets
    # its own): each test starts in English.
    translation.deactivate()
    clear_caches()


@pytest.fixture(autouse=True)
def _content_for_transactional_tests(request):
    """Browser tests, tests with processes of their own and other tests on a transactional database (the live server
    on PostgreSQL): that database is emptied after each test, and Django's serialized rollback does not reach the
    connection the live server thread uses under Playwright's event loop, nor mixes with the tests that do without
    it (the content types a flush re-creates get new keys, and restoring the old ones then collides). So each such
    test loads the client's content itself, with the data migration's own code."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction")
    if not transactional and not any(request.node.get_closest_marker(name) for name in ("browser", "processes")):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from procedures.models import ServiceLine

    if not ServiceLine.objects.exists():
        migration("procedures", "0002_seed_content").load_content(apps, None)
        migration("procedures", "0004_faithful_facts_and_comparison").forwards(apps, None)
        migration("procedures", "0006_notice_drafts").load_notices(apps, None)
        migration("procedures", "0010_notices_in_spanish_and_privacy_practices").load_privacy_practices(apps, None)
        migration("procedures", "0011_kyphoplasty_in_the_copys_words").forwards(apps, None)


@pytest.fixture(scope="session")
def playwright(playwright):
    """pytest-playwright's Playwright, with Django's ORM allowed beside its event loop. Playwright's sync API marks
    an event loop as running in the test thread from its start to the end of the session, and Django refuses the
    ORM in a thread with a running loop (SynchronousOnlyOperation); browser tests, and every test after them in the
    same session, use the ORM from that thread on purpose. A session without browser tests never starts
    Playwright, so keeps Django's check."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield playwright
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM_PATH).exists() and not shutil.which(CHROMIUM_PATH):
        skip_or_fail(f"Chromium not found at {CHROMIUM_PATH} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def page_without_javascript(browser):
    """A page in a browser context with JavaScript off: what a visitor without it gets."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def axe(page):
    """Run axe-core on the page for WCAG 2.2 AA; returns the list of violations."""
    if not AXE_PATH.exists():
        skip_or_fail("node_modules/axe-core is missing (npm ci)")

    def run() -> list[dict]:
        # A click that navigates may still be loading the next page: axe-core needs the whole document.
        page.wait_for_load_state("load")
        # Evaluated through the DevTools protocol, so the page's Content-Security-Policy stays in force.
        page.evaluate(AXE_PATH.read_text())
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        )
        return result["violations"]

    return run


class AdminSession:
    """An editor signed in to the admin in Chromium at 1280 px, with the page's Content-Security-Policy errors
    collected (`csp_errors`) and `assert_axe_clean()` for the page on screen."""

    def __init__(self, live_server, page, axe):
        from django.contrib.auth import get_user_model

        self.page, self.axe, self.csp_errors, self.url = page, axe, [], live_server.url
        get_user_model().objects.create_superuser("editor", "editor@azura.example", "a-long-password-1")
        page.on(
            "console",
            lambda msg: self.csp_errors.append((page.url, msg.text)) if "Content Security Policy" in msg.text else None,
        )
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + "/admin/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "a-long-password-1")
        page.click("input[type=submit]")

    def edit_in_a_draft(self, page_object) -> None:
        """Open a live content page's change form and start a draft of it, as its button does."""
        meta = page_object._meta
        self.page.goto(f"{self.url}/admin/{meta.app_label}/{meta.model_name}/{page_object.pk}/change/")
        self.page.get_by_role("button", name="Edit in a draft").click()

    def save_compare_and_publish(self, address: str, edited: str, added: str) -> None:
        """Save the draft on screen: the live page at `address` stays as it was; the comparison shows `added` (and
        passes axe-core); publishing now puts `edited` on the live page. Ends on the live page."""
        page = self.page
        page.click("input[name=_save]")
        page.locator(".messagelist").get_by_text("Saved the draft").wait_for()
        page.goto(self.url + address)
        assert edited not in page.content()  # the live page is as it was
        page.go_back()  # to the draft, where saving left the editor
        page.get_by_role("link", name="Compare with the live page").click()
        assert f"added: {added}" in page.locator("table.compare ins").all_text_contents()
        self.assert_axe_clean()
        page.get_by_role("link", name="Publish now").click()
        page.get_by_role("button", name="Yes, publish now").click()
        page.locator(".messagelist").get_by_text("Published").wait_for()
        page.goto(self.url + address)
        assert edited in page.content()

    def assert_axe_clean(self) -> None:
        before = len(self.csp_errors)
        violations = self.axe()
        del self.csp_errors[before:]  # axe-core itself applies inline styles; the page does not
        assert violations == [], describe_violations(violations)


@pytest.fixture
def admin_session(live_server, page, axe) -> AdminSession:
    return AdminSession(live_server, page, axe)


# --- One set of places and people for the request tests ----------------------------------------------------


@pytest.fixture
def live_form(settings):
    """The request form sent from Chromium to the live server, which runs in this process (so the settings reach
    it): no minimum fill time, email kept in memory, and nothing cached from another test."""
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def request_form_isolated(settings):
    """For tests sending the request form from the test client: the site's address, email kept in memory, and an
    empty cache before and after (the rate limit counts in the cache, which outlives a test)."""
    settings.SITE_URL = "https://azura.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clear_caches()
    yield
    clear_caches()


# --- One set of staff at two centers (the staff side's tests) ------------------------------------------------------


@pytest.fixture
def center_a():
    from .factories_appointments import CenterFactory

    return CenterFactory(name="Azura North")


@pytest.fixture
def center_b():
    from .factories_appointments import CenterFactory

    return CenterFactory(name="Azura South")


@pytest.fixture
def staff_a(center_a):
    """Alice works the requests of Azura North."""
    from .staff import WORKER, make_staff

    return make_staff("alice", *WORKER, centers=[center_a])


@pytest.fixture
def colleague_a(center_a):
    """Anna, Alice's colleague at Azura North."""
    from .staff import WORKER, make_staff

    return make_staff("anna", *WORKER, centers=[center_a])


@pytest.fixture
def staff_b(center_b):
    """Bob works the requests of Azura South."""
    from .staff import WORKER, make_staff

    return make_staff("bob", *WORKER, centers=[center_b])


@pytest.fixture
def exporter_a(center_a):
    """Exa works Azura North's requests and may export them."""
    from .staff import WORKER, make_staff

    return make_staff("exa", *WORKER, "export_appointmentrequest", centers=[center_a])


@pytest.fixture
def head_office():
    """The head office sees every center's requests and may export them."""
    from .staff import WORKER, make_staff

    return make_staff("hq", *WORKER, "view_all_centers", "export_appointmentrequest")


# --- Content editors ----------------------------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model, client):
    """A member of the "Content editors" group, signed in on `client`."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return user


@pytest.fixture
def kyphoplasty():
    """The live kyphoplasty page as the seed content loads it (not named `page`: that is Playwright's page)."""
    from procedures.models import Procedure

    return Procedure.objects.get(slug="kyphoplasty")


@pytest.fixture
def public():
    """A patient's browser: a client nobody signed in on."""
    from django.test import Client

    return Client()


@pytest.fixture
def center():
    """A center in Cedar Park, TX (within 50 miles of 78701, whatever other tests made before) offering every
    published procedure, with a notification address. Modules may define their own."""
    from procedures.models import Procedure

    from .factories_appointments import PLACES, CenterFactory

    return CenterFactory(
        name="Azura Cedar Park",
        place=PLACES["78613"],
        phone="(512) 555-0142",
        notification_email="cedarpark@azura.example",
        procedures=list(Procedure.objects.published()),
    )


@pytest.fixture
def physician(center):
    from .factories_appointments import PhysicianFactory, PracticeFactory

    return PracticeFactory(center=center, physician=PhysicianFactory(first_name="Avery", last_name="Okafor")).physician


@pytest.fixture
def texas_and_beyond():
    """Centers in several states, named so the order of a search's results is easy to read."""
    from .factories_appointments import PLACES, CenterFactory

    return {
        "south austin": CenterFactory(name="South Austin Center", place=PLACES["78704"]),
        "cedar park": CenterFactory(name="Cedar Park Center", place=PLACES["78613"]),
        "houston": CenterFactory(name="Houston Center", place=PLACES["77002"]),
        "phoenix": CenterFactory(name="Phoenix Center", place=PLACES["85004"]),
        "new york": CenterFactory(name="New York Center", place=PLACES["10001"]),
        "los angeles": CenterFactory(name="Los Angeles Center", place=PLACES["90012"]),
    }


@pytest.fixture
def refusing_mail_server(settings):
    """A real SMTP server on loopback that refuses every recipient for good (550), where the site's mail goes."""
    from .processes import RefusingMailServer

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = 5
    server_log = logging.getLogger("mail.log")  # aiosmtpd's own log (the server's, not the site's) names addresses
    server_log.disabled = True
    try:
        with RefusingMailServer() as server:
            settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", server.port, False
            yield server
    finally:
        server_log.disabled = False


@pytest.fixture
def run_worker(monkeypatch):
    """Run the real worker (`manage.py db_worker`) in this process until no task is due, as a deployed worker
    would between two polls; returns how many tasks it ran. (It closes its database connections between tasks,
    which would close the test's own: here it keeps them. Tests in test_request_processes.py run it for real.)"""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> int:
        before = DBTaskResult.objects.exclude(status="READY").count()
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
        return DBTaskResult.objects.exclude(status="READY").count() - before

    return run


@pytest.fixture
def full_answers(client, center, physician) -> dict:
    """Answers that differ from every default, so a re-displayed form shows whether each one was kept."""
    from .factories_requests import DAUGHTER_ASKING, form_data

    return form_data(
        center,
        client=client,
        **DAUGHTER_ASKING,
        patient_status="returning",
        best_time="morning",
        physician=physician.slug,
        procedure="epidural-injections",
        preferred_language="other",
        preferred_language_other="Haitian Creole",
        interpreter_needed="on",
        payment="self_pay",
    )


@pytest.fixture
def seed_text() -> str:
    """The client's copy, shared/seed/interventional-pain-management.txt (beside the repository)."""
    from django.conf import settings

    path = Path(settings.BASE_DIR).parent / "shared" / "seed" / "interventional-pain-management.txt"
    if not path.exists():
        skip_or_fail(f"the client's copy is not at {path} (shared/ is cloned beside the repository)")
    return path.read_text(encoding="utf-8")
