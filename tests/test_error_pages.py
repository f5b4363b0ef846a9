"""The 500 page renders when everything behind it has failed: no database, no static manifest, no context processors,
no compiled catalogue. One template for both languages, filled with the words of the address's language by plain
variable substitution (azura_site/server_error_words.py)."""

import pytest
from django.template import engines
from django.template.base import Lexer, TokenType
from django.test import Client, RequestFactory
from django.urls import path

from azura_site import server_error_words
from azura_site import urls as site_urls
from azura_site.views import server_error

from .html import attr, attrs, find_all, find_one, parse, text


@pytest.fixture
def broken_everything(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"  # no manifest: {% static %} would raise
    settings.LOCALE_PATHS = []  # no catalogue of ours: words from gettext would stay English
    # and no database: this test is not allowed one (no django_db mark), so a query would fail it


@pytest.mark.parametrize(("address", "heading"), [("/fails/", "Sorry"), ("/es/fails/", "Lo sentimos")])
def test_the_500_page_renders_without_database_manifest_or_catalogue(broken_everything, address, heading):
    html = server_error(RequestFactory().get(address)).content.decode()  # rendered as Django's view does: no request

    assert heading in html
    assert 'href="/static/css/site.css"' in html
    assert "{" not in html  # no tag, variable or comment left unrendered (a comment over several lines would be)


def test_the_500_page_is_plain_substitution_of_every_word_of_both_languages():
    tokens = Lexer(engines["django"].get_template("500.html").template.source).tokenize()
    variables = {token.contents for token in tokens if token.token_type == TokenType.VAR}

    assert not [token.contents for token in tokens if token.token_type == TokenType.BLOCK]  # no tags: no extends
    assert all(variable.isidentifier() for variable in variables)  # no filters, no lookups: {{ word }} only
    assert set(server_error_words.ENGLISH) == variables
    assert set(server_error_words.SPANISH) == variables


def fail(request):
    raise RuntimeError("a bug")


urlpatterns = [path("fails/", fail), path("es/fails/", fail), path("es", fail)]  # "/es": Spanish too
handler500 = site_urls.handler500  # the site's own handler, not Django's (which would give the page no words)

# Each part of the page in English and in Spanish, side by side.
PARTS = {
    "lang": ("en", "es"),
    "title": ("Something went wrong | Azura Vascular Care", "Algo salió mal | Azura Vascular Care"),
    "skip link": (("#main", "Skip to main content"), ("#main", "Saltar al contenido principal")),
    "switch": (
        ({"class": "language-switch", "href": "/es/", "lang": "es", "hreflang": "es"}, "Español"),
        ({"class": "language-switch", "href": "/", "lang": "en", "hreflang": "en"}, "English"),
    ),
    "brand": (
        ("/", "Azura Vascular Care Interventional Pain Management"),
        ("/es/", "Azura Vascular Care Tratamiento intervencionista del dolor"),
    ),
    "heading": ("Sorry, something went wrong on our side", "Lo sentimos, algo salió mal de nuestro lado"),
    "paragraphs": (
        [
            "Please try again in a few minutes. If you were sending us a request, it may not have reached us: the"
            " center’s phone number is on its page in Find a center .",
            "If you have a medical emergency, call 911.",
            "Go to the home page",
        ],
        [
            "Por favor, vuelva a intentarlo en unos minutos. Si nos estaba enviando una solicitud, es posible que no"
            " nos haya llegado: el teléfono del centro está en su página, en Buscar un centro .",
            "Si tiene una emergencia médica, llame al 911.",
            "Ir a la página de inicio",
        ],
    ),
    "main links": (
        {"/centers/": "Find a center", "/": "Go to the home page"},
        {"/es/centers/": "Buscar un centro", "/es/": "Ir a la página de inicio"},
    ),
    "footer label": ("Footer", "Pie de página"),
    "marked languages": (
        [("es", "Español"), ("es", "Ayuda con el idioma")],
        [("en", "English"), ("en", "Language assistance")],
    ),
}
# The footer's links: the address (the Spanish page's is the same under /es/), the English and the Spanish words.
FOOTER_LINKS = [
    ("/nondiscrimination/", "Nondiscrimination", "No discriminación"),
    (
        "/nondiscrimination/#language-assistance",
        "Language assistance / Ayuda con el idioma",
        "Ayuda con el idioma / Language assistance",
    ),
    ("/good-faith-estimate/", "Good Faith Estimate", "Estimado de buena fe"),
    ("/privacy-practices/", "Notice of Privacy Practices", "Aviso de prácticas de privacidad"),
    (
        "/privacy/#consumer-health-data",
        "Consumer health data privacy policy",
        "Política de privacidad de datos de salud del consumidor",
    ),
]
ENGLISH_PAGE = {part: words[0] for part, words in PARTS.items()} | {
    "footer links": {address: english for address, english, _ in FOOTER_LINKS}
}
SPANISH_PAGE = {part: words[1] for part, words in PARTS.items()} | {
    "footer links": {f"/es{address}": spanish for address, _, spanish in FOOTER_LINKS}
}


@pytest.mark.parametrize(
    ("address", "expected"),
    [("/fails/", ENGLISH_PAGE), ("/es/fails/", SPANISH_PAGE), ("/es", SPANISH_PAGE)],
)
def test_a_server_error_answers_with_the_whole_500_page_in_the_language_of_the_address(settings, address, expected):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get(address)

    assert response.status_code == 500
    root = parse(response)
    skip, brand = find_one(root, "a", **{"class": "skip-link"}), find_one(root, "a", **{"class": "brand"})
    switch = find_one(root, "a", **{"class": "language-switch"})
    main, nav = find_one(root, "main"), find_one(find_one(root, "footer"), "nav")
    page = {
        "lang": attr(root, "lang") if root.name == "html" else None,  # the one root: nothing before <html>
        "title": text(find_one(root, "title")),
        "skip link": (attr(skip, "href"), text(skip)),
        "switch": (attrs(switch), text(switch)),
        "brand": (attr(brand, "href"), text(brand)),
        "heading": text(find_one(main, "h1")),
        "paragraphs": [text(paragraph) for paragraph in find_all(main, "p")],
        "main links": {attr(link, "href"): text(link) for link in find_all(main, "a")},
        "footer label": attr(nav, "aria-label"),
        "footer links": {attr(link, "href"): text(link) for link in find_all(nav, "a")},
        "marked languages": [  # the other language's words, inside the page
            (attr(element, "lang"), text(element))
            for element in find_all(find_one(root, "body"), None)
            if attr(element, "lang")
        ],
    }
    assert page == expected
