"""A published page's content is rendered once (Markdown converted and sanitised) and kept until content or code
changes: a page nobody has cached yet costs one query, and an edit still shows at once."""

import pytest

from procedures import publishing
from procedures.models import Procedure, Section, Status
from procedures.templatetags.content import render_markdown

pytestmark = pytest.mark.django_db

URL = "/pain-management/kyphoplasty/"


def test_the_content_is_rendered_once_then_served_with_one_query(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        first = client.get(URL).content
    render_markdown.cache_clear()
    with django_assert_max_num_queries(1):
        second = client.get(URL).content
    assert second == first
    assert render_markdown.cache_info().hits + render_markdown.cache_info().misses == 0  # no Markdown touched


def test_a_saved_change_shows_at_once_though_the_content_was_rendered(client):
    client.get(URL)
    section = Section.objects.get(procedure__slug="kyphoplasty", anchor="how-it-is-done")
    section.body = "A new paragraph, **bold**."
    section.save()
    assert "A new paragraph, <strong>bold</strong>." in client.get(URL).content.decode()


def test_publishing_renders_the_page_for_its_first_visitor(
    client, django_user_model, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    page = Procedure.objects.get(slug="kyphoplasty")
    user = django_user_model.objects.create_user("editor", is_staff=True)
    draft = publishing.draft_start(page=page, user=user)
    Procedure.all_objects.filter(pk=draft.pk).update(summary="Published summary.")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.draft_publish(draft=draft, user=user)

    with django_assert_max_num_queries(1):
        assert "Published summary." in client.get(URL).content.decode()


def test_an_unpublished_page_is_never_served_from_the_rendered_content(client):
    client.get(URL)
    Procedure.objects.filter(slug="kyphoplasty").update(status=Status.DRAFT)  # no signal: the worst case
    assert client.get(URL).status_code == 404
