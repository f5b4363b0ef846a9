"""What bench/run.py reports (bench/staff.py prints the same table): the table of results on the terminal,
bench/results/latest.json (git-ignored) and its section of docs/performance.md (written by bench/report.py)."""

import argparse
import json
import os
import platform
from dataclasses import asdict
from datetime import UTC, datetime

from bench.measuring import Measurement
from bench.prepare import BASE_DIR

RESULTS_FILE = BASE_DIR / "bench" / "results" / "latest.json"
# QUALITY.md: a procedure page reaches at least 80% of the requests per second of the bare view.
PROCEDURE_TARGET = 0.80


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
    from django.conf import settings

    from bench import report

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
