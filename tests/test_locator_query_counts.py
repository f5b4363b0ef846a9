"""Find a center and physicians' pages: the number of queries does not grow with the results."""

import pytest

from appointments import geo
from appointments.models import Center

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, languages, weekday_hours
from .locator import AUSTIN, LOCATOR, epidural, kyphoplasty, measure, result_names

pytestmark = pytest.mark.django_db


def make_centers_around_austin(count: int, procedures) -> int:
    """`count` centers on a grid north-east of downtown Austin; returns how many are within 10 miles."""
    within_10 = 0
    for n in range(count):
        center = CenterFactory(
            name=f"Grid Center {n:02d}",
            latitude=AUSTIN[0] + (n % 8) * 0.05,
            longitude=AUSTIN[1] + (n // 8) * 0.05,
            procedures=procedures,
        )
        weekday_hours(center)
        within_10 += geo.distance_miles(AUSTIN, (center.latitude, center.longitude)) <= 10
    return within_10


@pytest.mark.parametrize(
    "query", ["?q=78701&radius=any", "?q=78701&radius=any&procedure=kyphoplasty", "?q=78701&radius=10"]
)
def test_locator_uses_the_same_few_queries_for_5_or_40_results(client, django_assert_max_num_queries, query):
    procedures = [kyphoplasty(), epidural()]
    within_10 = make_centers_around_austin(5, procedures)
    # At most: the procedure asked for, the nearest centers, their hours and holiday closures (one query), then for
    # the cards not drawn yet (all, on a first search) the rest of those centers and their procedures; the search
    # form's choices; the site's settings for the layout, drawn afresh after a content change.
    few, page = measure(client, LOCATOR + query, django_assert_max_num_queries, limit=8)
    assert len(result_names(page)) == (5 if "any" in query else within_10)
    Center.objects.all().delete()
    within_10 = make_centers_around_austin(40, procedures)
    many, page = measure(client, LOCATOR + query, django_assert_max_num_queries, limit=8)
    assert len(result_names(page)) == (40 if "any" in query else within_10)
    assert few == many


def test_locator_no_results_uses_few_queries(client, django_assert_max_num_queries):
    CenterFactory(place=PLACES["10001"], procedures=[kyphoplasty()])
    # The nearest beyond may try boxes of 25, 100 and 400 miles before the whole table (selectors.GROWING_RADII);
    # and the site's settings for the layout.
    _count, page = measure(client, LOCATOR + "?q=78701&radius=10", django_assert_max_num_queries, limit=10)
    assert len(result_names(page)) == 1


def test_physician_page_uses_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    physician = PhysicianFactory(procedures=[kyphoplasty()], languages=languages("Spanish"))
    PracticeFactory(physician=physician)
    few, _ = measure(client, physician.get_absolute_url(), django_assert_max_num_queries)
    for _n in range(5):
        PracticeFactory(physician=physician)
    physician.procedures.add(epidural())
    physician.languages.add(*languages("French", "Vietnamese"))
    many, _ = measure(client, physician.get_absolute_url(), django_assert_max_num_queries)
    assert few == many
