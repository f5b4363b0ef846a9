"""The page cache: anonymous visitors get cached public pages without a query, every content save shows at once,
staff and personal data are never cached, ETags answer conditional requests, and pages vary on the cookie."""

import os

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from appointments.models import Center, Physician
from procedures.models import ListItem, Procedure, Section, ServiceLine, Status

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .factories_requests import REFERENCE_RE, form_data
from .html import hidden_inputs

pytestmark = pytest.mark.django_db

PROCEDURE_URL = "/pain-management/kyphoplasty/"
LOCATOR_URL = "/centers/?q=78701"
FORM_URL = "/appointments/request/"
RECEIVED_URL = "/appointments/request/received/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0


@pytest.fixture
def procedure() -> Procedure:
    return Procedure.objects.get(slug="kyphoplasty")


@pytest.fixture
def center() -> Center:
    return CenterFactory(name="Azura Congress Avenue", place=PLACES["78701"], notification_email="c@azura.example")


@pytest.fixture
def physician(center) -> Physician:
    return PracticeFactory(center=center, physician=PhysicianFactory(first_name="Avery", last_name="Okafor")).physician


@pytest.fixture
def staff_client(django_user_model) -> Client:
    editor = django_user_model.objects.create_user(username="editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))  # unpublished pages are shown to their editors only
    client = Client()
    client.force_login(editor)
    return client


def get_text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return response.content.decode()


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def assert_served_from_cache(client, url: str, expected: str) -> None:
    """The page is in the cache (a second GET takes no query) and shows `expected`."""
    assert expected in get_text(client, url)
    with CaptureQueriesContext(connection) as queries:
        html = get_text(client, url)
    assert len(queries) == 0, f"{url} was not served from the cache: {[q['sql'] for q in queries.captured_queries]}"
    assert expected in html


# --- Cached for anonymous visitors ---------------------------------------------------------------------------


def test_second_anonymous_get_of_a_procedure_page_takes_no_query(client, django_assert_num_queries):
    first = client.get(PROCEDURE_URL)

    with django_assert_num_queries(0):
        second = client.get(PROCEDURE_URL)

    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("url", ["/", "/pain-management/", "/physicians/"])
def test_second_anonymous_get_of_a_list_page_takes_no_query(client, url, physician):
    client.get(url)

    assert queries_for(client, url) == 0


def test_cached_page_still_sends_the_security_headers(client):
    client.get(PROCEDURE_URL)

    response = client.get(PROCEDURE_URL)

    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "X-Request-ID" in response.headers


def test_page_cache_off_renders_every_time(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(PROCEDURE_URL)

    assert "procedures/procedure_detail.html" in [t.name for t in client.get(PROCEDURE_URL).templates]


# --- Every content save shows at once ------------------------------------------------------------------------


def test_saving_the_procedure_shows_the_new_text(client, procedure):
    assert_served_from_cache(client, PROCEDURE_URL, procedure.summary)

    procedure.summary = "A freshly edited summary of kyphoplasty."
    procedure.save()

    assert "A freshly edited summary of kyphoplasty." in get_text(client, PROCEDURE_URL)


def test_saving_the_procedure_updates_the_lists_that_show_it(client, procedure):
    assert_served_from_cache(client, "/", procedure.title)
    assert_served_from_cache(client, "/pain-management/", procedure.title)

    procedure.title = "Balloon Kyphoplasty"
    procedure.save()

    assert "Balloon Kyphoplasty" in get_text(client, "/")
    assert "Balloon Kyphoplasty" in get_text(client, "/pain-management/")


def test_saving_a_section_shows_the_new_text(client, procedure):
    section = Section.objects.filter(procedure=procedure).first()
    assert_served_from_cache(client, PROCEDURE_URL, section.heading)

    section.heading = "A brand new section heading"
    section.save()

    assert "A brand new section heading" in get_text(client, PROCEDURE_URL)


def test_deleting_a_section_removes_it(client, procedure):
    section = Section.objects.filter(procedure=procedure).first()
    assert_served_from_cache(client, PROCEDURE_URL, section.heading)

    section.delete()

    assert f'id="{section.anchor}"' not in get_text(client, PROCEDURE_URL)


def test_saving_a_list_item_shows_the_new_text(client, procedure):
    item = ListItem.objects.filter(procedure=procedure, kind=ListItem.Kind.RISK).first()
    assert_served_from_cache(client, PROCEDURE_URL, item.text)

    item.text = "A newly listed, carefully worded risk"
    item.save()

    assert "A newly listed, carefully worded risk" in get_text(client, PROCEDURE_URL)


def test_saving_the_service_line_shows_the_new_text(client):
    service_line = ServiceLine.objects.get()
    assert_served_from_cache(client, "/pain-management/", service_line.help_heading)

    service_line.help_heading = "How our specialists help you"
    service_line.save()

    assert "How our specialists help you" in get_text(client, "/pain-management/")


def test_saving_a_center_shows_the_new_text_on_its_page_and_in_the_locator(client, center):
    assert_served_from_cache(client, center.get_absolute_url(), "Azura Congress Avenue")
    assert_served_from_cache(client, LOCATOR_URL, "Azura Congress Avenue")

    center.name = "Azura Capitol View"
    center.phone = "(512) 555-0177"
    center.save()

    center_page = get_text(client, center.get_absolute_url())
    assert "Azura Capitol View" in center_page
    assert "(512) 555-0177" in center_page
    assert "Azura Capitol View" in get_text(client, LOCATOR_URL)


def test_deactivating_a_center_removes_it_from_the_public(client, center):
    assert_served_from_cache(client, LOCATOR_URL, "Azura Congress Avenue")
    assert_served_from_cache(client, center.get_absolute_url(), "Azura Congress Avenue")

    center.is_active = False
    center.save()

    assert "Azura Congress Avenue" not in get_text(client, LOCATOR_URL)
    get_text(client, center.get_absolute_url(), status=404)


def test_saving_a_physician_shows_the_new_text(client, physician, center):
    assert_served_from_cache(client, physician.get_absolute_url(), "Okafor")
    assert_served_from_cache(client, "/physicians/", "Okafor")
    assert_served_from_cache(client, center.get_absolute_url(), "Okafor")

    physician.last_name = "Okonkwo-Reyes"
    physician.save()

    assert "Okonkwo-Reyes" in get_text(client, physician.get_absolute_url())
    assert "Okonkwo-Reyes" in get_text(client, "/physicians/")
    assert "Okonkwo-Reyes" in get_text(client, center.get_absolute_url())


def test_adding_a_procedure_to_a_center_shows_it(client, center, procedure):
    assert_served_from_cache(client, center.get_absolute_url(), "Azura Congress Avenue")

    center.procedures.add(procedure)

    assert procedure.title in get_text(client, center.get_absolute_url())


# --- Staff and drafts are never cached -----------------------------------------------------------------------


def test_staff_with_a_session_never_gets_a_cached_page(client, staff_client, procedure):
    assert_served_from_cache(client, PROCEDURE_URL, procedure.summary)
    # A change that sends no signal, so the cached copy is stale: only a fresh render can show it.
    Procedure.objects.filter(pk=procedure.pk).update(summary="Changed without a signal.")

    assert "Changed without a signal." in get_text(staff_client, PROCEDURE_URL)
    assert queries_for(staff_client, PROCEDURE_URL) > 0


def test_a_page_rendered_for_staff_is_not_stored_for_the_public(client, staff_client):
    get_text(staff_client, PROCEDURE_URL)

    assert queries_for(client, PROCEDURE_URL) > 0


def test_draft_preview_is_never_cached_for_the_public(client, staff_client, procedure):
    assert_served_from_cache(client, PROCEDURE_URL, procedure.summary)

    procedure.status = Status.DRAFT
    procedure.save()
    preview = staff_client.get(PROCEDURE_URL)
    assert preview.status_code == 200
    assert "Draft preview" in preview.content.decode()
    staff_client.get(PROCEDURE_URL)

    for _ in range(2):
        response = client.get(PROCEDURE_URL)
        assert response.status_code == 404
        assert "Draft preview" not in response.content.decode()
        assert procedure.summary not in response.content.decode()


def test_a_cached_not_found_page_makes_way_for_a_published_draft(client, staff_client, procedure):
    procedure.status = Status.DRAFT
    procedure.save()
    get_text(client, PROCEDURE_URL, status=404)
    get_text(staff_client, PROCEDURE_URL)

    procedure.status = Status.PUBLISHED
    procedure.save()

    assert procedure.summary in get_text(client, PROCEDURE_URL)


# --- Personal data is never cached ---------------------------------------------------------------------------


def submission_token(html: str) -> str:
    token = hidden_inputs(html).get("submission_token")
    assert token, "no submission_token in the form"
    return token


def test_request_form_is_rendered_afresh_for_every_visitor(client, center):
    first = submission_token(get_text(client, FORM_URL))
    second = submission_token(get_text(Client(), FORM_URL))
    third = submission_token(get_text(client, FORM_URL))

    assert len({first, second, third}) == 3


def test_request_form_and_received_page_are_not_stored(client, center):
    assert "no-store" in client.get(FORM_URL)["Cache-Control"]
    assert client.post(FORM_URL, form_data(center)).status_code == 302
    received = client.get(RECEIVED_URL)
    assert received.status_code == 200
    assert "no-store" in received["Cache-Control"]
    reference = REFERENCE_RE.search(received.content.decode()).group(0)

    stranger = Client()
    for _ in range(2):
        response = stranger.get(RECEIVED_URL)
        assert response.status_code == 404
        assert reference not in response.content.decode()
        assert "Rosalind" not in response.content.decode()


# --- Conditional requests and Vary ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", [PROCEDURE_URL, "/", "/pain-management/"])
def test_page_has_an_etag_and_a_conditional_get_answers_304(client, url):
    response = client.get(url)
    etag = response.headers.get("ETag")
    assert etag

    conditional = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert conditional.status_code == 304
    assert conditional.content == b""
    assert conditional.headers.get("ETag") == etag


def test_etag_changes_when_the_content_does(client, procedure):
    etag = client.get(PROCEDURE_URL)["ETag"]

    procedure.summary = "A summary that changes the page."
    procedure.save()
    response = client.get(PROCEDURE_URL, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_public_page_asks_caches_to_revalidate(client):
    cache_control = {part.strip() for part in client.get(PROCEDURE_URL)["Cache-Control"].split(",")}

    assert {"public", "max-age=0", "must-revalidate"} <= cache_control


@pytest.fixture
def public_urls(center, physician) -> list[str]:
    return [
        "/",
        "/pain-management/",
        PROCEDURE_URL,
        "/centers/",
        LOCATOR_URL,
        center.get_absolute_url(),
        "/physicians/",
        physician.get_absolute_url(),
    ]


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.headers.get("Vary", "").split(",")}


def test_public_pages_vary_on_the_cookie(client, public_urls):
    for url in public_urls:
        for attempt in ("rendered", "cached"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "cookie" in vary(response), f"{url} ({attempt}) has no Vary: Cookie"


@pytest.mark.parametrize("changed", ["templates/base.html", "procedures/models.py", "locale/es/LC_MESSAGES/django.mo"])
def test_a_deploy_of_new_templates_translations_or_code_makes_every_cached_page_stale(settings, changed):
    from core.rendered import release

    source = settings.BASE_DIR / changed
    original = source.read_bytes()
    release.cache_clear()
    before = release()
    try:
        source.write_bytes(original + b"\n")
        release.cache_clear()
        assert release() != before
    finally:
        source.write_bytes(original)
        release.cache_clear()
    assert release() == before


def test_the_release_is_the_contents_not_the_times_of_the_files(settings):
    """Two checkouts of one commit, made at different times, have one release: their hosts share entries."""
    from core.rendered import release

    source = settings.BASE_DIR / "templates" / "base.html"
    original = source.stat()
    release.cache_clear()
    before = release()
    try:
        os.utime(source, ns=(original.st_atime_ns, original.st_mtime_ns + 10**12))
        release.cache_clear()
        assert release() == before
    finally:
        os.utime(source, ns=(original.st_atime_ns, original.st_mtime_ns))
        release.cache_clear()


def test_a_release_named_by_the_deploy_is_the_release(settings):
    from core.rendered import release

    settings.RELEASE = "4f2c9e1"
    release.cache_clear()
    try:
        named = release()
        settings.RELEASE = "8a0d3b7"
        release.cache_clear()
        assert release() != named
    finally:
        release.cache_clear()
