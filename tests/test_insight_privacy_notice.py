"""The privacy notice says what the site counts and what it never keeps, in English and Spanish, with the months the
counters are kept as the setting gives them (issue 25)."""

import pytest

from .html import parse, text
from .support import not_said

pytestmark = pytest.mark.django_db


def notice(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return " ".join(text(parse(response)).split())


@pytest.mark.parametrize(
    ("address", "months", "said"),
    [
        (
            "/privacy/",
            25,
            [
                "What we count, and what we never keep",
                "the first three digits of the ZIP code",
                "they hold no IP address, no cookie or other identifier, and nothing you type",
                "We delete these counts after 25 months.",
                "no advertising, no third-party analytics",
            ],
        ),
        (
            "/es/privacy/",
            1,  # one month: the singular
            [
                "Lo que contamos, y lo que nunca guardamos",
                "no contienen ninguna dirección IP",
                "Borramos estos totales después de 1 mes.",
            ],
        ),
    ],
    ids=["english", "spanish"],
)
def test_the_notice_says_what_is_counted_and_what_never_is(client, settings, address, months, said):
    settings.INSIGHT_RETENTION_MONTHS = months
    page = notice(client, address)
    assert not_said(page, *said) == []


def test_the_notice_no_longer_says_the_site_has_no_analytics(client):
    assert "no analytics" not in notice(client, "/privacy/")  # no longer true: the site counts, itself
