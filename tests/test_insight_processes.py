"""What gunicorn's processes write of their counts: everything when a worker stops, and when one is killed, everything
but the requests of the last FLUSH_SECONDS (core/insights.py's bound), with real processes on the test database
(DEBUG on: pages name their static files without the collected manifest)."""

import http.client
import time

import pytest

from core import insights
from core.models import InsightCount

from .processes import environment, gunicorn, wait_for

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]


def get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    return conn.getresponse().status


def started(web) -> int:
    port = int(web.url().rsplit(":", 1)[1])
    wait_for(lambda: _answers(port), seconds=30, what=f"gunicorn to start\n{web.tail()}")
    return port


def _answers(port: int) -> bool:
    try:
        return get(port, "/healthz/") == 200  # JSON: not a page, not counted
    except OSError:
        return False


def views(path: str) -> int:
    return sum(InsightCount.objects.filter(kind="page", path=path).values_list("count", flat=True))


def test_a_worker_that_stops_writes_what_it_counted(center, tmp_path):
    with gunicorn(environment(INSIGHT_COUNTING="1", DJANGO_DEBUG="1"), tmp_path / "gunicorn.log") as web:
        port = started(web)
        for _ in range(3):
            assert get(port, "/privacy/") == 200
        assert views("/privacy/") == 0  # still in the worker's memory
    # leaving the block sends SIGTERM: the worker exits and writes its counts
    assert views("/privacy/") == 3, web.tail()


def test_a_killed_worker_loses_at_most_its_last_seconds(center, tmp_path):
    with gunicorn(environment(INSIGHT_COUNTING="1", DJANGO_DEBUG="1"), tmp_path / "gunicorn.log") as web:
        port = started(web)
        assert get(port, "/privacy/") == 200
        assert get(port, "/privacy/") == 200
        time.sleep(insights.FLUSH_SECONDS + 0.5)
        assert get(port, "/privacy/") == 200  # its end finds the oldest count 10 s old: all three are written
        wait_for(lambda: views("/privacy/") == 3, seconds=10, what=f"three views written\n{web.tail()}")
        assert get(port, "/privacy/") == 200  # the last seconds' count, in memory only
        web.kill()  # SIGKILL: no exit handler runs
    assert views("/privacy/") == 3
