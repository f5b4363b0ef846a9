"""The privacy notice says how long a request is kept as the purge does it (appointments/retention.py): any request,
whatever its status, goes a set number of days after its last change, and an open one is closed before that."""

import pytest

from .html import find_all, find_one, parse, text

pytestmark = pytest.mark.django_db


def kept(client) -> str:
    """The paragraph under "How long we keep it"."""
    main = find_one(parse(client.get("/privacy/")), "main")
    return next(text(p) for p in find_all(main, "p") if text(p).startswith("We delete a request"))


def test_the_notice_says_what_the_purge_does(client):
    assert kept(client) == (
        "We delete a request, with its notes and its history, 365 days after it last changed (a new status, a "
        "note, new details), whatever its status. A request still open 90 days after its last change is closed as "
        "“no response” before that."
    )
    assert "Closed requests are deleted after one year" not in client.get("/privacy/").content.decode()


def test_the_notice_follows_the_settings(client, settings):
    settings.APPOINTMENT_RETENTION_DAYS, settings.APPOINTMENT_STALE_DAYS = 730, 30
    assert kept(client).startswith("We delete a request, with its notes and its history, 730 days after")
    assert "open 30 days after its last change" in kept(client)


def test_the_request_forms_copy_of_the_notice_says_the_same_in_spanish(client):
    page = text(parse(client.get("/es/appointments/request/")))
    assert "Eliminamos una solicitud, con sus notas y su historial, 365 días después de su último cambio" in page
    assert "Una solicitud que sigue abierta 90 días después de su último cambio" in page
