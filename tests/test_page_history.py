"""One history per procedure page: its fields, sections, list items and comparison rows, with who, when and a
word-by-word diff (not "Kypho[770 chars]etic.")."""

import pytest
from django.test import Client

from procedures.models import ListItem, Procedure

from .html import find_all, find_one, parse, text, texts
from .staff import change_form_data

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/procedure"


@pytest.fixture
def staff(django_user_model) -> Client:
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("maria", password="a-long-password-1"))
    return client


def history_rows(client, procedure: Procedure) -> list[dict]:
    response = client.get(f"{ADMIN}/{procedure.pk}/history/")
    assert response.status_code == 200
    body = find_one(find_one(parse(response), "table", **{"class": "compare page-history"}), "tbody")
    rows = []
    for row in find_all(body, "tr"):
        cells = find_all(row, "td")
        rows.append(
            {
                "who": text(cells[1]),
                "what": text(find_one(row, "th")),
                "labels": texts(cells[2], "dt"),
                "removed": texts(cells[2], "del"),
                "added": texts(cells[2], "ins"),
            }
        )
    return rows


def test_a_published_draft_is_in_the_page_history_word_by_word_with_who(staff):
    page = Procedure.objects.get(slug="kyphoplasty")
    staff.post(f"{ADMIN}/{page.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=page)
    url = f"{ADMIN}/{draft.pk}/change/"
    risk = ListItem.objects.filter(procedure=draft, kind=ListItem.Kind.RISK).first()
    data = change_form_data(
        staff,
        url,
        summary_en=page.summary.replace("minimally invasive", "small"),
        **{"list_items-2-0-text_en": "Bruising"},
    )
    assert staff.post(url, data).status_code == 302
    staff.post(f"{ADMIN}/{draft.pk}/publish/")

    rows = history_rows(staff, page)
    page_change = next(row for row in rows if row["what"].startswith("Changed: Page"))
    assert page_change["who"] == "maria"
    assert "Summary (English)" in page_change["labels"]
    assert "removed: minimally invasive" in page_change["removed"]
    assert "added: small" in page_change["added"]
    risk_change = next(row for row in rows if row["what"].startswith("Changed: Risk or side effect"))
    assert risk_change["removed"] == [f"removed: {risk.text}"]
    assert risk_change["added"] == ["added: Bruising"]
    assert rows.index(page_change) < rows.index(next(r for r in rows if r["what"].startswith("Added: Section")))
    steps = [(row["what"], row["who"]) for row in rows if ":" not in row["what"]]  # the drafts' steps
    assert steps == [("Published", "maria"), ("Saved the draft", "maria"), ("Started a draft", "maria")]


def test_the_page_history_shows_the_content_loaded_from_the_copy_whole(staff):
    page = Procedure.objects.get(slug="kyphoplasty")
    rows = history_rows(staff, page)
    how = next(row for row in rows if row["what"].startswith("Added: Section “How it is done”"))
    assert "Loaded from the client's copy" in how["what"]
    assert any("Bone cement is inserted into your vertebra" in added for added in how["added"])
    html = staff.get(f"{ADMIN}/{page.pk}/history/").content.decode()
    assert "chars]" not in html
    assert "Choose a date" not in html


def test_a_draft_not_yet_published_is_not_in_the_page_history(staff):
    page = Procedure.objects.get(slug="epidural-injections")
    staff.post(f"{ADMIN}/{page.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=page)
    url = f"{ADMIN}/{draft.pk}/change/"
    staff.post(url, change_form_data(staff, url, summary_en="Only in the draft."))

    assert not any("Only in the draft." in " ".join(row["added"]) for row in history_rows(staff, page))
