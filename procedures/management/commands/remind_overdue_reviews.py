from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from procedures.health import overdue_reviews


class Command(BaseCommand):
    """Daily: email the content editors the procedure pages whose medical review is overdue."""

    help = (
        "Email every active content editor (the “Content editors” group) the procedure pages whose medical review "
        "is older than MEDICAL_REVIEW_MONTHS or was never done. Run daily."
    )

    def handle(self, *args, **options) -> None:
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
        lines = [
            f"- {h.procedure.title}: "
            + (f"review was due on {h.review_due:%B %-d, %Y}" if h.review_due else "never medically reviewed")
            for h in overdue
        ]
        url = settings.SITE_URL + reverse("admin:procedures_procedure_health")
        send_mail(
            f"{len(overdue)} procedure page{'s' if len(overdue) != 1 else ''} due for medical review",
            "These procedure pages need a medical review (every "
            f"{settings.MEDICAL_REVIEW_MONTHS} months):\n\n" + "\n".join(lines) + f"\n\nContent health: {url}\n",
            None,
            editors,
        )
        self.stdout.write(f"Emailed {len(editors)} editors about {len(overdue)} overdue reviews.")
