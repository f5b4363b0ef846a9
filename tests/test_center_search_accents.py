"""The physician directory's center search finds centers by name and city with or without accents, as the
name search finds physicians (a folded copy of the name and city kept on each center: the same on SQLite and
PostgreSQL, which CI runs this file on both)."""

import pytest
from django.apps import apps

from appointments.models import Center

from .center_csv import AUSTIN, run, write_csv
from .factories_appointments import CenterFactory, PhysicianFactory, PracticeFactory
from .html import attr, find_all, find_one, has_class, parse, text
from .migrations import migration

pytestmark = pytest.mark.django_db

DIRECTORY = "/physicians/"


def listed(response) -> list[str]:
    return [text(find_all(li, "a")[0]) for li in find_all(parse(response), "li") if has_class(li, "result")]


def physician_at(center: Center, last_name: str):
    physician = PhysicianFactory(first_name="Ana", last_name=last_name)
    PracticeFactory(physician=physician, center=center)
    return physician


@pytest.fixture
def two_towns():
    espanola = CenterFactory(name="Española Valley Center", city="Española", state="NM", zip_code="87532")
    canon = CenterFactory(name="Fremont County Center", city="Cañon City", state="CO", zip_code="81212")
    physician_at(espanola, "Valdez")
    physician_at(canon, "Reyes")
    return espanola, canon


@pytest.mark.parametrize("center", ["Española", "Espanola", "espanola", "ESPAÑOLA", "espanola valley"])
def test_a_center_name_matches_with_or_without_accents(client, two_towns, center):
    response = client.get(DIRECTORY, {"center": center})
    assert response.status_code == 200
    assert listed(response) == ["Dr. Ana Valdez, MD"]


@pytest.mark.parametrize("center", ["Cañon City", "Canon City", "canon", "CAÑON CITY", "fremont canon"])
def test_a_center_city_matches_with_or_without_accents_and_with_the_name(client, two_towns, center):
    response = client.get(DIRECTORY, {"center": center})
    assert response.status_code == 200
    assert listed(response) == ["Dr. Ana Reyes, MD"]


def test_a_center_search_that_matches_nothing_says_so_and_keeps_the_text(client, two_towns):
    response = client.get(DIRECTORY, {"center": "Señora"})
    assert response.status_code == 400
    assert "We found no center named “Señora”" in response.content.decode()
    assert attr(find_one(parse(response), "input", name="center"), "value") == "Señora"


def test_a_renamed_center_is_found_by_its_new_name(client, two_towns):
    espanola, _ = two_towns
    espanola.name = "Río Grande Center"
    espanola.save()
    assert listed(client.get(DIRECTORY, {"center": "rio grande"})) == ["Dr. Ana Valdez, MD"]
    assert client.get(DIRECTORY, {"center": "valley"}).status_code == 400


def test_an_imported_center_is_found_without_accents(client, tmp_path):
    row = {**AUSTIN, "name": "Clínica Española", "city": "Española", "state": "NM", "zip": "87532", "hours": ""}
    run(write_csv(tmp_path / "centers.csv", [row]))
    physician_at(Center.objects.get(name="Clínica Española"), "Lucero")
    assert listed(client.get(DIRECTORY, {"center": "clinica espanola"})) == ["Dr. Ana Lucero, MD"]


def test_the_migration_folds_the_names_of_centers_already_stored(two_towns):
    Center.objects.update(search_text="")
    migration("appointments", "0010_center_search_text").fill(apps, None)
    assert sorted(Center.objects.values_list("search_text", flat=True)) == [
        "espanola valley center espanola",
        "fremont county center canon city",
    ]
