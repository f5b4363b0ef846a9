"""Page-cache keys hold only the query parameters a page reads, normalised and bounded: invented parameters
never add cache entries or render the page again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories_appointments import PhysicianFactory, PracticeFactory
from .support import cache_keys

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def physician():
    return PracticeFactory(physician=PhysicianFactory(first_name="Avery", last_name="Okafor")).physician


def page_entries() -> int:
    return len([key for key in cache_keys() if key.split(":")[2] == "page"])


def renders(client, urls: list[str]) -> int:
    """How many of the GETs ran a database query (a cached page runs none)."""
    rendered = 0
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code in (200, 400), url
        rendered += bool(len(queries))
    return rendered


def test_invented_parameters_add_no_cache_entries(client, physician):
    urls = [f"/physicians/?utm_source=x{n}" for n in range(100)]
    assert renders(client, urls) == 1
    assert page_entries() == 1


def test_invented_parameters_beside_a_search_share_its_entry(client, physician):
    assert (
        renders(client, ["/physicians/?q=Okafor", "/physicians/?q=Okafor&fbclid=1", "/physicians/?fbclid=2&q=Okafor"])
        == 1
    )
    response = client.get("/physicians/?q=Okafor&gclid=3")
    assert "Okafor" in response.content.decode()
    assert page_entries() == 1


def test_parameters_in_any_order_and_with_spaces_are_one_entry(client, physician):
    urls = [
        "/physicians/?q=Okafor&accepting=on",
        "/physicians/?accepting=on&q=Okafor",
        "/physicians/?q=+Okafor+&accepting=on",
    ]
    assert renders(client, urls) == 1


def test_long_and_repeated_values_add_no_entries(client, physician):
    """Longer than the field takes, or several values for a field that reads one: the page refuses them, and a page
    is kept only for values it accepts (tests/test_page_cache_values.py)."""
    long_values = [f"/physicians/?q={'a' * 300}{n}" for n in range(20)]
    repeated = [f"/physicians/?{'&'.join(f'language=x{i}' for i in range(n + 10))}" for n in range(20)]
    for url in long_values + repeated:
        client.get(url)
    assert page_entries() == 0


def test_the_locator_keys_on_its_search_only(client):
    urls = [f"/centers/?q=78701&radius=25&ref=n{n}" for n in range(30)]
    assert renders(client, urls) == 1


def test_a_page_reading_no_parameters_has_one_entry(client):
    assert renders(client, [f"/pain-management/kyphoplasty/?v={n}" for n in range(30)]) == 1
