"""The client's copy renders as it always has: every Markdown field of the content the data migrations load gives
the very HTML that Python-Markdown 3.11 (the site's renderer until it was replaced by a linear one) gave, sanitised
the same way. tests/seed_markdown.json holds that HTML, written by the old renderer from this same content."""

import importlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import models

from procedures.models import Procedure, Section, ServiceLine
from procedures.notices import Notice
from procedures.templatetags.content import NOTICE_TAGS, render_markdown

from .html import attr, find_all, parse

pytestmark = pytest.mark.django_db

EXPECTED = json.loads((Path(__file__).parent / "seed_markdown.json").read_text(encoding="utf-8"))
# Content loaded or reworded by migrations after the old renderer wrote the file: nothing to compare it with.
LATER = ("notice privacy-practices ", "procedure kyphoplasty summary_en")
# One sentence reworded by a later migration (the site now counts its own use): the rest of that notice is compared.
COUNTED = importlib.import_module("procedures.migrations.0013_consumer_health_data_says_what_is_counted")
EXPECTED = {key: html.replace(COUNTED.SEED, COUNTED.NOW) for key, html in EXPECTED.items()}


def markdown_fields(obj: models.Model) -> Iterator[str]:
    """The object's Markdown columns with text: English ones of translated fields, the field itself otherwise."""
    names = {field.attname for field in obj._meta.concrete_fields if isinstance(field, models.TextField)}
    for name in sorted(names):
        if f"{name}_en" in names or name.endswith("_es") or not getattr(obj, name):
            continue
        yield name


def seed_html() -> dict[str, str]:
    """What each Markdown field of the seed content renders to, as the templates render it."""
    pages: list[tuple[str, models.Model]] = [
        *((f"overview {o.slug}", o) for o in ServiceLine.all_objects.all()),
        *((f"procedure {o.slug}", o) for o in Procedure.all_objects.all()),
        *((f"section {o.procedure.slug}#{o.anchor}", o) for o in Section.objects.select_related("procedure")),
        *((f"notice {o.kind}", o) for o in Notice.objects.all()),
    ]
    html = {}
    for key, obj in pages:
        for name in markdown_fields(obj):
            text = getattr(obj, name)
            if isinstance(obj, Notice):  # notices became translated after the file was written: its English
                name = name.removesuffix("_en")
            if f"{key} {name}".startswith(LATER):
                continue
            if isinstance(obj, Notice) and name == "body":
                html[f"{key} {name}"] = render_markdown(text, NOTICE_TAGS)  # the notice's own page (h2 sections)
                html[f"{key} {name} on another page"] = render_markdown(text)  # /privacy/ shows one without h2
            else:
                html[f"{key} {name}"] = render_markdown(text)
    return html


def test_every_markdown_field_of_the_seed_content_renders_to_the_same_html_as_before():
    rendered = seed_html()

    assert sorted(rendered) == sorted(key for key in EXPECTED if not key.startswith(LATER))  # the same, none missed
    changed = [key for key, html in rendered.items() if html.strip() != EXPECTED[key].strip()]
    assert changed == []


def test_the_seed_content_keeps_its_structure_paragraphs_lists_links_and_headings():
    rendered = {key: parse(html) for key, html in seed_html().items()}

    nondiscrimination = rendered["notice nondiscrimination body"]
    assert len(find_all(nondiscrimination, "h2")) == 7  # its sections, right under the notice's title
    assert len(find_all(nondiscrimination, "ul")) == 4
    assert len(find_all(nondiscrimination, "li")) == 11
    links = find_all(nondiscrimination, "a")
    assert [attr(a, "href") for a in links] == [
        "https://ocrportal.hhs.gov/ocr/portal/lobby.jsf",
        "https://www.hhs.gov/ocr/complaints/index.html",
    ]
    assert all(attr(a, "rel") == "noopener noreferrer" for a in links)
    assert find_all(rendered["notice nondiscrimination body on another page"], "h2") == []  # h2: a notice's own page
    assert len(find_all(rendered["notice consumer-health-data body on another page"], "h3")) == 4
    assert len(find_all(rendered["section facet-joint-injections#how-it-is-done body_en"], "p")) == 2
    assert len(find_all(rendered["overview pain-management help_body_en"], "p")) == 2
