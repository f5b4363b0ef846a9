"""The structure around the client's words says only what the copy says: every comparison cell and key fact is
the copy's own words, list items come from one sentence of the copy, dates are real, and the optional parts the
copy does not have yet leave no empty heading."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from procedures.models import ListItem, Procedure, ServiceLine, Status

from .factories_appointments import PLACES, CenterFactory
from .html import find_all, find_one, parse, text, texts
from .migrations import migration
from .staff import change_form_data
from .support import normalised

pytestmark = pytest.mark.django_db

SLUGS = ["epidural-injections", "facet-joint-injections", "kyphoplasty"]
OPTIONAL_HEADINGS = [
    "How to prepare",
    "What to expect after",
    "Results",
    "When to call your doctor",
    "Alternatives",
    "Frequently asked questions",
    "References",
]
EMPTY_CELL = "Our text does not say"  # the copy is silent: no dash that reads as "no"
# Also what the browser tests load (tests/conftest.py): its name is part of the contract.
faithful_migration = migration("procedures", "0004_faithful_facts_and_comparison")


def page(client, slug: str):
    response = client.get(reverse("procedures:detail", kwargs={"slug": slug}))
    assert response.status_code == 200
    return parse(response)


def in_copy(words: str, copy: str) -> bool:
    """Whether the words are the copy's, ignoring case, a leading "To" and the final full stop."""
    words = re.sub(r"^to ", "", words.lower().rstrip("."))
    return words in copy.lower()


def comparison_rows(client) -> list[list[str]]:
    table = find_one(find_one(page(client, "kyphoplasty"), "section", id="comparison"), "table")
    return [[text(find_one(row, "th")), *texts(row, "td")] for row in find_all(find_one(table, "tbody"), "tr")]


def test_every_comparison_cell_is_the_clients_words_and_every_row_label_is_short(client, seed_text):
    copy = normalised(seed_text)
    for label, *cells in comparison_rows(client):
        assert len(label.split()) <= 4, label
        for cell in cells:
            assert cell == EMPTY_CELL or in_copy(cell, copy), f"not the copy's words: {cell!r}"


def test_the_page_shows_the_comparison_the_migration_loads(client):
    shown = [tuple(cell if cell != EMPTY_CELL else "" for cell in row) for row in comparison_rows(client)]
    assert shown == faithful_migration.COMPARISON


def test_the_comparison_has_no_verdicts_and_no_row_the_same_for_both(client):
    for _label, this, other in comparison_rows(client):
        assert this != other
        assert {this.lower(), other.lower()}.isdisjoint({"yes", "no"})
        assert "(through the skin)" not in this + other


def test_the_comparison_gives_kyphoplasty_its_own_goals_with_preventing_further_collapse(client):
    rows = {label: cells for label, *cells in comparison_rows(client)}
    assert "prevent further collapse of your vertebral fracture" in rows["Goals"][0]
    assert "Reducing pain" not in " ".join(rows["Goals"])
    assert rows["Additional potential goals"] == ["Restoring height and reducing kyphosis", EMPTY_CELL]


def test_the_comparison_keeps_the_copys_hedge(client):
    intro = texts(find_one(page(client, "kyphoplasty"), "section", id="comparison"), "p")
    assert (
        "Both minimally invasive procedures offer potential benefits and are effective in reducing pain."
        in " ".join(intro)
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_every_key_fact_is_the_clients_words(client, seed_text, slug):
    facts = find_one(page(client, slug), "dl", **{"class": "key-facts"})
    copy = normalised(seed_text)
    assert texts(facts, "dd"), "no key fact shown: nothing to hold to the copy"
    for label, value in zip(texts(facts, "dt"), texts(facts, "dd"), strict=True):
        assert in_copy(value, copy), f"{label}: {value!r} is not the copy's words"


def test_the_facet_anesthetic_and_steroid_are_what_is_injected_not_anesthesia(client):
    facts = find_one(page(client, "facet-joint-injections"), "dl", **{"class": "key-facts"})
    shown = dict(zip(texts(facts, "dt"), texts(facts, "dd"), strict=True))
    assert "Anesthesia" not in shown
    assert shown["What is injected"] == "A local anesthetic and possibly a steroid to reduce inflammation"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_condition_comes_from_one_sentence_of_the_copy(client, seed_text, slug):
    sentences = [set(re.findall(r"[a-z-]+", s.lower())) for s in re.split(r"(?<=[.?!])\s", normalised(seed_text))]
    section = find_one(page(client, slug), "section", id="conditions")
    assert texts(find_one(section, "ul"), "li"), "no condition shown: nothing to hold to the copy"
    for item in texts(find_one(section, "ul"), "li"):
        words = set(re.findall(r"[a-z-]+", item.lower()))
        assert any(words <= sentence for sentence in sentences), f"{item!r} is not from one sentence of the copy"


def test_the_facet_conditions_do_not_repeat_the_candidates_or_call_an_injury_a_condition(client):
    section = find_one(page(client, "facet-joint-injections"), "section", id="conditions")
    assert texts(find_one(section, "ul"), "li") == ["Swollen and painful facet joints due to osteoarthritis"]


# --- Dates -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/pain-management/", *(f"/pain-management/{slug}/" for slug in SLUGS)])
def test_content_loaded_by_a_migration_has_no_updated_date(client, url):
    html = client.get(url).content.decode()
    assert "Last updated" not in html
    assert "dateModified" not in html


def test_publishing_a_draft_of_the_overview_gives_it_its_last_updated_date(client, django_user_model):
    staff = django_user_model.objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(staff)
    overview = ServiceLine.objects.get()
    assert client.post(f"/admin/procedures/serviceline/{overview.pk}/draft/").status_code == 302
    draft = ServiceLine.all_objects.get(draft_of=overview)
    url = f"/admin/procedures/serviceline/{draft.pk}/change/"
    assert client.post(url, change_form_data(client, url, cta_body="Find a center near you.")).status_code == 302
    assert client.post(f"/admin/procedures/serviceline/{draft.pk}/publish/").status_code == 302
    client.logout()
    today = timezone.localdate()
    note = text(find_one(parse(client.get("/pain-management/")), "p", **{"class": "review-note"}))
    assert note == f"Last updated {today:%B} {today.day}, {today.year} ."


def test_the_medical_review_still_shows_with_its_date(client):
    Procedure.objects.filter(slug="kyphoplasty").update(reviewed_by="Jane Doe, MD", reviewed_on="2026-10-01")
    note = text(find_one(page(client, "kyphoplasty"), "p", **{"class": "review-note"}))
    assert note == "Medically reviewed by Jane Doe, MD on October 1, 2026 ."


# --- Optional parts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_empty_optional_parts_leave_no_heading(client, slug):
    shown = page(client, slug)
    headings = texts(shown, "h2") + texts(find_one(shown, "nav", **{"aria-labelledby": "toc-heading"}), "a")
    assert not set(OPTIONAL_HEADINGS) & set(headings)
    assert "Also called" not in text(find_one(shown, "main"))


def test_filled_optional_parts_show_with_their_headings_in_page_order(client):
    procedure = Procedure.objects.get(slug="kyphoplasty")
    procedure.other_names = "Vertebral augmentation"
    procedure.preparation = "Client text about preparing."
    procedure.alternatives = "Client text about alternatives."
    procedure.save()
    for kind, item_text, detail in [
        (ListItem.Kind.WARNING_SIGN, "Client warning sign", ""),
        (ListItem.Kind.QUESTION, "Client question?", "Client answer."),
        (ListItem.Kind.REFERENCE, "Client reference", "Client publisher"),
    ]:
        ListItem.objects.create(procedure=procedure, kind=kind, text=item_text, detail=detail)

    shown = page(client, "kyphoplasty")
    headings = [h for h in texts(shown, "h2") if h in OPTIONAL_HEADINGS]
    assert headings == [
        "How to prepare",
        "When to call your doctor",
        "Alternatives",
        "Frequently asked questions",
        "References",
    ]
    toc = texts(find_one(shown, "nav", **{"aria-labelledby": "toc-heading"}), "a")
    assert [h for h in toc if h in OPTIONAL_HEADINGS] == headings
    assert texts(find_one(shown, "section", id="when-to-call"), "li") == ["Client warning sign"]
    assert texts(find_one(shown, "section", id="questions"), "h3") == ["Client question?"]
    assert "Also called: Vertebral augmentation" in texts(shown, "p")


# --- A withdrawn procedure in an old locator link (test_procedure_links.py: every page, every kind of link) -----


def test_a_withdrawn_procedure_in_a_locator_link_is_ignored_with_a_note(client):
    CenterFactory(name="Azura Congress Avenue", place=PLACES["78701"])
    Procedure.objects.filter(slug="kyphoplasty").update(status=Status.DRAFT)

    response = client.get("/centers/", {"q": "78701", "procedure": "kyphoplasty"})
    assert response.status_code == 200
    shown = parse(response)
    assert "The procedure in this link is not one we list" in " ".join(texts(shown, "p"))
    assert "Azura Congress Avenue" in text(find_one(shown, "main"))
    assert "Kyphoplasty" not in " ".join(texts(shown, "option"))


def test_a_procedure_published_again_is_searched_again(client):
    Procedure.objects.filter(slug="kyphoplasty").update(status=Status.PUBLISHED, last_published_at=timezone.now())
    response = client.get("/centers/", {"q": "78701", "procedure": "kyphoplasty"})
    assert response.status_code == 200
    assert "not one we list" not in response.content.decode()


def test_a_withdrawn_procedure_in_a_directory_link_is_ignored_with_a_note(client):
    Procedure.objects.filter(slug="kyphoplasty").update(status=Status.DRAFT)

    response = client.get("/physicians/", {"procedure": "kyphoplasty"})
    assert response.status_code == 200  # was a 400 "Select a valid choice"
    shown = parse(response)
    assert "The procedure in this link is not one we list" in " ".join(texts(shown, "p"))
    assert "Kyphoplasty" not in " ".join(texts(shown, "option"))


# --- Kyphoplasty's summary and description (0010), and the table where the copy is silent ----------------------

copy_migration = migration("procedures", "0011_kyphoplasty_in_the_copys_words")


def test_kyphoplastys_summary_and_description_are_the_copys_own_words(client, seed_text):
    copy = normalised(seed_text)
    shown = page(client, "kyphoplasty")
    summary = text(find_one(shown, "p", **{"class": "lead"}))
    assert "strengthens" not in summary
    assert (
        "This procedure is performed to strengthen your fractured vertebra with an injection of a cement-like "
        "material." in summary
    )
    for sentence in summary.split(". "):
        assert in_copy(sentence, copy), sentence
    description = Procedure.objects.get(slug="kyphoplasty").meta_description
    assert "strengthens" not in description
    assert in_copy("performed to strengthen your fractured vertebra with an injection of a cement-like", copy)
    assert description.startswith("Kyphoplasty is performed to strengthen your fractured vertebra")


def test_the_migration_changes_only_what_the_seed_loaded(kyphoplasty):
    from django.apps import apps

    kyphoplasty.summary_en = "An editor's own summary."
    kyphoplasty.save()
    copy_migration.backwards(apps, None)  # the description goes back to the seed's; the editor's summary stays
    kyphoplasty.refresh_from_db()
    assert kyphoplasty.summary_en == "An editor's own summary."
    assert "strengthens" in kyphoplasty.meta_description_en
    copy_migration.forwards(apps, None)
    kyphoplasty.refresh_from_db()
    assert kyphoplasty.summary_en == "An editor's own summary."
    assert kyphoplasty.meta_description_en.startswith("Kyphoplasty is performed to strengthen")


def test_no_dash_stands_for_no_where_the_copy_is_silent(client):
    table = find_one(find_one(page(client, "kyphoplasty"), "section", id="comparison"), "table")
    assert "—" not in text(table)
    assert "None listed" not in str(table)
