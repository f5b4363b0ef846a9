"""Slugs have one home (core/slugs.py): what a slug is (Django's rule, as the URL converter and SlugField apply it),
how text becomes one (Center.slug_for and Physician.slug_for, used by save(), import_centers and demo data), how
long one may be, and the draft copies' placeholder no page may take."""

import re
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import Resolver404, resolve

from appointments import selectors
from appointments.importing import import_centers
from appointments.models import Center, Physician
from core import slugs
from core.slugs import NAME_LENGTH
from procedures.addresses import linked_procedure
from procedures.models import Procedure

from .factories_appointments import CenterFactory, PhysicianFactory
from .support import ROOT

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
    assert len(saved.slug) == NAME_LENGTH
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
    assert len(physician.slug) == NAME_LENGTH
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


SLUGS = ["kyphoplasty", "azura-austin-tx", "a_b-2", "A" * slugs.NAME_LENGTH]
NOT_SLUGS = ["", "two words", "caf\u00e9", "a/b", "a\x00b", "78701?x=1", "a" * (slugs.NAME_LENGTH + 1), "../etc", "a.b"]


@pytest.mark.parametrize("value", SLUGS)
def test_a_slug_is_one_by_every_rule_the_address_the_field_and_the_lookups(value):
    assert slugs.is_slug(value)
    slugs.validate(value)
    assert resolve(f"/centers/{value}/").kwargs == {"slug": value}


@pytest.mark.parametrize("value", NOT_SLUGS)
def test_what_is_not_a_slug_is_none_by_every_rule(value, django_assert_num_queries):
    assert not slugs.is_slug(value)
    if len(value) <= slugs.NAME_LENGTH:
        with pytest.raises(ValidationError):
            slugs.validate(value)
        with pytest.raises(Resolver404):
            resolve(f"/centers/{value}/")
    with django_assert_num_queries(0):  # names nothing, and costs no query
        assert selectors.center_by_slug(value) is None
        assert selectors.physician_by_slug(value) is None
        assert selectors.center_moved_to(value) is None
        assert not Procedure.objects.withdrawn(value)


def test_a_page_slug_is_no_longer_than_the_page_field(django_assert_num_queries):
    assert Procedure._meta.get_field("slug").max_length == slugs.PAGE_LENGTH
    with django_assert_num_queries(0):
        assert linked_procedure("k" * (slugs.PAGE_LENGTH + 1)).not_listed


def test_text_becomes_a_slug_one_way_and_a_draft_placeholder_is_never_one_of_them():
    assert slugs.slug_of("Azura Caf\u00e9 – Austin, TX") == "azura-cafe-austin-tx"
    assert slugs.is_draft_slug(slugs.draft_slug(7))
    assert not any(slugs.is_draft_slug(slugs.slug_of(text)) for text in ("draft  copy", "Draft -- 7", "draft--7"))


def test_no_module_writes_its_own_slug_rule():
    """The rule's regex and slugify are called in core/slugs.py only (migrations are history, left as written)."""
    sources = [
        path for room in ("appointments", "procedures", "core", "azura_site") for path in (ROOT / room).rglob("*.py")
    ]
    own = {
        str(path.relative_to(ROOT))
        for path in sources
        if "migrations" not in path.parts
        and path != ROOT / "core" / "slugs.py"
        and re.search(r"a-zA-Z0-9_|\bslugify\(|\bslug_re\b|validate_slug", path.read_text())
    }
    assert own == set()
