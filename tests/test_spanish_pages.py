"""The public pages in Spanish: lang="es", the switch to the same page in the other language on every page, hreflang
alternates, Spanish words, dates and times, error pages (the standalone 500 too) and the sitemap in both languages."""

import datetime as dt
from xml.etree import ElementTree

import pytest
from django.test import Client, RequestFactory
from django.urls import path

from azura_site.views import server_error
from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, weekday_hours
from .html import attr, find_all, find_one, has_class, parse, text

pytestmark = pytest.mark.django_db

SITE_URL = "https://azura.example"
PAGES = [
    "/",
    "/pain-management/",
    "/pain-management/kyphoplasty/",
    "/centers/",
    "/centers/?q=78701",
    "/physicians/",
    "/appointments/request/",
    "/nondiscrimination/",
    "/good-faith-estimate/",
    "/privacy/",
]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def center():
    center = CenterFactory(
        name="Azura Cedar Park", place=PLACES["78701"], procedures=list(Procedure.objects.published())
    )
    weekday_hours(center, dt.time(8), dt.time(17))
    PracticeFactory(center=center, physician=PhysicianFactory(first_name="Avery", last_name="Okafor"))
    return center


def switch(page) -> dict:
    (link,) = [link for link in find_all(page, "a") if has_class(link, "language-switch")]
    return {"href": attr(link, "href"), "lang": attr(link, "lang"), "text": text(link)}


def alternates(page) -> dict:
    return {attr(link, "hreflang"): attr(link, "href") for link in find_all(page, "link", rel="alternate")}


@pytest.mark.parametrize("address", PAGES)
def test_every_spanish_page_says_it_is_spanish_and_links_to_its_english(client, address):
    response = client.get("/es" + address)
    page = parse(response)

    assert '<html lang="es">' in response.content.decode()
    assert switch(page) == {"href": address, "lang": "en", "text": "English"}
    assert "Saltar al contenido principal" in text(page)


@pytest.mark.parametrize("address", PAGES)
def test_every_english_page_links_to_its_spanish(client, address):
    response = client.get(address)
    page = parse(response)

    assert '<html lang="en">' in response.content.decode()
    assert switch(page) == {"href": "/es" + address, "lang": "es", "text": "Español"}


def test_the_switch_carries_the_search_but_nothing_else_from_the_address(client):
    page = parse(client.get("/centers/?q=78701&radius=25&utm_source=mail&fbclid=x"))

    assert switch(page)["href"] == "/es/centers/?q=78701&radius=25"


@pytest.mark.parametrize("address", ["/", "/centers/", "/pain-management/kyphoplasty/"])
def test_both_languages_name_each_other_and_english_as_the_default(client, address):
    expected = {"en": SITE_URL + address, "es": SITE_URL + "/es" + address, "x-default": SITE_URL + address}

    assert alternates(parse(client.get(address))) == expected
    assert alternates(parse(client.get("/es" + address))) == expected
    canonical = find_one(parse(client.get("/es" + address)), "link", rel="canonical")
    assert attr(canonical, "href") == SITE_URL + "/es" + address


def test_the_staff_sign_in_has_no_spanish_page(client):
    page = client.get("/admin/login/").content.decode()

    assert "hreflang" not in page
    assert 'class="language-switch"' not in page


def test_a_center_page_in_spanish_says_its_hours_in_spanish_with_the_12_hour_clock(client, center):
    page = parse(client.get("/es" + center.get_absolute_url()))

    (table,) = [table for table in find_all(page, "table") if has_class(table, "hours")]
    hours = text(table)
    assert "Horario en la hora local del centro (hora central)" in hours
    assert "Lunes" in hours
    assert "8:00 a.m. – 5:00 p.m." in hours
    assert "Sábado Cerrado" in hours
    assert "Médicos en este centro" in text(page)


def test_a_spanish_date_is_written_the_spanish_way(client):
    Procedure.objects.filter(slug="kyphoplasty").update(last_published_at=dt.datetime(2027, 1, 5, 17, tzinfo=dt.UTC))

    page = text(parse(client.get("/es/pain-management/kyphoplasty/")))

    assert "Última actualización: 5 de enero de 2027" in page


def test_locator_results_are_counted_and_measured_in_spanish(client, center):
    page = text(parse(client.get("/es/centers/", {"q": center.zip_code, "radius": "any"})))

    assert f"1 centro más cercano a {center.zip_code}" in page
    assert "Pedir una cita" in page
    assert "Detalles del centro" in page


def test_a_place_that_cannot_be_read_is_explained_in_spanish(client):
    response = client.get("/es/centers/", {"q": "99999"})

    assert response.status_code == 400
    assert "No conocemos el código postal 99999" in text(parse(response))


def test_the_breadcrumb_structured_data_is_in_the_pages_language(client):
    html = client.get("/es/centers/").content.decode()

    assert '"name": "Inicio"' in html
    assert '"name": "Buscar un centro"' in html
    assert f'"item": "{SITE_URL}/es/centers/"' in html


def test_a_missing_spanish_page_answers_in_spanish(client):
    response = client.get("/es/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="es">' in response.content.decode()
    assert text(find_one(parse(response), "h1")) == "No encontramos esa página"


def test_the_500_page_renders_in_spanish_without_database_manifest_or_context():
    html = server_error(RequestFactory().get("/es/fails/")).content.decode()  # as Django renders it: no request

    assert '<html lang="es">' in html
    assert "Lo sentimos, algo salió mal de nuestro lado" in html
    assert '<a class="language-switch" href="/" lang="en" hreflang="en">English</a>' in html
    assert "{" not in html  # the whole page: tests/test_error_pages.py


def fail(request):
    raise RuntimeError("a bug")


urlpatterns = [path("fails/", fail), path("es/fails/", fail)]
handler500 = "azura_site.views.server_error"


@pytest.mark.parametrize(("address", "heading"), [("/es/fails/", "Lo sentimos"), ("/fails/", "Sorry")])
def test_a_server_error_answers_in_the_language_of_the_address(settings, address, heading):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get(address)

    assert response.status_code == 500
    assert heading in response.content.decode()


def test_the_sitemap_lists_each_page_in_both_languages_with_its_alternates(client, center):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own response)
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("sm:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", ns)}
        for url in root.findall("sm:url", ns)
    }
    address = center.get_absolute_url()

    assert SITE_URL + address in entries
    assert SITE_URL + "/es" + address in entries
    assert entries[SITE_URL + "/es" + address] == {
        "en": SITE_URL + address,
        "es": SITE_URL + "/es" + address,
        "x-default": SITE_URL + address,
    }
