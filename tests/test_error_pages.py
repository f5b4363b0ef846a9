"""The 500 page renders when everything behind it has failed: no database, no static manifest, no context."""

import pytest
from django.template import engines
from django.test import Client
from django.urls import path

from .html import find_one, parse


@pytest.fixture
def broken_everything(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/nonexistent-static-root"  # no manifest: {% static %} would raise
    # and no database: this test is not allowed one (no django_db mark), so a query would fail it


def test_the_500_page_renders_without_database_manifest_or_context(broken_everything):
    html = engines["django"].get_template("500.html").render()  # as Django's server_error view does: no request
    assert "Sorry, something went wrong on our side" in html
    assert 'href="/static/css/site.css"' in html
    assert "{%" not in html


def fail(request):
    raise RuntimeError("a bug")


urlpatterns = [path("fails/", fail)]


def test_a_server_error_answers_with_the_500_page(settings):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/fails/")
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.content.decode()
    assert find_one(parse(response), "html").attributes == [("lang", "en")]
