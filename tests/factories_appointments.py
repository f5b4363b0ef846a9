"""Test data for centers, physicians and where they practise, at real US ZIP codes and coordinates."""

import datetime as dt
import random
from dataclasses import dataclass

import factory

from appointments.models import Center, Language, OpeningHours, Physician, Practice
from procedures.models import Procedure


@dataclass(frozen=True)
class Place:
    zip_code: str
    city: str
    state: str
    latitude: float
    longitude: float
    timezone: str


# Coordinates as the `zipcodes` dataset gives them for these ZIP codes.
PLACES = {
    "78701": Place("78701", "Austin", "TX", 30.2713, -97.7426, "America/Chicago"),
    "78704": Place("78704", "Austin", "TX", 30.2428, -97.7658, "America/Chicago"),
    "78613": Place("78613", "Cedar Park", "TX", 30.5052, -97.8203, "America/Chicago"),
    "77002": Place("77002", "Houston", "TX", 29.7594, -95.3594, "America/Chicago"),
    "10001": Place("10001", "New York", "NY", 40.7484, -73.9967, "America/New_York"),
    "90012": Place("90012", "Los Angeles", "CA", 34.0614, -118.2385, "America/Los_Angeles"),
    "85004": Place("85004", "Phoenix", "AZ", 33.4557, -112.0686, "America/Phoenix"),
    "60601": Place("60601", "Chicago", "IL", 41.8858, -87.6181, "America/Chicago"),
    "98101": Place("98101", "Seattle", "WA", 47.6114, -122.3305, "America/Los_Angeles"),
    "80202": Place("80202", "Denver", "CO", 39.7491, -104.9946, "America/Denver"),
    "33101": Place("33101", "Miami", "FL", 25.7791, -80.1978, "America/New_York"),
}
PLACE_CYCLE = list(PLACES.values())


def many(name: str) -> factory.PostGeneration:
    """A many-to-many relation given as a keyword (`procedures=[...]`), set once the row exists."""

    def set_them(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, name).set(extracted)

    return factory.PostGeneration(set_them)


class CenterFactory(factory.django.DjangoModelFactory):
    """A center at a real place; pass place=PLACES["85004"], or latitude/longitude to put it elsewhere."""

    class Meta:
        model = Center
        skip_postgeneration_save = True

    class Params:
        place = factory.Sequence(lambda n: PLACE_CYCLE[n % len(PLACE_CYCLE)])

    name = factory.Sequence(lambda n: f"Azura Test Center {n}")
    address = factory.Sequence(lambda n: f"{100 + n} Main Street")
    city = factory.LazyAttribute(lambda o: o.place.city)
    state = factory.LazyAttribute(lambda o: o.place.state)
    zip_code = factory.LazyAttribute(lambda o: o.place.zip_code)
    latitude = factory.LazyAttribute(lambda o: o.place.latitude)
    longitude = factory.LazyAttribute(lambda o: o.place.longitude)
    timezone = factory.LazyAttribute(lambda o: o.place.timezone)
    phone = "(512) 555-0142"
    is_active = True

    procedures = many("procedures")


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    center = factory.SubFactory(CenterFactory)
    weekday = 0
    opens = dt.time(8, 0)
    closes = dt.time(17, 0)


def weekday_hours(center: Center, opens=dt.time(8, 0), closes=dt.time(17, 0), days=range(5)) -> None:
    """The same hours on each of the days (0 = Monday)."""
    for day in days:
        OpeningHoursFactory(center=center, weekday=day, opens=opens, closes=closes)


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Language {n}")


def languages(*names: str) -> list[Language]:
    """The languages of these names, made when missing."""
    return [LanguageFactory(name=name) for name in names]


class PhysicianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Physician
        skip_postgeneration_save = True

    first_name = factory.Iterator(["Avery", "Jordan", "Morgan", "Riley", "Casey", "Taylor"])
    last_name = factory.Sequence(lambda n: f"Testdoc{n}")
    credentials = "MD"
    biography = "Treats back and neck pain.\n\nSees patients of all ages."
    board_certifications = "Anesthesiology\nPain Medicine"
    education = "MD, Example University"
    is_active = True

    procedures = many("procedures")

    languages = many("languages")


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    physician = factory.SubFactory(PhysicianFactory)
    center = factory.SubFactory(CenterFactory)
    accepting_new_patients = True


def add_centers(count: int, *, first_at: tuple[tuple[float, float], ...] = (), every_procedure: bool = False) -> None:
    """`count` active centers across the contiguous US, open on weekdays, in bulk (as bench/run.py does): the first
    ones at the places `first_at` gives, each offering every procedure if asked."""
    rng = random.Random(11)
    places = [(rng.uniform(24.5, 49.4), rng.uniform(-124.8, -66.9)) for _ in range(count)]
    places[: len(first_at)] = first_at
    Center.objects.bulk_create(
        Center(name=f"Bulk Center {i:05d}", slug=f"bulk-{i:05d}", address=f"{i} Main Street", city="Austin",
               state="TX", zip_code="78701", latitude=lat, longitude=lng, phone="(555) 010-0123",
               timezone="America/Chicago")
        for i, (lat, lng) in enumerate(places)
    )  # fmt: skip
    ids = list(Center.objects.filter(slug__startswith="bulk-").values_list("pk", flat=True))
    OpeningHours.objects.bulk_create(
        OpeningHours(center_id=pk, weekday=day, opens=dt.time(8), closes=dt.time(17)) for pk in ids for day in range(5)
    )
    if every_procedure:
        offers = Center.procedures.through
        procedures = list(Procedure.objects.values_list("pk", flat=True))
        offers.objects.bulk_create(offers(center_id=pk, procedure_id=p) for pk in ids for p in procedures)
