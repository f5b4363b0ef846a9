"""Benchmark the staff side with 100,000 appointment requests: the request list, searches, filters and the
CSV export, side by side with the bare view, and the query plan of each search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/azura_bench_staff .venv/bin/python bench/staff.py

DATABASE_URL must name a PostgreSQL database you can throw away: its appointment requests, the staff-bench-…
centers and the bench-… users are replaced on every run. gunicorn (bench.settings, DEBUG off) serves on
127.0.0.1; wrk measures each page as a signed-in staff member (a session cookie); the export is a POST, timed
from Python. Results are printed and written to bench/results/staff.json. Everything stays on loopback.
"""

import argparse
import http.client
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import measuring, prepare, serving, summary

SEED = 2026
CSRF = "benchbenchbenchbenchbenchbench12"  # a fixed CSRF secret sent as cookie and form field
RESULTS_FILE = prepare.BASE_DIR / "bench" / "results" / "staff.json"
ADMIN = "/admin/appointments/appointmentrequest/"
AREAS = [512, 737, 713, 832, 281, 214, 469, 972, 817, 210]  # Texas area codes: real numbers' shape (E.164)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000, help="appointment requests (default 100,000)")
    parser.add_argument("--centers", type=int, default=100, help="centers they are spread over (default 100)")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page (default 5)")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=serving.WORKERS)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--rounds", type=int, default=1)
    return parser.parse_args()


def create_data(count: int, centers: int) -> dict:
    """The centers, `count` requests spread over them and over a year, and two staff members; bulk inserts."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db import connection, transaction
    from django.utils import timezone

    from appointments.models import REFERENCE_ALPHABET, AppointmentRequest, Center, RequestNote

    rng = random.Random(SEED)
    statuses = ["new"] * 30 + ["contacted"] * 15 + ["scheduled"] * 15 + ["closed"] * 30 + ["spam"] * 10
    now = timezone.now()
    with transaction.atomic():
        RequestNote.objects.all().delete()
        with connection.cursor() as cursor:  # the ORM would write a history row for each
            cursor.execute("DELETE FROM appointments_appointmentrequest")
            cursor.execute("DELETE FROM appointments_historicalappointmentrequest")
        Center.staff.through.objects.filter(center__slug__startswith="staff-bench-").delete()
        Center.objects.filter(slug__startswith="staff-bench-").delete()
        get_user_model().objects.filter(username__startswith="bench-").delete()
        made = Center.objects.bulk_create(
            Center(name=f"Staff Bench Center {i:03d}", slug=f"staff-bench-{i:03d}", address="1 Main Street",
                   city="Austin", state="TX", zip_code="78701", latitude=30.27, longitude=-97.74,
                   phone="(512) 555-0100", timezone="America/Chicago")
            for i in range(centers)
        )  # fmt: skip
        references: set[str] = set()
        while len(references) < count:
            chars = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(8))
            references.add(f"AZ-{chars[:4]}-{chars[4:]}")
        rows = []
        for i, reference in enumerate(sorted(references, key=lambda _: rng.random())):
            status = rng.choice(statuses)
            when = now - timedelta(minutes=rng.randrange(365 * 24 * 60))
            rows.append(
                AppointmentRequest(
                    reference=reference, center=made[i % centers], first_name=f"Pat{i % 997}",
                    last_name=f"Benchpatient{i:06d}", date_of_birth=now.date() - timedelta(days=20000 + i % 9000),
                    phone=f"+1{AREAS[i % len(AREAS)]}{rng.randrange(200, 1000)}{rng.randrange(10000):04d}",
                    patient_status="new", consent_at=when,
                    privacy_notice_version="bench", status=status,
                    closed_reason="declined" if status == "closed" else "", created_at=when, updated_at=when,
                )
            )  # fmt: skip
        AppointmentRequest.objects.bulk_create(rows, batch_size=5000)
        # bulk_create sets auto_now(_add) fields to now: put them back where the rows say.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE appointments_appointmentrequest SET created_at = consent_at, updated_at = consent_at"
            )
        users = get_user_model().objects
        worker = users.create_user("bench-center-staff", is_staff=True)  # no password: a session is made
        worker.user_permissions.set(Permission.objects.filter(codename="view_appointmentrequest"))
        made[0].staff.add(worker)
        head_office = users.create_user("bench-head-office", is_staff=True)  # no password: a session is made
        head_office.user_permissions.set(
            Permission.objects.filter(
                codename__in=["view_appointmentrequest", "view_all_centers", "export_appointmentrequest"]
            )
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would have: index-only counts
    sample = rows[count // 2]
    return {"worker": worker, "head_office": head_office, "center": made[0], "sample": sample}


def session_cookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(3600)
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}; csrftoken={CSRF}"


def pages(data: dict) -> list[tuple[serving.Page, str]]:
    sample, center = data["sample"], data["center"]
    digits = sample.phone[2:]  # the ten digits staff type, "5125550123"
    worker, head = session_cookie(data["worker"]), session_cookie(data["head_office"])
    return [
        (serving.Page("bare view", "/bench/bare/"), head),
        (serving.Page("list, one center's staff", ADMIN), worker),
        (serving.Page("list, every center", ADMIN), head),
        (serving.Page("search: part of a reference", f"{ADMIN}?q={sample.reference[3:7]}"), head),
        (serving.Page("search: phone digits", f"{ADMIN}?q={digits}"), head),
        (serving.Page("search: last name", f"{ADMIN}?q={sample.last_name}"), head),
        (serving.Page("filter: closed at a center", f"{ADMIN}?status=closed&center__id__exact={center.pk}"), head),
        (serving.Page("filter: over a week old", f"{ADMIN}?status=all&received=older_7"), head),
    ]


def get(port: int, path: str, cookie: str) -> int:
    connection = http.client.HTTPConnection(serving.HOST, port, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def measure(
    port: int, args: argparse.Namespace, measured: list[tuple[serving.Page, str]]
) -> list[measuring.Measurement]:
    results = []
    for page, cookie in measured:
        status = get(port, page.path, cookie)
        if status != 200:
            raise RuntimeError(f"{page.name} answered {status}")
        deadline = time.monotonic() + args.warmup
        while time.monotonic() < deadline:
            get(port, page.path, cookie)
        rounds = []
        for _ in range(args.rounds):
            print(f"  {page.name} ({args.duration} s)…", flush=True)
            command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
                       "--latency", "-H", f"Cookie: {cookie}", f"http://{serving.HOST}:{port}{page.path}"]  # fmt: skip
            report = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 30, check=True)  # noqa: S603
            rounds.append(measuring.parse_wrk(page, report.stdout))
        results.append(measuring.median_round(rounds))
    bare = results[0].requests_per_second
    for result in results:
        result.ratio_to_bare = result.requests_per_second / bare if bare else None
    return results


def time_export(port: int, cookie: str, query: str, times: int) -> dict:
    """POST the export action for every request the list shows with `query`; median seconds and rows."""
    from appointments.models import AppointmentRequest

    body = f"action=export_csv&select_across=1&index=0&_selected_action={AppointmentRequest.objects.first().pk}"
    body += f"&csrfmiddlewaretoken={CSRF}"
    durations, rows = [], 0
    for _ in range(times):
        connection = http.client.HTTPConnection(serving.HOST, port, timeout=300)
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Referer": "http://x/"}
        started = time.monotonic()
        connection.request("POST", f"{ADMIN}?{query}", body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        durations.append(time.monotonic() - started)
        connection.close()
        if response.status != 200 or not response.getheader("Content-Type", "").startswith("text/csv"):
            raise RuntimeError(f"export answered {response.status}")
        rows = content.count(b"\n") - 1
    return {"query": query, "rows": rows, "median_s": round(statistics.median(durations), 3), "runs": times}


def explain_searches(data: dict) -> dict[str, str]:
    """EXPLAIN ANALYZE of the list's query for each search, as the admin builds it for head office."""
    from django.contrib import admin
    from django.test import RequestFactory

    from appointments.models import AppointmentRequest

    plans = {}
    for page, _ in pages(data)[3:6]:
        query = dict(part.split("=") for part in page.path.split("?")[1].split("&"))
        request = RequestFactory().get(ADMIN, query)
        request.user = data["head_office"]
        changelist = admin.site._registry[AppointmentRequest].get_changelist_instance(request)
        plans[page.name] = changelist.queryset[:50].explain(analyze=True)
    return plans


def main() -> int:
    args = parse_args()
    import os

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database you can throw away (see the docstring).")
        return 2
    prepare.ensure_assets()
    with tempfile.TemporaryDirectory(prefix="azura-bench-staff-") as tmp:
        prepare.configure_environment(Path(tmp), page_cache=True)
        os.environ["DJANGO_CSRF_TRUSTED_ORIGINS"] = "http://x"
        prepare.setup_django()
        from django.core.management import call_command
        from django.db import connections

        started = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        data = create_data(args.requests, args.centers)
        call_command("collectstatic", interactive=False, verbosity=0)
        print(f"Set up in {time.monotonic() - started:.0f} s: {args.requests:,} requests at {args.centers} centers")
        plans = explain_searches(data)
        measured = pages(data)
        connections.close_all()
        port, log = serving.free_port(), Path(tmp) / "gunicorn.log"
        gunicorn = serving.start_gunicorn(port, args.workers, args.worker_class, log)
        try:
            serving.wait_until_ready(gunicorn, port, log)
            results = measure(port, args, measured)
            head = measured[2][1]
            exports = [
                time_export(port, head, f"status=all&center__id__exact={data['center'].pk}", 3),
                time_export(port, head, "status=all", 1),
            ]
        finally:
            serving.stop_gunicorn(gunicorn)
    summary.print_table(results)
    for export in exports:
        print(f"export ?{export['query']}: {export['rows']:,} rows in {export['median_s']:.2f} s (median)")
    for name, plan in plans.items():
        print(f"\nEXPLAIN ANALYZE, {name}:\n{plan}")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    report = {"requests": args.requests, "centers": args.centers, "pages": [vars(r) for r in results],
              "exports": exports, "plans": plans}  # fmt: skip
    RESULTS_FILE.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written to {RESULTS_FILE.relative_to(prepare.BASE_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
