"""The worker's heartbeat, and the clean-up of records kept for a while only.

`heartbeat` is a task that queues its own next run a minute later, so while a worker takes tasks from the queue
the `WorkerHeartbeat` row says when it last did; /healthz/ reports its age and turns "degraded" past
HEALTH_WORKER_MAX_SECONDS. A worker started without `--batch` (`manage.py db_worker`, core/management/commands)
queues the first beat if none is waiting, so the beats outlive a restart, a failed beat or a dead worker: the
next worker to start picks them up. Several workers share one chain: a beat queues the next only if none waits.

Once a day a beat cleans up: expired sessions (Django keeps them until `clearsessions`), sign-in attempts past
their cool-off, and sign-in and lockout records older than SIGN_IN_RECORDS_DAYS (django-axes keeps them for ever).
"""

import datetime as dt
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

BEAT_SECONDS = 60
CLEAN_UP_EVERY = dt.timedelta(days=1)


def _waiting() -> bool:
    """Whether a beat is already queued (ready to run, now or later)."""
    return DBTaskResult.objects.filter(task_path=heartbeat.module_path, status="READY").exists()


def schedule(*, after: float = 0) -> None:
    """Queue a beat `after` seconds from now, unless one is waiting."""
    if not _waiting():
        heartbeat.using(run_after=timezone.now() + dt.timedelta(seconds=after)).enqueue()


def last_beat() -> dt.datetime | None:
    row = WorkerHeartbeat.objects.first()
    return row.beat_at if row else None


@task()
def heartbeat() -> str:
    """Record that a worker is taking tasks; once a day, clean up. The next beat is queued first, so a failure
    below never stops the beats."""
    schedule(after=BEAT_SECONDS)
    now = timezone.now()
    with transaction.atomic():
        row, _ = WorkerHeartbeat.objects.select_for_update().get_or_create(pk=1, defaults={"beat_at": now})
        row.beat_at = now
        due = row.cleaned_at is None or row.cleaned_at <= now - CLEAN_UP_EVERY
        if due:
            row.cleaned_at = now
        row.save()
    if due:
        clean_up(now=now)
        return "beat; cleaned up"
    return "beat"


def clean_up(*, now: dt.datetime) -> dict[str, int]:
    """Delete expired sessions, sign-in attempts past their cool-off and sign-in records older than
    SIGN_IN_RECORDS_DAYS. Returns how many of each."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    sessions = Session.objects.filter(expire_date__lt=now).count()
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()  # the engine's own way (clearsessions')
    records_before = now - dt.timedelta(days=settings.SIGN_IN_RECORDS_DAYS)
    return {
        "sessions": sessions,
        "attempts": AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME).delete()[0],
        "sign_ins": AccessLog.objects.filter(attempt_time__lt=records_before).delete()[0],
        "failures": AccessFailureLog.objects.filter(attempt_time__lt=records_before).delete()[0],
    }
