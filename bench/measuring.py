"""wrk's side of bench/run.py (bench/staff.py reads wrk's report with it too): what a measurement holds, the
warm-up, wrk's run and its report read, the CPU time gunicorn's workers spent, and each page's median round with its
ratios to the bare view."""

import argparse
import os
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.serving import HOST, Page, status_of


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
