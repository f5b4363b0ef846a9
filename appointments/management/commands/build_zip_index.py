"""Build this host's ZIP code index before the site serves (appointments/zip_index.py): a deploy step beside
collectstatic, so that no worker spends the first search building it."""

from django.core.management.base import BaseCommand

from appointments import zip_index


class Command(BaseCommand):
    help = (
        "Build the ZIP code index the locator reads (one file per host, shared by every process) unless it exists. "
        "Safe to run at any time and on many processes: one builds it, the others wait for it."
    )

    def handle(self, *args, **options) -> None:
        built = zip_index.ensure()
        self.stdout.write(f"{'Built' if built else 'Already built:'} {zip_index.path()}")
