"""Save only what changed, with history: how import_centers and load_demo_data write centers, physicians, their
procedures and opening hours, so that loading the same data again writes nothing and records no history noise.

Writes go in bulk, as a large import needs, and bulk writes skip save() and its signals: each row gets what save()
fills in (`fill_in()`, the model's one home of it) before it is written, and the caller bumps the page cache's
content generation once, after the transaction (core/rendered.py).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from typing import Any, Generic, TypeVar

from django.db import models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from procedures.models import Procedure

from .models import Center, OpeningHours, Physician

Hours = list[tuple[int, time, time]]  # (weekday, opens, closes), Monday being 0, sorted
Row = TypeVar("Row", Center, Physician)


@dataclass
class Saved(Generic[Row]):
    """The rows save_changed created, updated and left unchanged, and how many it skipped."""

    rows: list[Row] = field(default_factory=list)  # all but the skipped, in the order given
    created: list[Row] = field(default_factory=list)
    updated: list[Row] = field(default_factory=list)
    unchanged: list[Row] = field(default_factory=list)
    skipped: int = 0


def save_changed(
    model: type[Row],
    rows: Mapping[str, Mapping[str, Any]],
    *,
    new: Mapping[str, Any] | None = None,
    skip: Callable[[Row], bool] | None = None,
) -> Saved[Row]:
    """Give the row of each slug its values: create it (with `new` too) when missing, update it when a value
    differs, each with one history record; leave it alone when nothing differs or `skip` says so."""
    saved: Saved[Row] = Saved()
    existing = model.objects.in_bulk(list(rows), field_name="slug")
    now = timezone.now()
    for slug, values in rows.items():
        instance = existing.get(slug)
        if instance is None:
            instance = model(slug=slug, **(new or {}), **values)
            instance.fill_in()
            saved.created.append(instance)
        elif skip and skip(instance):
            saved.skipped += 1
            continue
        elif any(getattr(instance, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(instance, name, value)
            instance.fill_in()
            instance.updated_at = now
            # One UPDATE per row: QuerySet.bulk_update builds a CASE per field and row, far slower here.
            model.objects.filter(pk=instance.pk).update(**_columns(instance))
            saved.updated.append(instance)
        else:
            saved.unchanged.append(instance)
        saved.rows.append(instance)
    bulk_create_with_history(saved.created, model)
    model.history.bulk_history_create(saved.updated, update=True)
    return saved


def _columns(instance: models.Model) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields if not f.primary_key}


def set_procedures(wanted: Mapping[Center, Sequence[Procedure]]) -> None:
    """Give each center exactly the procedures given, touching only the centers whose procedures differ."""
    current: dict[int, set[int]] = {center.pk: set() for center in wanted}
    links = Center.procedures.through.objects.filter(center__in=list(wanted)).values_list("center_id", "procedure_id")
    for center_id, procedure_id in links:
        current[center_id].add(procedure_id)
    for center, procedures in wanted.items():
        if {procedure.pk for procedure in procedures} != current[center.pk]:
            center.procedures.set(procedures)


def set_hours(wanted: Mapping[Center, Hours]) -> None:
    """Give each center exactly the opening hours given, rewriting only those of the centers whose hours differ."""
    current: dict[int, Hours] = {center.pk: [] for center in wanted}
    for opening in OpeningHours.objects.filter(center__in=list(wanted)):
        current[opening.center_id].append((opening.weekday, opening.opens, opening.closes))
    stale = [center for center, hours in wanted.items() if sorted(hours) != sorted(current[center.pk])]
    OpeningHours.objects.filter(center__in=stale).delete()
    new = [OpeningHours(center=c, weekday=d, opens=o, closes=e) for c in stale for d, o, e in sorted(wanted[c])]
    bulk_create_with_history(new, OpeningHours)
