"""Retention: requests are deleted, with their notes and history, a year after their last activity whatever
their status; open requests nobody touches are closed as "no response"; the history of requests deleted in
the admin goes too; --dry-run says what would happen and changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from appointments.models import AppointmentRequest, RequestNote

from .factories_requests import AppointmentRequestFactory, age

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.APPOINTMENT_RETENTION_DAYS = 365
    settings.APPOINTMENT_STALE_DAYS = 90


def run(*args) -> str:
    out = StringIO()
    call_command("purge_appointment_requests", *args, stdout=out)
    return out.getvalue()


def make(status: str, *, days: float, **fields) -> AppointmentRequest:
    return age(AppointmentRequestFactory(status=status, **fields), days=days)


def remaining() -> set[str]:
    return set(AppointmentRequest.objects.values_list("reference", flat=True))


@pytest.fixture
def requests_of_every_age():
    made = {
        "untouched_4000_days": make(Status.NEW, days=4000),
        "old_closed": make(Status.CLOSED, days=400),
        "old_spam": make(Status.SPAM, days=400),
        "old_contacted": make(Status.CONTACTED, days=400),
        "old_scheduled": make(Status.SCHEDULED, days=400),
        "stale_new": make(Status.NEW, days=120),
        "stale_contacted": make(Status.CONTACTED, days=100),
        "recent_new": make(Status.NEW, days=10),
        "recent_closed": make(Status.CLOSED, days=300),
    }
    RequestNote.objects.create(request=made["old_closed"], text="Declined on the phone.")
    return made


EXPIRED = {"untouched_4000_days", "old_closed", "old_spam", "old_contacted", "old_scheduled"}


def test_requests_untouched_past_the_retention_are_deleted_whatever_their_status(requests_of_every_age):
    output = run()
    assert remaining() == {r.reference for name, r in requests_of_every_age.items() if name not in EXPIRED}
    assert "Deleted 5 requests" in output
    assert RequestNote.objects.count() == 0


def test_deleted_requests_leave_no_history(requests_of_every_age):
    purged = [requests_of_every_age[name].pk for name in EXPIRED]
    run()
    assert list(AppointmentRequest.history.filter(id__in=purged).values_list("last_name", flat=True)) == []


def test_the_history_of_a_request_deleted_in_the_admin_is_purged(client, django_user_model):
    deleted = AppointmentRequestFactory(last_name="Goneaway")
    kept = AppointmentRequestFactory()
    client.force_login(django_user_model.objects.create_superuser("admin", "a@azura.example", "x-long-password-1"))
    response = client.post(f"/admin/appointments/appointmentrequest/{deleted.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert AppointmentRequest.history.filter(last_name="Goneaway").exists()

    output = run()

    assert not AppointmentRequest.history.filter(last_name="Goneaway").exists()
    assert kept.history.exists()
    assert "Removed the history of 1 requests deleted earlier" in output


def test_open_requests_without_activity_are_closed_as_no_response_and_recorded(requests_of_every_age):
    run()
    for name in ("stale_new", "stale_contacted"):
        stale = AppointmentRequest.objects.get(pk=requests_of_every_age[name].pk)
        assert (stale.status, stale.closed_reason) == (Status.CLOSED, "no_response"), name
        latest = stale.history.latest()
        assert latest.status == Status.CLOSED
        assert latest.history_user is None
        assert "No activity for 90 days" in latest.history_change_reason
    recent = AppointmentRequest.objects.get(pk=requests_of_every_age["recent_new"].pk)
    assert recent.status == Status.NEW


def test_closing_for_want_of_activity_is_not_activity(settings, requests_of_every_age):
    stale = requests_of_every_age["stale_new"]
    run()
    settings.APPOINTMENT_RETENTION_DAYS = 110  # a year later, as it were: 120 days since the patient's request
    run()
    assert stale.reference not in remaining()


def test_a_note_is_activity(requests_of_every_age, client):
    stale = requests_of_every_age["stale_new"]
    stale.notes.create(text="Called, left a message.")
    stale.save()  # the admin saves the request with its notes
    run()
    stale.refresh_from_db()
    assert stale.status == Status.NEW


def test_dry_run_prints_what_it_would_remove_and_changes_nothing(requests_of_every_age):
    history_rows = AppointmentRequest.history.count()

    output = run("--dry-run")

    assert remaining() == {r.reference for r in requests_of_every_age.values()}
    assert AppointmentRequest.history.count() == history_rows
    assert AppointmentRequest.objects.filter(status=Status.NEW).count() == 3
    assert "Would delete 5 requests" in output
    assert "Would close 2 requests" in output
    for name in EXPIRED:
        assert f"delete {requests_of_every_age[name].reference}" in output
    assert f"close {requests_of_every_age['stale_new'].reference}" in output
    assert requests_of_every_age["recent_new"].reference not in output


def test_retention_can_be_given_on_the_command_line(requests_of_every_age):
    output = run("--days", "200")
    assert "Deleted 6 requests" in output
    assert requests_of_every_age["recent_closed"].reference not in remaining()


def test_nothing_to_do_says_so():
    make(Status.NEW, days=1)
    output = run()
    assert "Deleted 0 requests" in output
    assert "Closed 0 requests" in output
    assert AppointmentRequest.objects.count() == 1
