from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from appointments.models import AppointmentRequest


class Command(BaseCommand):
    help = (
        "Delete closed and spam appointment requests older than the retention period "
        "(APPOINTMENT_RETENTION_DAYS, default 365). Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say how many would be deleted; delete nothing.")
        parser.add_argument("--days", type=int, default=None, help="Retention in days (default: the setting).")

    def handle(self, *args, dry_run: bool = False, days: int | None = None, **options):
        days = settings.APPOINTMENT_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        old = AppointmentRequest.objects.filter(
            status__in=[AppointmentRequest.Status.CLOSED, AppointmentRequest.Status.SPAM], updated_at__lt=cutoff
        )
        pks = list(old.values_list("pk", flat=True))
        count = len(pks)
        if dry_run:
            self.stdout.write(f"Would delete {count} closed or spam requests older than {days} days.")
            return
        with transaction.atomic():
            AppointmentRequest.objects.filter(pk__in=pks).delete()
            # Their history holds the same personal data: it goes too, after the delete, which itself adds a
            # history row to each.
            AppointmentRequest.history.filter(id__in=pks).delete()
        self.stdout.write(f"Deleted {count} closed or spam requests older than {days} days.")
