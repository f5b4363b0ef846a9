from django.core.management.base import BaseCommand

from appointments import booking


class Command(BaseCommand):
    help = (
        "Queue the reminder of every booked visit that is due (APPOINTMENT_REMINDER_DAYS before it) and not sent: "
        "the backstop of the worker's own reminder tasks (a lost task, a changed setting). Safe to run at any time "
        "and on many hosts: a reminder is sent once. Run it every 15 minutes."
    )

    def handle(self, *args, **options) -> None:
        count = booking.send_due_reminders()
        self.stdout.write(f"{count} reminder{'s' if count != 1 else ''} queued")
