from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from core.tasks import queue_email
from procedures.health import overdue_reviews


class Command(BaseCommand):
    """Daily: queue an email to the content editors the procedure pages whose medical review is overdue."""

    help = (
        "Email every active content editor (the “Content editors” group) the procedure pages whose medical review "
        "is older than MEDICAL_REVIEW_MONTHS or was never done. Run daily."
    )

    def handle(self, *args: str, **options: object) -> None:
        overdue = overdue_reviews()
        editors = list(
            get_user_model()
            .objects.filter(is_active=True, groups__name="Content editors")
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        if not overdue or not editors:
            self.stdout.write(f"{len(overdue)} overdue reviews; no email sent.")
            return
        queue_email(
            f"{len(overdue)} procedure page{'s' if len(overdue) != 1 else ''} due for medical review",
            "procedures/email/overdue_reviews.txt",
            {
                "overdue": overdue,
                "months": settings.MEDICAL_REVIEW_MONTHS,
                "health_url": settings.SITE_URL + reverse("admin:procedures_procedure_health"),
            },
            editors,
        )
        self.stdout.write(
            f"Queued an email to {len(editors)} editors about {len(overdue)} overdue reviews (the worker sends it)."
        )
