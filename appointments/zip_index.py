"""The ZIP code dataset of the `zipcodes` package as one read-only SQLite file per host, shared by every process.

Reading the package's dataset costs a process about 140 MB that Python never gives back, and 3 seconds; every
gunicorn worker used to hold it, and the indexes built from it (230 MB a worker). The file is built once, in a
process of its own (`manage.py build_zip_index` at deploy, or the first process that needs it), written under a
temporary name and renamed into place, and named for the package's version, so an upgrade builds a new one. Each
process opens it read-only and immutable (no locks, no journal) and maps it: its few megabytes sit once in the
operating system's page cache, whatever the number of workers. A lookup is an indexed read of a few pages.
"""

import fcntl
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from urllib.request import pathname2url

from django.conf import settings

FORMAT = 1  # the version of zip_index_build.SCHEMA: a change names a new file
ROOT = Path(__file__).resolve().parent.parent
Point = tuple[float, float]

_local = threading.local()
_building = threading.Lock()


def path() -> Path:
    """Where this host keeps the index for the installed `zipcodes` package (settings.ZIP_INDEX_DIR)."""
    return Path(settings.ZIP_INDEX_DIR) / f"zipcodes-{version('zipcodes')}-{FORMAT}.sqlite3"


def ensure(target: Path | None = None) -> bool:
    """Build the index unless it exists; True if this call built it. Processes that need it at the same moment
    wait for the one that builds it (a lock file beside it), rather than all building it."""
    target = target or path()
    if target.exists():
        return False
    with _building:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target.with_name(target.name + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if target.exists():
                return False
            # Its own process: the dataset's memory goes when it exits. Our own module, run by our own Python.
            builder = [sys.executable, "-m", "appointments.zip_index_build", str(target)]
            subprocess.run(builder, cwd=ROOT, check=True)  # noqa: S603
            return True


def rows(sql: str, params: Sequence[str] = ()) -> list[tuple]:
    """The rows a query of the index answers (the queries are appointments.geo's; values as parameters)."""
    return _connection().execute(sql, params).fetchall()


def point(sql: str, params: Sequence[str]) -> Point | None:
    """The (latitude, longitude) of the first row a query answers, or None."""
    found = _connection().execute(sql, params).fetchone()
    return None if found is None or found[0] is None else (found[0], found[1])


def _connection() -> sqlite3.Connection:
    """This thread's read-only connection to the index (gthread workers read from several threads; a process
    never uses one opened before it forked)."""
    opened = getattr(_local, "opened", None)
    if opened is None or opened[0] != os.getpid():
        target = path()
        ensure(target)
        uri = f"file:{pathname2url(str(target))}?mode=ro&immutable=1"
        connection = sqlite3.connect(uri, uri=True)
        connection.execute(f"PRAGMA mmap_size = {target.stat().st_size}")  # pages shared through the OS
        connection.execute("PRAGMA cache_size = -256")  # KiB: the mapping is the cache
        _local.opened = opened = (os.getpid(), connection)
    return opened[1]
