"""What staff need day to day in the admin: assigning a request only to its center's staff, finding a request by
phone or part of its reference, a CSV that Excel reads well, and the history of every part of a procedure page."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from appointments.models import AppointmentRequest
from procedures.models import ComparisonRow, ListItem, Procedure, Section

from .factories_requests import AppointmentRequestFactory
from .staff import ADMIN, WORKER, change_form_data, csv_rows, export, make_staff, object_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_a(center_a):
    return AppointmentRequestFactory(
        center=center_a, reference="AZ-QGUR-PKAW", first_name="Alma", last_name="Northfield", phone="+15125550123"
    )


@pytest.fixture
def request_b(center_b):
    return AppointmentRequestFactory(center=center_b, first_name="Bruno", last_name="Southgate", phone="+15125550123")


def handler_choices(client, appointment_request) -> set[str]:
    form = client.get(object_urls(appointment_request)["change"]).context["adminform"].form
    return {user.username for user in form.fields["handled_by"].queryset}


# --- "Handled by" offers only the request's own center's staff -----------------------------------------------


def test_center_staff_may_assign_a_request_only_to_active_staff_of_its_center(
    client, staff_a, colleague_a, staff_b, request_a
):
    gone = make_staff("gone", *WORKER, centers=[request_a.center])
    gone.is_active = False
    gone.save()
    not_staff = get_user_model().objects.create_user("patient-portal", "p@azura.example", "x-long-password-1")
    request_a.center.staff.add(not_staff)
    client.force_login(staff_a)

    assert handler_choices(client, request_a) == {"alice", "anna"}


def test_center_staff_cannot_assign_a_request_to_another_centers_staff_by_posting(client, staff_a, staff_b, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    response = client.post(url, change_form_data(client, url, handled_by=staff_b.pk))

    assert response.status_code == 200  # the form again, with an error
    request_a.refresh_from_db()
    assert request_a.handled_by is None


def test_center_staff_can_assign_a_request_to_a_colleague(client, staff_a, colleague_a, request_a):
    client.force_login(staff_a)
    url = object_urls(request_a)["change"]
    assert client.post(url, change_form_data(client, url, handled_by=colleague_a.pk)).status_code == 302
    request_a.refresh_from_db()
    assert request_a.handled_by == colleague_a


def test_staff_who_see_every_center_may_assign_to_any_active_staff(client, head_office, staff_a, staff_b, request_a):
    get_user_model().objects.create_user("gone", "g@azura.example", "x-long-password-1", is_staff=True, is_active=False)
    client.force_login(head_office)
    assert handler_choices(client, request_a) == {"hq", "alice", "bob"}


def test_the_current_handler_stays_a_choice_so_saving_keeps_them(client, staff_a, head_office, request_a):
    AppointmentRequest.objects.filter(pk=request_a.pk).update(handled_by=head_office)
    client.force_login(staff_a)
    assert handler_choices(client, request_a) == {"alice", "hq"}

    url = object_urls(request_a)["change"]
    assert client.post(url, change_form_data(client, url)).status_code == 302
    request_a.refresh_from_db()
    assert request_a.handled_by == head_office


# --- Search, the patient column and the phone link -----------------------------------------------------------


@pytest.mark.parametrize("term", ["5125550123", "512-555-0123", "512.555.0123", "+1 512 555 0123", "(512) 555-0123"])
def test_search_finds_a_phone_number_however_it_is_typed(client, staff_a, request_a, request_b, term):
    client.force_login(staff_a)
    response = client.get(ADMIN, {"q": term})
    assert list(response.context["cl"].result_list) == [request_a]  # B's request has the same number: not shown


def test_phone_search_finds_every_center_for_head_office(client, head_office, request_a, request_b):
    client.force_login(head_office)
    response = client.get(ADMIN, {"q": "5125550123"})
    assert set(response.context["cl"].result_list) == {request_a, request_b}


@pytest.mark.parametrize("term", ["5125550199", "512555012", "555-0123x"])
def test_search_by_another_number_finds_nothing(client, staff_a, request_a, term):
    client.force_login(staff_a)
    assert list(client.get(ADMIN, {"q": term}).context["cl"].result_list) == []


@pytest.mark.parametrize("term", ["QGUR-PKAW", "qgur", "az-qgur-pkaw", "PKAW"])
def test_search_finds_a_request_by_part_of_its_reference(client, staff_a, request_a, term):
    AppointmentRequestFactory(center=request_a.center, reference="AZ-7K3M-9Q2P")
    client.force_login(staff_a)
    assert list(client.get(ADMIN, {"q": term}).context["cl"].result_list) == [request_a]


def test_list_shows_the_patients_name(client, staff_a, request_a):
    client.force_login(staff_a)
    content = client.get(ADMIN).content.decode()
    assert "Northfield, Alma" in content
    assert "column-patient" in content


def test_change_page_shows_the_phone_as_a_link_to_call(client, staff_a, request_a):
    client.force_login(staff_a)
    content = client.get(object_urls(request_a)["change"]).content.decode()
    assert '<a href="tel:+15125550123">(512) 555-0123</a>' in content


# --- CSV export for Excel ------------------------------------------------------------------------------------


def test_export_starts_with_a_byte_order_mark_for_excel(client, exporter_a, request_a):
    client.force_login(exporter_a)
    content = export(client, request_a).content
    assert content.startswith(b'\xef\xbb\xbf"Reference",')
    assert content.count(b"\xef\xbb\xbf") == 1


def test_export_has_the_labels_staff_see_and_the_centers_time_to_the_minute(client, exporter_a, center_a, settings):
    settings.TIME_ZONE = "America/New_York"
    appointment_request = AppointmentRequestFactory(
        center=center_a,
        status="closed",
        closed_reason="unreachable",
        preferred_contact="text",
        best_time="morning",
        patient_status="returning",
    )
    received = dt.datetime(2025, 1, 15, 15, 30, 45, 123456, tzinfo=dt.UTC)
    AppointmentRequest.objects.filter(pk=appointment_request.pk).update(created_at=received)
    client.force_login(exporter_a)

    (row,) = csv_rows(export(client, appointment_request))
    assert row["Status"] == "Closed"
    assert row["Reason closed"] == "Unreachable"
    assert row["Contact by"] == "Text message"
    assert row["Best time to call"] == "Morning (8 AM – noon)"
    assert row["New or returning"] == "I have been to Azura before"
    local = received.astimezone(ZoneInfo(center_a.timezone))  # the center's own time zone, to the minute, named
    assert row["Received (center's time)"] == local.strftime("%Y-%m-%d %H:%M %Z")


def test_export_of_an_open_request_has_an_empty_closed_reason(client, exporter_a, request_a):
    client.force_login(exporter_a)
    (row,) = csv_rows(export(client, request_a))
    assert (row["Status"], row["Reason closed"]) == ("New", "")


# --- Every part of a procedure page has its own history ------------------------------------------------------


@pytest.fixture
def editor(client):
    user = make_staff("editor")
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/admin/procedures/section/",
        "/admin/procedures/section/?q=vertebra",
        "/admin/procedures/listitem/",
        "/admin/procedures/listitem/?kind__exact=risk",
        "/admin/procedures/listitem/?q=Cement",
        "/admin/procedures/comparisonrow/",
        "/admin/procedures/comparisonrow/?q=Height",
    ],
)
def test_content_editors_can_list_the_parts_of_procedure_pages(client, editor, url):
    assert client.get(url).status_code == 200


def test_parts_are_filtered_by_procedure(client, editor):
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    for model, name in ((Section, "section"), (ListItem, "listitem"), (ComparisonRow, "comparisonrow")):
        response = client.get(f"/admin/procedures/{name}/", {"procedure__id__exact": kyphoplasty.pk})
        shown = list(response.context["cl"].result_list)
        assert shown, name
        assert shown == list(model.objects.filter(procedure=kyphoplasty).order_by("position", "pk")), name


def test_risk_filter_shows_only_risks(client, editor):
    response = client.get("/admin/procedures/listitem/", {"kind__exact": "risk"})
    kinds = {item.kind for item in response.context["cl"].result_list}
    assert kinds == {ListItem.Kind.RISK}


def test_a_part_of_a_live_page_cannot_be_changed_on_its_own_where_it_would_go_live_at_once(client, editor):
    item = ListItem.objects.filter(procedure__slug="kyphoplasty", kind=ListItem.Kind.RISK).first()
    url = f"/admin/procedures/listitem/{item.pk}/change/"

    assert client.post(url, {"text": "Rewritten by mistake", "_save": "Save"}).status_code == 403
    item.refresh_from_db()
    assert item.text != "Rewritten by mistake"
    assert client.get(f"/admin/procedures/listitem/{item.pk}/history/").status_code == 200


def test_a_section_and_a_comparison_row_have_a_history_page(client, editor):
    section = Section.objects.filter(procedure__slug="kyphoplasty").first()
    row = ComparisonRow.objects.filter(procedure__slug="kyphoplasty").first()
    for url in (
        f"/admin/procedures/section/{section.pk}/history/",
        f"/admin/procedures/comparisonrow/{row.pk}/history/",
        f"/admin/procedures/section/{section.pk}/change/",
        f"/admin/procedures/comparisonrow/{row.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url


def test_procedure_change_page_says_where_the_history_of_its_parts_is(client, editor):
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    content = client.get(f"/admin/procedures/procedure/{kyphoplasty.pk}/change/").content.decode()
    assert "Sections, conditions, risks and comparison rows keep their own history" in content
    query = f"?procedure__id__exact={kyphoplasty.pk}"
    assert f'<a href="/admin/procedures/section/{query}">Sections</a>' in content
    assert f'<a href="/admin/procedures/listitem/{query}">List items</a>' in content
    assert f'<a href="/admin/procedures/comparisonrow/{query}">Comparison rows</a>' in content


def test_procedure_add_page_still_opens(client, editor):
    content = client.get("/admin/procedures/procedure/add/").content.decode()
    assert '<a href="/admin/procedures/section/">Sections</a>' in content
