"""Page weight in a real browser: few requests, nothing from another origin, a small compressed transfer, no web
fonts, and images below the fold that wait until they are needed."""

from urllib.parse import urlsplit

import pytest

from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, weekday_hours
from .page_weight import (
    MAX_COMPRESSED_BYTES,
    MAX_OTHER_PAGE_REQUESTS,
    MAX_PROCEDURE_REQUESTS,
    PROCEDURE_PATH,
    describe,
    load,
)
from .support import AT_EACH_WIDTH, BROWSER

pytestmark = BROWSER


@pytest.fixture
def network():
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    centers = [
        CenterFactory(name="Azura Congress Avenue", place=PLACES["78701"], procedures=[kyphoplasty]),
        CenterFactory(name="Azura South Austin", place=PLACES["78704"], procedures=[kyphoplasty]),
        CenterFactory(name="Azura Cedar Park", place=PLACES["78613"]),
    ]
    for center in centers:
        weekday_hours(center)
    physician = PhysicianFactory(first_name="Avery", last_name="Okafor", procedures=[kyphoplasty])
    PracticeFactory(physician=physician, center=centers[0])
    return centers


# --- The procedure page --------------------------------------------------------------------------------------


def test_procedure_page_makes_few_requests(live_server, page):
    loaded = load(page, live_server.url + PROCEDURE_PATH)

    assert len(loaded.requests) <= MAX_PROCEDURE_REQUESTS, describe(loaded)


def test_procedure_page_loads_nothing_from_another_origin(live_server, page):
    origin = urlsplit(live_server.url)

    loaded = load(page, live_server.url + PROCEDURE_PATH)

    assert loaded.requests
    for url in loaded.urls:
        parts = urlsplit(url)
        if parts.scheme == "data":
            continue
        assert (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc), f"request to another origin: {url}"


def test_procedure_page_compressed_weighs_at_most_60_kb(live_server, page):
    loaded = load(page, live_server.url + PROCEDURE_PATH)

    sizes = loaded.compressed_bytes()

    assert live_server.url + PROCEDURE_PATH in sizes
    total = sum(sizes.values())
    assert total <= MAX_COMPRESSED_BYTES, f"{total} bytes compressed: {sizes}"


def test_procedure_page_requests_no_web_fonts(live_server, page):
    loaded = load(page, live_server.url + PROCEDURE_PATH)

    fonts = [request.url for request in loaded.requests if request.resource_type == "font"]
    assert fonts == []
    assert not [url for url in loaded.urls if urlsplit(url).path.endswith((".woff", ".woff2", ".ttf", ".otf"))]
    families = page.evaluate("() => [...document.fonts].map(font => font.family)")
    assert families == [], f"@font-face rules: {families}"


def images_below_the_fold(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('img')]
            .filter(img => img.getBoundingClientRect().top + window.scrollY >= window.innerHeight)
            .map(img => ({
                src: img.getAttribute('src'),
                loading: img.getAttribute('loading'),
                width: img.getAttribute('width'),
                height: img.getAttribute('height'),
            }))"""
    )


@AT_EACH_WIDTH
def test_images_below_the_fold_are_lazy_and_sized(live_server, page, network, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in [PROCEDURE_PATH, "/", "/centers/?q=78701", network[0].get_absolute_url(), "/physicians/"]:
        load(page, live_server.url + path)

        for image in images_below_the_fold(page):
            assert image["loading"] == "lazy", f"{path}: {image}"
            assert image["width"], f"{path}: {image}"
            assert image["height"], f"{path}: {image}"


# --- Other pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/centers/?q=78701"])
def test_page_makes_at_most_ten_requests(live_server, page, network, path):
    loaded = load(page, live_server.url + path)

    assert len(loaded.requests) <= MAX_OTHER_PAGE_REQUESTS, describe(loaded)
    if "?q=" in path:
        assert page.locator(".result-list .result").count() == 3  # the page did show its results
    origin = urlsplit(live_server.url).netloc
    assert all(urlsplit(url).netloc == origin for url in loaded.urls), describe(loaded)
    assert sum(loaded.compressed_bytes().values()) <= MAX_COMPRESSED_BYTES
