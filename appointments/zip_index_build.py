"""Build the ZIP code index (appointments/zip_index.py) from the `zipcodes` dataset, in a process of its own:

    python -m appointments.zip_index_build PATH

zip_index.ensure runs it (the dataset's 140 MB go when this process exits); Django is not set up here.
"""

import os
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path

import zipcodes

from .geo import city_key

Point = tuple[float, float]
SCHEMA = """
CREATE TABLE zip (code TEXT PRIMARY KEY, lat REAL, lng REAL, zone TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE city (
    key TEXT NOT NULL, state TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lng REAL NOT NULL,
    zips INTEGER NOT NULL, PRIMARY KEY (key, state)
) WITHOUT ROWID;
CREATE INDEX city_by_state ON city (state);
CREATE TABLE state (code TEXT PRIMARY KEY, lat REAL NOT NULL, lng REAL NOT NULL) WITHOUT ROWID;
"""


def build(target: Path) -> None:
    """Write the index from the `zipcodes` dataset to a temporary file beside `target`, then rename it into place:
    a process never sees a half-written index."""
    dataset = zipcodes.list_all()
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO zip VALUES (?, ?, ?, ?)", _zips(dataset))
        cities = _city_points(dataset)
        names = _city_names(dataset)
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


def _city_points(dataset: Iterable[dict]) -> dict[tuple[str, str], list[Point]]:
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


def _city_names(dataset: Iterable[dict]) -> dict[tuple[str, str], str]:
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
