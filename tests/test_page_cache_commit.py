"""A visitor who asks for a page while a content save is still being committed (the generation already bumped,
the rows not yet visible) gets the page as it was, and the next visitor after the commit gets the new one: the
page rendered in between does not outlive the commit. Two real connections: PostgreSQL."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from procedures.models import Procedure

from .support import skip_or_fail

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE = "/pain-management/kyphoplasty/"
NEW_TITLE = "Kyphoplasty, retitled"


@pytest.fixture(autouse=True)
def _postgres_and_page_cache(settings):
    if connection.vendor != "postgresql":
        skip_or_fail("a save seen from another connection before its commit needs PostgreSQL")
    settings.PAGE_CACHE_SECONDS = 600


def visit_from_another_connection() -> str:
    seen: list[str] = []

    def visit() -> None:
        try:
            seen.append(Client().get(PAGE).content.decode())
        finally:
            connection.close()

    visitor = threading.Thread(target=visit)
    visitor.start()
    visitor.join(timeout=30)
    assert seen, "the visit did not finish"
    return seen[0]


def test_a_page_rendered_while_a_save_commits_gives_way_to_the_saved_one():
    assert NEW_TITLE not in Client().get(PAGE).content.decode()  # kept in the page cache

    with transaction.atomic():
        page = Procedure.objects.get(slug="kyphoplasty")
        page.title = NEW_TITLE
        page.save()
        during = visit_from_another_connection()

    assert NEW_TITLE not in during  # the save was not committed yet: the page as it was
    assert NEW_TITLE in Client().get(PAGE).content.decode()
