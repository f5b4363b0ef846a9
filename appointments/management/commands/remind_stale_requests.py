from datetime import datetime, timedelta

from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone

from appointments.models import AppointmentRequest, Center
from core.tasks import queue_email


def one_business_day_before(now: datetime) -> datetime:
    """The same time one business day earlier: Monday looks back to Friday, the weekend to Friday too."""
    earlier = now - timedelta(days=1)
    while earlier.weekday() >= 5:  # Saturday or Sunday
        earlier -= timedelta(days=1)
    return earlier


class Command(BaseCommand):
    """Daily: queue an email to each center about its requests still new after one business day."""

    help = "Email each center the number of its requests still new after one business day. Run daily."

    def handle(self, *args: str, **options: object) -> None:
        cutoff = one_business_day_before(timezone.localtime())
        counts = (
            AppointmentRequest.objects.filter(status=AppointmentRequest.Status.NEW, created_at__lt=cutoff)
            .values("center")
            .annotate(stale=Count("pk"))
        )
        stale_by_center = {row["center"]: row["stale"] for row in counts}
        centers = list(Center.objects.filter(pk__in=stale_by_center).exclude(notification_email=""))
        reminded = 0
        for center in centers:
            stale = stale_by_center[center.pk]
            reminded += stale
            queue_email(
                f"{stale} appointment request{'s' if stale != 1 else ''} still new at {center.name}",
                "appointments/email/stale_requests_reminder.txt",
                {"stale": stale, "center": center},
                [center.notification_email],
            )
        # Queued, not sent: the worker sends them (core/tasks.py).
        self.stdout.write(f"Reminded {len(centers)} centers about {reminded} requests (emails queued for the worker).")
