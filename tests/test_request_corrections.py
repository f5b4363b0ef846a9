"""Corrections update, not duplicate: a near-match sent from elsewhere (same phone and birth date, or same phone and
last name) at any center within a week is flagged to staff, who see it on the list and the request; staff see the
language of the site each request was sent in (a list column and filter, the request, the CSV export)."""

import pytest
from django.test import Client

from appointments.models import AppointmentRequest

from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory, age, form_data
from .html import parse, text
from .staff import ADMIN, csv_rows, export, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]

URL = "/appointments/request/"


def sent_from_a_new_browser(center, **answers) -> AppointmentRequest:
    assert Client().post(URL, form_data(center, **answers)).status_code == 302
    return AppointmentRequest.objects.latest("created_at")


@pytest.mark.parametrize(
    "changes",
    [{"last_name": "Quigley", "first_name": "Ros"}, {"date_of_birth": "03/28/1954"}],
    ids=["same phone and birth date", "same phone and last name"],
)
def test_a_near_match_from_another_browser_at_any_center_is_flagged(center, changes):
    first = sent_from_a_new_browser(center)
    elsewhere = CenterFactory(name="Azura Round Rock")
    second = sent_from_a_new_browser(elsewhere, **changes)
    assert second.possible_duplicate_of == first


def test_the_same_phone_alone_or_a_week_later_is_not_a_duplicate(center):
    first = sent_from_a_new_browser(center)
    other_person = sent_from_a_new_browser(center, last_name="Other", date_of_birth="01/01/1990")
    assert other_person.possible_duplicate_of is None
    age(first, days=8)
    AppointmentRequest.objects.filter(pk=other_person.pk).delete()
    assert sent_from_a_new_browser(center).possible_duplicate_of is None


def test_staff_see_the_flag_and_the_site_language_on_the_list_and_can_filter_by_it(client, center):
    first = sent_from_a_new_browser(center)
    spanish = Client().post("/es" + URL, form_data(center, first_name="Rosa"))
    assert spanish.status_code == 302
    second = AppointmentRequest.objects.latest("created_at")
    client.force_login(make_staff("ana", "view_appointmentrequest", "view_all_centers", centers=[center]))

    listing = text(parse(client.get(ADMIN)))
    assert "language of the site used" in listing
    assert "Español" in listing
    assert first.reference in listing
    assert second.reference in text(parse(client.get(ADMIN, {"site_language__exact": "es"})))
    assert second.reference not in text(parse(client.get(ADMIN, {"site_language__exact": "en"})))
    page = text(parse(client.get(f"{ADMIN}{second.pk}/change/")))
    assert "Español" in page
    assert first.reference in page  # possible duplicate of


def test_the_csv_export_has_the_site_language(client, center):
    stored = AppointmentRequestFactory(center=center, site_language="es")
    client.force_login(
        make_staff("eva", "view_appointmentrequest", "export_appointmentrequest", "view_all_centers", centers=[center])
    )
    (row,) = csv_rows(export(client, stored))
    assert row["site_language"] == "Español"
