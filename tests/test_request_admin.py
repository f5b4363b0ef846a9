"""The staff side of appointment requests: each center's staff see only their own center's requests, by any
admin URL; the status workflow with its history; notes; and the CSV export."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from appointments import services
from appointments.models import AppointmentRequest, RequestNote

from .factories_requests import AppointmentRequestFactory
from .staff import ADMIN, WORKER, change_form_data, csv_rows, export, make_staff, object_urls
from .support import clear_caches

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_caches()


@pytest.fixture
def request_a(center_a):
    return AppointmentRequestFactory(center=center_a, first_name="Alma", last_name="Northfield", phone="(512) 555-0101")


@pytest.fixture
def request_b(center_b):
    return AppointmentRequestFactory(center=center_b, first_name="Bruno", last_name="Southgate", phone="(512) 555-0202")


# --- Each center's staff see only their center's requests ----------------------------------------------------


def test_staff_see_only_their_centers_requests_in_the_list(client, staff_a, request_a, request_b):
    client.force_login(staff_a)
    response = client.get(ADMIN)
    content = response.content.decode()

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [request_a]
    assert request_a.reference in content
    assert request_b.reference not in content


def test_center_filter_lists_only_the_staff_members_centers(client, staff_a, request_a, request_b):
    client.force_login(staff_a)
    content = client.get(ADMIN).content.decode()
    assert "Azura North" in content
    assert "Azura South" not in content


@pytest.mark.parametrize("term", ["reference", "last_name", "phone"])
def test_search_does_not_find_another_centers_request(client, staff_a, request_a, request_b, term):
    client.force_login(staff_a)
    response = client.get(ADMIN, {"q": getattr(request_b, term)})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []
    content = response.content.decode()
    searched = getattr(request_b, term)  # echoed in the search box; nothing else of B's may show
    for value in (request_b.reference, request_b.last_name, request_b.first_name, request_b.phone):
        assert value == searched or value not in content


def test_search_finds_the_staff_members_own_request_by_reference(client, staff_a, request_a, request_b):
    client.force_login(staff_a)
    response = client.get(ADMIN, {"q": request_a.reference})
    assert list(response.context["cl"].result_list) == [request_a]


@pytest.mark.parametrize("view", ["change", "history", "history version", "delete"])
def test_staff_cannot_open_another_centers_request(client, staff_a, request_b, view):
    client.force_login(staff_a)
    response = client.get(object_urls(request_b)[view], follow=True)
    content = response.content.decode()

    assert response.status_code == 403, "must not show the page"
    assert "belongs to a center you do not work for" in content
    for secret in ("Southgate", "Bruno", "555-0202"):
        assert secret not in content


@pytest.mark.parametrize("view", ["change", "history", "history version", "delete"])
def test_staff_cannot_open_another_centers_request_directly(client, staff_a, request_b, view):
    client.force_login(staff_a)
    assert client.get(object_urls(request_b)[view]).status_code == 403


def test_staff_cannot_change_another_centers_request_by_posting(client, staff_a, staff_b_request_data, request_b):
    client.force_login(staff_a)
    response = client.post(object_urls(request_b)["change"], staff_b_request_data)
    assert response.status_code == 403
    request_b.refresh_from_db()
    assert request_b.status == AppointmentRequest.Status.NEW


@pytest.fixture
def staff_b_request_data(client, center_b, request_b):
    """The change form of B's request as B's own staff would send it, marking it contacted."""
    client.force_login(make_staff("bob", *WORKER, centers=[center_b]))
    data = change_form_data(client, object_urls(request_b)["change"], status="contacted")
    client.logout()
    return data


def test_staff_cannot_revert_another_centers_request_to_a_history_version(client, staff_a, request_b):
    client.force_login(staff_a)
    response = client.post(object_urls(request_b)["history version"], {"status": "closed"})
    assert response.status_code == 403
    request_b.refresh_from_db()
    assert request_b.status == AppointmentRequest.Status.NEW


@pytest.mark.parametrize("view", ["change", "history", "history version"])
def test_staff_can_open_their_own_centers_request(client, staff_a, request_a, view):
    client.force_login(staff_a)
    response = client.get(object_urls(request_a)[view])
    assert response.status_code == 200
    assert request_a.reference in response.content.decode()


def test_staff_may_move_a_request_only_to_their_own_centers(client, staff_a, request_a, center_b):
    client.force_login(staff_a)
    response = client.post(
        object_urls(request_a)["change"],
        change_form_data(client, object_urls(request_a)["change"], center=center_b.pk),
    )
    assert response.status_code == 200  # the form again, with an error
    request_a.refresh_from_db()
    assert request_a.center != center_b


def test_staff_with_every_center_see_every_request(client, head_office, request_a, request_b):
    client.force_login(head_office)
    response = client.get(ADMIN)
    assert set(response.context["cl"].result_list) == {request_a, request_b}
    for appointment_request in (request_a, request_b):
        assert client.get(object_urls(appointment_request)["change"]).status_code == 200
        assert client.get(object_urls(appointment_request)["history version"]).status_code == 200


def test_center_staff_group_is_enough_to_work_the_centers_requests(client, center_a, request_a, request_b):
    user = make_staff("grace", centers=[center_a])
    user.groups.add(Group.objects.get(name="Center staff"))
    client.force_login(user)

    assert list(client.get(ADMIN).context["cl"].result_list) == [request_a]
    url = object_urls(request_a)["change"]
    assert client.post(url, change_form_data(client, url, status="contacted")).status_code == 302
    assert client.get(object_urls(request_b)["change"]).status_code == 403
    assert "export_csv" not in offered_actions(client.get(ADMIN))


def test_staff_of_no_center_see_no_request(client, request_a, request_b):
    client.force_login(make_staff("newbie", *WORKER))
    assert list(client.get(ADMIN).context["cl"].result_list) == []


@pytest.mark.parametrize("view", ["list", "change", "history", "history version", "delete", "export"])
def test_anonymous_visitor_gets_the_login_page(client, request_a, view):
    if view == "export":
        response = export(client, request_a)
    else:
        url = ADMIN if view == "list" else object_urls(request_a)[view]
        response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert request_a.last_name not in client.get(response["Location"]).content.decode()


# --- CSV export ----------------------------------------------------------------------------------------------


def test_export_holds_only_the_staff_members_centers_rows(client, exporter_a, request_a, request_b):
    client.force_login(exporter_a)
    response = export(client, request_a, request_b)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    assert [row["Reference"] for row in csv_rows(response)] == [request_a.reference]


def test_export_of_everything_holds_only_the_staff_members_centers_rows(client, exporter_a, request_a, request_b):
    client.force_login(exporter_a)
    response = export(client, request_a, select_across=True)
    assert [row["Reference"] for row in csv_rows(response)] == [request_a.reference]


def test_export_of_every_center_for_head_office(client, head_office, request_a, request_b):
    client.force_login(head_office)
    rows = csv_rows(export(client, request_a, request_b))
    assert {row["Reference"] for row in rows} == {request_a.reference, request_b.reference}


def offered_actions(response) -> list[str]:
    action_form = response.context["action_form"]  # None when no action is offered at all
    return [value for value, _ in action_form.fields["action"].choices] if action_form else []


def test_export_action_is_not_offered_without_the_export_permission(client, staff_a, request_a):
    client.force_login(staff_a)
    response = client.get(ADMIN)
    assert "export_csv" not in offered_actions(response)
    assert "Export selected requests to CSV" not in response.content.decode()


def test_export_action_is_offered_with_the_export_permission(client, exporter_a, request_a):
    client.force_login(exporter_a)
    assert "export_csv" in offered_actions(client.get(ADMIN))


def test_export_cannot_be_forced_without_the_export_permission(client, staff_a, request_a):
    client.force_login(staff_a)
    response = export(client, request_a)
    assert not response.get("Content-Type", "").startswith("text/csv")
    # Back on the list, which shows the patient's name but not what only the export holds.
    assert request_a.phone not in response.content.decode()


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_export_neutralises_cells_that_a_spreadsheet_would_run_as_formulas(client, exporter_a, center_a, dangerous):
    appointment_request = AppointmentRequestFactory(center=center_a, first_name=dangerous, last_name=dangerous)
    client.force_login(exporter_a)
    (row,) = csv_rows(export(client, appointment_request))
    assert row["First name"] == "'" + dangerous
    assert row["Last name"] == "'" + dangerous
    assert row["Reference"] == appointment_request.reference  # ordinary values are untouched


def test_export_neutralises_a_formula_in_the_email_address(client, exporter_a, center_a):
    appointment_request = AppointmentRequestFactory(center=center_a, email="=1+2@example.com")
    client.force_login(exporter_a)
    (row,) = csv_rows(export(client, appointment_request))
    assert row["Email"] == "'=1+2@example.com"


# --- Status workflow, history and notes ----------------------------------------------------------------------


def test_closing_a_request_without_a_reason_is_rejected_with_a_message(client, staff_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    response = client.post(url, change_form_data(client, url, status="closed", closed_reason=""))

    assert response.status_code == 200
    assert "Choose why the request is closed." in response.content.decode()
    request_a.refresh_from_db()
    assert request_a.status == AppointmentRequest.Status.NEW


def test_closing_a_request_with_a_reason_is_saved(client, staff_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    response = client.post(url, change_form_data(client, url, status="closed", closed_reason="unreachable"))

    assert response.status_code == 302
    request_a.refresh_from_db()
    assert (request_a.status, request_a.closed_reason) == ("closed", "unreachable")


def test_status_change_in_the_admin_records_who_in_the_history_and_as_handler(client, staff_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    response = client.post(url, change_form_data(client, url, status="contacted"))

    assert response.status_code == 302
    request_a.refresh_from_db()
    assert request_a.status == AppointmentRequest.Status.CONTACTED
    assert request_a.handled_by == staff_a
    latest = request_a.history.latest()
    assert latest.status == AppointmentRequest.Status.CONTACTED
    assert latest.history_user == staff_a
    assert latest.history_type == "~"


def test_history_page_shows_who_changed_the_status(client, staff_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    client.post(url, change_form_data(client, url, status="contacted"))
    content = client.get(object_urls(request_a)["history"]).content.decode()
    assert "alice" in content


def test_status_change_service_records_who_and_keeps_the_first_handler(staff_a, request_a):
    colleague = make_staff("carol", *WORKER)
    services.appointment_request_change_status(appointment_request=request_a, status="contacted", by=staff_a)
    request_a.visit_at = timezone.now() + timedelta(days=3)  # "Scheduled" needs the visit's time
    services.appointment_request_change_status(appointment_request=request_a, status="scheduled", by=colleague)

    request_a.refresh_from_db()
    assert request_a.handled_by == staff_a
    users = [record.history_user for record in request_a.history.order_by("history_date", "history_id")]
    assert users[-2:] == [staff_a, colleague]
    assert [record.status for record in request_a.history.order_by("history_date", "history_id")][-2:] == [
        "contacted",
        "scheduled",
    ]


def test_status_change_service_refuses_to_close_without_a_reason(staff_a, request_a):
    with pytest.raises(ValidationError, match="reason"):
        services.appointment_request_change_status(appointment_request=request_a, status="closed", by=staff_a)
    request_a.refresh_from_db()
    assert request_a.status == AppointmentRequest.Status.NEW


def test_the_service_and_the_admin_refuse_a_close_without_a_reason_with_the_models_message(client, staff_a, request_a):
    with pytest.raises(ValidationError) as refused:
        services.appointment_request_change_status(appointment_request=request_a, status="closed", by=staff_a)
    (message,) = refused.value.message_dict["closed_reason"]

    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    response = client.post(url, change_form_data(client, url, status="closed", closed_reason=""))

    assert response.context["adminform"].form.errors["closed_reason"] == [message]
    assert "Constraint" not in response.content.decode()  # the model's rule answers, not the database's backstop
    request_a.refresh_from_db()
    assert request_a.status == AppointmentRequest.Status.NEW


def test_reopening_a_closed_request_clears_the_closed_reason(staff_a, request_a):
    services.appointment_request_change_status(
        appointment_request=request_a, status="closed", closed_reason="duplicate", by=staff_a
    )
    services.appointment_request_change_status(appointment_request=request_a, status="contacted", by=staff_a)
    request_a.refresh_from_db()
    assert (request_a.status, request_a.closed_reason) == ("contacted", "")


def test_note_is_saved_with_its_author(client, staff_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    response = client.post(url, change_form_data(client, url, **{"notes-0-text": "Left a voicemail at 10:05."}))

    assert response.status_code == 302
    note = RequestNote.objects.get()
    assert note.request == request_a
    assert note.text == "Left a voicemail at 10:05."
    assert note.author == staff_a


def test_saving_without_a_note_adds_no_empty_note(client, staff_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    assert client.post(url, change_form_data(client, url)).status_code == 302
    assert RequestNote.objects.count() == 0


def test_existing_notes_cannot_be_edited(client, staff_a, request_a):
    RequestNote.objects.create(request=request_a, author=staff_a, text="Called, no answer.")
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    data = change_form_data(client, url, **{"notes-0-text": "Rewritten history."})
    client.post(url, data)
    assert list(RequestNote.objects.values_list("text", flat=True)) == ["Called, no answer."]


def test_staff_cannot_add_requests_in_the_admin(client, head_office):
    client.force_login(head_office)
    assert client.get(f"{ADMIN}add/").status_code == 403
