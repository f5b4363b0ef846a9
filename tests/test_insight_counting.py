"""Counting without identifying: aggregate counters per day, pages from the page cache counted too, a bound on
what a crash can lose, and nothing stored or sent that identifies a visitor (issue 25)."""

import time

import pytest
from django.db import connection

from core import insights
from core.models import InsightCount

from .factories_requests import another_patient, post
from .insight import counting, rows, total  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("counting")]

ADDRESS = "203.0.113.99"


def table_sizes() -> dict[str, int]:
    with connection.cursor() as cursor:
        sizes = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (catalogue names)
            sizes[table] = cursor.fetchone()[0]
    return sizes


def test_twenty_visits_are_one_counter_and_no_other_table_grows(public, kyphoplasty):
    public.get("/pain-management/kyphoplasty/")
    insights.flush()
    before = table_sizes()
    for _ in range(20):
        assert public.get("/pain-management/kyphoplasty/", REMOTE_ADDR=ADDRESS).status_code == 200
    insights.flush()
    assert table_sizes() == before
    assert [(row["path"], row["count"]) for row in rows(kind="page")] == [("/pain-management/kyphoplasty/", 21)]


def test_no_stored_value_holds_an_address_a_cookie_or_typed_text(public, center, kyphoplasty):
    public.cookies["tracking"] = "cookie-value-42"
    typed = "/centers/?q=Cedar+Park%2C+TX&procedure=kyphoplasty&utm_source=newsletter"
    assert public.get(typed, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="Agent/9").status_code == 200
    assert public.get("/centers/?q=78701", REMOTE_ADDR=ADDRESS).status_code == 200
    assert public.get("/no-such-page/?name=Jane+Doe", REMOTE_ADDR=ADDRESS).status_code == 404
    assert public.get("/appointments/request/?q=78701", REMOTE_ADDR=ADDRESS).status_code == 200
    stored = rows()
    values = " ".join(str(value) for row in stored for value in row.values())
    for secret in (ADDRESS, "cookie-value-42", "Agent/9", "Cedar Park", "Jane", "newsletter", "78701", "?"):
        assert secret not in values
    assert {"kind": "search", "state": "TX", "zip3": "786", "procedure": "kyphoplasty", "found": True} in [
        {name: row[name] for name in ("kind", "state", "zip3", "procedure", "found")} for row in stored
    ]  # Cedar Park read as its nearest ZIP code's prefix (78613)
    assert {row["path"] for row in stored if row["kind"] == "not_found"} == {"/no-such-page/"}


def test_no_public_page_sets_a_cookie_or_sends_the_search_header(public, center):
    for address in ("/", "/centers/?q=78701", "/physicians/?near=78701", "/pain-management/"):
        response = public.get(address)
        assert response.status_code == 200
        assert not response.cookies
        assert insights.HEADER not in response


def test_pages_served_from_the_page_cache_are_counted(settings, public, center, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 600
    for _ in range(2):
        public.get("/pain-management/kyphoplasty/")
        public.get("/centers/?q=78701")
    with django_assert_num_queries(0):  # from the cache: no view ran
        assert public.get("/pain-management/kyphoplasty/").status_code == 200
        response = public.get("/centers/?q=78701")
    assert insights.HEADER not in response
    assert total(kind="page", path="/pain-management/kyphoplasty/") == 3
    assert total(kind="search", source="locator", state="TX", zip3="787", found=True) == 3


def test_only_a_get_answered_404_is_counted_by_its_path(public, admin_client):
    public.get("/old-link/?utm_source=x")
    public.get("/old-link/")
    public.post("/old-link/")
    public.get("/a path/with spaces/")
    assert admin_client.get("/admin/appointments/no-such-screen/12345/").status_code == 404  # staff: never counted
    assert [(row["path"], row["count"]) for row in rows(kind="not_found")] == [
        ("(another address)", 1),
        ("/old-link/", 2),
    ]


def test_a_scanner_inventing_addresses_fills_one_bucket_past_the_bound(public, monkeypatch):
    monkeypatch.setattr(insights, "MAX_NOT_FOUND_ADDRESSES", 3)
    for n in range(10):
        public.get(f"/wp-admin-{n}.php")
    assert len(rows(kind="not_found")) == 4
    assert total(kind="not_found", path="(another address)") == 7


def test_counts_wait_in_memory_until_a_request_ends_after_the_bound(public, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    public.get("/")
    public.get("/")
    assert InsightCount.objects.count() == 0
    assert insights.waiting() == 2
    clock[0] += insights.FLUSH_SECONDS - 1
    public.get("/")
    assert InsightCount.objects.count() == 0  # the oldest is 9 seconds old: still waiting
    clock[0] += 1
    public.get("/")  # the oldest is 10 seconds old: this request's end writes them all
    assert insights.waiting() == 0
    assert InsightCount.objects.get().count == 4


def test_many_increments_are_written_whatever_their_age(public, monkeypatch):
    monkeypatch.setattr(insights, "FLUSH_MAX", 3)
    for _ in range(3):
        public.get("/")
    assert insights.waiting() == 0
    assert InsightCount.objects.get().count == 3


def test_a_database_error_drops_the_counts_and_the_page_is_served(public, monkeypatch):
    def broken():
        return "INSERT INTO no_such_table VALUES (%s)"

    monkeypatch.setattr(insights, "_upsert_sql", broken)
    monkeypatch.setattr(insights, "FLUSH_MAX", 1)
    assert public.get("/").status_code == 200
    assert insights.waiting() == 0
    assert InsightCount.objects.count() == 0


def test_counters_add_up_across_flushes_as_another_process_would(public):
    public.get("/")
    insights.flush()
    public.get("/")
    public.get("/")
    assert rows(kind="page")[0]["count"] == 3


def test_counting_off_counts_nothing_and_still_removes_the_header(settings, public, center):
    settings.INSIGHT_COUNTING = False
    response = public.get("/centers/?q=78701")
    assert insights.HEADER not in response
    assert rows() == []


def test_the_form_s_steps_are_counted_by_name_and_unknown_steps_ignored():
    insights.count_form("check")  # the answers-checked step of the form being rewritten calls this
    insights.count_form("check")
    insights.count_form("Jane Doe")
    assert [(row["step"], row["count"]) for row in rows(kind="form")] == [("check", 2)]


def test_a_request_refused_by_the_rate_limit_is_counted_and_a_resend_is_not_a_new_one(settings, public, center):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 2
    first = another_patient(center, 1)
    assert post(public, first).status_code == 302
    assert post(public, first).status_code == 302  # the same answers again: no new request
    assert post(public, another_patient(center, 2)).status_code == 302
    assert post(public, another_patient(center, 3)).status_code == 429
    assert [(row["step"], row["count"]) for row in rows(kind="form")] == [("refused", 1), ("sent", 2)]
