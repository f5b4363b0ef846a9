"""The locator's result cards are drawn once per center and kept in the shared cache: another search listing the
same center reads its card instead of its procedures; each search still shows its own distance and whether the
center is open now; a content change, an import or a procedure carried by the links draws the card afresh."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appointments.models import Center
from procedures.models import Procedure

from .center_csv import AUSTIN, run, write_csv
from .factories_appointments import PLACES, CenterFactory, weekday_hours
from .html import attr, find_all, find_one, has_class, parse, text

pytestmark = pytest.mark.django_db

LOCATOR = "/centers/"
# A Wednesday: 15:00 in Austin (open, weekdays 8 to 5), then 18:00 (closed).
AFTERNOON = dt.datetime(2026, 3, 4, 21, 0, tzinfo=dt.UTC)
EVENING = dt.datetime(2026, 3, 5, 0, 0, tzinfo=dt.UTC)


@pytest.fixture
def austin():
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    center = CenterFactory(name="South Austin Center", place=PLACES["78704"], procedures=[kyphoplasty])
    weekday_hours(center)
    return center


def card(response):
    (result,) = [li for li in find_all(parse(response), "li") if has_class(li, "result")]
    return result


def miles(response) -> float:
    """The distance the card shows ("about 2.4 mi away": the factory's centers sit at their ZIP code's middle;
    "about a mile away or less" is 0 here)."""
    shown = text(find_one(card(response), "p", **{"class": "result-distance"}))
    if shown == "about a mile away or less":
        return 0.0
    assert shown.endswith(" mi away"), shown
    return float(shown.split()[-3])


def reads_procedures(queries) -> bool:
    return any("center_procedures" in query["sql"] for query in queries.captured_queries)


def test_another_search_listing_the_same_center_reads_its_card_not_its_procedures(client, austin):
    with CaptureQueriesContext(connection) as first:
        client.get(LOCATOR, {"q": "78701"})
    with CaptureQueriesContext(connection) as second:
        response = client.get(LOCATOR, {"q": "Austin, TX"})
    assert reads_procedures(first)
    assert not reads_procedures(second)
    assert "Offers: Kyphoplasty" in text(card(response))
    assert len(second) < len(first)


def test_each_search_shows_its_own_distance(client, austin):
    assert miles(client.get(LOCATOR, {"q": "78704"})) == 0.0
    assert miles(client.get(LOCATOR, {"q": "78613"})) > 10


def test_each_search_says_whether_the_center_is_open_now(client, austin, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: AFTERNOON)
    assert "Open now" in text(card(client.get(LOCATOR, {"q": "78701"})))
    monkeypatch.setattr(timezone, "now", lambda: EVENING)
    closed = text(card(client.get(LOCATOR, {"q": "78701"})))
    assert "Closed now" in closed
    assert "Open now" not in closed
    assert "(6:00 PM local time)" in closed


def test_a_state_list_shows_no_distance(client, austin):
    client.get(LOCATOR, {"q": "78701"})
    listed = card(client.get(LOCATOR, {"q": "Texas"}))
    assert find_all(listed, "p", **{"class": "result-distance"}) == []


def test_the_links_carry_the_procedure_of_this_search(client, austin):
    client.get(LOCATOR, {"q": "78701"})
    response = client.get(LOCATOR, {"q": "78701", "procedure": "kyphoplasty"})
    hrefs = [attr(a, "href") for a in find_all(card(response), "a")]
    assert f"/appointments/request/?center={austin.slug}&procedure=kyphoplasty" in hrefs
    plain = [attr(a, "href") for a in find_all(card(client.get(LOCATOR, {"q": "78701"})), "a")]
    assert f"/appointments/request/?center={austin.slug}" in plain


def test_a_renamed_center_shows_its_new_name_on_the_next_search(client, austin):
    client.get(LOCATOR, {"q": "78701"})
    austin.name = "Barton Creek Center"
    austin.save()
    assert text(find_one(card(client.get(LOCATOR, {"q": "78701"})), "h3")) == "Barton Creek Center"


def test_an_imported_change_shows_on_the_next_search(client, tmp_path, django_capture_on_commit_callbacks):
    row = {**AUSTIN, "name": "North Austin Spine Center", "phone": "(512) 555-0142", "hours": ""}
    with django_capture_on_commit_callbacks(execute=True):
        run(write_csv(tmp_path / "centers.csv", [row]))
    assert "(512) 555-0142" in text(card(client.get(LOCATOR, {"q": "78701"})))
    with django_capture_on_commit_callbacks(execute=True):
        run(write_csv(tmp_path / "centers.csv", [{**row, "phone": "(512) 555-0199"}]))
    assert Center.objects.get().phone == "+15125550199"
    assert "(512) 555-0199" in text(card(client.get(LOCATOR, {"q": "78701"})))


def test_no_hole_reaches_a_page(client, austin):
    CenterFactory(name="Houston Center", place=PLACES["77002"])
    for params in [{"q": "78701"}, {"q": "78701"}, {"q": "Texas"}, {"q": "78701", "radius": "10"}]:
        assert b"azuraHole" not in client.get(LOCATOR, params).content, params
