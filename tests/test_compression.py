"""Pages travel compressed to a browser that accepts gzip (a phone on a slow line gets the 22 KB request form as
a few KB), and whole to one that does not; a page from the page cache and a form sent back with errors too."""

import gzip

import pytest

from .factories_requests import form_data

pytestmark = pytest.mark.django_db


GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def unzipped(response) -> str:
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    return gzip.decompress(response.content).decode()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "Azura Vascular Care"),
        ("/pain-management/kyphoplasty/", "Kyphoplasty"),
        ("/centers/?q=78701", "Azura Cedar Park"),
        ("/appointments/request/", 'name="csrfmiddlewaretoken"'),
    ],
)
def test_a_page_is_sent_gzip_compressed_to_a_browser_that_accepts_it(client, center, url, expected):
    response = client.get(url, **GZIP)

    assert response.status_code == 200
    assert expected in unzipped(response)
    assert len(response.content) < len(unzipped(response)) / 2


@pytest.mark.parametrize("url", ["/pain-management/kyphoplasty/", "/centers/?q=78701"])
def test_a_page_from_the_page_cache_is_sent_compressed_or_whole_as_each_browser_asks(client, center, settings, url):
    settings.PAGE_CACHE_SECONDS = 600
    whole = client.get(url)  # rendered and kept

    compressed = client.get(url, **GZIP)
    whole_again = client.get(url)

    assert unzipped(compressed) == whole.content.decode() == whole_again.content.decode()
    assert not whole_again.has_header("Content-Encoding")
    assert compressed["ETag"] == "W/" + whole_again["ETag"]
    assert int(compressed["Content-Length"]) == len(compressed.content)


def test_a_page_from_the_page_cache_is_compressed_once_when_kept(client, center, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/pain-management/kyphoplasty/", **GZIP)  # rendered, compressed on its way out, and kept
    first = client.get("/pain-management/kyphoplasty/", **GZIP)

    again = client.get("/pain-management/kyphoplasty/", **GZIP)

    assert again.content == first.content  # the same bytes, padding and all: not compressed afresh
    assert client.get("/pain-management/kyphoplasty/", HTTP_IF_NONE_MATCH=first["ETag"], **GZIP).status_code == 304


def test_a_browser_that_does_not_accept_gzip_gets_the_page_whole(client, center):
    response = client.get("/appointments/request/")

    assert not response.has_header("Content-Encoding")
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_a_form_sent_back_with_errors_is_compressed_and_keeps_the_answers(client, center, settings):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0
    data = form_data(center, phone="not a phone", first_name="Marguerite", client=client)

    redirect = client.post("/appointments/request/", data, **GZIP)  # back to the form, with its problems
    html = unzipped(client.get(redirect["Location"], **GZIP))

    assert 'value="Marguerite"' in html
    assert "error_1_id_phone" in html


def test_a_browser_revalidating_a_compressed_page_gets_not_modified(client, center):
    first = client.get("/pain-management/kyphoplasty/", **GZIP)
    assert first["ETag"].startswith('W/"')  # compressed: the same page, not the same bytes

    again = client.get("/pain-management/kyphoplasty/", HTTP_IF_NONE_MATCH=first["ETag"], **GZIP)

    assert again.status_code == 304
