"""One history per procedure page: its own fields and every section, list item and comparison row, newest first,
each change shown word by word (who, when, what), with its drafts' steps (who saved, scheduled, published)."""

from dataclasses import dataclass, field
from datetime import datetime

from .compare import Change, word_diff
from .models import ListItem, Procedure, Section
from .publishing import CONTENT_FIELDS, PARTS

ACTIONS = {"+": "Added", "~": "Changed", "-": "Removed"}


@dataclass
class Entry:
    when: datetime
    user: object
    part: str
    action: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _label(model, record) -> str:
    if model is Procedure:
        return "Page"
    if model is Section:
        return f"Section “{record.heading}”"
    if model is ListItem:
        return ListItem.Kind(record.kind).label if record.kind in ListItem.Kind.values else record.kind
    return f"Comparison row “{record.aspect}”"


def _changes(model, fields: list[str], before, after) -> list[Change]:
    changes = []
    for name in fields:
        old = "" if before is None else str(getattr(before, name) or "")
        new = "" if after is None else str(getattr(after, name) or "")
        if old != new:
            label = str(model._meta.get_field(name).verbose_name).capitalize()
            changes.append(Change(label, word_diff(old, new)))
    return changes


SOURCES = [(Procedure, "id", [*CONTENT_FIELDS, "slug", "status"])] + [
    (model, "procedure_id", [name for name in fields if name != "position"]) for _name, model, fields in PARTS
]


def page_history(procedure: Procedure, limit: int = 200) -> list[Entry]:
    """The page's changes, newest first (at most `limit`)."""
    entries = []
    for model, key, fields in SOURCES:
        records = model.history.filter(**{key: procedure.pk}).select_related("history_user").order_by("history_date")
        previous = {}
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
    for event in procedure.publishing_events.select_related("user"):  # the drafts' steps: saved, scheduled…
        entries.append(Entry(event.at, event.user, "", event.get_action_display(), event.note))
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]
