"""The overview's Spanish travels with its drafts like a procedure page's: the draft carries both languages and the
English each Spanish text was written against, publishing puts them on the page, and the admin shows the state of
the Spanish and a Spanish preview. The fields drafts copy are the English and Spanish columns, never the bare name."""

import pytest
from django.test import Client

from procedures import publishing, translation_state
from procedures.models import Procedure, ServiceLine
from procedures.translation_state import ENGLISH, translated_fields

from .html import parse, text
from .spanish import FAKE, get_in

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/serviceline"


@pytest.fixture
def overview() -> ServiceLine:
    return ServiceLine.objects.get()


def give_spanish(page: ServiceLine) -> ServiceLine:
    for name in translated_fields(ServiceLine):
        if (getattr(page, f"{name}_{ENGLISH}") or "").strip():
            setattr(page, f"{name}_es", f"{FAKE} ({name})")
    page.save()
    return page


@pytest.mark.parametrize("model", [Procedure, ServiceLine])
def test_drafts_copy_each_language_s_column_and_never_the_bare_translated_name(model):
    fields = publishing.content_fields(model)
    for name in translated_fields(model):
        assert name not in fields
        assert f"{name}_en" in fields
        assert f"{name}_es" in fields
    assert "translation_sources" not in fields  # bookkeeping: carried, but neither compared nor in the history
    assert "translation_sources" in publishing.copied_fields(model)


def test_an_overview_draft_carries_the_spanish_and_publishing_keeps_it_with_its_out_of_date_flag(editor, overview):
    draft = publishing.draft_start(page=give_spanish(overview), user=editor)
    assert draft.intro_es == overview.intro_es
    assert draft.translation_sources == overview.translation_sources
    assert FAKE in text(parse(get_in(Client(), "es", "/pain-management/")))

    draft.help_heading_en = "A new English heading"
    draft.save()
    page = publishing.draft_publish(draft=draft, user=editor)

    assert page.help_heading_en == "A new English heading"
    assert page.help_heading_es == overview.help_heading_es
    assert translation_state.outdated_on_page(page)  # its Spanish was written against the older English


def test_the_overview_draft_shows_the_state_of_its_spanish_and_previews_it(client, editor, overview):
    give_spanish(overview)
    draft = publishing.draft_start(page=overview, user=editor)

    form = text(parse(client.get(f"{ADMIN}/{draft.pk}/change/")))
    assert "State of the Spanish" in form
    assert "Complete" in form
    preview = client.get(f"{ADMIN}/{draft.pk}/preview/?language=es")
    assert preview.status_code == 200
    assert FAKE in text(parse(preview))
    assert FAKE not in text(parse(client.get(f"{ADMIN}/{draft.pk}/preview/")))
