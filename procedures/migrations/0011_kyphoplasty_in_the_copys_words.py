"""Kyphoplasty's summary and description in the client's own words (issue 21): the copy says the procedure "is
performed to strengthen your fractured vertebra", not that it "strengthens" it.

Only values still as the seed loaded them are changed (English columns, and the original column modeltranslation
keeps beside them): an editor's later wording is left alone. Recorded in the history like an edit, so staff can see
and revert it.
"""

from django.db import migrations
from django.utils import timezone

REASON = "In the client's own words (issue 21)"

# field: (seed value, the copy's words)
KYPHOPLASTY = {
    "summary": (
        "A minimally invasive procedure that strengthens your fractured vertebra with an injection of a "
        "cement-like material. It may help you recover faster from vertebral compression fractures and "
        "avoid the need for an open surgical procedure.",
        "Kyphoplasty is a minimally invasive procedure that may help you recover faster from vertebral compression "
        "fractures and avoid the need for an open surgical procedure. This procedure is performed to strengthen "
        "your fractured vertebra with an injection of a cement-like material.",
    ),
    "meta_description": (
        "Kyphoplasty: a minimally invasive procedure that strengthens a fractured vertebra with a "
        "cement-like material to treat painful compression fractures.",
        "Kyphoplasty is performed to strengthen your fractured vertebra with an injection of a cement-like "
        "material, to treat painful compression fractures.",
    ),
}


def change(apps, *, forwards: bool) -> None:
    Procedure = apps.get_model("procedures", "Procedure")
    Historical = apps.get_model("procedures", "HistoricalProcedure")
    procedure = Procedure.objects.filter(slug="kyphoplasty", draft_of__isnull=True).first()
    if procedure is None:
        return
    changed = False
    for field, (seed, copy) in KYPHOPLASTY.items():
        old, new = (seed, copy) if forwards else (copy, seed)
        if getattr(procedure, f"{field}_en") == old:
            setattr(procedure, f"{field}_en", new)
            setattr(procedure, field, new)
            changed = True
    if not changed:
        return
    procedure.save()
    kept = {field.attname for field in Historical._meta.fields}
    values = {field.attname: getattr(procedure, field.attname) for field in Procedure._meta.fields}
    Historical.objects.create(
        **{name: value for name, value in values.items() if name in kept},
        history_date=timezone.now(),
        history_type="~",
        history_change_reason=REASON,
    )


def forwards(apps, schema_editor) -> None:
    change(apps, forwards=True)


def backwards(apps, schema_editor) -> None:
    change(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0010_notices_in_spanish_and_privacy_practices")]

    operations = [migrations.RunPython(forwards, backwards)]
