"""`manage.py load_demo_data`: fictional centers and physicians, marked as demo data, for local use and review.

Everything is drawn from a fixed seed, so every run gives the same rows; a second run changes nothing. Rows
that are not demo data are never changed or deleted, even when a slug happens to match.
"""

import random
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from appointments import geo, upsert
from appointments.demo_data import (
    CITIES,
    FIRST_NAMES,
    HOSPITALS,
    HOURS,
    LAST_NAMES,
    MANAGER_PERMISSIONS,
    MEDICAL_SCHOOLS,
    OTHER_LANGUAGES,
    PHYSICIAN_COUNT,
    SATURDAY_MORNING,
    SEED,
    STAFF,
    STREETS,
    TRAINING,
)
from appointments.demo_requests import load_demo_requests
from appointments.hours import parse_hours
from appointments.models import Center, Language, Physician, Practice
from core import rendered, slugs
from procedures.models import Procedure


@dataclass
class Tally:
    """What happened to the rows of one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    @classmethod
    def of(cls, saved: upsert.Saved) -> "Tally":
        return cls(len(saved.created), len(saved.updated), len(saved.unchanged), saved.skipped)

    def __str__(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return text + (f", {self.skipped} skipped (the slug belongs to real data)" if self.skipped else "")


class Command(BaseCommand):
    help = "Create or update the fictional demo centers and physicians (marked as demo data; real rows untouched)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--with-staff",
            action="store_true",
            help="Also create demo staff accounts with new random passwords, printed once (for local use).",
        )
        parser.add_argument(
            "--passwords-file",
            default="",
            help="With --with-staff: also write the accounts and passwords to this file (readable by you only), so "
            "they can be printed again (make demo-staff).",
        )

    def handle(self, *args: str, with_staff: bool = False, passwords_file: str = "", **options: object) -> None:
        started = time.monotonic()
        procedures = list(Procedure.objects.published())
        if not procedures:
            raise CommandError("No published procedures to offer; run `manage.py migrate` first.")
        rng = random.Random(SEED)
        with transaction.atomic():
            centers, offers, center_tally = self.load_centers(rng, procedures)
            physicians, physician_tally = self.load_physicians(rng, centers, offers)
            transaction.on_commit(rendered.content_changed)  # bulk writes send no signals (upsert.py)
        states = len({center.state for center in centers})
        self.stdout.write(f"Demo centers: {len(centers)} in {states} states ({center_tally}).")
        self.stdout.write(f"Demo physicians: {len(physicians)} ({physician_tally}).")
        if with_staff:
            self.load_staff(centers, passwords_file)
        requests = load_demo_requests(centers, rng)
        self.stdout.write(f"Demo appointment requests: {requests} created" if requests else "Demo appointment "
                          "requests: kept as they are (the demo centers have requests already).")  # fmt: skip
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {time.monotonic() - started:.1f} s."))

    def load_staff(self, centers: list[Center], passwords_file: str) -> None:
        """Three demo accounts, one per role, so the staff workflow can be tried locally."""
        austin = next(center for center in centers if center.city == "Austin")
        lines = ["Demo staff accounts (sign in at /admin/; passwords are new on every run):"]
        for username, group_names, works_at_austin, sees_all, role in STAFF:
            user, _ = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@azura.example"}
            )
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.is_staff = True
            user.save()
            user.groups.set(Group.objects.filter(name__in=group_names))
            if works_at_austin:
                austin.staff.add(user)
            if sees_all:
                user.user_permissions.set(
                    Permission.objects.filter(content_type__app_label="appointments", codename__in=MANAGER_PERMISSIONS)
                )
            lines.append(f"  {username} / {password}  ({role.format(austin=austin.name)})")
        self.stdout.write("\n".join(lines))
        if passwords_file:
            path = Path(passwords_file)
            path.touch(mode=0o600)
            path.write_text("\n".join(lines) + "\n")

    def load_centers(
        self, rng: random.Random, procedures: list[Procedure]
    ) -> tuple[list[Center], dict[str, list[Procedure]], Tally]:
        phone_numbers = rng.sample(range(100), len(CITIES))  # 555-0100 to 555-0199: reserved for fiction
        rows: dict[str, dict] = {}
        offers: dict[str, list[Procedure]] = {}
        hours: dict[str, upsert.Hours] = {}
        for (city, state, zip_code, time_zone, area_code), number in zip(CITIES, phone_numbers, strict=True):
            point = geo.zip_point(zip_code)
            if point is None:
                raise CommandError(f"ZIP code {zip_code} ({city}) is not in the ZIP code dataset.")
            name = f"Azura Demo Center – {city}"
            slug = Center.slug_for(name, city, state)  # so import_centers finds it too
            rows[slug] = {
                "name": name,
                "address": f"{rng.randrange(100, 9900, 10)} {rng.choice(STREETS)}",
                "city": city,
                "state": state,
                "zip_code": zip_code,
                "latitude": point[0],
                "longitude": point[1],
                "phone": f"+1{area_code}55501{number:02d}",  # E.164, as the field stores it
                "notification_email": f"{slugs.slug_of(city)}.demo@azura.example",
                "timezone": time_zone,
                "is_active": True,
            }
            offers[slug] = rng.sample(procedures, rng.randint(1, len(procedures)))
            weekdays = rng.choice(HOURS)
            hours[slug] = parse_hours(f"{weekdays}; {SATURDAY_MORNING}" if rng.random() < 0.3 else weekdays)

        saved = upsert.save_changed(Center, rows, new={"is_demo": True}, skip=is_real)
        upsert.set_procedures({center: offers[center.slug] for center in saved.rows})
        upsert.set_hours({center: hours[center.slug] for center in saved.rows})
        return saved.rows, offers, Tally.of(saved)

    def load_physicians(
        self, rng: random.Random, centers: list[Center], offers: dict[str, list[Procedure]]
    ) -> tuple[list[Physician], Tally]:
        languages = {name: Language.objects.get_or_create(name=name)[0] for name in ["English", *OTHER_LANGUAGES]}
        # Each last name once, so that “Dr. Nguyen” on a page means one physician.
        names = [(rng.choice(FIRST_NAMES), last) for last in rng.sample(LAST_NAMES, PHYSICIAN_COUNT)]
        rows: dict[str, dict] = {}
        links: dict[str, tuple[list[Language], list[Procedure], dict[int, bool]]] = {}
        for index, (first, last) in enumerate(names):
            credentials = "DO" if rng.random() < 0.25 else "MD"
            certifications, residency, fellowship = rng.choice(TRAINING)
            education = [f"{credentials}, {rng.choice(MEDICAL_SCHOOLS[credentials])}"]
            education.append(f"{residency}, {rng.choice(HOSPITALS)}")
            if fellowship:
                education.append(f"{fellowship}, {rng.choice(HOSPITALS)}")
            slug = Physician.slug_for(first, last, credentials)
            rows[slug] = {
                "first_name": first,
                "last_name": last,
                "credentials": credentials,
                "biography": (
                    f"Dr. {first} {last} is a fictional physician created for demonstration. "
                    "This profile shows how a biography appears.\n\n"
                    "In a real profile, this part would describe the physician's training, their approach to "
                    "working with patients, and perhaps their interests outside work."
                ),
                "board_certifications": "\n".join(certifications),
                "education": "\n".join(education),
                "is_active": True,
            }
            spoken = ["English", *rng.sample(OTHER_LANGUAGES, rng.choice([0, 0, 0, 1, 1, 2]))]
            # Every center gets at least one physician; the others they visit are nearby, as in real life.
            home = centers[index % len(centers)]
            nearby = sorted(centers, key=lambda c: geo.distance_miles(point_of(home), point_of(c)))[1:4]
            practice_at = [home, *rng.sample(nearby, rng.choice([0, 1, 1, 2]))]
            offered = sorted({p for center in practice_at for p in offers[center.slug]}, key=lambda p: p.pk)
            performs = rng.sample(offered, rng.randint(1, len(offered)))
            accepting = {center.pk: rng.random() < 0.7 for center in practice_at}
            links[slug] = ([languages[name] for name in spoken], performs, accepting)

        saved = upsert.save_changed(Physician, rows, new={"is_demo": True}, skip=is_real)
        physicians = saved.rows
        for physician in physicians:
            speaks, performs, _ = links[physician.slug]
            physician.languages.set(speaks)
            physician.procedures.set(performs)
        sync_practices({physician: links[physician.slug][2] for physician in physicians})
        return physicians, Tally.of(saved)


def point_of(center: Center) -> geo.Point:
    """A demo center's location (each is stored with its ZIP code's point: _centers)."""
    if center.latitude is None or center.longitude is None:
        raise ValueError(f"The demo center {center.slug} has no location.")
    return (center.latitude, center.longitude)


def is_real(row: Center | Physician) -> bool:
    """A row that is not demo data: never changed, even when its slug matches a demo row's."""
    return not row.is_demo


def sync_practices(wanted: dict[Physician, dict[int, bool]]) -> None:
    """Make each demo physician practise at exactly their demo centers, with “accepting new patients” as given.

    Only links between a demo physician and a demo center are removed: one staff added to a real center stays.
    """
    current = {
        (practice.physician_id, practice.center_id): practice
        for practice in Practice.objects.filter(physician__in=wanted, center__is_demo=True)
    }
    new = []
    for physician, accepting in wanted.items():
        for center_id, accepts in accepting.items():
            practice = current.pop((physician.pk, center_id), None)
            if practice is None:
                new.append(Practice(physician=physician, center_id=center_id, accepting_new_patients=accepts))
            elif practice.accepting_new_patients != accepts:
                practice.accepting_new_patients = accepts
                practice.save()
    Practice.objects.filter(pk__in=[practice.pk for practice in current.values()]).delete()
    bulk_create_with_history(new, Practice)
