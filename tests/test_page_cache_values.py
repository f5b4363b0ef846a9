"""Page-cache entries only for the values a page accepts: a page number that exists, a known choice, a published
procedure's address. `?page=<anything>`, `?radius=<anything>` or `?procedure=<anything>` renders the page for that
visitor and keeps nothing, so no flood of invented values can push other entries out of the cache."""

import pytest

from .factories_appointments import PhysicianFactory, PracticeFactory
from .support import cache_keys

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def physician(center):
    return PracticeFactory(center=center, physician=PhysicianFactory(first_name="Avery", last_name="Okafor")).physician


def page_entries() -> int:
    return len([key for key in cache_keys() if key.split(":")[2] == "page"])


def visit(client, urls: list[str]) -> None:
    for url in urls:
        assert client.get(url).status_code in (200, 400), url


def test_page_numbers_that_name_no_page_add_no_cache_entries(client, physician):
    visit(client, [f"/physicians/?page={n}" for n in [2, 3, 99, 1000, "x", "-1", "1.0", "01"]])

    assert page_entries() == 0


def test_the_pages_there_are_are_kept(client, physician):
    visit(client, ["/physicians/", "/physicians/?page=1", "/physicians/?page=1"])

    assert page_entries() == 2  # the address without a query, and page 1


def test_unknown_choices_add_no_cache_entries(client, physician):
    visit(
        client,
        [
            *(f"/physicians/?radius={n}" for n in ["7", "x", "1e9"]),
            *(f"/physicians/?procedure=made-up-{n}" for n in range(5)),
            *(f"/centers/?q=78701&radius={n}" for n in ["7", "x"]),
            *(f"/physicians/?accepting={n}" for n in ["x", "yes please"]),
        ],
    )

    assert page_entries() == 0


def test_a_center_page_is_kept_for_a_published_procedure_only(client, center):
    visit(client, [f"{center.get_absolute_url()}?procedure=made-up-{n}" for n in range(5)])
    assert page_entries() == 0

    visit(client, [f"{center.get_absolute_url()}?procedure=kyphoplasty"] * 2)
    assert page_entries() == 1


def test_known_choices_are_kept(client, physician):
    visit(client, ["/physicians/?radius=25", "/physicians/?procedure=kyphoplasty", "/physicians/?accepting=on"])

    assert page_entries() == 3


def test_a_name_that_finds_nobody_adds_no_cache_entry(client, physician):
    visit(client, [f"/physicians/?q=Nobody{n}" for n in range(5)])
    assert page_entries() == 0

    visit(client, ["/physicians/?q=Okafor"])
    assert page_entries() == 1


def test_a_visitors_own_coordinates_add_no_cache_entry(client, center):
    visit(client, [f"/centers/?lat=30.{n}&lng=-97.7" for n in range(1, 4)])

    assert page_entries() == 0
