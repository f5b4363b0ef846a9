"""The worker's heartbeat: /healthz/ says when a worker last took a task and turns "degraded" when that is a few
minutes old or never happened; the beats keep themselves queued; once a day a beat deletes expired sessions and old
sign-in records."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import housekeeping
from core.models import WorkerHeartbeat

from .processes import environment, wait_for, worker

pytestmark = pytest.mark.django_db


def health(client) -> dict:
    response = client.get("/healthz/")
    assert response.status_code == 200
    return response.json()


def beat(seconds_ago: float) -> None:
    WorkerHeartbeat.objects.update_or_create(
        pk=1, defaults={"beat_at": timezone.now() - dt.timedelta(seconds=seconds_ago), "cleaned_at": timezone.now()}
    )


def waiting_beats():
    return DBTaskResult.objects.filter(task_path=housekeeping.heartbeat.module_path, status="READY")


def test_health_is_degraded_while_no_worker_has_ever_beaten(client):
    report = health(client)

    assert report["status"] == "degraded"
    assert report["worker"] == {"last_heartbeat": None, "last_heartbeat_seconds": None}


def test_health_is_ok_after_a_recent_beat_and_degraded_when_it_is_minutes_old(client, settings):
    settings.HEALTH_WORKER_MAX_SECONDS = 300
    beat(seconds_ago=30)
    report = health(client)
    assert report["status"] == "ok"
    assert 29 <= report["worker"]["last_heartbeat_seconds"] <= 40

    beat(seconds_ago=301)
    assert health(client)["status"] == "degraded"


def test_a_worker_started_until_stopped_beats_and_queues_the_next_beat(client, run_worker):
    # run_worker keeps the test's connection open; this runs the real command, not in --batch mode, for one task.
    call_command("db_worker", "--max-tasks", "1", "--interval", "0", "--no-startup-delay", "--no-reload", verbosity=0)

    assert health(client)["status"] == "ok"
    assert waiting_beats().count() == 1
    assert waiting_beats().get().run_after > timezone.now() + dt.timedelta(seconds=30)


def test_a_beat_never_queues_a_second_chain(run_worker):
    housekeeping.schedule()
    housekeeping.schedule()
    assert waiting_beats().count() == 1

    run_worker()

    assert waiting_beats().count() == 1


def test_a_daily_beat_deletes_expired_sessions_and_old_sign_in_records_only(run_worker, settings):
    settings.SIGN_IN_RECORDS_DAYS = 90
    now = timezone.now()
    expired, live = SessionStore(), SessionStore()
    for session in (expired, live):
        session["x"] = 1
        session.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=now - dt.timedelta(minutes=1))
    old, recent = (
        AccessLog.objects.create(username="old", ip_address="203.0.113.1", user_agent="", path_info="/admin/login/"),
        AccessLog.objects.create(username="new", ip_address="203.0.113.1", user_agent="", path_info="/admin/login/"),
    )
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=now - dt.timedelta(days=91))
    cooled = AccessAttempt.objects.create(
        username="x", ip_address="203.0.113.1", user_agent="", failures_since_start=3, get_data="", post_data=""
    )
    AccessAttempt.objects.filter(pk=cooled.pk).update(attempt_time=now - settings.AXES_COOLOFF_TIME * 2)

    housekeeping.schedule()
    run_worker()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert list(AccessLog.objects.all()) == [recent]
    assert not AccessAttempt.objects.exists()


def test_the_clean_up_runs_once_a_day_not_at_every_beat(run_worker):
    housekeeping.schedule()
    run_worker()
    first = WorkerHeartbeat.objects.get().cleaned_at
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # the next beat, a minute on

    run_worker()

    row = WorkerHeartbeat.objects.get()
    assert row.cleaned_at == first
    assert row.beat_at > first


@pytest.mark.processes
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_beats_and_the_health_check_sees_it(tmp_path):
    assert health(Client())["status"] == "degraded"

    with worker(environment(), tmp_path / "worker.log") as process:
        wait_for(WorkerHeartbeat.objects.exists, seconds=30, what=f"the worker's first beat\n{process.tail()}")

    report = health(Client())
    assert report["status"] == "ok"
    assert report["worker"]["last_heartbeat_seconds"] < 30
