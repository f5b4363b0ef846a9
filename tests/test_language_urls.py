"""Languages in the addresses: English pages keep today's addresses, Spanish ones live under /es/, staff and machine
addresses have no prefix, and the page cache never serves a page in the other language."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from core.pagecache import PageCacheMiddleware, public_page

from .support import PATIENT_PAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_english_pages_keep_their_addresses_and_spanish_ones_are_under_es(client, path):
    english = client.get(path)
    spanish = client.get("/es" + path)

    assert english.status_code == 200
    assert english["Content-Language"] == "en"
    assert spanish.status_code == 200
    assert spanish["Content-Language"] == "es"


def test_reverse_gives_the_address_in_the_active_language():
    assert reverse("appointments:locator") == "/centers/"
    with translation.override("es"):
        assert reverse("appointments:locator") == "/es/centers/"


def test_the_address_decides_the_language_not_the_browser(client):
    response = client.get("/centers/", headers={"accept-language": "es-MX,es;q=0.9"})

    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_an_english_address_with_an_en_prefix_is_not_a_page(client):
    assert client.get("/en/centers/").status_code == 404


@pytest.mark.parametrize("path", ["/admin/login/", "/healthz/", "/robots.txt", "/sitemap.xml"])
def test_staff_and_machine_addresses_have_no_language_prefix(client, path):
    assert client.get(path).status_code == 200
    assert client.get("/es" + path).status_code == 404


def test_the_page_cache_keeps_each_language_apart_even_at_one_address(settings):
    """The key holds the language itself, not only the path: one address rendered in two languages is two entries."""
    settings.PAGE_CACHE_SECONDS = 600
    rendered = []

    @public_page()
    def view(request):
        rendered.append(translation.get_language())
        return HttpResponse(translation.get_language())

    served = PageCacheMiddleware(view)  # it stores what public_page marks, and answers from the cache
    factory = RequestFactory()
    answers = []
    for language in ["en", "es", "en", "es"]:
        with translation.override(language):
            answers.append(served(factory.get("/same-address/")).content.decode())

    assert answers == ["en", "es", "en", "es"]
    assert rendered == ["en", "es"]


def test_english_and_spanish_pages_are_cached_apart(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    english = client.get("/pain-management/")
    spanish = client.get("/es/pain-management/")
    english_again = client.get("/pain-management/")

    assert english["Content-Language"] == english_again["Content-Language"] == "en"
    assert spanish["Content-Language"] == "es"
    assert english_again.content == english.content


@pytest.mark.parametrize("page_cache_seconds", [0, 600])
def test_a_browser_asking_for_spanish_gets_the_english_page_at_an_english_address(client, settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    client.get("/pain-management/")  # kept by the page cache, when it is on

    response = client.get("/pain-management/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/pain-management/kyphoplasty/", "/es/pain-management/kyphoplasty/", "/centers/"]
)
def test_pages_do_not_vary_on_the_browser_language_since_the_address_names_it(client, path):
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")

    varies_on = [name.strip().lower() for name in response["Vary"].split(",")]
    assert "accept-language" not in varies_on
    assert {"cookie", "accept-encoding"} <= set(varies_on)  # what the page does vary on is still said
