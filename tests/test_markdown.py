"""Editors' Markdown is sanitised: whatever they type, no script reaches a page; formatting still works."""

import pytest
from django.test.html import Element, parse_html
from django.urls import reverse

from procedures.models import ComparisonRow, ListItem, ServiceLine
from tests.html import attr, collect_tags, iter_elements, text

from .factories import ListItemFactory, ProcedureFactory, SectionFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Before the attack.\n\n"
    "<script>alert(1)</script>\n\n"
    "An image: <img src=x onerror=alert(1)>\n\n"
    "A [bad link](javascript:alert(1)) here.\n\n"
    'A <a href="https://example.com" onclick="x">good link</a> there.\n\n'
    "After the attack."
)
FORBIDDEN = ("<script", "onerror", "javascript:", "onclick")


def assert_harmless(html: str) -> None:
    """No executable script in the page; JSON-LD data blocks are allowed (they are not run)."""
    scripts = collect_tags(html).scripts
    assert all(attributes.get("type") == "application/ld+json" for attributes, _ in scripts), (
        "a script reached the page"
    )
    page = html
    for _, data in scripts:
        page = page.replace(data, "")
    page = page.replace('<script type="application/ld+json">', "").lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in page, f"{forbidden!r} reached the page"


def section(html: str, anchor: str) -> Element:
    found = [e for e in iter_elements(parse_html(html)) if e.name == "section" and attr(e, "id") == anchor]
    assert len(found) == 1
    return found[0]


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_hostile_section_body_renders_without_script(client):
    procedure = ProcedureFactory()
    SectionFactory(procedure=procedure, anchor="hostile", body=HOSTILE)

    html = get(client, procedure.get_absolute_url())

    assert_harmless(html)
    body = section(html, "hostile")
    rendered = text(body)
    assert "Before the attack." in rendered  # the text around the attack survives
    assert "After the attack." in rendered
    links = {text(a): attr(a, "href") for a in iter_elements(body) if a.name == "a"}
    assert links.get("good link") == "https://example.com"  # a safe link keeps its address
    assert links.get("bad link") is None  # the javascript: one loses it
    assert not [e for e in iter_elements(body) if e.name in ("script", "img")]


def test_safe_link_opens_without_giving_the_other_site_access(client):
    procedure = ProcedureFactory()
    SectionFactory(procedure=procedure, anchor="links", body="See [the guide](https://example.com/guide).")

    body = section(get(client, procedure.get_absolute_url()), "links")

    link = next(e for e in iter_elements(body) if e.name == "a")
    assert attr(link, "href") == "https://example.com/guide"
    assert set((attr(link, "rel") or "").split()) >= {"noopener", "noreferrer"}


@pytest.mark.parametrize(
    "field", ["conditions_intro", "conditions_outro", "risks_intro", "risks_outro", "comparison_intro"]
)
def test_hostile_procedure_text_renders_without_script(client, field):
    procedure = ProcedureFactory(compared_with="Other", **{field: HOSTILE})
    ListItemFactory(procedure=procedure, kind=ListItem.Kind.CONDITION)
    ListItemFactory(procedure=procedure, kind=ListItem.Kind.RISK)
    ComparisonRow.objects.create(procedure=procedure, aspect="Aspect", this_procedure="A", other_procedure="B")

    html = get(client, procedure.get_absolute_url())

    assert "Before the attack." in html  # the field is on the page
    assert_harmless(html)


@pytest.mark.parametrize("field", ["intro", "help_body"])
def test_hostile_overview_text_renders_without_script(client, field):
    ServiceLine.objects.filter(slug="pain-management").update(**{field: HOSTILE})

    for url in (reverse("procedures:overview"), reverse("home")):
        html = get(client, url)
        assert_harmless(html)
    assert "Before the attack." in get(client, reverse("procedures:overview"))


def test_plain_text_fields_are_escaped_not_rendered(client):
    procedure = ProcedureFactory(summary="<script>alert(1)</script> summary", risks_lead_in="<b onclick=x>Lead</b>")
    ListItemFactory(procedure=procedure, kind=ListItem.Kind.RISK, text="<img src=x onerror=alert(1)>")

    html = get(client, procedure.get_absolute_url())

    assert "&lt;script&gt;alert(1)&lt;/script&gt; summary" in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "<b onclick" not in html


def test_bold_renders_as_strong(client):
    procedure = ProcedureFactory()
    SectionFactory(procedure=procedure, anchor="bold", body="This is **bold** text.")

    body = section(get(client, procedure.get_absolute_url()), "bold")

    strong = [e for e in iter_elements(body) if e.name == "strong"]
    assert [text(e) for e in strong] == ["bold"]
    assert "**" not in text(body)


def test_blank_line_makes_two_paragraphs(client):
    procedure = ProcedureFactory()
    SectionFactory(procedure=procedure, anchor="two", body="First paragraph.\n\nSecond paragraph.")

    body = section(get(client, procedure.get_absolute_url()), "two")

    paragraphs = [text(e) for e in iter_elements(body) if e.name == "p"]
    assert paragraphs == ["First paragraph.", "Second paragraph."]


def test_single_line_break_stays_in_one_paragraph(client):
    procedure = ProcedureFactory()
    SectionFactory(procedure=procedure, anchor="one", body="First line\nsecond line.")

    body = section(get(client, procedure.get_absolute_url()), "one")

    assert [text(e) for e in iter_elements(body) if e.name == "p"] == ["First line second line."]
