from django.core.management.base import BaseCommand

from appointments import mail


class Command(BaseCommand):
    help = (
        "Queue again the emails whose try is long overdue (their worker died while sending, or their task was "
        "lost). Safe to run at any time and on many hosts: an email is sent once. Run it every 10 minutes."
    )

    def handle(self, *args, **options) -> None:
        count = mail.requeue_stalled()
        self.stdout.write(f"{count} stalled email{'s' if count != 1 else ''} queued again")
