"""A visitor who asks for a page while a content save is still being committed (the generation already bumped,
the rows not yet visible) gets the page as it was, and the next visitor after the commit gets the new one: the
page rendered in between does not outlive the commit. Two real connections: PostgreSQL."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from appointments.models import Center

from .factories_appointments import CenterFactory
from .support import skip_or_fail

# Its own center: a transactional test starts from whatever earlier ones left, not the migrations' content.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

NEW_NAME = "Azura Riverside, renamed"


@pytest.fixture(autouse=True)
def _postgres_and_page_cache(settings):
    if connection.vendor != "postgresql":
        skip_or_fail("a save seen from another connection before its commit needs PostgreSQL")
    settings.PAGE_CACHE_SECONDS = 600


def page_text(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def visit_from_another_connection(path: str) -> str:
    seen: list[str] = []

    def visit() -> None:
        try:
            seen.append(page_text(path))
        finally:
            connection.close()

    visitor = threading.Thread(target=visit)
    visitor.start()
    visitor.join(timeout=30)
    assert seen, "the visit did not finish"
    return seen[0]


def test_a_page_rendered_while_a_save_commits_gives_way_to_the_saved_one():
    center = CenterFactory(name="Azura Riverside")
    path = f"/centers/{center.slug}/"
    assert NEW_NAME not in page_text(path)  # kept in the page cache

    with transaction.atomic():
        center = Center.objects.get(pk=center.pk)
        center.name = NEW_NAME
        center.save()
        during = visit_from_another_connection(path)

    assert NEW_NAME not in during  # the save was not committed yet: the page as it was
    assert NEW_NAME in page_text(path)
