"""Set-up for the benchmarks (bench/run.py, bench/cpu.py, bench/staff.py): the CSS assets, the environment and
settings, Django, and the database: migrated, with the bench-… centers (added, and removed again), static files
collected."""

import os
import random
import subprocess
import sys
import time
from datetime import time as clock
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SEED = 2024
# The contiguous United States: (south, north) latitudes and (west, east) longitudes.
US_LATITUDES = (24.5, 49.4)
US_LONGITUDES = (-124.8, -66.9)


def ensure_assets() -> None:
    """The CSS is built from npm packages into assets/; build it if it is missing."""
    if not (BASE_DIR / "assets" / "css" / "site.css").exists():
        print("assets/css/site.css is missing: make assets")
        subprocess.run(["make", "assets"], cwd=BASE_DIR, check=True, timeout=300)  # noqa: S607


def configure_environment(tmp: Path, page_cache: bool) -> bool:
    """Point Django at bench.settings, and at a new SQLite file unless DATABASE_URL is set.

    Returns whether the database is ours to throw away. The environment is inherited by gunicorn.
    """
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if not page_cache:
        os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ["BENCH_STATIC_ROOT"] = str(tmp / "staticfiles")
    os.environ["CACHE_DIR"] = str(tmp / "cache")  # the shared cache's folder: this run's, never the project's
    os.environ["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BASE_DIR), os.environ.get("PYTHONPATH")]))
    if os.environ.get("DATABASE_URL"):
        return False
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    return True


def setup_django() -> None:
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def prepare_site(centers: int, own_database: bool) -> None:
    """Migrate (the content comes from a data migration), add the centers, collect the static files."""
    from django.core.management import call_command
    from django.db import connections

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    if not own_database:
        remove_bench_centers()
    create_centers(centers)
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()  # gunicorn's workers open their own
    print(f"Set up in {time.monotonic() - started:.1f} s: migrated, {centers:,} centers, static files collected")


def create_centers(count: int) -> None:
    """`count` active centers at random places in the contiguous US (fixed seed), open on weekdays 8 to 5,
    offering every procedure. Bulk inserts throughout, so 10,000 take seconds."""
    from django.db import transaction

    from appointments.models import Center, OpeningHours
    from procedures.models import Procedure

    rng = random.Random(SEED)
    procedures = list(Procedure.objects.values_list("pk", flat=True))
    offers = Center.procedures.through
    with transaction.atomic():
        Center.objects.bulk_create(
            (
                Center(
                    name=f"Bench Center {i:05d}",
                    slug=f"bench-{i:05d}",
                    address=f"{i + 1} Main Street",
                    # The address is the same everywhere: only the coordinates matter to the locator.
                    city="Austin",
                    state="TX",
                    zip_code="78701",
                    latitude=rng.uniform(*US_LATITUDES),
                    longitude=rng.uniform(*US_LONGITUDES),
                    phone="(555) 010-0123",
                    timezone="America/Chicago",
                )
                for i in range(count)
            ),
            batch_size=1000,
        )
        ids = list(Center.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
        OpeningHours.objects.bulk_create(
            (
                OpeningHours(center_id=pk, weekday=day, opens=clock(8), closes=clock(17))
                for pk in ids
                for day in range(5)
            ),
            batch_size=2000,
        )
        offers.objects.bulk_create(
            (offers(center_id=pk, procedure_id=procedure) for pk in ids for procedure in procedures),
            batch_size=2000,
        )


def remove_bench_centers() -> None:
    """Delete the centers a run added (slugs bench-…) and the rows that point to them, in plain SQL: the ORM
    would write a history row for each of the 60,000 rows it deletes."""
    from django.db import connection, transaction

    from appointments.models import Center, OpeningHours, Practice

    quote = connection.ops.quote_name
    centers = f"SELECT id FROM {quote(Center._meta.db_table)} WHERE slug LIKE %s"  # noqa: S608 (names, not input)
    dependents = [Center.procedures.through, OpeningHours, Practice]
    with transaction.atomic(), connection.cursor() as cursor:
        for model in dependents:
            table = quote(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE center_id IN ({centers})", ["bench-%"])  # noqa: S608
        cursor.execute(f"DELETE FROM {quote(Center._meta.db_table)} WHERE slug LIKE %s", ["bench-%"])  # noqa: S608
