"""The admin as each role uses it: no Delete where deleting is not the way (a live page is unpublished, a draft
discarded), one message per save, a history that says who scheduled and no developers' notes, a staff picker with
names, roles and a warning about patient data, a sign-in lockout in the staff layout with a warning before it, and a
CSV export with plain headers and zoned times."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from appointments.models import AppointmentRequest
from procedures.models import Procedure
from procedures.publishing import publish_due_drafts

from .factories_requests import AppointmentRequestFactory
from .html import find_all, parse, text
from .staff import PASSWORD, change_form_data, csv_rows, export, login

pytestmark = pytest.mark.django_db

PAGES = "/admin/procedures/procedure"


def start_draft(client, page: Procedure) -> Procedure:
    client.post(f"{PAGES}/{page.pk}/draft/")
    return Procedure.all_objects.get(draft_of=page)


def test_no_delete_on_a_live_page_or_its_draft(client, editor, kyphoplasty):
    draft = start_draft(client, kyphoplasty)

    for page in (kyphoplasty, draft):
        html = client.get(f"{PAGES}/{page.pk}/change/").content.decode()
        assert 'class="deletelink"' not in html
        assert client.post(f"{PAGES}/{page.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Procedure.all_objects.filter(pk__in=[kyphoplasty.pk, draft.pk]).count() == 2


def test_no_delete_for_an_editor_who_may_not_delete(client, django_user_model, center):
    user = django_user_model.objects.create_user("viewer", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    user.groups.get().permissions.remove(*user.groups.get().permissions.filter(codename__startswith="delete_"))
    client.force_login(user)

    html = client.get(f"/admin/appointments/center/{center.pk}/change/").content.decode()

    assert 'class="deletelink"' not in html


@pytest.mark.parametrize("button", ["_save", "_continue"])
def test_saving_a_draft_says_one_thing(client, editor, kyphoplasty, button):
    draft = start_draft(client, kyphoplasty)
    url = f"{PAGES}/{draft.pk}/change/"
    data = change_form_data(client, url, summary_en="New words.")
    data.pop("_save")
    data[button] = "Save"

    response = client.post(url, data, follow=True)

    assert [str(message) for message in response.context["messages"]] == [
        "Saved the draft. The live page is unchanged until you publish the draft."
    ]


def history_cells(client, page: Procedure) -> list[list[str]]:
    table = parse(client.get(f"{PAGES}/{page.pk}/history/"))
    return [[text(cell) for cell in find_all(row, None) if cell.name in ("td", "th")] for row in find_all(table, "tr")]


def test_the_history_says_who_scheduled_a_draft_and_no_developers_notes(client, editor, kyphoplasty):
    draft = start_draft(client, kyphoplasty)
    url = f"{PAGES}/{draft.pk}/change/"
    later = timezone.localtime() + dt.timedelta(hours=1)
    client.post(url, change_form_data(client, url, summary_en="New words.", go_live_at=f"{later:%Y-%m-%dT%H:%M}"))
    Procedure.all_objects.filter(pk=draft.pk).update(go_live_at=timezone.now())
    publish_due_drafts(now=timezone.now() + dt.timedelta(seconds=1))

    rows = history_cells(client, kyphoplasty)
    html = client.get(f"{PAGES}/{kyphoplasty.pk}/history/").content.decode()
    assert "(loaded or scheduled)" not in html
    assert "issue 10" not in html
    published = next(row for row in rows if len(row) > 2 and row[2].startswith("Published"))
    assert published[1] == "The scheduler, at the time editor set"
    assert any(row[1] == "The site's first content (no one signed in)" for row in rows)


def test_the_staff_picker_names_people_with_their_roles_and_warns_about_patient_data(client, center, django_user_model):
    manager = django_user_model.objects.create_superuser("boss", password="a-long-password-1")
    ana = django_user_model.objects.create_user("areyes", first_name="Ana", last_name="Reyes", is_staff=True)
    ana.groups.add(Group.objects.get(name="Center staff"))
    client.force_login(manager)

    page = parse(client.get(f"/admin/appointments/center/{center.pk}/change/"))

    options = [text(option) for option in find_all(page, "option")]
    assert "Ana Reyes (areyes) — Center staff" in options
    assert "gives them this center's patient data" in text(page)


def test_the_lockout_page_is_a_staff_page(client, staff_a):
    for _ in range(5):
        response = login(client, staff_a.username, "a wrong password")

    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many failed sign-in attempts" in body
    assert "Azura Vascular Care — staff" in body
    assert "911" not in body


def test_a_warning_comes_before_the_attempt_that_locks(client, staff_a):
    warnings = []
    for _ in range(4):
        page = parse(login(client, staff_a.username, "a wrong password"))
        warnings.append(" ".join(text(p) for p in find_all(page, "p", role="alert")))

    assert warnings[:2] == ["", ""]
    assert "Two more failed attempts lock" in warnings[2]
    assert (
        "One more failed attempt locks signing in with this user name, or from this place, for 15 minutes."
        in warnings[3]
    )
    assert login(Client(), staff_a.username, PASSWORD, address="198.51.100.7").status_code == 302  # not locked yet


def test_the_export_has_plain_headers_and_times_with_their_zone(client, exporter_a, center_a):
    request = AppointmentRequestFactory(center=center_a, call_back="patient")
    received = dt.datetime(2025, 7, 1, 15, 30, tzinfo=dt.UTC)
    AppointmentRequest.objects.filter(pk=request.pk).update(created_at=received)
    client.force_login(exporter_a)

    (row,) = csv_rows(export(client, request))

    assert "preferred_language_other" not in row
    assert "call_back" not in row
    assert {"Other language", "Call back", "Reason closed"} <= set(row)
    local = received.astimezone(ZoneInfo(center_a.timezone))
    assert row["Received (center's time)"] == local.strftime("%Y-%m-%d %H:%M %Z")
    assert row["Received (center's time)"].split()[-1].isalpha()  # the zone's name, e.g. CDT
