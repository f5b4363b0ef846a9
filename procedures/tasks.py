"""Work for the worker (`manage.py db_worker`): publishing a draft at the time an editor set."""

from django_tasks import task


@task()
def publish_scheduled_draft(draft_id: int, go_live_at: str, model: str = "procedures.procedure") -> str:
    """Publish the draft (of a procedure page, or of `model`: "procedures.serviceline" for the overview) at its
    “Publish at” time. A draft published, discarded or given another time since it was scheduled is left alone
    (the task of its new time publishes it)."""
    from django.apps import apps
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    from .publishing import REVISABLE_MODELS, publish_scheduled

    page_model = apps.get_model(model)
    if page_model not in REVISABLE_MODELS:
        return "not a page with drafts"
    draft = page_model.all_objects.filter(pk=draft_id, draft_of__isnull=False).first()
    if draft is None or draft.go_live_at is None or draft.go_live_at != parse_datetime(go_live_at):
        return "no longer scheduled for this time"
    if draft.go_live_at > timezone.now():
        return "not due yet"
    return "published" if publish_scheduled(draft) else "not published: see the page's history"
