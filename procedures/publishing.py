"""Drafts of published pages, and publishing them: the live page changes only when a draft is published.

The procedure pages and the overview (`Revisable` models) work alike. Editing a published page works on a draft
copy: a row of the same model whose `draft_of` is the page, with (for a procedure) its own sections, list items
and comparison rows. The copy is never public (the default manager leaves it out) and its saves leave the page
cache alone. Publishing copies its words onto the page, then deletes the copy. A procedure's draft may also give
the page a new address (`new_slug`); publishing it moves the page and keeps the old address as a redirect.
"""

from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from core import slugs

from . import translation_state
from .models import (
    ComparisonRow,
    ListItem,
    Ordered,
    PreviousAddress,
    Procedure,
    PublishingEvent,
    Revisable,
    Section,
    ServiceLine,
    Status,
)
from .translation_sources import localized, translated_fields

# A page's own, never copied from its draft: its address (a procedure's draft carries a new one in `new_slug`),
# its order in lists and its status.
PAGE_OWN = {"id", "slug", "new_slug", "position", "status", "draft_of", "go_live_at"}
# Also carried from a draft to its page, but neither compared nor shown in the history: the English each Spanish
# text was written against (so "out of date" survives drafts and publishing).
BOOKKEEPING = ["translation_sources"]


def content_fields(model: type[Revisable]) -> list[str]:
    """The fields a draft carries to its page, compares with it and the history shows. A translated field is its
    English and Spanish columns (`title_en`, `title_es`), never `title` itself, which reads the active language's."""
    bare = set(translated_fields(model))
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.editable and field.name not in PAGE_OWN and field.name not in bare
    ]


def copied_fields(model: type[Revisable]) -> list[str]:
    """What starting and publishing a draft copy: the content and its bookkeeping."""
    return [*content_fields(model), *BOOKKEEPING]


CONTENT_FIELDS = content_fields(Procedure)
# (related name, model, fields copied) of each part of a procedure page, in page order.
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


def parts_of(model: type[Revisable]) -> list:
    return PARTS if model is Procedure else []


def _log(page: Revisable, action: str, user=None, note: str = "") -> None:
    page.publishing_events.create(action=action, user=user, note=note)


def live_page(draft: Revisable) -> Revisable:
    """The live page a draft copy was made of."""
    if draft.draft_of is None:
        raise ValueError(f"{draft!r} is a page, not a draft copy.")
    return draft.draft_of


def _rows(page: Revisable, related_name: str) -> list[Ordered]:
    return list(getattr(page, related_name).order_by("position", "pk"))


@transaction.atomic
def draft_start(*, page: Revisable, user) -> Revisable:
    """The page's draft: the one already started, or a new copy of the page as it is now."""
    # Any: django-stubs' plugin cannot resolve a lookup on the abstract Revisable's manager (it stops on it).
    model: Any = type(page)
    page = model.objects.select_for_update().get(pk=page.pk)
    existing = model.all_objects.filter(draft_of=page).first()
    if existing is not None:
        return existing
    draft = model(
        **{name: getattr(page, name) for name in copied_fields(model)},
        slug=slugs.draft_slug(page.pk),  # unique and short whatever the page's address; no page's (core.slugs)
        status=Status.DRAFT,
        draft_of=page,
    )
    if isinstance(page, Procedure):
        draft.position, draft.new_slug = page.position, page.slug
    draft._history_user = user
    draft.save()
    for related_name, part_model, fields in parts_of(model):
        for row in _rows(page, related_name):
            copy = part_model(procedure=draft, **{name: getattr(row, name) for name in fields})
            copy._history_user = user
            copy.save()
    translation_state.refresh(draft)
    _log(page, Action.DRAFT_STARTED, user)
    return draft


def draft_saved(*, draft: Revisable, user) -> None:
    """Record a save of the draft; if it has a "Publish at" time, queue its publishing for the worker then (in
    the same transaction; `publish_scheduled_revisions` from cron does the same without a worker)."""
    page = live_page(draft)
    _log(page, Action.DRAFT_SAVED, user)
    if draft.go_live_at:
        _log(page, Action.SCHEDULED, user, note=f"for {timezone.localtime(draft.go_live_at):%Y-%m-%d %H:%M %Z}")
        publish_scheduled_draft.using(run_after=draft.go_live_at).enqueue(
            draft.pk, draft.go_live_at.isoformat(), draft._meta.label_lower
        )


def _copy_parts(source: Revisable, target: Revisable, user) -> None:
    """Make the target's rows say what the source's say: rows are matched in order, extras added or deleted."""
    for related_name, model, fields in parts_of(type(target)):
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


def address_taken(slug: str, *, page: Procedure) -> bool:
    """Whether another procedure page (or its draft) has this address."""
    return Procedure.all_objects.filter(slug=slug).exclude(pk=page.pk).exists()


def page_moved(*, page: Procedure, old_slug: str) -> None:
    """The page's address changed from `old_slug`: the old one now leads to the page (no chain: every old address
    points at the page itself), and the new one is no longer anybody's old address."""
    if old_slug != page.slug:
        PreviousAddress.page_moved(page, old_slug)


def _move(page: Procedure, draft: Procedure) -> str | None:
    """Give the page the draft's address, if it changed; returns the old address."""
    new_slug = draft.new_slug or page.slug
    if new_slug == page.slug:
        return None
    if address_taken(new_slug, page=page):
        raise ValidationError(f"Another page already has the web address “{new_slug}”: choose another one.")
    old_slug, page.slug = page.slug, new_slug
    return old_slug


@transaction.atomic
def draft_publish(*, draft: Revisable, user=None) -> Revisable:
    """Put the draft's words on its page, publish the page, and delete the draft. Returns the page.
    ValidationError (nothing changed) if the draft's new address was taken by another page meanwhile."""
    model = type(draft)
    page = model.objects.select_for_update().get(pk=draft.draft_of_id)
    draft = model.all_objects.get(pk=draft.pk)
    old_slug = _move(page, draft) if isinstance(page, Procedure) and isinstance(draft, Procedure) else None
    for name in copied_fields(model):
        setattr(page, name, getattr(draft, name))
    page.status = Status.PUBLISHED
    page.last_published_at = timezone.now()
    page._history_user = user
    page._change_reason = "Published a draft"
    _copy_parts(draft, page, user)
    scheduled = draft.go_live_at
    draft.delete()  # first: the draft's placeholder address is unique, and the page may take none of its own
    page.save()
    translation_state.refresh(page)
    if old_slug and isinstance(page, Procedure):
        page_moved(page=page, old_slug=old_slug)
    _log(page, Action.PUBLISHED, user, note="at the time it was scheduled for" if scheduled and not user else "")
    return page


@transaction.atomic
def draft_discard(*, draft: Revisable, user) -> Revisable:
    """Throw the draft away; the page stays as it is. Returns the page."""
    page = live_page(draft)
    draft.delete()
    _log(page, Action.DISCARDED, user)
    return page


def page_publish(*, page: Revisable, user) -> None:
    """Publish a page that is not public yet (new, or unpublished earlier)."""
    page.status = Status.PUBLISHED
    page.last_published_at = timezone.now()
    page._history_user = user
    page.save(update_fields=["status", "last_published_at", "updated_at"])
    _log(page, Action.PUBLISHED, user)


@transaction.atomic
def page_unpublish(*, page: Revisable, user) -> None:
    """Take a page off the public site (its address then answers 404; old links to the locator still work). A
    draft scheduled to be published loses its time, so the page does not come back at that time: the draft is
    kept, and publishing it is again an editor's choice."""
    page.status = Status.DRAFT
    page._history_user = user
    page.save(update_fields=["status", "updated_at"])
    model: Any = type(page)  # as in draft_start: the plugin stops on the abstract Revisable's manager
    drafts = model.all_objects.filter(draft_of=page, go_live_at__isnull=False)
    scheduled = [timezone.localtime(when) for when in drafts.values_list("go_live_at", flat=True)]
    drafts.update(go_live_at=None)
    note = f"the draft scheduled for {scheduled[0]:%Y-%m-%d %H:%M %Z} will not be published" if scheduled else ""
    _log(page, Action.UNPUBLISHED, user, note=note)


REVISABLE_MODELS = [Procedure, ServiceLine]


def publish_due_drafts(*, now=None) -> list[Revisable]:
    """Publish every draft whose time has come; returns the pages published. A draft that cannot be published
    (its new address was taken meanwhile) stays a draft and is reported in the page's history."""
    now = now or timezone.now()
    published = []
    for model in REVISABLE_MODELS:
        for draft in model.all_objects.filter(draft_of__isnull=False, go_live_at__lte=now).order_by("go_live_at"):
            page = publish_scheduled(draft)
            if page is not None:
                published.append(page)
    return published


def publish_scheduled(draft: Revisable) -> Revisable | None:
    """Publish a draft at its time, without a user; a draft that cannot be published loses its time (so it is not
    tried every minute) and the page's history says why."""
    try:
        return draft_publish(draft=draft)
    except ValidationError as problem:
        type(draft).all_objects.filter(pk=draft.pk).update(go_live_at=None)
        _log(live_page(draft), Action.NOT_PUBLISHED, note=" ".join(problem.messages)[:200])
        return None


@task()
def publish_scheduled_draft(draft_id: int, go_live_at: str, model: str = "procedures.procedure") -> str:
    """The worker's task (`manage.py db_worker`): publish the draft (of a procedure page, or of `model`:
    "procedures.serviceline" for the overview) at its “Publish at” time. A draft published, discarded or given
    another time since it was scheduled is left alone (the task of its new time publishes it). Tasks queued before
    it lived here name it procedures.tasks.publish_scheduled_draft, which still resolves."""
    page_model = apps.get_model(model)
    if page_model not in REVISABLE_MODELS:
        return "not a page with drafts"
    draft = page_model.all_objects.filter(pk=draft_id, draft_of__isnull=False).first()
    if draft is None or draft.go_live_at is None or draft.go_live_at != parse_datetime(go_live_at):
        return "no longer scheduled for this time"
    if draft.go_live_at > timezone.now():
        return "not due yet"
    return "published" if publish_scheduled(draft) else "not published: see the page's history"
