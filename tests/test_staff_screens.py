"""Staff screens people can work in: the site's name, the list opening on open requests oldest first, notes
and status at the top of a request, every time in the center's own zone and labelled, history in words, and a
list page whose number of queries does not grow with the requests on it."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appointments import services
from appointments.models import AppointmentRequest

from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory, RequestNoteFactory, age
from .html import attr, find_all, find_one, parse, texts
from .staff import ADMIN, WORKER, make_staff
from .support import skip_or_fail

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


@pytest.fixture
def center():
    return CenterFactory(name="Azura Round Rock", timezone="America/Chicago")


@pytest.fixture
def staff(client, center):
    user = make_staff("austin", *WORKER, centers=[center])
    client.force_login(user)
    return user


def listed(client, **params) -> list[AppointmentRequest]:
    return list(client.get(ADMIN, params).context["cl"].result_list)


def test_admin_is_named_for_azura_staff(client, staff):
    content = client.get("/admin/").content.decode()
    assert "Azura Vascular Care — staff" in content
    assert "Django administration" not in content
    assert "<title>Staff | Azura Vascular Care — staff</title>" in content


def test_admin_pages_name_the_sites_icon_so_browsers_do_not_ask_for_a_missing_one(client, center):
    def icons(path: str) -> list[str]:
        return [attr(link, "href") or "" for link in find_all(parse(client.get(path)), "link", rel="icon")]

    signed_out = icons("/admin/login/")
    client.force_login(make_staff("austin", *WORKER, centers=[center]))
    signed_in = icons("/admin/")

    assert signed_out == signed_in == [f"{settings.STATIC_URL}img/favicon.svg"]
    assert finders.find("img/favicon.svg")


def test_list_opens_on_open_requests_oldest_first(client, staff, center):
    newest = AppointmentRequestFactory(center=center)
    oldest = age(AppointmentRequestFactory(center=center, status=Status.SCHEDULED), days=3)
    middle = age(AppointmentRequestFactory(center=center, status=Status.CONTACTED), days=1)
    closed = age(AppointmentRequestFactory(center=center, status=Status.CLOSED), days=5)
    spam = AppointmentRequestFactory(center=center, status=Status.SPAM)

    assert listed(client) == [oldest, middle, newest]
    assert set(listed(client, status="all")) == {newest, oldest, middle, closed, spam}
    assert listed(client, status="spam") == [spam]


def test_search_looks_in_every_status(client, staff, center):
    closed = AppointmentRequestFactory(center=center, status=Status.CLOSED, last_name="Closedwell")
    assert listed(client, q="Closedwell") == [closed]


def test_notes_and_status_come_before_the_patients_answers(client, staff, center):
    appointment_request = AppointmentRequestFactory(center=center)
    RequestNoteFactory(request=appointment_request, author=staff, text="Left a voicemail.")
    content = client.get(f"{ADMIN}{appointment_request.pk}/change/").content.decode()
    status, note, patient = (content.index(s) for s in ('name="status"', "Left a voicemail.", ">Patient</h2>"))
    assert status < note < patient


def test_every_time_on_a_request_is_in_the_centers_zone_and_labelled(client, staff, center):
    appointment_request = AppointmentRequestFactory(center=center)
    moment = dt.datetime(2026, 11, 25, 3, 48, tzinfo=dt.UTC)  # 9:48 p.m. the day before in Texas
    AppointmentRequest.objects.filter(pk=appointment_request.pk).update(created_at=moment, updated_at=moment)
    note = RequestNoteFactory(request=appointment_request, author=staff)
    type(note).objects.filter(pk=note.pk).update(created_at=moment)

    change = client.get(f"{ADMIN}{appointment_request.pk}/change/").content.decode()
    assert change.count("Nov. 24, 2026, 9:48 p.m. CST") >= 3  # received, last change, the note
    assert "03:48" not in change
    assert "Nov. 24, 2026, 9:48 p.m. CST" in client.get(ADMIN).content.decode()


def test_history_reads_in_words(client, staff, center):
    appointment_request = AppointmentRequestFactory(center=center)
    services.appointment_request_change_status(appointment_request=appointment_request, status="contacted", by=staff)
    response = client.get(f"{ADMIN}{appointment_request.pk}/history/")
    table = find_one(parse(response), "table", id="change-history")
    changes = texts(table, "li")
    cells = texts(table, "td")

    assert "Status: New → Contacted" in changes
    assert "Handled by: nobody → austin" in changes
    assert "Received from the patient" in cells
    assert "the patient" in cells  # who sent it
    content = response.content.decode()
    for raw in ("Deleted user", "pk=None", "Change reason", ">None<", "contacted →"):
        assert raw not in content, raw


def test_list_page_queries_do_not_grow_with_its_requests(client, staff, center):
    other = CenterFactory(name="Azura Elsewhere")
    staff_of_both = make_staff("both", *WORKER, "view_all_centers", centers=[center, other])
    client.force_login(staff_of_both)
    for n in range(3):
        AppointmentRequestFactory(center=center if n % 2 else other, handled_by=staff)
    with CaptureQueriesContext(connection) as few:
        assert client.get(ADMIN).status_code == 200
    for n in range(40):
        AppointmentRequestFactory(center=center if n % 2 else other, handled_by=staff_of_both)
    with CaptureQueriesContext(connection) as many:
        assert client.get(ADMIN).status_code == 200
    assert len(many) == len(few) <= 12, [q["sql"] for q in many.captured_queries]


@pytest.mark.postgres
@pytest.mark.parametrize("term", ["QGUR", "Northfield", "5125550123"])
def test_search_by_reference_name_or_phone_can_use_an_index(rf, center, term):
    if connection.vendor != "postgresql":
        skip_or_fail("the search indexes are PostgreSQL's (pg_trgm)")
    AppointmentRequestFactory(center=center, reference="AZ-QGUR-PKAW", last_name="Northfield")
    request = rf.get(ADMIN, {"q": term})
    request.user = make_staff("hq", *WORKER, "view_all_centers")
    changelist = admin.site._registry[AppointmentRequest].get_changelist_instance(request)
    with connection.cursor() as cursor:
        # A tiny table: the planner would scan it. Without scans, it must find an index for every condition.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        plan = changelist.queryset.explain()
    assert "Seq Scan on appointments_appointmentrequest" not in plan, plan
    assert "_trgm" in plan, plan
