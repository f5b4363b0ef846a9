"""Benchmark the site's pages against a bare Django view: gunicorn serves, wrk measures, side by side.

    .venv/bin/python bench/run.py [--duration 8] [--rounds 3] [--no-page-cache] [--help for the rest]

1. A throwaway SQLite database in a temporary directory (or DATABASE_URL, if set: a database you can throw
   away; the centers added are removed at the end), migrated, with 10,000 active centers spread across the
   contiguous US, each with weekday hours and every procedure. Settings: bench.settings (DEBUG off).
2. gunicorn on 127.0.0.1, on a free port, with sync workers (as `gunicorn azura_site.wsgi` in the README):
   one per core but one, so 1 on this 2-core machine, and wrk gets the other core. A load generator that
   competes with the server for CPU takes the most from the fastest page, the bare view, where it does the
   most work per second: every ratio would look better than it is. --workers 2 uses both cores for the site.
3. wrk (-t1 -c8 --latency) measures each page one after another, for the same time, after a short warm-up
   that fills the workers' caches (compiled templates, the ZIP code index). Pages are served as in production,
   from the page cache where the view has one; --no-page-cache measures the rendering. A page that does not
   answer 200 is skipped. --rounds N measures every page N times and keeps each page's median round.
   --only procedure measures that page alone beside the bare view (a round: the bare view, then the page).
   --gzip asks for every page gzipped, as browsers do (the bare view's two bytes are never compressed).
4. A table of requests per second, median and 99th-percentile latency, the ratio to the bare view (of the median
   rounds), the round ratio (the median of each round's ratio: steadier on a shared machine), and the CPU time
   gunicorn's workers spent per request with its ratio (the bare view's over the page's: what the page costs the
   server, whatever else loads the machine), also written to bench/results/latest.json (git-ignored).

gunicorn is stopped on the way out, whatever happens (error, Ctrl-C, SIGTERM). Everything stays on loopback.
"""

import argparse
import http.client
import json
import os
import platform
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from datetime import time as clock
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_FILE = BASE_DIR / "bench" / "results" / "latest.json"
HOST = "127.0.0.1"
SEED = 2024
# The contiguous United States: (south, north) latitudes and (west, east) longitudes.
US_LATITUDES = (24.5, 49.4)
US_LONGITUDES = (-124.8, -66.9)
# Every core but one for gunicorn: wrk has the last one (see the docstring).
WORKERS = max(1, (os.cpu_count() or 2) - 1)
# QUALITY.md: a procedure page reaches at least 80% of the requests per second of the bare view.
PROCEDURE_TARGET = 0.80


@dataclass(frozen=True)
class Page:
    """A page to measure: its name in the report and its path on the site."""

    name: str
    path: str


PAGES = [
    Page("bare view", "/bench/bare/"),
    Page("home", "/"),
    Page("procedure", "/pain-management/kyphoplasty/"),
    Page("locator", "/centers/?q=78701&radius=50"),
    Page("locator, a state", "/centers/?q=Texas"),
    Page("physician directory", "/physicians/"),
    Page("physicians near", "/physicians/?near=78701"),
    Page("request form", "/appointments/request/"),
    Page("request form, ?q=78701", "/appointments/request/?q=78701"),
]
BARE = PAGES[0]


@dataclass
class Measurement:
    """What wrk measured for one page."""

    page: str
    path: str
    requests_per_second: float
    p50_ms: float | None  # None when no request completed
    p99_ms: float | None
    requests: int
    errors: int  # socket errors and responses other than 2xx or 3xx
    ratio_to_bare: float | None = None
    rates_of_rounds: list[float] = field(default_factory=list)  # req/s of every round, in order
    # The median of each round's rate over the same round's bare view: steadier than the ratio of two medians
    # while other work comes and goes (with --only, a round measures the bare view right before the page).
    round_ratio: float | None = None
    # The CPU time the gunicorn workers spent per request (user + system, from /proc): what the page costs the
    # server whatever else runs on the machine; its ratio is the bare view's over the page's.
    cpu_ms: float | None = None
    cpu_ratio: float | None = None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of measurement per page (default 8)")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of warm-up per page (default 1)")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections (default 8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk's threads (default 1)")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"gunicorn workers (default {WORKERS})")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"], help="gunicorn workers")
    parser.add_argument("--rounds", type=int, default=1, help="measure every page this often, keep the median")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="PAGE_CACHE_SECONDS=0: measure rendering, not the page cache"
    )
    parser.add_argument(
        "--gzip", action="store_true", help="ask for pages gzipped, as browsers do (Accept-Encoding: gzip)"
    )
    parser.add_argument("--centers", type=int, default=10_000, help="active centers to create (default 10,000)")
    parser.add_argument(
        "--only", default="", help="comma-separated page names to measure (e.g. procedure), beside the bare view"
    )
    args = parser.parse_args()
    if (
        args.duration < 1
        or args.warmup < 0
        or args.workers < 1
        or args.rounds < 1
        or args.connections < args.threads
        or args.centers < 0
    ):
        parser.error("durations and counts must be positive, with at least one connection per thread")
    return args


# --- Set-up: assets, settings, database, static files -------------------------------------------------


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


# --- gunicorn -----------------------------------------------------------------------------------------


def free_port() -> int:
    """A port nobody listens on now, on loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, workers: int, worker_class: str, log: Path) -> subprocess.Popen:
    """gunicorn in a session of its own, so that it can be stopped as one group, master and workers.

    Its output goes to `log`: the site logs a JSON line per request, as in production, but not to the terminal.
    """
    command = [
        sys.executable, "-m", "gunicorn", "azura_site.wsgi:application",
        "--bind", f"{HOST}:{port}",
        "--workers", str(workers),
        "--worker-class", worker_class,
        "--threads", "4" if worker_class == "gthread" else "1",
        "--graceful-timeout", "5",  # on the way out, a queued slow page is not worth waiting for
        "--log-level", "warning",
    ]  # fmt: skip
    with log.open("w") as output:
        return subprocess.Popen(  # noqa: S603
            command, cwd=BASE_DIR, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_gunicorn(process: subprocess.Popen) -> None:
    """SIGTERM to gunicorn's group (the master and its workers), SIGKILL if it is still there after 10 s."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def status_of(port: int, path: str) -> int:
    """The status of one GET, without following redirects (TimeoutError after 30 s)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


def wait_until_ready(process: subprocess.Popen, port: int, log: Path, timeout: float = 30) -> None:
    """Wait until gunicorn answers the bare view; fail with its log if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if status_of(port, BARE.path) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


# --- wrk ----------------------------------------------------------------------------------------------

MILLISECONDS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
PERCENTILE_RE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
RATE_RE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
REQUESTS_RE = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
NON_2XX_RE = re.compile(r"Non-2xx or 3xx responses: (\d+)")
SOCKET_ERRORS_RE = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def run_wrk(url: str, seconds: int, args: argparse.Namespace) -> str:
    """wrk's report for one URL. Bounded: wrk is killed if it overruns by 30 s; a request over 10 s is an error."""
    command = [
        "wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url
    ]  # fmt: skip
    if args.gzip:
        command[1:1] = ["-H", "Accept-Encoding: gzip, deflate, br"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True)  # noqa: S603
    return done.stdout


def parse_wrk(page: Page, report: str) -> Measurement:
    """Requests per second, median and 99th-percentile latency (ms) and errors from wrk's report."""
    percentiles = {p: float(value) * MILLISECONDS[unit] for p, value, unit in PERCENTILE_RE.findall(report)}
    rate, requests = RATE_RE.search(report), REQUESTS_RE.search(report)
    if rate is None or requests is None or set(percentiles) != {"50", "99"}:
        raise ValueError(f"Cannot read wrk's report:\n{report}")
    errors = sum(int(n) for n in NON_2XX_RE.findall(report))
    errors += sum(int(n) for match in SOCKET_ERRORS_RE.findall(report) for n in match)
    return Measurement(
        page=page.name,
        path=page.path,
        requests_per_second=float(rate.group(1)),
        p50_ms=percentiles["50"] if int(requests.group(1)) else None,
        p99_ms=percentiles["99"] if int(requests.group(1)) else None,
        requests=int(requests.group(1)),
        errors=errors,
    )


def warm_up(port: int, path: str, seconds: float, clients: int) -> None:
    """As many clients as gunicorn has workers, each waiting for its answer, for `seconds` (one round at least).

    Every worker compiles the page's templates and fills its caches (the ZIP code index). Unlike a short wrk
    run, it leaves no request queued to slow the next measurement, and it waits for those wrk left queued.
    """
    deadline = time.monotonic() + seconds

    def client() -> None:
        try:
            status_of(port, path)
            while time.monotonic() < deadline:
                status_of(port, path)
        except TimeoutError:
            pass  # a page this slow shows in its measurement

    with ThreadPoolExecutor(clients) as pool:
        for future in [pool.submit(client) for _ in range(clients)]:
            future.result()


def workers_cpu_seconds(master: int) -> float | None:
    """The CPU time (user + system) gunicorn's workers (the master's children) have used so far; None off Linux."""
    ticks, total = os.sysconf("SC_CLK_TCK"), 0.0
    try:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()  # after the command name, from the state on
            except OSError:
                continue  # a process that ended meanwhile
            if int(fields[1]) == master:  # its parent
                total += (int(fields[11]) + int(fields[12])) / ticks
    except (OSError, ValueError):
        return None
    return total


def measure(pages: list[Page], port: int, args: argparse.Namespace, server: int) -> list[Measurement]:
    """Each page in turn, a warm-up then the measurement; with several rounds, each page's median round."""
    rounds: dict[Page, list[Measurement]] = {page: [] for page in pages}
    for number in range(1, args.rounds + 1):
        for page in pages:
            warm_up(port, page.path, args.warmup, args.workers)
            print(f"  round {number}/{args.rounds}: {page.name} ({args.duration} s)…", flush=True)
            cpu_before = workers_cpu_seconds(server)
            report = run_wrk(f"http://{HOST}:{port}{page.path}", args.duration, args)
            cpu_after = workers_cpu_seconds(server)
            measurement = parse_wrk(page, report)
            if cpu_before is not None and cpu_after is not None and measurement.requests:
                measurement.cpu_ms = (cpu_after - cpu_before) * 1000 / measurement.requests
            rounds[page].append(measurement)
    results = []
    for measurements in rounds.values():
        result = median_round(measurements)
        result.rates_of_rounds = [m.requests_per_second for m in measurements]
        costs = sorted(m.cpu_ms for m in measurements if m.cpu_ms is not None)
        result.cpu_ms = costs[(len(costs) - 1) // 2] if costs else None
        results.append(result)
    bare = results[0].requests_per_second
    for result in results:
        result.ratio_to_bare = result.requests_per_second / bare if bare else None
        ratios = [
            rate / base for rate, base in zip(result.rates_of_rounds, results[0].rates_of_rounds, strict=True) if base
        ]
        result.round_ratio = sorted(ratios)[(len(ratios) - 1) // 2] if ratios else None
        if result.cpu_ms and results[0].cpu_ms:
            result.cpu_ratio = results[0].cpu_ms / result.cpu_ms
    return results


def median_round(measurements: list[Measurement]) -> Measurement:
    """The round with the median rate (the lower middle one of an even number)."""
    ordered = sorted(measurements, key=lambda m: m.requests_per_second)
    return ordered[(len(ordered) - 1) // 2]


# --- Report -------------------------------------------------------------------------------------------


def print_table(results: list[Measurement]) -> None:
    header = (
        f"{'page':<22} {'path':<32} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'round ratio':>11} "
        f"{'CPU ms':>7} {'CPU ratio':>9} {'errors':>6}"
    )
    print(f"\n{header}\n{'-' * len(header)}")
    for r in results:
        p50, p99, ratio, round_ratio, cpu, cpu_ratio = (
            "n/a" if value is None else "<0.01" if value < 0.005 else f"{value:.2f}"
            for value in (r.p50_ms, r.p99_ms, r.ratio_to_bare, r.round_ratio, r.cpu_ms, r.cpu_ratio)
        )
        print(
            f"{r.page:<22} {r.path:<32} {r.requests_per_second:>9.1f} {p50:>8} {p99:>8} {ratio:>6} {round_ratio:>11} "
            f"{cpu:>7} {cpu_ratio:>9} {r.errors:>6}"
        )
    procedure = next((r for r in results if r.page == "procedure"), None)
    if procedure and procedure.ratio_to_bare is not None:
        verdict = "met" if procedure.ratio_to_bare >= PROCEDURE_TARGET else "MISSED"
        share = f"{procedure.ratio_to_bare:.0%} of the bare view"
        print(f"\nProcedure page at {share}: target {PROCEDURE_TARGET:.0%} {verdict} (QUALITY.md, Performance).")
    if any(r.errors for r in results):
        print("Some requests failed or took over 10 s (errors column): those rates are not comparable.")
    if any(not r.requests for r in results):
        print("n/a: not one request of that page completed during the measurement.")


def write_document(results: list[Measurement], args: argparse.Namespace, load: float) -> None:
    """The table in docs/performance.md (bench/report.py), one section per kind of run."""
    import report
    from django.conf import settings

    def number(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    rows = [
        [r.page, f"`{r.path}`", f"{r.requests_per_second:.0f}", number(r.p50_ms), number(r.ratio_to_bare),
         number(r.round_ratio), number(r.cpu_ms), number(r.cpu_ratio)]
        for r in results
    ]  # fmt: skip
    header = ["page", "address", "req/s", "p50 ms", "ratio", "round ratio", "CPU ms", "CPU ratio"]
    cache = settings.CACHES["rendered"]["BACKEND"].rsplit(".", 1)[1]
    how = report.conditions(
        gunicorn=f"{args.workers} {args.worker_class} worker(s)",
        wrk=f"-t{args.threads} -c{args.connections}, {args.duration} s a page, median of {args.rounds} round(s)",
        centers=f"{args.centers:,}",
        rendered_output_in=cache,
        load_before=f"{load:.1f}",
    )
    name = ("uncached" if args.no_page_cache else "cached") + ("-gzip" if args.gzip else "")
    report.write_section(name, f"{how}\n\n{report.table(header, rows)}")


def write_json(
    results: list[Measurement], skipped: dict[str, int | str], args: argparse.Namespace, load: float
) -> None:
    import django
    from django.conf import settings
    from django.db import connection

    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": round(load, 2),
            "python": platform.python_version(),
            "django": django.get_version(),
        },
        "database": connection.vendor,
        "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
        "page_cache_seconds": getattr(settings, "PAGE_CACHE_SECONDS", None),
        "centers": args.centers,
        "gunicorn": {"workers": args.workers, "worker_class": args.worker_class},
        "wrk": {
            "threads": args.threads,
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
            "gzip": args.gzip,
        },
        "pages": [asdict(r) for r in results],
        "skipped": skipped,
    }
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written to {RESULTS_FILE.relative_to(BASE_DIR)}")


# --- Main ---------------------------------------------------------------------------------------------


def check_pages(port: int, only: str = "") -> tuple[list[Page], dict[str, int | str]]:
    """The pages that answer 200 (the bare view and `only`, if given), and the status of those that do not."""
    answering, skipped = [], {}
    names = {name.strip() for name in only.split(",") if name.strip()}
    for page in [page for page in PAGES if not names or page is BARE or page.name in names]:
        try:
            status = status_of(port, page.path)
        except TimeoutError:
            status = "no answer within 30 s"
        if status == 200:
            answering.append(page)
        else:
            print(f"Skipped {page.name} ({page.path}): {status}, not 200")
            skipped[page.path] = status
    if BARE not in answering:
        raise RuntimeError("The bare view does not answer 200: nothing to compare with")
    return answering, skipped


def warn_if_busy() -> float:
    """The load average over the last minute, with a warning if something else is using the CPUs: the ratios
    hold, roughly, but the rates drop and the latencies spread."""
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"Warning: load average {load:.1f} before measuring: other processes share the CPUs")
    return load


def stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally blocks that stop gunicorn


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    ensure_assets()
    with tempfile.TemporaryDirectory(prefix="azura-bench-") as tmp:
        own_database = configure_environment(Path(tmp), page_cache=not args.no_page_cache)
        setup_django()
        if not own_database:
            print("DATABASE_URL is set: benchmarking that database; the bench-… centers are removed at the end")
        try:
            prepare_site(args.centers, own_database)
            port, log = free_port(), Path(tmp) / "gunicorn.log"
            gunicorn = start_gunicorn(port, args.workers, args.worker_class, log)
            try:
                wait_until_ready(gunicorn, port, log)
                print(f"gunicorn: {args.workers} {args.worker_class} workers on http://{HOST}:{port}/")
                pages, skipped = check_pages(port, args.only)
                load = warn_if_busy()
                results = measure(pages, port, args, gunicorn.pid)
            finally:
                stop_gunicorn(gunicorn)
        finally:
            if not own_database:
                remove_bench_centers()
    print_table(results)
    write_json(results, skipped, args, load)
    if not args.only:
        write_document(results, args, load)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted: gunicorn stopped.", file=sys.stderr)
        sys.exit(130)
