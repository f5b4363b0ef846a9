"""The privacy notice says what the site counts and what it never keeps, in English and Spanish, with the months the
counters are kept as the setting gives them (issue 25)."""

import pytest

from .html import parse, text

pytestmark = pytest.mark.django_db


def notice(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return " ".join(text(parse(response)).split())


def test_the_notice_says_what_is_counted_and_what_never_is(client, settings):
    settings.INSIGHT_RETENTION_MONTHS = 25
    page = notice(client, "/privacy/")
    assert "What we count, and what we never keep" in page
    assert "the first three digits of the ZIP code" in page
    assert "they hold no IP address, no cookie or other identifier, and nothing you type" in page
    assert "We delete these counts after 25 months." in page
    assert "no advertising, no third-party analytics" in page
    assert "no analytics" not in page  # no longer true: the site counts, itself


def test_the_spanish_notice_says_it_too(client, settings):
    settings.INSIGHT_RETENTION_MONTHS = 1
    page = notice(client, "/es/privacy/")
    assert "Lo que contamos, y lo que nunca guardamos" in page
    assert "no contienen ninguna dirección IP" in page
    assert "Borramos estos totales después de 1 mes." in page
