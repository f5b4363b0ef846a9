"""A published page is read and its content rendered once (Markdown converted and sanitised) and kept until content
or code changes: a page nobody has cached yet costs no query, and an edit still shows at once."""

import pytest

from core.rendered import lifetime
from procedures import publishing
from procedures.models import Procedure, Section
from procedures.templatetags.content import render_markdown

pytestmark = pytest.mark.django_db

URL = "/pain-management/kyphoplasty/"


def test_the_page_is_read_and_rendered_once_then_served_without_a_query(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself rendered every time: only its content comes from the cache
    with django_assert_max_num_queries(5):
        first = client.get(URL).content
    render_markdown.cache_clear()
    with django_assert_max_num_queries(0):
        second = client.get(URL).content
    assert second == first
    assert render_markdown.cache_info().hits + render_markdown.cache_info().misses == 0  # no Markdown touched


def test_a_page_nobody_has_cached_yet_renders_only_the_layout_around_its_rendered_parts(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    first = {template.name for template in client.get(URL).templates}
    assert {"procedures/_procedure_content.html", "includes/_breadcrumbs.html", "includes/_cta.html"} <= first

    second = {template.name for template in client.get(URL).templates}
    # The page's title, breadcrumbs, content, review note and call to action, and the header's phone number: kept.
    assert second == {
        "procedures/procedure_detail.html",
        "base.html",
        "includes/_language_switch.html",
    }


def test_a_saved_change_shows_at_once_though_the_content_was_rendered(client):
    client.get(URL)
    section = Section.objects.get(procedure__slug="kyphoplasty", anchor="how-it-is-done")
    section.body = "A new paragraph, **bold**."
    section.save()
    assert "A new paragraph, <strong>bold</strong>." in client.get(URL).content.decode()


def test_an_unpublished_page_is_not_found_at_once_though_it_was_rendered(client, settings, django_user_model):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(URL)
    user = django_user_model.objects.create_user("editor", is_staff=True)
    publishing.page_unpublish(page=Procedure.objects.get(slug="kyphoplasty"), user=user)
    assert client.get(URL).status_code == 404


def test_a_write_that_skips_the_signals_shows_within_the_page_cache_s_time(client, settings):
    """A queryset update or SQL by hand bumps no content generation: like a cached page, the rendered page then
    lasts until its time is up (PAGE_CACHE_SECONDS, at least a minute), never longer."""
    settings.PAGE_CACHE_SECONDS = 0
    assert lifetime() == 60
    settings.PAGE_CACHE_SECONDS = 600
    assert lifetime() == 600
