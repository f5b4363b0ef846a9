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
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from urllib.request import pathname2url

from django.conf import settings

FORMAT = 1  # the schema's version: a change names a new file
ROOT = Path(__file__).resolve().parent.parent
SCHEMA = """
CREATE TABLE zip (code TEXT PRIMARY KEY, lat REAL, lng REAL, zone TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE city (
    key TEXT NOT NULL, state TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lng REAL NOT NULL,
    zips INTEGER NOT NULL, PRIMARY KEY (key, state)
) WITHOUT ROWID;
CREATE INDEX city_by_state ON city (state);
CREATE TABLE state (code TEXT PRIMARY KEY, lat REAL NOT NULL, lng REAL NOT NULL) WITHOUT ROWID;
"""
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
            subprocess.run([sys.executable, "-m", __name__, str(target)], cwd=ROOT, check=True)  # noqa: S603
            return True


def rows(sql: str, params: Sequence[str] = ()) -> list[tuple]:
    """The rows a query of the index answers (SQL written here and in appointments.geo; values as parameters)."""
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
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.execute(f"PRAGMA mmap_size = {target.stat().st_size}")  # pages shared through the OS
        connection.execute("PRAGMA cache_size = -256")  # KiB: the mapping is the cache
        _local.opened = opened = (os.getpid(), connection)
    return opened[1]


# --- Building it (in a process of its own: python -m appointments.zip_index PATH) --------------------------------


def build(target: Path) -> None:
    """Write the index from the `zipcodes` dataset to a temporary file beside `target`, then rename it into place:
    a process never sees a half-written index."""
    import zipcodes

    from .geo import city_key

    dataset = zipcodes.list_all()
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO zip VALUES (?, ?, ?, ?)", _zips(dataset))
        cities = _city_points(dataset, city_key)
        names = _city_names(dataset, city_key)
        db.executemany(
            "INSERT INTO city VALUES (?, ?, ?, ?, ?, ?)",
            ((key, state, names[key, state], *_middle(pts), len(pts)) for (key, state), pts in cities.items()),
        )
        by_state: dict[str, list[Point]] = {}
        for (_, state), pts in cities.items():
            by_state.setdefault(state, []).extend(pts)
        db.executemany("INSERT INTO state VALUES (?, ?, ?)", ((s, *_middle(pts)) for s, pts in by_state.items()))
    db.close()
    os.replace(partial, target)


def _zips(dataset: Iterable[dict]) -> Iterable[tuple[str, float | None, float | None, str]]:
    for z in dataset:
        located = bool(z["lat"])
        yield z["zip_code"], float(z["lat"]) if located else None, float(z["long"]) if located else None, z["timezone"]


def _city_points(dataset: Iterable[dict], city_key: Callable[[str], str]) -> dict[tuple[str, str], list[Point]]:
    """The points of each city's ZIP codes. A city's own STANDARD ZIP codes count first; a town that has only
    PO box (or other) ZIP codes, or is only an "acceptable" name of another town's ZIP code, is still found."""
    best: dict[tuple[str, str], tuple[int, list[Point]]] = {}
    for z in dataset:
        if not z["lat"]:
            continue
        located = (float(z["lat"]), float(z["long"]))
        standard = 0 if z["zip_code_type"] == "STANDARD" else 2
        names = [(z["city"], 0)] + [(name, 1) for name in z.get("acceptable_cities") or []]
        for name, acceptable in names:
            key, rank = (city_key(name), z["state"]), standard + acceptable
            current = best.get(key)
            if current is None or rank < current[0]:
                best[key] = (rank, [located])
            elif rank == current[0]:
                current[1].append(located)
    return {key: pts for key, (_, pts) in best.items()}


def _city_names(dataset: Iterable[dict], city_key: Callable[[str], str]) -> dict[tuple[str, str], str]:
    """Each city's name as the dataset first spells it, by its folded key and state."""
    names: dict[tuple[str, str], str] = {}
    for z in dataset:
        for name in [z["city"], *(z.get("acceptable_cities") or [])]:
            names.setdefault((city_key(name), z["state"]), name)
    return names


def _middle(points: list[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
