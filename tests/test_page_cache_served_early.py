"""The page cache answers from its place in the middleware stack: a cached page is the page first rendered, headers
and all; a save made while a page renders leaves no stale entry; nothing that sets a cookie or writes the session
is kept; the address with and without a query string shares one entry."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.common import CommonMiddleware
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory

from core import rendered
from core.pagecache import PageCacheMiddleware, public_page
from core.rendered import content_changed

pytestmark = pytest.mark.django_db

PROCEDURE_URL = "/pain-management/kyphoplasty/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def counted_view(rendered: list, during_render=lambda request: None):
    @public_page()
    def view(request):
        rendered.append(request.path)
        during_render(request)
        return HttpResponse(f"rendered {len(rendered)}")

    return view


def test_a_cached_page_carries_every_header_of_the_page_first_rendered(client):
    first = client.get(PROCEDURE_URL)
    cached = client.get(PROCEDURE_URL)

    def headers(response):
        return {name: value for name, value in response.items() if name != "X-Request-ID"}

    assert cached.content == first.content
    assert headers(cached) == headers(first)
    assert cached["X-Frame-Options"] == "DENY"  # set below the page cache, kept with the page


def test_the_address_with_and_without_unread_parameters_shares_one_entry(client, django_assert_num_queries):
    client.get(PROCEDURE_URL + "?utm_source=newsletter")  # looked up and kept by the view's decorator

    with django_assert_num_queries(0):
        plain = client.get(PROCEDURE_URL)  # answered by the middleware, before the view
    with django_assert_num_queries(0):
        again = client.get(PROCEDURE_URL + "?utm_source=leaflet")

    assert plain.status_code == again.status_code == 200
    assert plain.content == again.content


def test_a_save_made_while_a_page_renders_sends_the_next_visitor_a_fresh_page():
    rendered: list[str] = []
    saves = iter([True, False])  # content is saved during the first rendering only

    def save_during_the_first_render(request):
        if next(saves):
            content_changed()

    served = PageCacheMiddleware(counted_view(rendered, save_during_the_first_render))
    factory = RequestFactory()

    served(factory.get("/a-page/"))
    second = served(factory.get("/a-page/"))
    third = served(factory.get("/a-page/"))

    assert len(rendered) == 2  # the first rendering was not served again: it may predate the save
    assert second.content == third.content == b"rendered 2"


def test_a_page_that_sets_the_csrf_cookie_is_not_kept():
    rendered: list[str] = []
    served = PageCacheMiddleware(CsrfViewMiddleware(counted_view(rendered, get_token)))
    factory = RequestFactory()

    answers = [served(factory.get("/a-form/")) for _ in range(2)]

    assert len(rendered) == 2
    assert all("csrftoken" in answer.cookies for answer in answers)  # each visitor gets a cookie of their own


def test_a_page_that_writes_to_the_session_is_not_kept():
    rendered: list[str] = []

    def remember(request):
        request.session["seen"] = True

    served = SessionMiddleware(PageCacheMiddleware(counted_view(rendered, remember)))
    factory = RequestFactory()

    answers = [served(factory.get("/a-page/")) for _ in range(2)]

    assert len(rendered) == 2
    assert all("sessionid" in answer.cookies for answer in answers)


@pytest.fixture
def cache_reads(monkeypatch) -> list[str]:
    """The page cache's reads of kept pages (core/rendered.py's store)."""
    reads: list[str] = []
    read = rendered.store_get

    def counted(key):
        reads.append(key)
        return read(key)

    monkeypatch.setattr(rendered, "store_get", counted)
    return reads


@pytest.mark.parametrize("path", ["/robots.txt", "/appointments/request/", "/no-such-page/"])
def test_an_address_that_is_no_kept_page_costs_the_cache_nothing_on_later_visits(client, cache_reads, path):
    client.get(path)
    assert len(cache_reads) == 1  # asked once

    client.get(path)

    assert len(cache_reads) == 1


def test_an_address_that_becomes_a_kept_page_is_answered_by_the_middleware_again():
    rendered: list[str] = []
    kept_page = counted_view(rendered)
    views = iter([lambda request: HttpResponse("not a kept page"), kept_page, kept_page])
    served = PageCacheMiddleware(lambda request: next(views)(request))
    factory = RequestFactory()

    first = served(factory.get("/a-page/"))  # remembered as no page to keep
    served(factory.get("/a-page/"))  # now a kept page: public_page looks it up, renders and marks it
    third = served(factory.get("/a-page/"))

    assert first.content == b"not a kept page"
    assert rendered == ["/a-page/"]
    assert third.content == b"rendered 1"  # from the cache, before any view
    assert next(views, None) is kept_page  # the third visit reached no view


def test_a_long_invented_address_is_not_remembered(client, cache_reads):
    path = "/" + "x" * 300 + "/"
    client.get(path)
    client.get(path)

    assert len(cache_reads) == 2  # asked each time: the list keeps only addresses a site could have


def test_a_gzipped_copy_never_carries_the_length_of_the_whole_page():
    @public_page()
    def long_page(request):
        return HttpResponse("A page long enough to be worth compressing. " * 20)

    served = PageCacheMiddleware(CommonMiddleware(long_page))  # CommonMiddleware sets Content-Length below it
    factory = RequestFactory()
    whole = served(factory.get("/a-page/"))

    gzipped = served(factory.get("/a-page/", HTTP_ACCEPT_ENCODING="gzip"))

    assert gzipped["Content-Encoding"] == "gzip"
    assert len(gzipped.content) < len(whole.content)
    assert gzipped.get("Content-Length") in (None, str(len(gzipped.content)))
