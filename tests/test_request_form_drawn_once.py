"""The request form's page is drawn once per place and choices and kept in the shared cache; every visit gets
its own CSRF token, start stamp (bound to its browser) and submission token, and opens no session. A content
change, another query or another language draws it afresh; a form sent back with a problem is never cached."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client

from appointments.forms import browser_nonce
from appointments.models import AppointmentRequest

from .factories_appointments import PLACES, CenterFactory, add_centers, weekday_hours
from .factories_requests import STARTED_SALT, form_data, post
from .html import attr, find_one, parse
from .html import offered_centers as offered

pytestmark = pytest.mark.django_db

URL = "/appointments/request/"


def hidden(response, name: str) -> str:
    return attr(find_one(parse(response), "input", name=name), "value")


@pytest.fixture
def austin():
    center = CenterFactory(name="South Austin Center", place=PLACES["78704"])
    weekday_hours(center)
    return center


def test_each_visit_gets_its_own_csrf_token_start_stamp_and_submission_token(austin):
    first, second = Client(), Client()
    pages = [first.get(URL, {"q": "78701"}), second.get(URL, {"q": "78701"}), first.get(URL, {"q": "78701"})]
    for name in ("csrfmiddlewaretoken", "started", "submission_token"):
        values = [hidden(page, name) for page in pages]
        assert len(set(values)) == 3, name
    for client, page in [(first, pages[0]), (second, pages[1]), (first, pages[2])]:
        stamp = signing.loads(hidden(page, "started"), salt=STARTED_SALT)
        assert stamp["n"] == browser_nonce(client.cookies[settings.CSRF_COOKIE_NAME].value)


def test_the_page_a_visit_gets_from_the_cache_takes_a_real_request(austin, settings):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    Client().get(URL, {"q": "78701"})  # another visitor's visit draws the page
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(URL, {"q": "78701"})
    answers = form_data(
        austin,
        started=hidden(page, "started"),
        submission_token=hidden(page, "submission_token"),
        csrfmiddlewaretoken=hidden(page, "csrfmiddlewaretoken"),
    )
    response = browser.post(f"{URL}?q=78701", answers)
    assert response.status_code == 302
    stored = AppointmentRequest.objects.get()
    assert str(stored.submission_token) == answers["submission_token"]
    assert stored.spam_signals == ""  # the stamp is this browser's


def test_no_placeholder_reaches_a_visitor(client, austin):
    for params in [{}, {"q": "78701"}, {"q": "78701"}, {"center": austin.slug}, {"q": "Pittsburg, PA"}]:
        assert b"azuraHole" not in client.get(URL, params).content, params
    assert b"azuraHole" not in post(client, form_data(austin, first_name="")).content


def test_visiting_the_form_opens_no_session(client, austin):
    client.get(URL, {"q": "78701"})
    client.get(URL)
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert not Session.objects.exists()


def test_a_visit_after_the_first_is_drawn_from_the_cache_without_queries(
    client, austin, django_assert_num_queries, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get(URL, {"q": "78701"})
    with django_assert_num_queries(0):
        response = client.get(URL, {"q": "78701", "utm_source": "newsletter"})  # a parameter the page ignores
    assert [slug for slug, _ in offered(response)] == [austin.slug]


def test_with_10000_centers_a_later_visit_asks_no_query_and_stays_small(client, django_assert_num_queries):
    add_centers(10_000)
    for params in [{}, {"q": "78701"}, {"center": "bulk-00042", "q": "Denver, CO"}]:
        client.get(URL, params)
        with django_assert_num_queries(0):
            response = client.get(URL, params)
        assert response.status_code == 200
        assert len(response.content) < 150 * 1024, params


def test_a_new_center_shows_on_the_next_visit(client, austin):
    assert [slug for slug, _ in offered(client.get(URL, {"q": "78701"}))] == [austin.slug]
    downtown = CenterFactory(name="Downtown Austin Center", place=PLACES["78701"])
    assert [slug for slug, _ in offered(client.get(URL, {"q": "78701"}))] == [downtown.slug, austin.slug]


def test_another_query_or_language_is_drawn_afresh(client, austin, django_assert_max_num_queries):
    client.get(URL, {"q": "78701"})
    assert offered(client.get(URL, {"q": "78704"})) != []
    with django_assert_max_num_queries(12) as queries:
        response = client.get(f"/es{URL}", {"q": "78701"})  # the Spanish address
    assert response.status_code == 200
    assert len(queries) > 0  # not the page drawn for English
    assert f'action="/es{URL}"' in response.content.decode()
    assert "Los centros más cercanos" in response.content.decode()


def test_a_form_sent_back_with_a_problem_shows_the_answers_not_a_cached_page(client, austin):
    client.get(URL, {"q": "78701"})
    redirect = client.post(URL, form_data(austin, first_name="", last_name="Quigglesworth", q="78701"))
    response = client.get(redirect["Location"])
    assert response.status_code == 200
    assert b"Quigglesworth" in response.content
    assert b"Quigglesworth" not in client.get(URL, {"q": "78701"}).content
