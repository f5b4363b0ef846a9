"""Hold the seed content to the client's copy (issue 10): every key fact and table cell in the copy's own words.

- Key facts quote the copy; the facet page's anesthetic and steroid move from "Anesthesia" to "What is injected".
- The facet page lists one condition (the candidate sentences are already in "Who is a good candidate?").
- The kyphoplasty table keeps only the rows that differ, each cell the copy's words: no yes/no verdicts, no
  added goals, and kyphoplasty's own goals (which include preventing further collapse) from its own page.

Only values still as the seed loaded them are changed: an editor's later wording is left alone. The changes are
recorded in the history like an edit, so staff can see and revert them.
"""

from django.db import migrations
from django.utils import timezone

REASON = "Held to the client's copy (issue 10)"

# slug: {field: (seed value, copy's value)}
FACTS = {
    "epidural-injections": {
        "duration": ("Usually no more than five to ten minutes", "Usually takes no more than five to ten minutes"),
        "anesthesia": (
            "Local anesthesia and, on occasion, intravenous sedation; you are not deeply sedated",
            "Local anesthesia and, on occasion, with intravenous sedation",
        ),
        "medication": ("", "A steroid medication"),
        "imaging_guidance": (
            "Fluoroscopy (a special X-ray camera), usually lying face down",
            "Fluoroscopy, usually with the patient lying face down",
        ),
        "recovery_time": (
            "A brief 15-20 minute recovery before you go home",
            "A brief 15-20 minute recovery before being discharged to your home",
        ),
    },
    "facet-joint-injections": {
        "duration": ("Usually 10-20 minutes", "Usually takes 10-20 minutes"),
        "anesthesia": ("A local anesthetic, and possibly a steroid to reduce inflammation", ""),
        "medication": ("", "A local anesthetic and possibly a steroid to reduce inflammation"),
        "imaging_guidance": (
            "Fluoroscopy (a special X-ray camera) to place the needle in the joint",
            "Fluoroscopy is used by your physician to make sure the needle is in the joint",
        ),
        "recovery_time": (
            "A brief recovery before you go home",
            "A brief recovery before being discharged to your home",
        ),
    },
    "kyphoplasty": {
        "anesthesia": ("Usually a local anesthetic", "Usually performed using a local anesthetic"),
        "medication": ("", "A cement-like material"),
        "imaging_guidance": (
            "Fluoroscopy (a type of X-ray) to place the tubes precisely",
            "Image guidance via fluoroscopy (a type of x-ray) to allow precise placement of the tubes",
        ),
    },
}

# slug: (seed list, copy's list) of conditions
CONDITIONS = {
    "facet-joint-injections": (
        [
            "Swollen and painful facet joints due to osteoarthritis",
            "Arthritic or thickened facet joints seen on X-rays, with chronic back or neck pain with movement",
            "Facet joints injured due to a whiplash injury or other traumatic injuries to the neck or back",
        ],
        ["Swollen and painful facet joints due to osteoarthritis"],
    ),
    "kyphoplasty": (["Painful vertebral compression fractures"], ["Vertebral compression fractures"]),
}

SEED_COMPARISON = [
    ("Used to treat", "Vertebral compression fractures", "Vertebral compression fractures"),
    ("Type of procedure", "Minimally invasive", "Minimally invasive"),
    ("Effective in reducing pain", "Yes", "Yes"),
    (
        "How it is done",
        "An inflatable balloon is used to create a cavity for the cement",
        "A percutaneous injection (through the skin) of bone cement into the vertebral body",
    ),
    (
        "Goals",
        "Reducing pain, with the additional potential goals of restoring height and reducing kyphosis",
        "Pain alleviation and preventing further loss of vertebral body height",
    ),
    (
        "Height of the vertebra",
        "Restoring height is a potential goal",
        "Preventing further loss of vertebral body height is a goal",
    ),
]
COMPARISON = [
    (
        "How it is done",
        "An inflatable balloon is used to create a cavity for the cement",
        "A percutaneous injection of bone cement into the vertebral body",
    ),
    (
        "Goals",
        "To treat painful compression fractures, prevent further collapse of your vertebral fracture and to "
        "restore normal spinal alignment",
        "Pain alleviation and preventing further loss of vertebral body height",
    ),
    # The copy names these for kyphoplasty only ("additional"): the vertebroplasty cell stays empty.
    ("Additional potential goals", "Restoring height and reducing kyphosis", ""),
]


def record(apps, model_name, obj, history_type="~"):
    historical = apps.get_model("procedures", f"Historical{model_name}")
    model = apps.get_model("procedures", model_name)
    kept = {field.attname for field in historical._meta.fields}  # as in 0002: the history's own fields only
    values = {field.attname: getattr(obj, field.attname) for field in model._meta.fields if field.attname in kept}
    historical.objects.create(
        **values, history_date=timezone.now(), history_type=history_type, history_change_reason=REASON
    )


def replace_rows(apps, model_name, queryset, old, new, make):
    """Replace rows still as seeded (`old`, compared by `make`'s key) with `new`."""
    rows = list(queryset)
    if [make(row) for row in rows] != old:
        return
    for row in rows:
        record(apps, model_name, row, "-")
        row.delete()
    return new


def forwards(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    ListItem = apps.get_model("procedures", "ListItem")
    ComparisonRow = apps.get_model("procedures", "ComparisonRow")
    for slug, facts in FACTS.items():
        procedure = Procedure.objects.filter(slug=slug, draft_of__isnull=True).first()
        if procedure is None:
            continue
        changed = False
        for field, (seed, copy) in facts.items():
            if getattr(procedure, field) == seed:
                setattr(procedure, field, copy)
                changed = True
        if changed:
            procedure.save()
            record(apps, "Procedure", procedure)
    for slug, (seed, copy) in CONDITIONS.items():
        items = ListItem.objects.filter(procedure__slug=slug, kind="condition").order_by("position", "pk")
        procedure = Procedure.objects.filter(slug=slug, draft_of__isnull=True).first()
        if procedure and replace_rows(apps, "ListItem", items, seed, copy, lambda item: item.text):
            for position, text in enumerate(copy, start=1):
                item = ListItem.objects.create(procedure=procedure, kind="condition", position=position, text=text)
                record(apps, "ListItem", item, "+")
    rows = ComparisonRow.objects.filter(procedure__slug="kyphoplasty").order_by("position", "pk")
    procedure = Procedure.objects.filter(slug="kyphoplasty", draft_of__isnull=True).first()
    key = lambda row: (row.aspect, row.this_procedure, row.other_procedure)  # noqa: E731
    if procedure and replace_rows(apps, "ComparisonRow", rows, SEED_COMPARISON, COMPARISON, key):
        for position, (aspect, this, other) in enumerate(COMPARISON, start=1):
            row = ComparisonRow.objects.create(
                procedure=procedure, position=position, aspect=aspect, this_procedure=this, other_procedure=other
            )
            record(apps, "ComparisonRow", row, "+")


class Migration(migrations.Migration):
    dependencies = [("procedures", "0003_drafts_optional_parts_publishing")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
