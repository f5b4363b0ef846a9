"""Every response carries the security headers, the ones the site answers before any view included: the 400 for a
NUL byte, the 400 for an unknown host, a static file, a server error."""

import pytest
from django.test import Client

from .test_security_headers import assert_security_headers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/%00/", "/pain-management/%00kyphoplasty/", "/admin/?q=%00"])
def test_the_400_for_a_nul_byte_sends_the_security_headers(client, admin_client, path):
    response = (admin_client if path.startswith("/admin/") else client).get(path)

    assert response.status_code == 400
    assert_security_headers(response)


def test_the_400_for_an_unknown_host_sends_the_security_headers():
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert_security_headers(response)


def test_a_server_error_sends_the_security_headers(monkeypatch):
    from azura_site import views

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.ServiceLine.objects, "published", broken)

    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert_security_headers(response)
