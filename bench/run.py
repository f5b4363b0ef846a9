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
This file runs the steps; the set-up is in bench/prepare.py, gunicorn in bench/serving.py, wrk in
bench/measuring.py, the table, JSON and document in bench/summary.py.
"""

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measuring import measure
from bench.prepare import configure_environment, ensure_assets, prepare_site, remove_bench_centers, setup_django
from bench.serving import (
    BARE,
    HOST,
    PAGES,
    WORKERS,
    Page,
    free_port,
    start_gunicorn,
    status_of,
    stop_gunicorn,
    wait_until_ready,
)
from bench.summary import print_table, write_document, write_json


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
