"""The Spanish travels with drafts (copied, compared, previewed, published), the history keeps each language's
changes, and the rendering and page caches keep each language apart."""

import pytest
from django.test import Client
from django.test.html import Element, parse_html
from django.utils import translation

from procedures import publishing, rendering
from procedures.models import Procedure, Section

from .html import attr, has_class, iter_elements, parse, text
from .spanish import ADMIN, FAKE, SPANISH_TITLE, get_in, give_spanish
from .staff import change_form_data

pytestmark = pytest.mark.django_db


PAGE = "/pain-management/kyphoplasty/"


def test_a_draft_carries_the_spanish_of_the_page_and_its_parts(editor, kyphoplasty):
    give_spanish(kyphoplasty)
    draft = publishing.draft_start(page=kyphoplasty, user=editor)

    assert draft.title_es == SPANISH_TITLE
    assert draft.summary_es == kyphoplasty.summary_es
    page_sections = [s.body_es for s in kyphoplasty.sections.order_by("position", "pk")]
    assert [s.body_es for s in draft.sections.order_by("position", "pk")] == page_sections
    assert draft.spanish_complete
    assert not draft.spanish_outdated


def test_compare_and_the_spanish_preview_show_the_drafts_spanish(client, editor, kyphoplasty):
    client.post(f"{ADMIN}/{kyphoplasty.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=kyphoplasty)
    url = f"{ADMIN}/{draft.pk}/change/"
    changes = {"summary_es": "Resumen de prueba.", "sections-0-body_es": "Cuerpo de prueba."}
    assert client.post(url, change_form_data(client, url, **changes)).status_code == 302

    compare = text(parse(client.get(f"{ADMIN}/{draft.pk}/compare/")))
    assert "Summary (Spanish)" in compare
    assert "added: Resumen de prueba." in compare
    assert "Section (Spanish), item 1" in compare
    assert "added: Cuerpo de prueba." in compare

    preview = client.get(f"{ADMIN}/{draft.pk}/preview/?language=es").content.decode()
    assert "Resumen de prueba." in preview
    assert "Cuerpo de prueba." in preview
    assert "show in English here" in preview  # the banner: most parts have no Spanish yet
    assert "Resumen de prueba." not in client.get(f"{ADMIN}/{draft.pk}/preview/").content.decode()


def test_the_history_keeps_each_languages_changes(client, editor, kyphoplasty):
    client.post(f"{ADMIN}/{kyphoplasty.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=kyphoplasty)
    url = f"{ADMIN}/{draft.pk}/change/"
    client.post(url, change_form_data(client, url, title_es="Título de prueba", **{"sections-0-heading_es": "Uno"}))
    client.post(f"{ADMIN}/{draft.pk}/publish/")

    assert kyphoplasty.history.filter(title_es="Título de prueba").exists()
    assert Section.history.filter(procedure_id=kyphoplasty.pk, heading_es="Uno").exists()
    history = text(parse(client.get(f"{ADMIN}/{kyphoplasty.pk}/history/")))
    assert "Title (Spanish)" in history
    assert "added: Título de prueba" in history
    assert "Heading (Spanish)" in history
    assert "added: Uno" in history


def rendered_in(language: str, slug: str = "kyphoplasty") -> str:
    with translation.override(language):
        return rendering.published_page(slug).content


def title_and_body(content: str) -> Element:
    """The element holding the page's title, summary and body (the one that says their language)."""
    return next(
        element
        for element in iter_elements(parse_html(content))
        if any(isinstance(child, Element) and has_class(child, "page-header") for child in element.children)
    )


def test_the_rendered_content_is_kept_per_language(kyphoplasty, django_assert_num_queries):
    give_spanish(kyphoplasty)
    english, spanish = rendered_in("en"), rendered_in("es")
    with django_assert_num_queries(0):  # each language rendered once, and kept
        assert (rendered_in("en"), rendered_in("es")) == (english, spanish)
    assert FAKE in spanish
    assert FAKE not in english


def test_a_spanish_request_for_a_page_without_complete_spanish_gets_the_content_rendered_in_english(kyphoplasty):
    give_spanish(kyphoplasty, leave_out="section:body")

    english, spanish = rendered_in("en"), rendered_in("es")
    shown = title_and_body(spanish)
    assert attr(shown, "lang") == "en"
    # The template's own headings too: the whole content in English, never a mix.
    assert shown.children == title_and_body(english).children
    assert FAKE not in spanish


def test_the_page_cache_keeps_each_language_apart(settings, kyphoplasty):
    settings.PAGE_CACHE_SECONDS = 600
    give_spanish(kyphoplasty)
    patient = Client()

    assert SPANISH_TITLE in get_in(patient, "es", PAGE).content.decode()  # cached now
    english = get_in(patient, "en", PAGE).content.decode()
    assert SPANISH_TITLE not in english
    assert "Kyphoplasty" in english
    assert SPANISH_TITLE in get_in(patient, "es", PAGE).content.decode()
