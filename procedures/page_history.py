"""One history per page with drafts: a procedure page's own fields and every section, list item and comparison row
(the overview's fields), newest first, each change shown word by word (who, when, what), with its drafts' steps
(who saved, scheduled, published)."""

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.text import capfirst

from .compare import Change, word_diff
from .models import ListItem, Revisable, Section
from .publishing import BOOKKEEPING, content_fields, parts_of

ACTIONS = {"+": "Added", "~": "Changed", "-": "Removed"}
# The developers' references left in the reasons of the content's own migrations ("Held to the client's copy
# (issue 10)"): staff read the reason without them.
_INTERNAL_REFERENCE = re.compile(r"\s*\(issue \d+\)")


@dataclass
class Entry:
    when: datetime
    user: object
    part: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)
    who: str = ""


def _label(model, record) -> str:
    if issubclass(model, Revisable):
        return "Page"
    if model is Section:
        return f"Section “{record.heading_en or record.heading}”"
    if model is ListItem:
        return ListItem.Kind(record.kind).label if record.kind in ListItem.Kind.values else record.kind
    return f"Comparison row “{record.aspect_en or record.aspect}”"


def _changes(model, fields: list[str], before, after) -> list[Change]:
    changes = []
    for name in fields:
        old = "" if before is None else str(getattr(before, name) or "")
        new = "" if after is None else str(getattr(after, name) or "")
        if old != new:
            label = capfirst(model._meta.get_field(name).verbose_name)
            changes.append(Change(label, word_diff(old, new)))
    return changes


def _sources(model: type[Revisable]) -> list:
    """(model, key to the page, fields shown) of the page and each of its parts (bookkeeping left out: the history
    does not keep it)."""
    page = [(model, "id", [*content_fields(model), "slug", "status"])]
    return page + [
        (part, "procedure_id", [f for f in fields if f not in {"position", *BOOKKEEPING}])
        for _name, part, fields in parts_of(model)
    ]


def page_history(page: Revisable, limit: int = 200) -> list[Entry]:
    """The page's changes, newest first (at most `limit`)."""
    entries = []
    for model, key, fields in _sources(type(page)):
        records = model.history.filter(**{key: page.pk}).select_related("history_user").order_by("history_date")
        previous: dict[int, Any] = {}  # the last record of each row (django-simple-history's, untyped)
        for record in records:
            if record.history_type == "-":
                before, after = record, None
            else:
                before, after = previous.get(record.id), record
            changes = _changes(model, fields, before, after)
            if record.history_type == "~" and not changes:
                previous[record.id] = record
                continue  # a save that changed nothing a reader sees (order in a list, say)
            entries.append(
                Entry(
                    when=record.history_date,
                    user=record.history_user,
                    part=_label(model, record),
                    action=ACTIONS.get(record.history_type, record.history_type),
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
            previous[record.id] = record
    events = list(page.publishing_events.select_related("user").order_by("at"))
    for event in events:  # the drafts' steps: saved, scheduled…
        entries.append(Entry(event.at, event.user, "", event.get_action_display(), event.note))
    schedules = [event for event in events if event.action == event.Action.SCHEDULED]
    for entry in entries:
        entry.reason = _INTERNAL_REFERENCE.sub("", entry.reason)
        entry.who = who(entry.user, entry.when, schedules)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def name_of(user) -> str:
    return user.get_full_name() or user.get_username()


def who(user, when: datetime, schedules: list, *, start: bool = True) -> str:
    """Who made a change, in words (`start`: at the start of a sentence): the person signed in; for a change no one
    signed in made, the person who scheduled the draft it published, or the content loaded with the site."""
    if user is not None:
        return name_of(user)
    scheduled = [event for event in schedules if event.at <= when]
    if scheduled and scheduled[-1].user is not None:
        words = f"the scheduler, at the time {name_of(scheduled[-1].user)} set"
    else:
        words = "the site's first content (no one signed in)"
    return capfirst(words) if start else words
