"""django-tasks' `db_worker`, which also starts the worker's heartbeat (core/housekeeping.py) when it runs until
stopped. (`core` comes before django_tasks_db in INSTALLED_APPS, so this command is the one `manage.py` runs.)"""

from django_tasks_db.management.commands import db_worker

from core import housekeeping


class Command(db_worker.Command):
    help = f"{db_worker.Command.help}, with the heartbeat /healthz/ reads and the daily clean-up of old records"

    def handle(self, *args, **options) -> None:
        if not options["batch"]:
            housekeeping.schedule()
        super().handle(*args, **options)
