"""Work for the worker (`manage.py db_worker`): publishing a draft at the time an editor set."""

from django_tasks import task


@task()
def publish_scheduled_draft(draft_id: int, go_live_at: str) -> str:
    """Publish the draft at its “Publish at” time. A draft published, discarded or given another time since it
    was scheduled is left alone (the task of its new time publishes it)."""
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    from .models import Procedure
    from .publishing import draft_publish

    draft = Procedure.all_objects.filter(pk=draft_id, draft_of__isnull=False).first()
    if draft is None or draft.go_live_at is None or draft.go_live_at != parse_datetime(go_live_at):
        return "no longer scheduled for this time"
    if draft.go_live_at > timezone.now():
        return "not due yet"
    draft_publish(draft=draft)
    return "published"
