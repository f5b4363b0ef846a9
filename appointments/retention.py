"""How long patient data is kept: the daily purge behind `manage.py purge_appointment_requests`.

Retention counts from a request's last activity (its `updated_at`: a staff change, a note, a status), whatever
its status. A request nobody has touched for APPOINTMENT_STALE_DAYS is closed as "no response", recorded in
its history without counting as activity; one untouched for APPOINTMENT_RETENTION_DAYS is deleted with its
notes and its history. The history of requests deleted any other way (in the admin) goes too.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from .models import AppointmentRequest

Status = AppointmentRequest.Status
OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.SCHEDULED)
# The shortest retention a run accepts: a request is worked for weeks (a call back, a booking), and a mistyped
# `--days 0` would otherwise delete every request there is.
MINIMUM_RETENTION_DAYS = 30


@dataclass(frozen=True)
class RetentionPlan:
    """What a run would do: references to delete and to close, and how many deleted requests' history."""

    expired: list[str]
    stale: list[str]
    orphaned_requests: int
    orphaned_rows: int


def privacy_notice_sentences() -> str:
    """What the privacy notice tells patients about how long a request is kept: this module's rule, with the
    days the settings give it (so the notice can never say what the purge does not do)."""
    days, stale = settings.APPOINTMENT_RETENTION_DAYS, settings.APPOINTMENT_STALE_DAYS
    deleted = ngettext(
        "We delete a request, with its notes and its history, %(days)s day after it last changed (a new status, a "
        "note, new details), whatever its status.",
        "We delete a request, with its notes and its history, %(days)s days after it last changed (a new status, a "
        "note, new details), whatever its status.",
        days,
    ) % {"days": days}
    closed = ngettext(
        "A request still open %(days)s day after its last change is closed as “no response” before that.",
        "A request still open %(days)s days after its last change is closed as “no response” before that.",
        stale,
    ) % {"days": stale}
    return f"{deleted} {closed}" if stale < days else deleted


def expired_requests(*, now: datetime, retention_days: int):
    return AppointmentRequest.objects.filter(updated_at__lt=now - timedelta(days=retention_days))


def stale_requests(*, now: datetime, stale_days: int):
    return AppointmentRequest.objects.filter(status__in=OPEN_STATUSES, updated_at__lt=now - timedelta(days=stale_days))


def history_to_remove(*, expired):
    """History rows a run removes: those of the requests it deletes, and of requests deleted earlier (in the admin,
    or by an earlier run)."""
    kept = AppointmentRequest.objects.exclude(pk__in=expired.values("pk"))
    return AppointmentRequest.history.exclude(id__in=kept.values("pk"))


def retention_plan(*, now: datetime, retention_days: int, stale_days: int) -> RetentionPlan:
    """What a run at `now` does, counted as the run counts it (so --dry-run says exactly what the run deletes)."""
    expired = expired_requests(now=now, retention_days=retention_days)
    stale = stale_requests(now=now, stale_days=stale_days).exclude(pk__in=expired.values("pk"))
    history = history_to_remove(expired=expired)
    return RetentionPlan(
        expired=sorted(expired.values_list("reference", flat=True)),
        stale=sorted(stale.values_list("reference", flat=True)),
        orphaned_requests=history.exclude(id__in=expired.values("pk")).values("id").distinct().count(),
        orphaned_rows=history.count(),
    )


def appointment_requests_purge(*, now: datetime, retention_days: int, stale_days: int) -> RetentionPlan:
    """Delete expired requests and every deleted request's history; close stale ones as "no response"."""
    with transaction.atomic():
        plan = retention_plan(now=now, retention_days=retention_days, stale_days=stale_days)
        expired = AppointmentRequest.objects.filter(reference__in=plan.expired)
        orphaned_rows = history_to_remove(expired=expired).count()
        expired.delete()  # notes go with them (cascade); simple-history records each deletion, removed below
        AppointmentRequest.history.exclude(id__in=AppointmentRequest.objects.values("pk")).delete()
        stale = list(AppointmentRequest.objects.filter(reference__in=plan.stale))
        for appointment_request in stale:
            appointment_request.status = Status.CLOSED
            appointment_request.closed_reason = AppointmentRequest.ClosedReason.NO_RESPONSE
        # bulk_update leaves updated_at alone: closing for want of activity is not activity.
        bulk_update_with_history(
            stale,
            AppointmentRequest,
            ["status", "closed_reason"],
            default_change_reason=f"No activity for {stale_days} days: closed as no response",
            default_date=now,
        )
    return RetentionPlan(
        expired=plan.expired,
        stale=sorted(r.reference for r in stale),
        orphaned_requests=plan.orphaned_requests,
        orphaned_rows=orphaned_rows,
    )
