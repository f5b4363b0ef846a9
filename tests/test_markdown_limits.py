"""Markdown cannot pin a worker: every Markdown and prose field holds a bounded number of characters (refused next to
the field in the admin, in English and in Spanish), the live preview refuses a longer text with a message, a text
the renderer would take too long on is shown as plain paragraphs, and inputs that made the old renderer quadratic
or overflow its stack render to sanitised HTML. (How long each takes: bench/markdown.py, not a timed test.)"""

import pytest
from django.apps import apps
from django.core.validators import MaxLengthValidator
from django.db import models

from procedures import markdown
from procedures.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    NOTICE_MAX_LENGTH,
    PROSE_MAX_LENGTH,
    SECTION_MAX_LENGTH,
)
from procedures.models import Procedure, Section
from procedures.notices import Notice
from procedures.templatetags.content import render_markdown

from .factories import ProcedureFactory, SectionFactory
from .html import collect_tags, find_all, iter_elements, parse, text
from .staff import change_form_data

pytestmark = pytest.mark.django_db

TEXT_URL = "/admin/procedures/procedure/text/"


def draft_url(client, page: Procedure) -> str:
    """The edit form of a draft of the live page, as an editor opens it."""
    assert client.post(f"/admin/procedures/procedure/{page.pk}/draft/").status_code == 302
    return f"/admin/procedures/procedure/{Procedure.all_objects.get(draft_of=page).pk}/change/"


def errors_next_to(response, field_class: str) -> str:
    """The error messages the admin shows in the form row of one field (its `field-<name>` box)."""
    root = parse(response)
    boxes = [e for e in iter_elements(root) if field_class in (dict(e.attributes).get("class") or "").split()]
    assert boxes, f"no .{field_class} on the page"
    return " ".join(text(ul) for box in boxes for ul in find_all(box, "ul") if "errorlist" in str(ul))


# --- Every field has a limit, and the edit form says so next to the field ------------------------------------


def test_every_markdown_and_prose_field_holds_a_bounded_number_of_characters_in_both_languages():
    unbounded = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("procedures").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and not any(isinstance(v, MaxLengthValidator) for v in field.validators)
        and field.name != "translation_sources"
    ]
    assert unbounded == []


def test_an_over_long_spanish_summary_is_refused_next_to_the_field(client, editor, kyphoplasty):
    url = draft_url(client, kyphoplasty)
    too_long = ("Una oración. " * (PROSE_MAX_LENGTH // 13 + 1)).strip()

    response = client.post(url, change_form_data(client, url, summary_es=too_long))

    assert response.status_code == 200  # the form again, with the message
    assert f"This text has {len(too_long)} characters; at most {PROSE_MAX_LENGTH} fit here" in errors_next_to(
        response, "field-summary_es"
    )
    assert Procedure.all_objects.get(draft_of=kyphoplasty).summary_es in ("", None)  # nothing saved


def test_an_over_long_section_body_is_refused_next_to_the_field(client, editor, kyphoplasty):
    url = draft_url(client, kyphoplasty)
    too_long = "[" * (SECTION_MAX_LENGTH + 1)

    response = client.post(url, change_form_data(client, url, **{"sections-0-body_en": too_long}))

    assert response.status_code == 200
    assert f"at most {SECTION_MAX_LENGTH} fit here" in errors_next_to(response, "field-body_en")
    assert not Section.objects.filter(body_en=too_long).exists()


def test_an_over_long_notice_is_refused_next_to_the_field(admin_client):
    notice = Notice.objects.get(kind="good-faith-estimate")
    url = f"/admin/procedures/notice/{notice.pk}/change/"
    too_long = "<a " * (NOTICE_MAX_LENGTH // 3 + 1)

    response = admin_client.post(url, change_form_data(admin_client, url, body_en=too_long, body_es=too_long))

    assert response.status_code == 200
    for language in ("en", "es"):  # each language's text, next to its own field
        assert f"at most {NOTICE_MAX_LENGTH} fit here" in errors_next_to(response, f"field-body_{language}")
    assert Notice.objects.get(pk=notice.pk).body == notice.body


# --- The live preview ----------------------------------------------------------------------------------------


def test_the_edit_form_tells_the_preview_how_many_characters_each_field_holds(client, editor, kyphoplasty):
    html = client.get(draft_url(client, kyphoplasty)).content.decode()

    root = parse(html)
    limits = {
        dict(e.attributes).get("name"): dict(e.attributes).get("data-max-length")
        for e in iter_elements(root)
        if e.name == "textarea"
    }
    assert limits["summary_en"] == str(PROSE_MAX_LENGTH)
    assert limits["risks_outro_es"] == str(PROSE_MAX_LENGTH)
    assert limits["sections-0-body_en"] == str(SECTION_MAX_LENGTH)


def test_an_over_long_preview_is_refused_with_a_message_for_the_editor(client, editor):
    response = client.post(TEXT_URL, {"text": "[" * 100_000})

    assert response.status_code == 400
    assert response.json() == {"error": "This text has 100,000 characters; at most 30,000 fit here. Shorten it."}


def test_a_preview_longer_than_its_own_field_holds_is_refused(client, editor):
    response = client.post(TEXT_URL, {"text": "Words. " * 1000, "max_length": str(PROSE_MAX_LENGTH)})

    assert response.status_code == 400
    assert response.json()["error"] == "This text has 7,000 characters; at most 5,000 fit here. Shorten it."


def test_a_preview_that_would_take_too_long_to_format_is_refused_with_a_message(client, editor, monkeypatch):
    monkeypatch.setattr(markdown, "RENDER_SECONDS", 0.0)  # every text past the first clock check is "too slow"

    response = client.post(TEXT_URL, {"text": "*a " * 2000})

    assert response.status_code == 400
    assert "takes too long to preview" in response.json()["error"]


def test_the_whole_page_grade_reads_only_its_first_characters_and_says_so(client, editor):
    words = "The pain may go away. " * 1200  # 26,400 characters: longer than any field, as a whole page can be

    answer = client.post(TEXT_URL, {"text": words, "part": "page"}).json()

    assert answer["partial"] is True
    assert answer["graded_chars"] == 20_000
    assert answer["grade"] is not None
    assert "html" not in answer  # the page's grade only: no preview of a whole page


# --- Rendering: bounded, sanitised, always something for the patient ----------------------------------------

PATHOLOGICAL = {
    "brackets": "[",
    "unclosed links": "[a](",
    "unclosed tags": "<a ",
    "images": "![",
    "strong runs": "**a",
    "emphasis runs": "*a",
    "underscores": "__a",
    "backticks": "`a",
    "quotes": "> ",
    "list markers": "- ",
    "numbered list markers": "1. ",
    "nested raw lists": "<ul><li>",
}


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_a_pathological_section_renders_on_the_page_as_sanitised_html(client, unit):
    procedure = ProcedureFactory()
    body = (unit * (SECTION_MAX_LENGTH // len(unit) + 1))[:SECTION_MAX_LENGTH]
    SectionFactory(procedure=procedure, anchor="odd", body=body)

    response = client.get(procedure.get_absolute_url())

    assert response.status_code == 200  # "1. 1. 1. …" overflowed the old renderer's stack: a 500
    html = render_markdown(body)
    assert html in response.content.decode()
    for tag, attributes in collect_tags(html).tags:  # as written: a parser into a tree would not reach so deep
        assert tag in ALLOWED_TAGS
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}


def test_brackets_render_as_the_brackets_written():
    assert render_markdown("[" * 8000).strip() == f"<p>{'[' * 8000}</p>"
    assert render_markdown("[a](" * 2500).strip() == f"<p>{'[a](' * 2500}</p>"


def test_nesting_deeper_than_the_parser_reads_is_cut_not_crashed():
    html = render_markdown("> " * 5000 + "deep")

    assert html.count("<blockquote>") == 20  # markdown-it's limit; the rest of so deep a quote is not shown


def test_a_text_longer_than_any_field_holds_is_shown_on_the_page_as_plain_paragraphs(client):
    procedure = ProcedureFactory()
    body = "**Bold** & <b>tags</b>.\n\n" * (NOTICE_MAX_LENGTH // 24 + 1)  # saved without the admin's form
    SectionFactory(procedure=procedure, anchor="long", body=body)

    html = client.get(procedure.get_absolute_url()).content.decode()

    assert "<p>**Bold** &amp; &lt;b&gt;tags&lt;/b&gt;.</p>" in html  # the words, escaped, not formatted
    assert "<strong>Bold</strong>" not in html


def test_a_text_past_the_render_budget_is_shown_as_plain_paragraphs(monkeypatch):
    monkeypatch.setattr(markdown, "RENDER_SECONDS", 0.0)

    assert markdown.render("*a " * 200) == f"<p>{'*a ' * 199}*a </p>"
    assert markdown.render("Short *text*.") == "<p>Short <em>text</em>.</p>\n"  # checked every 128 parser steps
