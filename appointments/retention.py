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


def orphaned_history():
    """History rows of requests that no longer exist (deleted in the admin, or by an earlier purge)."""
    return AppointmentRequest.history.exclude(id__in=AppointmentRequest.objects.values("pk"))


def retention_plan(*, now: datetime, retention_days: int, stale_days: int) -> RetentionPlan:
    expired = expired_requests(now=now, retention_days=retention_days)
    stale = stale_requests(now=now, stale_days=stale_days).exclude(pk__in=expired.values("pk"))
    orphans = orphaned_history()
    return RetentionPlan(
        expired=sorted(expired.values_list("reference", flat=True)),
        stale=sorted(stale.values_list("reference", flat=True)),
        orphaned_requests=orphans.values("id").distinct().count(),
        orphaned_rows=orphans.count(),
    )


def appointment_requests_purge(*, now: datetime, retention_days: int, stale_days: int) -> RetentionPlan:
    """Delete expired requests and every deleted request's history; close stale ones as "no response"."""
    with transaction.atomic():
        expired = expired_requests(now=now, retention_days=retention_days)
        references = sorted(expired.values_list("reference", flat=True))
        expired.delete()  # notes go with them (cascade); their history is an orphan now, removed below
        orphans = orphaned_history()
        orphaned_requests = orphans.values("id").distinct().count()
        orphaned_rows, _ = orphans.delete()
        stale = list(stale_requests(now=now, stale_days=stale_days))
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
        expired=references,
        stale=sorted(r.reference for r in stale),
        orphaned_requests=orphaned_requests - len(references),
        orphaned_rows=orphaned_rows,
    )
