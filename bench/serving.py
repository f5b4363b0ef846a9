"""gunicorn serving the site on loopback (bench/run.py, bench/staff.py; bench/lighthouse.py takes its free port):
the pages bench/run.py measures, a free port, start, readiness, one request's status, stop."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.prepare import BASE_DIR

HOST = "127.0.0.1"
# Every core but one for gunicorn: wrk has the last one (see bench/run.py's docstring).
WORKERS = max(1, (os.cpu_count() or 2) - 1)


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
