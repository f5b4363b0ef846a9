"""The locator asks the database the same few questions whatever the number of centers on file: with a national
directory (thousands of centers, as bench/run.py's 10,000), a search reads the nearest centers, then their opening
hours as rows (only theirs), and, for cards not drawn yet, the rest of those centers and their procedures; the
search form's choices come from the cache. "Open now" stays true on every search."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .factories_appointments import add_centers
from .html import find_all, has_class, parse, text

pytestmark = pytest.mark.django_db

LOCATOR = "/centers/"
CENTERS = 1_000
# Wednesday 4 March 2026: 15:00 in Austin (open, weekdays 8 to 5), then 18:00 (closed).
AFTERNOON = dt.datetime(2026, 3, 4, 21, 0, tzinfo=dt.UTC)
EVENING = dt.datetime(2026, 3, 5, 0, 0, tzinfo=dt.UTC)


@pytest.fixture
def national_directory():
    """CENTERS centers across the contiguous US (bench/run.py's way: bulk rows, weekday hours, every procedure),
    a handful of them within 50 miles of downtown Austin."""
    add_centers(CENTERS, first_at=tuple((30.27 + n * 0.1, -97.74 + n * 0.05) for n in range(6)), every_procedure=True)


def cards(response) -> list[str]:
    """The result cards' text; a page without any fails here, so no `all(...)` over them can pass on an empty page."""
    found = [text(li) for li in find_all(parse(response), "li") if has_class(li, "result")]
    assert found, "no result cards on the page"
    return found


def search(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LOCATOR, {"q": "78701", "radius": "50", **params})
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


def test_a_search_among_thousands_of_centers_asks_at_most_six_queries_then_two(client, national_directory, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: AFTERNOON)
    first, first_queries = search(client)
    assert len(cards(first)) >= 6
    # The form's choices, the nearest centers, their hours and holiday closures (one query), then for the cards the
    # rest of them and their procedures; the site's settings for the layout.
    assert len(first_queries) <= 6
    again, queries = search(client)
    assert len(queries) == 2  # the nearest centers, their hours and closures: choices and cards come from the cache
    assert not any("procedures_procedure" in sql for sql in queries)
    assert sum("appointments_center" in sql for sql in queries) == 1  # the cards need no more of the centers
    assert sum("appointments_openinghours" in sql for sql in queries) == 1
    assert cards(again) == cards(first)


def test_every_search_says_open_now_or_closed_now_at_its_own_moment_reading_only_the_listed_hours(
    client, national_directory, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: AFTERNOON)
    afternoon, queries = search(client)
    assert all("Open now" in card and "closes 5:00 PM" in card for card in cards(afternoon))
    (hours_query,) = [sql for sql in queries if "appointments_openinghours" in sql]
    centers_asked = hours_query.split(" IN (")[1].split(")")[0].split(",")
    assert len(centers_asked) == len(cards(afternoon))  # not every center of the search's box
    monkeypatch.setattr(timezone, "now", lambda: EVENING)
    evening, _ = search(client)
    assert all("Closed now" in card and "opens tomorrow 8:00 AM" in card for card in cards(evening))
    assert all("(6:00 PM local time)" in card for card in cards(evening))


def test_the_spanish_search_says_it_in_spanish_with_the_same_queries(client, national_directory, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: EVENING)
    search(client)
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/es" + LOCATOR, {"q": "78701", "radius": "50"})
    assert len(queries) <= 6  # as a first search: the cards and layout are drawn again, in Spanish
    assert all("Cerrado ahora" in card and "abre mañana a las 8:00 a.m." in card for card in cards(first))
    assert all("(6:00 p.m. hora local)" in card for card in cards(first))
