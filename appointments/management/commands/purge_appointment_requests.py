from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from appointments.retention import MINIMUM_RETENTION_DAYS, RetentionPlan, appointment_requests_purge, retention_plan
from core import insights


class Command(BaseCommand):
    help = (
        "Delete appointment requests with no activity for APPOINTMENT_RETENTION_DAYS (365), with their notes and "
        "history; remove the history of requests deleted in the admin; close requests with no activity for "
        "APPOINTMENT_STALE_DAYS (90) as 'no response'. Run daily. --dry-run prints what it would do."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would be removed; change nothing.")
        parser.add_argument("--days", type=int, default=None, help="Retention in days (default: the setting).")

    def handle(self, *args, dry_run: bool = False, days: int | None = None, **options):
        days = settings.APPOINTMENT_RETENTION_DAYS if days is None else days
        if days < MINIMUM_RETENTION_DAYS:
            raise CommandError(
                f"A retention of {days} days is shorter than the minimum, {MINIMUM_RETENTION_DAYS} days: nothing "
                "was deleted. Check --days or APPOINTMENT_RETENTION_DAYS."
            )
        stale_days = settings.APPOINTMENT_STALE_DAYS
        now = timezone.now()
        if dry_run:
            plan = retention_plan(now=now, retention_days=days, stale_days=stale_days)
            self._report(plan, days, stale_days, would=True)
        else:
            plan = appointment_requests_purge(now=now, retention_days=days, stale_days=stale_days)
            self._report(plan, days, stale_days, would=False)
        self.stdout.write(insights.counters_purge(now=now, months=settings.INSIGHT_RETENTION_MONTHS, dry_run=dry_run))

    def _report(self, plan: RetentionPlan, days: int, stale_days: int, *, would: bool) -> None:
        verb = ("Would delete", "Would remove", "Would close") if would else ("Deleted", "Removed", "Closed")
        self.stdout.write(f"{verb[0]} {len(plan.expired)} requests with no activity for more than {days} days.")
        if would:
            for reference in plan.expired:
                self.stdout.write(f"  delete {reference}")
        self.stdout.write(
            f"{verb[1]} the history of {plan.orphaned_requests} requests deleted earlier"
            f" ({plan.orphaned_rows} history rows in all, with those of the requests deleted now)."
        )
        self.stdout.write(f"{verb[2]} {len(plan.stale)} requests as 'no response' (no activity for {stale_days} days).")
        if would:
            for reference in plan.stale:
                self.stdout.write(f"  close {reference}")
