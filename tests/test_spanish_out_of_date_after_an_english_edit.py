"""A Spanish text is flagged out of date when its English changes after it was written: on the edit page (with
what changed in the English), in the procedure list and in content health. The public Spanish page keeps the last
published Spanish and says the English page was updated since. Changing the Spanish, or ticking "checked",
clears the flag."""

import pytest
from django.test import Client

from procedures import publishing
from procedures.models import Procedure

from .html import parse, text
from .spanish import ADMIN, SPANISH_TITLE, get_in, give_spanish
from .staff import change_form_data

pytestmark = pytest.mark.django_db


PAGE = "/pain-management/kyphoplasty/"
UPDATED_NOTE = "La versión en inglés de esta página se actualizó después de esta traducción."


def edit_draft(client, page: Procedure, **changes) -> Procedure:
    response = client.post(f"{ADMIN}/{page.pk}/draft/")
    assert response.status_code == 302
    draft = Procedure.all_objects.get(draft_of=page)
    url = f"{ADMIN}/{draft.pk}/change/"
    response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return Procedure.all_objects.get(pk=draft.pk)


@pytest.fixture
def translated(kyphoplasty) -> Procedure:
    return give_spanish(kyphoplasty)


def test_an_english_edit_flags_its_spanish_out_of_date_on_the_draft_and_after_publishing(client, editor, translated):
    assert not translated.spanish_outdated
    new_summary = translated.summary_en.replace("minimally invasive", "small")
    draft = edit_draft(client, translated, summary_en=new_summary)
    assert draft.spanish_outdated

    edit_page = parse(client.get(f"{ADMIN}/{draft.pk}/change/"))
    state = text(edit_page)
    assert "1 out of date" in state
    assert "Summary" in state
    assert "removed: minimally invasive" in state
    assert "added: small" in state

    client.post(f"{ADMIN}/{draft.pk}/publish/")
    page = Procedure.objects.get(pk=translated.pk)
    assert page.spanish_outdated
    assert page.spanish_complete


def test_the_public_spanish_page_keeps_the_published_spanish_and_says_the_english_changed(client, editor, translated):
    draft = edit_draft(client, translated, summary_en="A new English summary.")
    client.post(f"{ADMIN}/{draft.pk}/publish/")

    body = get_in(Client(), "es", PAGE).content.decode()
    assert SPANISH_TITLE in body
    assert UPDATED_NOTE in body
    assert "A new English summary." not in body


def test_the_procedure_list_and_content_health_show_the_out_of_date_spanish(client, editor, translated):
    draft = edit_draft(client, translated, summary_en="A new English summary.")
    client.post(f"{ADMIN}/{draft.pk}/publish/")

    listing = text(parse(client.get(f"{ADMIN}/")))
    assert "Complete; 1 out of date" in listing
    assert "Not started" in listing
    health = text(parse(client.get(f"{ADMIN}/health/")))
    assert "Complete; 1 out of date" in health


def test_changing_the_spanish_clears_its_flag(client, editor, translated):
    draft = edit_draft(client, translated, summary_en="A new English summary.")
    url = f"{ADMIN}/{draft.pk}/change/"
    client.post(url, change_form_data(client, url, summary_es="Un resumen de prueba nuevo."))
    assert not Procedure.all_objects.get(pk=draft.pk).spanish_outdated


def test_ticking_checked_clears_every_flag(client, editor, translated):
    draft = edit_draft(client, translated, summary_en="A new English summary.", **{"sections-0-body_en": "New."})
    assert draft.spanish_outdated
    url = f"{ADMIN}/{draft.pk}/change/"
    client.post(url, change_form_data(client, url, spanish_checked="on"))
    assert not Procedure.all_objects.get(pk=draft.pk).spanish_outdated


def test_a_page_without_spanish_is_never_out_of_date(client, editor, kyphoplasty):
    draft = edit_draft(client, kyphoplasty, summary_en="A new English summary.")
    assert not draft.spanish_outdated
    publishing.draft_discard(draft=draft, user=editor)
