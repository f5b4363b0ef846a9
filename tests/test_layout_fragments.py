"""The header, footer and breadcrumbs of every page are rendered once and kept per content generation, deploy,
language and current menu entry (the breadcrumbs per page): a page nobody has cached yet does not render them
again, and nothing shows stale or in another language."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from core.rendered import content_changed
from procedures import rendering

from .html import find_all, find_one, parse, text

pytestmark = pytest.mark.django_db

PROBE = Template("{% load fragments %}{% fragment 'probe' %}{{ value }}{% endfragment %}")


def render_probe(value: str) -> str:
    return PROBE.render(Context({"value": value, "request": RequestFactory().get("/")}))


def test_a_fragment_is_rendered_once_and_kept():
    assert render_probe("first") == "first"
    assert render_probe("second") == "first"


def test_each_language_has_its_own_copy_of_a_fragment():
    with translation.override("en"):
        assert render_probe("English") == "English"
    with translation.override("es"):
        assert render_probe("Español") == "Español"
    with translation.override("en"):
        assert render_probe("anything") == "English"


def test_a_content_save_renders_the_fragment_again():
    render_probe("before")
    content_changed()
    assert render_probe("after") == "after"


def current_menu_entry(client, url: str) -> str | None:
    menu = find_one(parse(client.get(url)), "nav", **{"aria-label": "Main"})
    current = find_all(menu, "a", **{"aria-current": "page"})
    return text(current[0]) if current else None


def test_the_menu_marks_the_current_page_though_the_header_is_kept(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert current_menu_entry(client, "/pain-management/kyphoplasty/") == "Treatments"
        assert current_menu_entry(client, "/centers/") == "Find a center"
        assert current_menu_entry(client, "/") is None


def test_each_language_has_its_own_rendered_procedure_page(django_assert_num_queries):
    with translation.override("en"):
        rendering.published_page("kyphoplasty")
        with django_assert_num_queries(0):
            rendering.published_page("kyphoplasty")
    # Read and rendered for Spanish; its note (no Spanish yet) gives the language-help number: the site settings.
    with translation.override("es"), django_assert_num_queries(5):
        rendering.published_page("kyphoplasty")


def breadcrumb_trail(client, url: str) -> list[str]:
    trail = find_one(parse(client.get(url)), "nav", **{"aria-label": "Breadcrumb"})
    return [text(item) for item in find_all(trail, "li")]


def test_each_page_keeps_its_own_breadcrumbs_and_a_renamed_center_shows_at_once(client, settings, center):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert breadcrumb_trail(client, "/centers/") == ["Home", "Find a center"]
        assert breadcrumb_trail(client, "/physicians/") == ["Home", "Find a physician"]
        assert breadcrumb_trail(client, center.get_absolute_url()) == ["Home", "Find a center", "Azura Cedar Park"]
    center.name = "Azura Round Rock"
    center.save()
    assert breadcrumb_trail(client, center.get_absolute_url()) == ["Home", "Find a center", "Azura Round Rock"]
