"""A Spanish page shows the client's Spanish only when the page is published and its Spanish complete; otherwise
it says so in Spanish and shows the English, marked lang="en". Never a mix of the two."""

import pytest
from django.test import Client
from django.utils import translation

from procedures import publishing, translation_state
from procedures.models import Procedure, Section

from .html import attr, find_all, find_one, parse, text
from .spanish import FAKE, SPANISH_TITLE, get_in, give_spanish

pytestmark = pytest.mark.django_db


PAGE = "/pain-management/kyphoplasty/"
NOTE = "Esta página aún no está disponible en español; a continuación está el texto en inglés."


def english_block(html):
    """The element holding the page's content marked as English, if any."""
    return next((el for el in find_all(html, "div") if attr(el, "lang") == "en"), None)


def test_a_complete_published_spanish_version_is_the_spanish_page(client, kyphoplasty):
    give_spanish(kyphoplasty)
    response = get_in(client, "es", PAGE)
    html = parse(response)
    body = response.content.decode()

    assert text(find_one(html, "h1")) == SPANISH_TITLE
    assert SPANISH_TITLE in text(find_one(html, "title"))
    assert FAKE in body
    assert NOTE not in body
    assert english_block(html) is None
    assert kyphoplasty.sections.first().body_en not in body  # no English text left on the page


def test_a_spanish_page_with_one_part_untranslated_shows_the_note_and_the_english_marked_as_english(
    client, kyphoplasty
):
    give_spanish(kyphoplasty, leave_out="section:body")
    response = get_in(client, "es", PAGE)
    html = parse(response)
    body = response.content.decode()

    assert NOTE in body
    block = english_block(html)
    assert block is not None
    assert text(find_one(block, "h1")) == kyphoplasty.title_en
    assert kyphoplasty.sections.first().heading_en in text(block)
    assert FAKE not in body
    assert SPANISH_TITLE not in body


def test_a_page_without_spanish_shows_the_note_and_the_english(client, kyphoplasty):
    html = parse(get_in(client, "es", PAGE))
    assert NOTE in text(html)
    assert text(find_one(english_block(html), "h1")) == "Kyphoplasty"


def test_the_english_page_never_shows_the_spanish_nor_the_note(client, kyphoplasty):
    give_spanish(kyphoplasty)
    body = get_in(client, "en", PAGE).content.decode()
    assert FAKE not in body
    assert SPANISH_TITLE not in body
    assert NOTE not in body


def test_spanish_in_a_draft_reaches_the_spanish_page_only_when_the_draft_is_published(editor, kyphoplasty):
    draft = give_spanish(publishing.draft_start(page=kyphoplasty, user=editor))
    assert draft.spanish_complete
    patient = Client()

    assert NOTE in get_in(patient, "es", PAGE).content.decode()  # the live page has no Spanish yet

    publishing.draft_publish(draft=draft, user=editor)
    body = get_in(patient, "es", PAGE).content.decode()
    assert SPANISH_TITLE in body
    assert NOTE not in body


def test_an_unpublished_page_with_complete_spanish_shows_no_spanish(kyphoplasty):
    give_spanish(kyphoplasty)
    publishing.page_unpublish(page=kyphoplasty, user=None)
    assert not translation_state.shows_spanish(Procedure.objects.get(pk=kyphoplasty.pk))


def test_home_page_cards_follow_each_page(client, kyphoplasty):
    give_spanish(kyphoplasty)
    html = parse(get_in(client, "es", "/"))
    cards = {text(find_one(card, "a")): card for card in find_all(html, "li", **{"class": "card"})}

    assert SPANISH_TITLE in cards
    assert attr(cards[SPANISH_TITLE], "lang") is None
    assert "Kyphoplasty" not in cards
    assert attr(cards["Epidural Injections"], "lang") == "en"  # no Spanish: its English, marked


def test_the_locators_procedure_names_follow_each_page(client, kyphoplasty):
    give_spanish(kyphoplasty)
    html = parse(get_in(client, "es", "/centers/"))
    options = [text(option) for option in find_all(find_one(html, "select", name="procedure"), "option")]
    assert SPANISH_TITLE in options
    assert "Epidural Injections" in options
    assert "Kyphoplasty" not in options


def test_the_locators_procedure_names_are_kept_apart_per_language(client, kyphoplasty):
    give_spanish(kyphoplasty)
    get_in(client, "en", "/centers/")  # the English names, kept first
    html = parse(get_in(client, "es", "/centers/"))
    options = [text(option) for option in find_all(find_one(html, "select", name="procedure"), "option")]
    assert SPANISH_TITLE in options
    assert "Kyphoplasty" not in options


def test_a_part_reads_english_on_a_spanish_page_that_shows_english(kyphoplasty):
    give_spanish(kyphoplasty, leave_out="listitem:text")
    section = Section.objects.filter(procedure=kyphoplasty).first()
    with translation.override("es"):
        assert section.heading == section.heading_en  # the page is not complete: no Spanish anywhere on it
