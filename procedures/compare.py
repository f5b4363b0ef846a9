"""A readable comparison of a draft with its live page: every field, section and list item, word by word (a
procedure page's or the overview's)."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Field
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from .models import ListItem, Procedure, Revisable
from .publishing import content_fields


@dataclass
class Change:
    label: str
    diff: SafeString  # the new text with <del> and <ins> marking what changed


def word_diff(old: str, new: str) -> SafeString:
    """The words of `new`, with removed words in <del> and added ones in <ins>, whole words only."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f'<del><span class="diff-label">removed: </span>{escape(" ".join(a[i1:i2]))}</del>')
        if j2 > j1:
            out.append(f'<ins><span class="diff-label">added: </span>{escape(" ".join(b[j1:j2]))}</ins>')
    return mark_safe(" ".join(out))  # noqa: S308 (every piece of text is escaped above)


def _row_text(row, fields: list[str]) -> str:
    return " · ".join(str(getattr(row, name)) for name in fields if getattr(row, name) not in ("", None))


def _list_changes(label: str, old: list[str], new: list[str]) -> list[Change]:
    """Items matched in order; an item changed in place shows its words, an added or removed one whole."""
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for offset in range(max(i2 - i1, j2 - j1)):
            before = old[i1 + offset] if i1 + offset < i2 else ""
            after = new[j1 + offset] if j1 + offset < j2 else ""
            if not before and not after:
                continue  # a row with no text in this language (a Spanish one not written yet)
            position = (j1 + offset if after else i1 + offset) + 1
            changes.append(Change(f"{label}, item {position}", word_diff(before, after)))
    return changes


def _in(language: str, *names: str) -> list[str]:
    return [f"{name}_{language}" for name in names]


# (label, rows, fields) of each list of parts, English then Spanish: a change in either shows, named by language.
PART_LISTS = (
    [
        (f"Section{suffix}", lambda p: p.sections.all(), [*_in(lang, "heading"), *extra, *_in(lang, "body")])
        for lang, suffix, extra in (("en", "", ["anchor"]), ("es", " (Spanish)", []))
    ]
    + [
        (
            f"Comparison row{suffix}",
            lambda p: p.comparison_rows.all(),
            _in(lang, "aspect", "this_procedure", "other_procedure"),
        )
        for lang, suffix in (("en", ""), ("es", " (Spanish)"))
    ]
    + [
        (
            f"{kind.label}{suffix}",
            lambda p, kind=kind: [i for i in p.list_items.all() if i.kind == kind],
            [*_in(lang, "text", "detail"), *extra],
        )
        for kind in ListItem.Kind
        for lang, suffix, extra in (("en", "", ["link", "dated"]), ("es", " (Spanish)", []))
    ]
)


def compare(page: Revisable, draft: Revisable) -> list[Change]:
    """What publishing the draft would change on the page, in the order of the edit form."""
    model = type(page)
    changes = []
    if isinstance(page, Procedure) and isinstance(draft, Procedure) and draft.new_slug and draft.new_slug != page.slug:
        new_url = reverse("procedures:detail", kwargs={"slug": draft.new_slug})
        changes.append(Change("Web address", word_diff(page.get_absolute_url(), new_url)))
    for name in content_fields(model):
        old, new = getattr(page, name), getattr(draft, name)
        if (old or "") != (new or ""):  # an empty Spanish text may be stored as "" or as NULL
            field = model._meta.get_field(name)
            assert isinstance(field, Field)  # content_fields are the model's own columns
            changes.append(Change(capfirst(str(field.verbose_name)), word_diff(str(old or ""), str(new or ""))))
    for label, rows, fields in PART_LISTS if model is Procedure else []:
        old = [_row_text(row, fields) for row in rows(page)]
        new = [_row_text(row, fields) for row in rows(draft)]
        changes += _list_changes(label, old, new)
    return changes
