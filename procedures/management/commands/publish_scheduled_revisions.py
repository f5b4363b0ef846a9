from django.core.management.base import BaseCommand

from procedures.publishing import publish_due_drafts


class Command(BaseCommand):
    """Cron: `* * * * * manage.py publish_scheduled_revisions` publishes scheduled drafts on time."""

    help = (
        "Publish every draft whose “Publish at” time has come (run it every minute or few from cron). "
        "Each draft is published once: publishing deletes it."
    )

    def handle(self, *args, **options) -> None:
        pages = publish_due_drafts()
        for page in pages:
            self.stdout.write(f"Published the scheduled draft of “{page.title}”.")
        if not pages:
            self.stdout.write("No draft is due.")
