"""The admin speaks to editors in words: "Web address", "Link name", "Order", never "Slug", "Anchor", "Position" or
"Historical sections", on the pages they edit."""

import pytest

from procedures.models import Procedure

from .html import attr, find_all, parse, text

pytestmark = pytest.mark.django_db

DEVELOPER_WORDS = {"Slug", "Anchor", "Position", "Draft of", "Go live at", "New slug"}


def labels(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    html = parse(response)
    return {text(label).rstrip(":") for label in find_all(html, "label") + find_all(html, "th")}


def test_a_procedure_draft_s_form_labels_its_fields_in_words(client, editor):
    page = Procedure.objects.get(slug="kyphoplasty")
    client.post(f"/admin/procedures/procedure/{page.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=page)
    shown = labels(client, f"/admin/procedures/procedure/{draft.pk}/change/")
    assert {"Web address", "Link name", "Order", "Publish at"} <= shown
    assert not shown & DEVELOPER_WORDS


def test_the_new_procedure_form_labels_its_fields_in_words(client, editor):
    shown = labels(client, "/admin/procedures/procedure/add/")
    assert {"Web address", "Order"} <= shown
    assert not shown & DEVELOPER_WORDS


def test_the_admin_names_no_historical_model(client, editor):
    html = client.get("/admin/").content.decode() + client.get("/admin/procedures/").content.decode()
    assert "Historical" not in html
    assert "historical" not in html


def test_each_order_box_of_the_procedure_list_names_its_page(client, editor):
    html = parse(client.get("/admin/procedures/procedure/"))
    boxes = [box for box in find_all(html, "input") if (attr(box, "name") or "").endswith("-position")]
    assert sorted(attr(box, "aria-label") for box in boxes) == [
        "Order of Epidural Injections",
        "Order of Facet Joint Injections",
        "Order of Kyphoplasty",
    ]


def test_questions_and_references_label_each_language_and_mark_the_spanish_inputs_spanish(client, editor):
    page = Procedure.objects.get(slug="kyphoplasty")
    client.post(f"/admin/procedures/procedure/{page.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=page)
    html = parse(client.get(f"/admin/procedures/procedure/{draft.pk}/change/"))
    inputs = {attr(box, "name"): box for box in find_all(html, "textarea") + find_all(html, "input")}
    said = {attr(label, "for"): text(label).rstrip(":") for label in find_all(html, "label")}

    question, reference = "list_items-4-__prefix__-", "list_items-5-__prefix__-"  # the blank forms for new items
    assert [said[f"id_{question}{name}"] for name in ("text_en", "text_es", "detail_en", "detail_es")] == [
        "Question (English)",
        "Question (Spanish)",
        "Answer (English)",
        "Answer (Spanish)",
    ]
    assert said[f"id_{reference}detail_es"] == "Publisher in Spanish (optional)"
    for prefix, box in ((question, "textarea"), (reference, "input")):
        assert inputs[f"{prefix}detail_en"].name == box
        assert attr(inputs[f"{prefix}detail_en"], "lang") is None
        assert attr(inputs[f"{prefix}detail_es"], "lang") == "es"
    assert attr(inputs[f"{question}detail_es"], "data-markdown") == "1"  # the answer is written in Markdown
