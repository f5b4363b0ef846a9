"""Drafts of published pages, and publishing them: the live page changes only when a draft is published.

Editing a published procedure works on a draft copy: a Procedure row whose `draft_of` is the page, with its own
sections, list items and comparison rows. The copy is never public (the default manager leaves it out) and its
saves leave the page cache alone. Publishing copies its words onto the page, then deletes the copy.
"""

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from . import rendering, translation_state
from .models import ComparisonRow, ListItem, Procedure, PublishingEvent, Section, Status
from .translation_state import localized, translated_fields

# The fields a draft carries to its page (the address, order in lists and status stay the page's own). A translated
# field is its English and Spanish columns (`title_en`, `title_es`), never `title` itself, which reads the active
# language's.
CONTENT_FIELDS = [
    field.name
    for field in Procedure._meta.concrete_fields
    if field.editable
    and field.name not in {"id", "slug", "position", "status", "draft_of", "go_live_at"}
    and field.name not in translated_fields(Procedure)
]
# Also carried: the English each Spanish text was written against (so "out of date" survives publishing).
BOOKKEEPING = ["translation_sources"]
# (related name, model, fields copied) of each part of a page, in page order.
PARTS = [
    ("sections", Section, ["position", *localized("heading", "body"), "anchor", *BOOKKEEPING]),
    ("list_items", ListItem, ["position", "kind", *localized("text", "detail"), "link", "dated", *BOOKKEEPING]),
    (
        "comparison_rows",
        ComparisonRow,
        ["position", *localized("aspect", "this_procedure", "other_procedure"), *BOOKKEEPING],
    ),
]

Action = PublishingEvent.Action


def _log(procedure: Procedure, action: str, user=None, note: str = "") -> None:
    PublishingEvent.objects.create(procedure=procedure, action=action, user=user, note=note)


def _rows(procedure: Procedure, related_name: str) -> list[Model]:
    return list(getattr(procedure, related_name).order_by("position", "pk"))


@transaction.atomic
def draft_start(*, procedure: Procedure, user) -> Procedure:
    """The page's draft: the one already started, or a new copy of the page as it is now."""
    procedure = Procedure.objects.select_for_update().get(pk=procedure.pk)
    existing = Procedure.all_objects.filter(draft_of=procedure).first()
    if existing is not None:
        return existing
    draft = Procedure(
        **{name: getattr(procedure, name) for name in [*CONTENT_FIELDS, *BOOKKEEPING]},
        # Unique and short whatever the page's address; slugify never makes "--", so no page can have it.
        slug=f"draft--{procedure.pk}",
        position=procedure.position,
        status=Status.DRAFT,
        draft_of=procedure,
    )
    draft._history_user = user
    draft.save()
    for related_name, model, fields in PARTS:
        for row in _rows(procedure, related_name):
            copy = model(procedure=draft, **{name: getattr(row, name) for name in fields})
            copy._history_user = user
            copy.save()
    translation_state.refresh(draft)
    _log(procedure, Action.DRAFT_STARTED, user)
    return draft


def draft_saved(*, draft: Procedure, user) -> None:
    """Record a save of the draft; if it has a "Publish at" time, queue its publishing for the worker then (in
    the same transaction; `publish_scheduled_revisions` from cron does the same without a worker)."""
    from .tasks import publish_scheduled_draft

    page = draft.draft_of
    _log(page, Action.DRAFT_SAVED, user)
    if draft.go_live_at:
        _log(page, Action.SCHEDULED, user, note=f"for {timezone.localtime(draft.go_live_at):%Y-%m-%d %H:%M %Z}")
        publish_scheduled_draft.using(run_after=draft.go_live_at).enqueue(draft.pk, draft.go_live_at.isoformat())


def _copy_parts(source: Procedure, target: Procedure, user) -> None:
    """Make the target's rows say what the source's say: rows are matched in order, extras added or deleted."""
    for related_name, model, fields in PARTS:
        old_rows, new_rows = _rows(target, related_name), _rows(source, related_name)
        for index, new in enumerate(new_rows):
            row = old_rows[index] if index < len(old_rows) else model(procedure=target)
            values = {name: getattr(new, name) for name in fields}
            if row.pk and all(getattr(row, name) == value for name, value in values.items()):
                continue
            for name, value in values.items():
                setattr(row, name, value)
            row._history_user = user
            row.save()
        for row in old_rows[len(new_rows) :]:
            row._history_user = user
            row.delete()


@transaction.atomic
def draft_publish(*, draft: Procedure, user=None) -> Procedure:
    """Put the draft's words on its page, publish the page, and delete the draft. Returns the page."""
    page = Procedure.objects.select_for_update().get(pk=draft.draft_of_id)
    draft = Procedure.all_objects.get(pk=draft.pk)
    for name in [*CONTENT_FIELDS, *BOOKKEEPING]:
        setattr(page, name, getattr(draft, name))
    page.status = Status.PUBLISHED
    page.last_published_at = timezone.now()
    page._history_user = user
    page._change_reason = "Published a draft"
    _copy_parts(draft, page, user)
    page.save()
    translation_state.refresh(page)
    scheduled = draft.go_live_at
    draft.delete()
    _log(page, Action.PUBLISHED, user, note="at the time it was scheduled for" if scheduled and not user else "")
    transaction.on_commit(lambda: rendering.render_published(page.pk))
    return page


@transaction.atomic
def draft_discard(*, draft: Procedure, user) -> Procedure:
    """Throw the draft away; the page stays as it is. Returns the page."""
    page = draft.draft_of
    draft.delete()
    _log(page, Action.DISCARDED, user)
    return page


def procedure_publish(*, procedure: Procedure, user) -> None:
    """Publish a page that is not public yet (new, or unpublished earlier)."""
    procedure.status = Status.PUBLISHED
    procedure.last_published_at = timezone.now()
    procedure._history_user = user
    procedure.save(update_fields=["status", "last_published_at", "updated_at"])
    _log(procedure, Action.PUBLISHED, user)
    transaction.on_commit(lambda: rendering.render_published(procedure.pk))


def procedure_unpublish(*, procedure: Procedure, user) -> None:
    """Take a page off the public site (its address then answers 404; old links to the locator still work)."""
    procedure.status = Status.DRAFT
    procedure._history_user = user
    procedure.save(update_fields=["status", "updated_at"])
    _log(procedure, Action.UNPUBLISHED, user)


def publish_due_drafts(*, now=None) -> list[Procedure]:
    """Publish every draft whose time has come; returns the pages published."""
    now = now or timezone.now()
    due = Procedure.all_objects.filter(draft_of__isnull=False, go_live_at__lte=now).order_by("go_live_at")
    return [draft_publish(draft=draft) for draft in due]
