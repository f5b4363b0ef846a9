"""Pages take a small, constant number of SQL queries, however much content a procedure has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from procedures.models import ComparisonRow, ListItem

from .factories import ListItemFactory, ProcedureFactory, SectionFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 4


@pytest.fixture
def small_procedure():
    procedure = ProcedureFactory(title="Small Procedure", slug="small-procedure")
    SectionFactory(procedure=procedure, heading="The only section", anchor="only")
    ListItemFactory(procedure=procedure, kind=ListItem.Kind.RISK, text="The only risk")
    return procedure


@pytest.fixture
def big_procedure():
    procedure = ProcedureFactory(title="Big Procedure", slug="big-procedure", compared_with="Other procedure")
    for number in range(1, 31):
        SectionFactory(procedure=procedure, heading=f"Big section {number}", anchor=f"big-{number}")
    for number in range(1, 21):
        ListItemFactory(procedure=procedure, kind=ListItem.Kind.CONDITION, text=f"Big condition {number}")
        ListItemFactory(procedure=procedure, kind=ListItem.Kind.RISK, text=f"Big risk {number}")
    for number in range(1, 11):
        ComparisonRow.objects.create(
            procedure=procedure,
            position=number,
            aspect=f"Big aspect {number}",
            this_procedure=f"This {number}",
            other_procedure=f"Other {number}",
        )
    return procedure


def draw_layout(client) -> None:
    """Every page shares its layout's header and footer (with the site's settings), drawn once and kept until content
    changes: drawn here by another page, so that a count is the procedure page's own."""
    assert client.get("/privacy/").status_code == 200


def count_queries(client, url: str) -> tuple[int, str]:
    draw_layout(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries), response.content.decode()


def test_small_procedure_page_takes_at_most_four_queries(client, small_procedure):
    queries, html = count_queries(client, small_procedure.get_absolute_url())
    assert queries <= MAX_QUERIES
    assert "The only section" in html
    assert "The only risk" in html


def test_big_procedure_page_takes_at_most_four_queries(client, big_procedure):
    queries, html = count_queries(client, big_procedure.get_absolute_url())
    assert queries <= MAX_QUERIES
    # Everything was rendered, so the count covers every section, list item and row.
    for number in range(1, 31):
        assert f"Big section {number}<" in html
    for number in range(1, 21):
        assert f"<li>Big condition {number}</li>" in html
        assert f"<li>Big risk {number}</li>" in html
    for number in range(1, 11):
        assert f"Big aspect {number}<" in html


def test_procedure_page_query_count_does_not_grow_with_content(client, small_procedure, big_procedure):
    small, _ = count_queries(client, small_procedure.get_absolute_url())
    big, _ = count_queries(client, big_procedure.get_absolute_url())

    assert big == small


@pytest.mark.parametrize("slug", ["epidural-injections", "facet-joint-injections", "kyphoplasty"])
def test_seeded_procedure_page_takes_at_most_four_queries(client, slug, django_assert_max_num_queries):
    draw_layout(client)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("procedures:detail", kwargs={"slug": slug}))

    assert response.status_code == 200


@pytest.mark.parametrize("url_name", ["home", "procedures:overview"])
def test_list_page_takes_at_most_four_queries(client, url_name, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse(url_name))

    assert response.status_code == 200


@pytest.mark.parametrize("url_name", ["home", "procedures:overview"])
def test_list_page_query_count_does_not_grow_with_procedures(client, url_name):
    before, _ = count_queries(client, reverse(url_name))
    for number in range(10):
        procedure = ProcedureFactory(title=f"Extra procedure {number}")
        SectionFactory(procedure=procedure)
        ListItemFactory(procedure=procedure)

    after, html = count_queries(client, reverse(url_name))

    assert "Extra procedure 9" in html
    assert after == before
