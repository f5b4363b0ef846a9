"""The locator's and the directory's layout is drawn once per address, language and content generation; every
search draws its own title, content and language-switch link into it, so nothing of one search shows in another's
page, and a content save shows at once."""

import pytest

from core.models import SiteSettings

from .html import attr, find_one, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _not_page_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the frame, not the page cache, is what is kept


def templates_drawn(response) -> set[str]:
    return {template.name for template in response.templates}


def switch_link(response) -> str:
    return attr(find_one(parse(response), "a", **{"class": "language-switch"}), "href")


@pytest.mark.parametrize(
    ("url", "frame", "title", "content"),
    [
        ("/centers/", "appointments/locator.html", "_locator_title.html", "_locator_content.html"),
        (
            "/physicians/",
            "appointments/physician_list.html",
            "_physician_list_title.html",
            "_physician_list_content.html",
        ),
    ],
)
def test_a_search_page_draws_its_layout_once_and_its_title_and_content_every_time(
    client, center, url, frame, title, content
):
    first = templates_drawn(client.get(url, {"q": "78701"}))
    again = templates_drawn(client.get(url, {"q": "Austin, TX"}))

    assert {frame, "base.html"} <= first
    assert frame not in again
    assert "base.html" not in again
    assert {f"appointments/{title}", f"appointments/{content}"} <= again


def test_each_search_shows_its_own_title_results_and_switch_link(client, center):
    client.get("/centers/", {"q": "10001", "radius": "10"})

    page = client.get("/centers/", {"q": "78701", "radius": "50"})

    document = parse(page)
    assert text(find_one(document, "title")).startswith("1 center near 78701")
    assert "Azura Cedar Park" in text(find_one(document, "main"))
    assert switch_link(page) == "/es/centers/?q=78701&radius=50"
    assert 'value="78701"' in page.content.decode()
    assert "10001" not in page.content.decode()


def test_a_search_with_a_problem_keeps_its_status_and_says_so_in_its_title(client, center):
    client.get("/centers/", {"q": "78701"})

    page = client.get("/centers/", {"q": "Atlantis, ZZ"})

    assert page.status_code == 400
    assert text(find_one(parse(page), "title")).startswith("Error:")


def test_the_spanish_search_page_has_its_own_layout(client, center):
    client.get("/centers/", {"q": "78701"})

    page = client.get("/es/centers/", {"q": "78701"})

    assert attr(parse(page), "lang") == "es"
    assert switch_link(page) == "/centers/?q=78701"
    assert "Buscar" in text(find_one(parse(page), "main"))


def test_a_content_save_shows_in_the_layout_at_once(client, center):
    client.get("/physicians/")

    SiteSettings.objects.create(phone="(800) 555-0199")

    assert "(800) 555-0199" in text(find_one(parse(client.get("/physicians/")), "header"))
