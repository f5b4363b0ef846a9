"""Holes at the edge of the staff side: a request moved to another center, who decides who works where,
bad ids in admin URLs, and the out-of-scope page. Every check is on the request's current row."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from appointments.access import user_sees_all_centers
from appointments.models import AppointmentRequest, Center

from .factories_requests import AppointmentRequestFactory
from .staff import ADMIN, WORKER, change_form_data, make_staff

pytestmark = pytest.mark.django_db

SECRETS = ("Movedaway", "1961", "555-0177", "Bluewater")


@pytest.fixture
def moved(center_a, center_b):
    """A request received at Azura North (Alice's center), then moved to Azura South by someone who sees every
    center."""
    appointment_request = AppointmentRequestFactory(
        center=center_a, last_name="Movedaway", phone="+15125550177", insurance="Bluewater Gold"
    )
    appointment_request.date_of_birth = appointment_request.date_of_birth.replace(year=1961)
    appointment_request.save()
    appointment_request.center = center_b
    appointment_request.save()
    return appointment_request


def old_center_version(appointment_request) -> str:
    version = appointment_request.history.filter(center_id=appointment_request.history.earliest().center_id).first()
    return f"{ADMIN}{appointment_request.pk}/history/{version.history_id}/"


def test_staff_of_the_old_center_cannot_read_a_moved_requests_history_version(client, staff_a, moved):
    client.force_login(staff_a)
    response = client.get(old_center_version(moved))
    assert response.status_code == 403
    for secret in SECRETS:
        assert secret not in response.content.decode()


def test_staff_of_the_old_center_cannot_revert_a_moved_request_to_their_center(client, staff_a, center_a, moved):
    client.force_login(staff_a)
    response = client.post(old_center_version(moved), {"center": center_a.pk, "status": "new", "_save": "Save"})
    assert response.status_code == 403
    moved.refresh_from_db()
    assert moved.center.name == "Azura South"


def test_staff_of_the_old_center_cannot_list_a_moved_requests_history(client, staff_a, moved):
    client.force_login(staff_a)
    response = client.get(f"{ADMIN}{moved.pk}/history/")
    assert response.status_code == 403
    assert "Movedaway" not in response.content.decode()


def test_staff_of_the_new_center_can_read_the_moved_requests_history_version(client, center_b, moved):
    client.force_login(make_staff("hugo", *WORKER, centers=[center_b]))
    response = client.get(old_center_version(moved))
    assert response.status_code == 200
    assert "Movedaway" in response.content.decode()


def test_another_centers_request_says_so_plainly(client, staff_a, moved):
    client.force_login(staff_a)
    response = client.get(f"{ADMIN}{moved.pk}/change/")
    content = response.content.decode()
    assert response.status_code == 403
    assert "belongs to a center you do not work for" in content
    assert "Perhaps it was deleted" not in content
    assert "Movedaway" not in content


@pytest.mark.parametrize(
    "path",
    [
        "abc/change/",
        "abc/history/",
        "abc/history/1/",
        "1/history/abc/",
        "abc/delete/",
        "1%00/change/",
        "%00/history/",
        "?q=%00",
        "?q=Bob%00",
        "?status=%00",
        "?center__id__exact=%00",
    ],
)
def test_bad_ids_and_nul_bytes_in_admin_urls_answer_400_or_404(client, staff_a, moved, path):
    client.force_login(staff_a)
    assert client.get(ADMIN + path).status_code in (400, 404)


def test_bad_ids_answer_404_to_staff_who_see_every_center(client, moved):
    client.force_login(make_staff("hq", *WORKER, "view_all_centers"))
    for path in ("abc/change/", "abc/history/", "1/history/abc/", f"{moved.pk}/history/999999/", "99999/change/"):
        assert client.get(ADMIN + path).status_code == 404, path


# --- Who works where ---------------------------------------------------------------------------------------


@pytest.fixture
def editor():
    user = make_staff("editor")
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


def center_url(center: Center) -> str:
    return f"/admin/appointments/center/{center.pk}/change/"


def test_content_editor_cannot_add_anyone_to_a_centers_staff(client, editor, center_a):
    client.force_login(editor)
    form = client.get(center_url(center_a)).context["adminform"].form
    assert "staff" not in form.fields
    data = change_form_data(client, center_url(center_a), name="Azura North Downtown")
    response = client.post(center_url(center_a), {**data, "staff": [editor.pk]})

    assert response.status_code == 302  # the rest of the form is saved...
    center_a.refresh_from_db()
    assert center_a.name == "Azura North Downtown"
    assert list(center_a.staff.all()) == []  # ...but not the staff list
    assert not AppointmentRequest.objects.visible_to(get_user_model().objects.get(pk=editor.pk)).exists()


def test_practice_manager_decides_who_works_at_a_center(client, center_a):
    manager = make_staff("manager")
    manager.groups.add(Group.objects.get(name="Practice managers"))
    worker = make_staff("worker", *WORKER)
    client.force_login(manager)
    data = change_form_data(client, center_url(center_a))
    assert client.post(center_url(center_a), {**data, "staff": [worker.pk]}).status_code == 302
    assert list(center_a.staff.all()) == [worker]


def test_staff_picker_lists_active_staff_accounts_only(client, center_a):
    manager = make_staff("manager")
    manager.groups.add(Group.objects.get(name="Practice managers"))
    get_user_model().objects.create_user("patient", "p@example.com", "x-long-password-1")
    get_user_model().objects.create_user("gone", "g@azura.example", "x-long-password-1", is_staff=True, is_active=False)
    client.force_login(manager)
    form = client.get(center_url(center_a)).context["adminform"].form
    assert {user.username for user in form.fields["staff"].queryset} == {"manager"}


def test_practice_managers_group_has_the_manage_center_staff_permission():
    codenames = set(Group.objects.get(name="Practice managers").permissions.values_list("codename", flat=True))
    assert "manage_center_staff" in codenames
    editors = set(Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True))
    assert "manage_center_staff" not in editors


def test_one_rule_decides_which_centers_a_user_works(center_a, center_b, staff_a):
    hq = make_staff("hq", "view_all_centers")
    assert list(Center.objects.staffed_by(staff_a)) == [center_a]
    assert set(Center.objects.staffed_by(hq)) == {center_a, center_b}
    assert user_sees_all_centers(hq)
    assert not user_sees_all_centers(staff_a)
    hq.is_active = False
    assert not user_sees_all_centers(hq)


def test_admin_autocomplete_offers_only_the_staff_members_centers_requests(client, center_a, staff_a, moved):
    own = AppointmentRequestFactory(center=center_a)
    client.force_login(staff_a)
    params = {"app_label": "appointments", "model_name": "appointmentrequest", "field_name": "possible_duplicate_of"}
    response = client.get("/admin/autocomplete/", {**params, "term": ""})
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == [own.reference]
    assert "Movedaway" not in client.get("/admin/autocomplete/", {**params, "term": "Movedaway"}).content.decode()
