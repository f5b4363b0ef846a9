"""Slugs have one home: Center.slug_for and Physician.slug_for, used by save(), import_centers and demo data."""

from io import StringIO

import pytest
from django.core.management import call_command

from appointments.importing import import_centers
from appointments.models import SLUG_LENGTH, Center, Physician

from .factories_appointments import CenterFactory, PhysicianFactory

pytestmark = pytest.mark.django_db

# Name and city as long as the import allows: together well over the slug field's 180 characters.
LONG_NAME = ("Azura Interventional Pain and Spine Center of the Greater Metropolitan Area " * 2)[:150].strip()
LONG_CITY = "Austin Northwest Hills and Great Hills Extended Area"


def row(name: str, city: str = "Austin", state: str = "TX") -> dict:
    return {"name": name, "address": "100 Congress Ave", "city": city, "state": state, "zip": "78701",
            "phone": "(512) 555-0142"}  # fmt: skip


def test_a_saved_center_gets_the_slug_slug_for_makes():
    center = CenterFactory(name="North Austin Spine Center", city="Austin", state="TX")
    assert (
        center.slug
        == Center.slug_for("North Austin Spine Center", "Austin", "TX")
        == "north-austin-spine-center-austin-tx"
    )


def test_a_long_center_name_is_cut_to_the_slug_field_the_same_way_by_save_and_by_the_import():
    saved = CenterFactory(name=LONG_NAME, city=LONG_CITY, state="TX")
    assert len(saved.slug) == SLUG_LENGTH
    assert saved.slug == Center.slug_for(LONG_NAME, LONG_CITY, "TX")

    result = import_centers([row(LONG_NAME, city=LONG_CITY)])

    assert (result.created, result.updated) == (0, 1)  # the import found the saved center by its slug
    assert Center.objects.count() == 1


def test_an_imported_center_has_the_slug_save_would_give_it():
    import_centers([row("Denver Pain Clinic", city="Denver", state="co")])
    imported = Center.objects.get()
    assert imported.slug == Center.slug_for("Denver Pain Clinic", "Denver", "CO")


def test_a_long_physician_name_is_cut_to_the_slug_field():
    physician = PhysicianFactory(first_name="A" * 80, last_name="B" * 80, credentials="MD, FIPP, " + "C" * 40)
    assert len(physician.slug) == SLUG_LENGTH
    assert physician.slug == Physician.slug_for(physician.first_name, physician.last_name, physician.credentials)


@pytest.mark.slow  # loads the whole demo set
def test_demo_data_uses_the_same_slugs_so_the_import_updates_demo_centers():
    call_command("load_demo_data", stdout=StringIO())

    for center in Center.objects.all():
        assert center.slug == Center.slug_for(center.name, center.city, center.state)
    for physician in Physician.objects.all():
        assert physician.slug == Physician.slug_for(physician.first_name, physician.last_name, physician.credentials)
    austin = Center.objects.get(city="Austin")
    result = import_centers([row(austin.name, city="Austin", state="TX")])
    assert (result.created, result.updated) == (0, 1)
