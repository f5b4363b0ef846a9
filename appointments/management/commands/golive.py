from django.core.management.base import BaseCommand, CommandError

from appointments import golive


class Command(BaseCommand):
    """Before going live: list what only the practice (or the server's settings) can still supply; with --check,
    fail while anything is open (for a deploy pipeline)."""

    help = "List the go-live checklist's open items (the admin's Go-live checklist); --check exits 1 while any is open."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Exit with status 1 while any item is open.")

    def handle(self, *args: str, **options: object) -> None:
        items = golive.open_items()
        area = None
        for item in items:
            if item.area != area:
                area = item.area
                self.stdout.write(f"{area}:")
            self.stdout.write(f"  - {item.what}")
        if not items:
            self.stdout.write("Nothing is open: the site is ready to go live.")
            return
        summary = f"{len(items)} item{'s' if len(items) != 1 else ''} still open."
        if options["check"]:
            raise CommandError(summary)
        self.stdout.write(summary)
