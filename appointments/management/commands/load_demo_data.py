"""`manage.py load_demo_data`: fictional centers and physicians, marked as demo data, for local use and review.

Everything is drawn from a fixed seed, so every run gives the same rows; a second run changes nothing. Rows
that are not demo data are never changed or deleted, even when a slug happens to match.
"""

import random
import secrets
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from appointments import geo
from appointments.hours import parse_hours
from appointments.models import Center, Language, OpeningHours, Physician, Practice
from procedures.models import Procedure

SEED = 2024
PHYSICIAN_COUNT = 90

# (city, state, ZIP, time zone, area code): real ZIP codes and area codes, with the time zone the ZIP keeps
# (El Paso and Boise are on Mountain time, Pensacola on Central, Indianapolis and Detroit on Eastern).
CITIES = [
    ("Austin", "TX", "78701", "America/Chicago", "512"),
    ("Houston", "TX", "77002", "America/Chicago", "713"),
    ("San Antonio", "TX", "78205", "America/Chicago", "210"),
    ("El Paso", "TX", "79901", "America/Denver", "915"),
    ("Dallas", "TX", "75201", "America/Chicago", "214"),
    ("Phoenix", "AZ", "85004", "America/Phoenix", "602"),
    ("Tucson", "AZ", "85701", "America/Phoenix", "520"),
    ("Los Angeles", "CA", "90012", "America/Los_Angeles", "213"),
    ("San Diego", "CA", "92101", "America/Los_Angeles", "619"),
    ("Sacramento", "CA", "95814", "America/Los_Angeles", "916"),
    ("Fresno", "CA", "93721", "America/Los_Angeles", "559"),
    ("Portland", "OR", "97204", "America/Los_Angeles", "503"),
    ("Seattle", "WA", "98104", "America/Los_Angeles", "206"),
    ("Spokane", "WA", "99201", "America/Los_Angeles", "509"),
    ("Boise", "ID", "83702", "America/Denver", "208"),
    ("Salt Lake City", "UT", "84111", "America/Denver", "801"),
    ("Las Vegas", "NV", "89101", "America/Los_Angeles", "702"),
    ("Reno", "NV", "89501", "America/Los_Angeles", "775"),
    ("Denver", "CO", "80202", "America/Denver", "303"),
    ("Albuquerque", "NM", "87102", "America/Denver", "505"),
    ("Billings", "MT", "59101", "America/Denver", "406"),
    ("Cheyenne", "WY", "82001", "America/Denver", "307"),
    ("Omaha", "NE", "68102", "America/Chicago", "402"),
    ("Wichita", "KS", "67202", "America/Chicago", "316"),
    ("Kansas City", "MO", "64106", "America/Chicago", "816"),
    ("St. Louis", "MO", "63101", "America/Chicago", "314"),
    ("Minneapolis", "MN", "55401", "America/Chicago", "612"),
    ("Des Moines", "IA", "50309", "America/Chicago", "515"),
    ("Sioux Falls", "SD", "57104", "America/Chicago", "605"),
    ("Fargo", "ND", "58102", "America/Chicago", "701"),
    ("Milwaukee", "WI", "53202", "America/Chicago", "414"),
    ("Chicago", "IL", "60602", "America/Chicago", "312"),
    ("Indianapolis", "IN", "46204", "America/New_York", "317"),
    ("Detroit", "MI", "48226", "America/New_York", "313"),
    ("Grand Rapids", "MI", "49503", "America/New_York", "616"),
    ("Columbus", "OH", "43215", "America/New_York", "614"),
    ("Cleveland", "OH", "44113", "America/New_York", "216"),
    ("Louisville", "KY", "40202", "America/New_York", "502"),
    ("Nashville", "TN", "37203", "America/Chicago", "615"),
    ("Knoxville", "TN", "37902", "America/New_York", "865"),
    ("Memphis", "TN", "38103", "America/Chicago", "901"),
    ("Atlanta", "GA", "30303", "America/New_York", "404"),
    ("Birmingham", "AL", "35203", "America/Chicago", "205"),
    ("Jackson", "MS", "39201", "America/Chicago", "601"),
    ("New Orleans", "LA", "70112", "America/Chicago", "504"),
    ("Little Rock", "AR", "72201", "America/Chicago", "501"),
    ("Oklahoma City", "OK", "73102", "America/Chicago", "405"),
    ("Jacksonville", "FL", "32202", "America/New_York", "904"),
    ("Tampa", "FL", "33602", "America/New_York", "813"),
    ("Miami", "FL", "33130", "America/New_York", "305"),
    ("Pensacola", "FL", "32502", "America/Chicago", "850"),
    ("Charlotte", "NC", "28202", "America/New_York", "704"),
    ("Raleigh", "NC", "27601", "America/New_York", "919"),
    ("Charleston", "SC", "29401", "America/New_York", "843"),
    ("Richmond", "VA", "23219", "America/New_York", "804"),
    ("Washington", "DC", "20005", "America/New_York", "202"),
    ("Baltimore", "MD", "21202", "America/New_York", "410"),
    ("Wilmington", "DE", "19801", "America/New_York", "302"),
    ("Philadelphia", "PA", "19107", "America/New_York", "215"),
    ("Pittsburgh", "PA", "15222", "America/New_York", "412"),
    ("Newark", "NJ", "07102", "America/New_York", "973"),
    ("Buffalo", "NY", "14202", "America/New_York", "716"),
    ("Albany", "NY", "12207", "America/New_York", "518"),
    ("Hartford", "CT", "06103", "America/New_York", "860"),
    ("Providence", "RI", "02903", "America/New_York", "401"),
    ("Boston", "MA", "02108", "America/New_York", "617"),
    ("Manchester", "NH", "03101", "America/New_York", "603"),
    ("Burlington", "VT", "05401", "America/New_York", "802"),
    ("Anchorage", "AK", "99501", "America/Anchorage", "907"),
    ("Honolulu", "HI", "96813", "Pacific/Honolulu", "808"),
    ("San Juan", "PR", "00901", "America/Puerto_Rico", "787"),
]

STREETS = [
    "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Park Boulevard", "Lakeview Road", "River Road",
    "Elm Street", "Willow Way", "Hillcrest Avenue", "Medical Plaza Drive", "Sunset Boulevard", "Pine Street",
    "Meadow Lane", "Harbor Drive", "Center Street",
]  # fmt: skip

HOURS = [
    "Mon-Fri 08:00-17:00",
    "Mon-Fri 07:30-16:30",
    "Mon-Fri 08:00-12:00,13:00-17:00",
    "Mon-Thu 08:00-17:00; Fri 08:00-14:00",
    "Mon-Fri 09:00-18:00",
    "Mon,Wed,Fri 07:00-16:00; Tue,Thu 09:00-18:00",
]
SATURDAY_MORNING = "Sat 08:00-12:00"

FIRST_NAMES = [
    "Maria", "James", "Wei", "Aisha", "Daniel", "Priya", "Mohammed", "Grace", "Luis", "Mei", "Olumide", "Sarah",
    "Hiroshi", "Fatima", "Carlos", "Emily", "Arjun", "Leila", "Marcus", "Sofia", "Kwame", "Rachel", "Minh", "Elena",
    "David", "Jasmine", "Omar", "Hannah", "Rafael", "Yuki", "Samuel", "Amara", "Ivan", "Nadia", "Joseph", "Ji-woo",
    "Teresa", "Benjamin", "Chloe", "Andre", "Farah", "Michael", "Isabel", "Tomasz", "Lakshmi", "Kevin", "Rosa",
    "Jamal", "Anh", "Natalia", "Christopher", "Ayesha", "Gabriel", "Ruth",
]  # fmt: skip
LAST_NAMES = [
    "Garcia", "Nguyen", "Chen", "Patel", "Johnson", "Kim", "Okafor", "Haddad", "Rodriguez", "Williams", "Santos",
    "Tran", "Khan", "Martinez", "Nakamura", "Mensah", "Cohen", "Reyes", "Singh", "O'Brien", "Dubois", "Park", "Ali",
    "Kowalski", "Lopez", "Bui", "Rahman", "Murphy", "Hernandez", "Yilmaz", "Abebe", "Morales", "Le", "Huang",
    "Thompson", "Castillo", "Wang", "Gupta", "Lee", "Adeyemi", "Novak", "Flores", "Mendoza", "Jackson", "Bennett",
    "Dela Cruz", "Romero", "Sharma", "Nasser", "Volkov", "Choi", "Brooks", "Ortiz", "Rivera", "Hassan", "Walker",
    "Pham", "Laurent", "Zhang", "Iyer", "Bautista", "Aguilar", "Okonkwo", "Sato", "Fischer", "Rossi", "Andersen",
    "Mukherjee", "Das", "Kaur", "Vo", "Hoang", "Torres", "Ramirez", "Cruz", "Salazar", "Baker", "Foster", "Green",
    "Hughes", "Price", "Coleman", "Washington", "Bell", "Yamamoto", "Tanaka", "Lim", "Ng", "Tan", "Goldberg",
    "Friedman", "Popescu", "Horvat", "Petrov", "Ahmed", "Karimi", "Saleh", "Boateng",
]  # fmt: skip
OTHER_LANGUAGES = ["Spanish", "Mandarin", "Vietnamese", "Tagalog", "Arabic", "French", "Hindi", "Korean", "Russian"]

# (board certifications, residency, fellowship or None): the training paths of interventional pain physicians.
TRAINING = [
    (["Anesthesiology", "Pain Medicine"], "Residency in Anesthesiology", "Fellowship in Pain Medicine"),
    (
        ["Physical Medicine and Rehabilitation", "Pain Medicine"],
        "Residency in Physical Medicine and Rehabilitation",
        "Fellowship in Pain Medicine",
    ),
    (["Physical Medicine and Rehabilitation"], "Residency in Physical Medicine and Rehabilitation", None),
    (["Interventional Radiology"], "Residency in Interventional Radiology", None),
    (["Anesthesiology"], "Residency in Anesthesiology", None),
]
# Names in the style of the model's own example (“MD, Example University”), so no real school is named.
MEDICAL_SCHOOLS = {
    "MD": ["Example University School of Medicine", "Example State University College of Medicine"],
    "DO": ["Example College of Osteopathic Medicine", "Example University College of Osteopathic Medicine"],
}
HOSPITALS = ["Example University Hospital", "Example Regional Medical Center", "Example Teaching Hospital"]


@dataclass
class Tally:
    """What happened to the rows of one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return text + (f", {self.skipped} skipped (the slug belongs to real data)" if self.skipped else "")


class Command(BaseCommand):
    help = "Create or update the fictional demo centers and physicians (marked as demo data; real rows untouched)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-staff",
            action="store_true",
            help="Also create demo staff accounts with new random passwords, printed once (for local use).",
        )

    def handle(self, *args, with_staff: bool = False, **options) -> None:
        started = time.monotonic()
        procedures = list(Procedure.objects.published())
        if not procedures:
            raise CommandError("No published procedures to offer; run `manage.py migrate` first.")
        rng = random.Random(SEED)
        with transaction.atomic():
            centers, offers, center_tally = self.load_centers(rng, procedures)
            physicians, physician_tally = self.load_physicians(rng, centers, offers)
        states = len({center.state for center in centers})
        self.stdout.write(f"Demo centers: {len(centers)} in {states} states ({center_tally}).")
        self.stdout.write(f"Demo physicians: {len(physicians)} ({physician_tally}).")
        if with_staff:
            self.load_staff(centers)
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {time.monotonic() - started:.1f} s."))

    def load_staff(self, centers: list[Center]) -> None:
        """Three demo accounts, one per role, so the staff workflow can be tried locally."""
        austin = next(center for center in centers if center.city == "Austin")
        accounts = [
            ("demo-editor", ["Content editors"], [], "edits procedure pages, centers and physicians"),
            ("demo-austin", ["Center staff"], [austin], f"works the requests of {austin.name} only"),
            (
                "demo-manager",
                ["Center staff", "Practice managers"],
                [],
                "sees and exports the requests of every center, decides who works where",
            ),
        ]
        self.stdout.write("Demo staff accounts (sign in at /admin/; passwords are new on every run):")
        for username, group_names, staffed, role in accounts:
            user, _ = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@azura.example"}
            )
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.is_staff = True
            user.save()
            user.groups.set(Group.objects.filter(name__in=group_names))
            for center in staffed:
                center.staff.add(user)
            if username == "demo-manager":
                user.user_permissions.set(
                    Permission.objects.filter(
                        content_type__app_label="appointments",
                        codename__in=["view_all_centers", "export_appointmentrequest"],
                    )
                )
            self.stdout.write(f"  {username} / {password}  ({role})")

    def load_centers(
        self, rng: random.Random, procedures: list[Procedure]
    ) -> tuple[list[Center], dict[str, list[Procedure]], Tally]:
        phone_numbers = rng.sample(range(100), len(CITIES))  # 555-0100 to 555-0199: reserved for fiction
        rows: dict[str, dict] = {}
        offers: dict[str, list[Procedure]] = {}
        hours: dict[str, list] = {}
        for (city, state, zip_code, time_zone, area_code), number in zip(CITIES, phone_numbers, strict=True):
            point = geo.zip_point(zip_code)
            if point is None:
                raise CommandError(f"ZIP code {zip_code} ({city}) is not in the ZIP code dataset.")
            name = f"Azura Demo Center – {city}"
            slug = slugify(f"{name} {city} {state}")  # as Center.save makes it, so import_centers finds it too
            rows[slug] = {
                "name": name,
                "address": f"{rng.randrange(100, 9900, 10)} {rng.choice(STREETS)}",
                "city": city,
                "state": state,
                "zip_code": zip_code,
                "latitude": point[0],
                "longitude": point[1],
                "phone": f"({area_code}) 555-01{number:02d}",
                "notification_email": f"{slugify(city)}.demo@azura.example",
                "timezone": time_zone,
                "is_active": True,
            }
            offers[slug] = rng.sample(procedures, rng.randint(1, len(procedures)))
            weekdays = rng.choice(HOURS)
            hours[slug] = parse_hours(f"{weekdays}; {SATURDAY_MORNING}" if rng.random() < 0.3 else weekdays)

        centers, tally = upsert(Center, rows)
        for center in centers:
            center.procedures.set(offers[center.slug])
        replace_hours(centers, hours)
        return centers, offers, tally

    def load_physicians(
        self, rng: random.Random, centers: list[Center], offers: dict[str, list[Procedure]]
    ) -> tuple[list[Physician], Tally]:
        languages = {name: Language.objects.get_or_create(name=name)[0] for name in ["English", *OTHER_LANGUAGES]}
        # Each last name once, so that “Dr. Nguyen” on a page means one physician.
        names = [(rng.choice(FIRST_NAMES), last) for last in rng.sample(LAST_NAMES, PHYSICIAN_COUNT)]
        rows: dict[str, dict] = {}
        links: dict[str, tuple[list, list, dict]] = {}
        for index, (first, last) in enumerate(names):
            credentials = "DO" if rng.random() < 0.25 else "MD"
            certifications, residency, fellowship = rng.choice(TRAINING)
            education = [f"{credentials}, {rng.choice(MEDICAL_SCHOOLS[credentials])}"]
            education.append(f"{residency}, {rng.choice(HOSPITALS)}")
            if fellowship:
                education.append(f"{fellowship}, {rng.choice(HOSPITALS)}")
            slug = slugify(f"{first} {last} {credentials}")  # as Physician.save makes it
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

        physicians, tally = upsert(Physician, rows)
        for physician in physicians:
            spoken, performs, _ = links[physician.slug]
            physician.languages.set(spoken)
            physician.procedures.set(performs)
        sync_practices({physician: links[physician.slug][2] for physician in physicians})
        return physicians, tally


def point_of(center: Center) -> geo.Point:
    return (center.latitude, center.longitude)


def upsert(model: type[models.Model], rows: dict[str, dict]) -> tuple[list, Tally]:
    """Create or update a demo row for each slug, saving only what changed; a real row with the slug is left alone."""
    tally = Tally()
    existing = model.objects.in_bulk(list(rows), field_name="slug")
    saved = []
    for slug, fields in rows.items():
        instance = existing.get(slug)
        if instance is None:
            instance = model(slug=slug, is_demo=True, **fields)
            instance.save()
            tally.created += 1
        elif not instance.is_demo:
            tally.skipped += 1
            continue
        elif any(getattr(instance, field) != value for field, value in fields.items()):
            for field, value in fields.items():
                setattr(instance, field, value)
            instance.save()
            tally.updated += 1
        else:
            tally.unchanged += 1
        saved.append(instance)
    return saved, tally


def replace_hours(centers: list[Center], hours: dict[str, list]) -> None:
    """Give each center its opening hours, rewriting only those that differ (so a second run records no change)."""
    current: dict[int, list] = {center.pk: [] for center in centers}
    for row in OpeningHours.objects.filter(center__in=centers):
        current[row.center_id].append((row.weekday, row.opens, row.closes))
    stale = [center for center in centers if sorted(current[center.pk]) != hours[center.slug]]
    OpeningHours.objects.filter(center__in=stale).delete()
    new = [OpeningHours(center=c, weekday=d, opens=o, closes=e) for c in stale for d, o, e in hours[c.slug]]
    bulk_create_with_history(new, OpeningHours)


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
