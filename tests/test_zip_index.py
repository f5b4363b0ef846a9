"""The ZIP code index is one file per host that every process reads (mapped read-only), built once: no process
holds the dataset or a dictionary of every ZIP code, so a gunicorn worker stays small."""

import http.client
import json
import subprocess
import sys
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from appointments import geo, zip_index

from .processes import ROOT, environment, gunicorn, wait_for

# A process of its own: Django set up, then the lookups every search makes; what it maps and how much it grew.
LOOKUPS = """
import json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "azura_site.settings")
django.setup()

def resident():
    status = open("/proc/self/status").read()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024

before = resident()
from appointments import geo
assert geo.zip_point("78701") == (30.2713, -97.7426)
assert geo.city_point("Austin", "TX") and geo.city_states("Kansas City") == ["MO", "KS"]
assert geo.zip_time_zone("85004") == "America/Phoenix" and geo.similar_cities("Pittsburg", "PA")
maps = open("/proc/self/maps").read().split()
print(json.dumps({
    "grew_mb": resident() - before,
    "mapped": sorted({word for word in maps if "zipcodes-" in word}),
    "dataset_loaded": "zipcodes" in sys.modules,
}))
"""


def lookups_in_a_process_of_its_own() -> dict:
    env = {"ZIP_INDEX_DIR": str(settings.ZIP_INDEX_DIR), "DJANGO_SETTINGS_MODULE": "azura_site.settings"}
    done = subprocess.run(  # noqa: S603 (our own Python)
        [sys.executable, "-c", LOOKUPS], cwd=ROOT, env=environment(**env), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_every_process_reads_the_one_index_file_and_holds_no_copy_of_the_dataset():
    geo.zip_point("78701")  # this process has it open too
    first, second = lookups_in_a_process_of_its_own(), lookups_in_a_process_of_its_own()
    shared = str(zip_index.path())
    assert first["mapped"] == second["mapped"] == [shared]  # mapped from the page cache, not copied
    assert shared in Path("/proc/self/maps").read_text()
    for process in (first, second):
        assert not process["dataset_loaded"]
        assert process["grew_mb"] < 10  # reading the dataset into dictionaries took 170 MB


@pytest.mark.slow
def test_processes_needing_a_missing_index_at_once_build_it_once(tmp_path):
    """Three processes start on a new host together: one builds the index, the others wait for it and read it."""
    target = tmp_path / "zipcodes.sqlite3"
    code = (
        f"from pathlib import Path; from appointments import zip_index; print(zip_index.ensure(Path({str(target)!r})))"
    )

    def ensure_in_a_process() -> bool:
        done = subprocess.run(  # noqa: S603 (our own Python)
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout.strip() == "True"

    with ThreadPoolExecutor(3) as pool:
        built = list(pool.map(lambda _: ensure_in_a_process(), range(3)))
    assert sorted(built) == [False, False, True]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["zipcodes.sqlite3", "zipcodes.sqlite3.lock"]
    assert zip_index.ensure(target) is False


def test_the_index_answers_as_the_dataset_does():
    assert geo.zip_point("99762") == (65.1441, -165.0697)  # Nome's PO boxes, where the dataset puts them
    assert geo.zip_point("00000") is None
    assert geo.zip_time_zone("49201") == "America/New_York"  # the dataset says America/Detroit
    assert geo.city_states("Austin")[:2] == ["TX", "AR"]  # most ZIP codes first
    assert geo.similar_cities("Pittsburg", "PA")[0] == "Pittsburgh"
    assert geo.state_point("XX") is None


@pytest.mark.processes
@pytest.mark.django_db(transaction=True)
def test_a_gunicorn_worker_reads_the_shared_index_and_holds_no_copy_of_the_dataset(tmp_path):
    """A real gunicorn worker, after searches by ZIP code, city, state and misspelling, maps the host's index file
    and is far from the size of one that held the dataset. Measured (VmRSS after these searches): 72 MB on SQLite,
    81-85 MB on PostgreSQL (psycopg and libpq), against 239 MB when each worker read the dataset; the bound leaves
    room for what else a worker loads. DEBUG on only so that pages find their static files without collectstatic."""
    env = environment(DJANGO_DEBUG="1", ZIP_INDEX_DIR=str(settings.ZIP_INDEX_DIR))
    with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as web:
        url = web.url()
        wait_for(lambda: _status(url, "/healthz/") == 200, seconds=30, what=f"gunicorn to start\n{web.tail()}")
        assert web.popen is not None
        workers = Path(f"/proc/{web.popen.pid}/task/{web.popen.pid}/children").read_text().split()
        assert len(workers) == 2, web.tail()
        for pid in workers:  # issue 23's bar: a worker's resident memory after start under 80 MB
            assert _resident_mb(pid) < 80, web.tail()
        for q in ["78701", "Austin, TX", "Cedar Park", "Kansas City", "Texas", "10001", "Pittsburg, PA"]:
            assert _status(url, f"/centers/?q={q}") in (200, 400), web.tail()
            assert _status(url, f"/physicians/?near={q}") in (200, 400), web.tail()
        for pid in workers:
            assert str(zip_index.path()) in Path(f"/proc/{pid}/maps").read_text()
            assert _resident_mb(pid) < 120  # 72 MB on SQLite, 81-85 on PostgreSQL, 239 when each held the dataset


def _resident_mb(pid: str) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _status(url: str, path: str) -> int:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", int(url.rsplit(":", 1)[1]), timeout=10)
        conn.request("GET", urllib.parse.quote(path, safe="/?="), headers={"Host": "127.0.0.1"})
        return conn.getresponse().status
    except OSError:
        return 0
