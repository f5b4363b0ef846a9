"""CPU time per request in one process, and where it goes: the pages of bench/run.py, without gunicorn or wrk.

    .venv/bin/python bench/cpu.py [--page-cache] [--runs 7] [--requests 40] [--profile] [PATH ...]

The same throwaway SQLite database as bench/run.py (10,000 centers, bench.settings, DEBUG off), the page cache
off unless --page-cache. Each path is asked for through Django's test client `--requests` times in a row, `--runs`
times; the best run's `time.process_time` per request is printed (CPU time: what other work on a shared machine
takes from the wall clock does not count). The request log is written, as in production, but to /dev/null. A first
round of requests fills the caches (compiled templates, the ZIP code index, the cached result cards), as
bench/run.py's warm-up does. --profile prints cProfile's 25 costliest functions (cumulative) for each path instead.
"""

import argparse
import cProfile
import logging
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import prepare

DEFAULT_PATHS = ["/bench/bare/", "/centers/?q=78701&radius=50", "/physicians/"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS, help="paths to measure (default: %(default)s)")
    parser.add_argument("--page-cache", action="store_true", help="serve from the page cache, as in production")
    parser.add_argument("--runs", type=int, default=7, help="runs per path; the best is kept (default 7)")
    parser.add_argument("--requests", type=int, default=40, help="requests per run (default 40)")
    parser.add_argument("--centers", type=int, default=10_000, help="active centers to create (default 10,000)")
    parser.add_argument("--profile", action="store_true", help="print cProfile's costliest functions per path")
    return parser.parse_args()


def cpu_ms_per_request(client, path: str, runs: int, requests: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        for _ in range(requests):
            client.get(path)
        best = min(best, time.process_time() - started)
    return best / requests * 1000


def profile(client, path: str, requests: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    print(f"\n=== {path} ({requests} requests) ===")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="azura-cpu-") as tmp:
        own_database = prepare.configure_environment(Path(tmp), page_cache=args.page_cache)
        prepare.setup_django()
        prepare.prepare_site(args.centers, own_database)
        from django.test import Client

        # The request log line is written, as in production, but not onto this report.
        for handler in logging.getLogger().handlers:
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 (open for the whole run)

        client = Client(SERVER_NAME="127.0.0.1")
        for path in args.paths:
            status = client.get(path).status_code
            if status != 200:
                sys.exit(f"{path} answered {status}")
            for _ in range(5):
                client.get(path)
        for path in args.paths:
            if args.profile:
                profile(client, path, args.requests)
            else:
                ms = cpu_ms_per_request(client, path, args.runs, args.requests)
                print(f"{ms:7.2f} ms CPU per request  {path}", flush=True)
        if not own_database:
            prepare.remove_bench_centers()


if __name__ == "__main__":
    main()
