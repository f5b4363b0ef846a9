"""A past version in the admin is shown to read: posting it never writes the live page or a request (a change goes
through the page's draft, the request's own form), and the history of every kind of record answers a page or a
404, never a 500, whoever of the staff asks."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory

from appointments.models import AppointmentRequest
from procedures.models import ComparisonRow, ListItem, Notice, Procedure, PublishingEvent, Section, ServiceLine

from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory
from .html import find_all, parse
from .staff import ADMIN, WORKER, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("maria", password="a-long-password-1")


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def form_as_posted(model_admin, user, obj) -> dict:
    """The record's full edit form, every field with its value, as simple-history's Revert button posted it."""
    request = RequestFactory().get("/")
    request.user = user
    form = model_admin.get_form(request, obj, fields=None)(instance=obj)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            value = [str(each) for each in value]
        data[form[name].html_name] = "" if value is None else value
    return data


def version_url(obj) -> str:
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/{obj.history.earliest().history_id}/"


def test_posting_a_version_of_a_live_page_changes_nothing_and_logs_nothing(superuser):
    page = Procedure.objects.get(slug="kyphoplasty")
    data = form_as_posted(admin.site._registry[Procedure], superuser, page)
    data.update({"title_en": "Taken over", "_save": "Revert"})
    events = PublishingEvent.objects.count()

    response = signed_in(superuser).post(version_url(page), data)

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title_en == "Kyphoplasty"
    assert PublishingEvent.objects.count() == events


def test_posting_a_version_of_a_request_does_not_undo_a_colleagues_status_change(staff_a, colleague_a, center_a):
    request = AppointmentRequestFactory(center=center_a)
    request.status = AppointmentRequest.Status.CONTACTED
    request._history_user = colleague_a
    request.save()
    data = form_as_posted(admin.site._registry[AppointmentRequest], staff_a, request)
    data.update({"status": AppointmentRequest.Status.NEW, "_save": "Revert"})

    response = signed_in(staff_a).post(version_url(request), data)

    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == AppointmentRequest.Status.CONTACTED


def test_a_requests_version_is_shown_to_read_without_a_revert_button(staff_a, center_a):
    request = AppointmentRequestFactory(center=center_a, first_name="Alma")

    response = signed_in(staff_a).get(version_url(request))

    assert response.status_code == 200
    page = parse(response)
    assert find_all(page, "input", type="submit") == []  # no Revert
    assert find_all(page, "select") == []  # the status as text, not a choice to change
    assert "Alma" in response.content.decode()


# --- The history of every kind of record, for every kind of staff ----------------------------------------------


def _records():
    notice = Notice.objects.first()
    notice.save()  # a version of its own (the seed content was loaded without history)
    return [
        ServiceLine.objects.first(),
        Procedure.objects.get(slug="kyphoplasty"),
        Section.objects.first(),
        ListItem.objects.first(),
        ComparisonRow.objects.first(),
        notice,
        CenterFactory(name="Azura West"),
    ]


def _staff(django_user_model, center_a):
    editor = django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    return {
        "superuser": django_user_model.objects.create_superuser("root", password="a-long-password-1"),
        "content editor": editor,
        "center staff": make_staff("alice", *WORKER, centers=[center_a]),
        "staff without permissions": make_staff("nobody"),
    }


def test_every_history_and_version_answers_a_page_or_a_refusal_never_an_error(django_user_model, center_a):
    records = _records()
    for who, user in _staff(django_user_model, center_a).items():
        client = signed_in(user)
        for record in records:
            for url in (version_url(record), version_url(record).rsplit("/", 2)[0] + "/"):
                status = client.get(url).status_code
                assert status in (200, 403, 404), f"{who}: {url} answered {status}"
                if who == "superuser" or (who == "content editor" and isinstance(record, (Procedure, Section))):
                    assert status == 200, f"{who}: {url} answered {status}"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/procedures/section/x/history/",
        "/admin/procedures/section/1/history/x/",
        "/admin/procedures/listitem/1/history/999999/",
        "/admin/appointments/center/x/history/1/",
        f"{ADMIN}1/history/x/",
    ],
)
def test_a_history_address_that_names_nothing_is_not_found(superuser, url):
    assert signed_in(superuser).get(url).status_code == 404
