"""The filters of the staff's list of requests: when a request was received (today, more than a day, three days or
a week ago) and whether one of its emails failed or is still waiting. A value no link offers shows every request."""

import pytest

from appointments.models import RequestEmail

from .factories_requests import AppointmentRequestFactory, age
from .staff import ADMIN

pytestmark = pytest.mark.django_db


def listed(client, **params) -> set[str]:
    """The patients listed, in every status (the list opens on open requests only), with those filters."""
    response = client.get(ADMIN, {"status": "all", **params})
    assert response.status_code == 200
    return {r.last_name for r in response.context["cl"].result_list}


@pytest.fixture
def received(center_a, client, head_office):
    """Requests received just now, and two, five and ten days ago, listed for the head office."""
    client.force_login(head_office)
    for last_name, days in [("Now", 0), ("Two", 2), ("Five", 5), ("Ten", 10)]:
        age(AppointmentRequestFactory(center=center_a, last_name=last_name), days=days)


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("today", {"Now"}),
        ("older_1", {"Two", "Five", "Ten"}),
        ("older_3", {"Five", "Ten"}),
        ("older_7", {"Ten"}),
    ],
)
def test_each_received_option_lists_the_requests_of_that_age(client, received, option, expected):
    assert listed(client, received=option) == expected


@pytest.mark.parametrize("value", ["older_99", "yesterday", "", "1"])
def test_a_received_value_no_link_offers_is_ignored(client, received, value):
    assert listed(client, received=value) == {"Now", "Two", "Five", "Ten"}


def test_the_received_filter_offers_its_four_choices(client, received):
    response = client.get(ADMIN)
    (age_filter,) = [f for f in response.context["cl"].filter_specs if getattr(f, "parameter_name", "") == "received"]
    titles = [choice["display"] for choice in age_filter.choices(response.context["cl"])]
    assert titles == ["All", "Today", "More than a day ago", "More than 3 days ago", "More than a week ago"]


@pytest.fixture
def emailed(center_a, client, head_office):
    """One request whose email failed, one whose email waits, one whose emails were sent, and one with none."""
    client.force_login(head_office)
    for last_name, statuses in [
        ("Failed", [RequestEmail.Status.SENT, RequestEmail.Status.FAILED]),
        ("Waiting", [RequestEmail.Status.QUEUED, RequestEmail.Status.QUEUED]),
        ("Sent", [RequestEmail.Status.SENT]),
        ("Silent", []),
    ]:
        appointment_request = AppointmentRequestFactory(center=center_a, last_name=last_name)
        for status in statuses:
            RequestEmail.objects.create(
                request=appointment_request,
                center=center_a,
                kind=RequestEmail.Kind.CENTER_NEW,
                recipient="north@azura.example",
                status=status,
            )


def test_the_emails_filter_lists_requests_with_a_failed_email(client, emailed):
    assert listed(client, emails="failed") == {"Failed"}


def test_the_emails_filter_lists_each_request_with_waiting_emails_once(client, emailed):
    response = client.get(ADMIN, {"status": "all", "emails": "queued"})
    assert [r.last_name for r in response.context["cl"].result_list] == ["Waiting"]


def test_an_emails_value_no_link_offers_is_ignored(client, emailed):
    assert listed(client, emails="sent") == {"Failed", "Waiting", "Sent", "Silent"}
