"""Editors change a live page through a draft: the page (and its cached copy) stays as it is until the draft is
published, now or at a set time; a draft can be previewed, compared and discarded; unpublishing asks first."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from procedures.models import ListItem, Procedure, PublishingEvent

from . import drafts
from .drafts import assert_history_names_both, assert_unpublish_asks_first, save_draft, shown_on, start_draft
from .html import find_all, find_one, parse, text, texts
from .staff import change_form_data

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/procedure"
PAGE = "/pain-management/kyphoplasty/"
NEW_SUMMARY = "A changed summary that only the draft has."


def summary_on(client) -> str:
    return shown_on(client, PAGE, "p", **{"class": "lead"})


def test_a_draft_leaves_the_live_page_and_its_cached_copy_unchanged_until_published(
    client, editor, kyphoplasty, public, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    risk = {"list_items-0-text_en": "A risk only the draft has"}  # a part of the page changes in the draft too
    drafts.assert_live_until_published(client, public, kyphoplasty, PAGE, NEW_SUMMARY, summary_en=NEW_SUMMARY, **risk)
    assert "A risk only the draft has" in public.get(PAGE).content.decode()


def test_editing_a_live_page_directly_is_refused(client, editor, kyphoplasty):
    url = f"{ADMIN}/{kyphoplasty.pk}/change/"
    form = client.get(url)
    assert "Edit in a draft" in form.content.decode()
    assert client.post(url, {"summary_en": "Straight to the public", "_save": "Save"}).status_code == 403
    kyphoplasty.refresh_from_db()
    assert kyphoplasty.summary != "Straight to the public"


def test_a_draft_is_never_public_nor_listed(client, editor, kyphoplasty, public):
    draft = start_draft(client, kyphoplasty)
    assert public.get(f"/pain-management/{draft.slug}/").status_code == 404
    assert public.get(f"{ADMIN}/{draft.pk}/preview/").status_code == 302  # to the sign-in page
    listed = client.get(f"{ADMIN}/").context["cl"].result_list
    assert draft not in listed
    assert kyphoplasty in listed
    assert list(Procedure.objects.published()).count(kyphoplasty) == 1


def test_preview_shows_the_draft_on_the_page_template(client, editor, kyphoplasty):
    draft = start_draft(client, kyphoplasty)
    save_draft(client, draft, summary_en=NEW_SUMMARY)

    response = client.get(f"{ADMIN}/{draft.pk}/preview/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "procedures/procedure_detail.html" in [t.name for t in response.templates]
    assert NEW_SUMMARY in html
    assert "Draft preview" in html
    assert "no-store" in response["Cache-Control"]


def test_compare_shows_each_changed_field_and_list_item_word_by_word(client, editor, kyphoplasty):
    draft = start_draft(client, kyphoplasty)
    risk = ListItem.objects.filter(procedure=draft, kind=ListItem.Kind.RISK).first()
    save_draft(
        client,
        draft,
        summary_en=kyphoplasty.summary.replace("minimally invasive", "small"),
        **{"list_items-2-0-text_en": risk.text + " or bruising"},  # the risks inline (the second list),
    )

    html = parse(client.get(f"{ADMIN}/{draft.pk}/compare/"))
    rows = {text(find_one(row, "th")): row for row in find_all(find_one(html, "tbody"), "tr")}
    assert set(rows) == {"Summary (English)", "Risk or side effect, item 1"}
    assert texts(rows["Summary (English)"], "del") == ["removed: minimally invasive"]
    assert texts(rows["Summary (English)"], "ins") == ["added: small"]
    assert texts(rows["Risk or side effect, item 1"], "ins") == ["added: or bruising"]


def test_compare_shows_a_changed_section_and_comparison_row_word_by_word(client, editor, kyphoplasty):
    draft = start_draft(client, kyphoplasty)
    section = draft.sections.first()
    row = draft.comparison_rows.first()
    save_draft(
        client,
        draft,
        **{"sections-0-body_en": section.body + " Added to the section.", "comparison_rows-0-aspect_en": "Aims"},
    )

    html = parse(client.get(f"{ADMIN}/{draft.pk}/compare/"))
    changes = {text(find_one(r, "th")): r for r in find_all(find_one(html, "tbody"), "tr")}
    assert len(changes) == 2, list(changes)
    section_change = next(r for label, r in changes.items() if label.startswith("Section"))
    assert texts(section_change, "ins") == ["added: Added to the section."]
    row_change = next(r for label, r in changes.items() if label.startswith("Comparison"))
    assert texts(row_change, "del") == [f"removed: {row.aspect}"]
    assert texts(row_change, "ins") == ["added: Aims"]


def test_compare_shows_a_reference_whose_date_alone_changed(client, editor, kyphoplasty):
    ListItem.objects.create(
        procedure=kyphoplasty, kind=ListItem.Kind.REFERENCE, text="Client reference", dated=dt.date(2025, 3, 1)
    )
    draft = start_draft(client, kyphoplasty)
    save_draft(client, draft, **{"list_items-5-0-dated": "2026-03-01"})

    html = parse(client.get(f"{ADMIN}/{draft.pk}/compare/"))
    rows = {text(find_one(row, "th")): row for row in find_all(find_one(html, "tbody"), "tr")}
    assert set(rows) == {"Reference, item 1"}
    assert texts(rows["Reference, item 1"], "del") == ["removed: 2025-03-01"]
    assert texts(rows["Reference, item 1"], "ins") == ["added: 2026-03-01"]


def test_discarding_a_draft_asks_first_and_leaves_the_live_page(client, editor, kyphoplasty, public):
    live_summary = summary_on(public)
    draft = start_draft(client, kyphoplasty)
    save_draft(client, draft, summary_en=NEW_SUMMARY)

    confirm = client.get(f"{ADMIN}/{draft.pk}/discard/")
    assert "Yes, discard the draft" in confirm.content.decode()
    assert Procedure.all_objects.filter(pk=draft.pk).exists()
    assert client.post(f"{ADMIN}/{draft.pk}/discard/").status_code == 302
    assert not Procedure.all_objects.filter(pk=draft.pk).exists()
    assert summary_on(public) == live_summary


def test_a_scheduled_draft_is_published_by_the_command_when_its_time_comes(client, editor, kyphoplasty, public):
    drafts.assert_the_command_publishes_when_due(client, public, kyphoplasty, PAGE, NEW_SUMMARY, summary_en=NEW_SUMMARY)
    actions = list(kyphoplasty.publishing_events.values_list("action", flat=True))
    assert actions[0] == PublishingEvent.Action.PUBLISHED
    assert PublishingEvent.Action.SCHEDULED in actions


@pytest.mark.parametrize(
    ("publish_in", "expected"),
    [
        (dt.timedelta(days=3), "It will be published on {at:%b %-d, %Y %H:%M}"),
        (dt.timedelta(minutes=-2), "it will be published in a moment"),  # typed a little late: due now
        (None, "The live page is unchanged until you publish the draft."),
    ],
)
def test_saving_a_draft_says_when_it_goes_live(client, editor, kyphoplasty, publish_in, expected):
    draft = start_draft(client, kyphoplasty)
    at = timezone.localtime() + (publish_in or dt.timedelta())
    url = f"{ADMIN}/{draft.pk}/change/"
    changes = {"go_live_at": at.strftime("%Y-%m-%dT%H:%M")} if publish_in else {}

    page = client.post(url, change_form_data(client, url, summary_en=NEW_SUMMARY, **changes), follow=True)

    said = " ".join(str(message) for message in page.context["messages"])
    assert expected.format(at=at) in said
    if publish_in:
        assert "until you publish" not in said  # it need not be published by hand


def test_a_publish_time_long_past_is_refused_next_to_the_field_not_published_at_once(
    client, editor, kyphoplasty, public, run_worker
):
    draft = start_draft(client, kyphoplasty)
    url = f"{ADMIN}/{draft.pk}/change/"
    last_year = timezone.localtime() - dt.timedelta(days=365)  # a slip of the year
    data = change_form_data(client, url, summary_en=NEW_SUMMARY, go_live_at=last_year.strftime("%Y-%m-%dT%H:%M"))

    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["go_live_at"] == [
        "This time has passed. Choose a later one, or leave it empty and use “Publish now”."
    ]
    assert run_worker() == 0
    assert summary_on(public) != NEW_SUMMARY
    draft.refresh_from_db()
    assert draft.go_live_at is None


@pytest.mark.parametrize("when", ["9999-12-31T23:59", "2099-01-01T09:00"])
def test_a_publish_time_years_away_is_refused_next_to_the_field(client, editor, kyphoplasty, when):
    draft = start_draft(client, kyphoplasty)
    url = f"{ADMIN}/{draft.pk}/change/"

    response = client.post(url, change_form_data(client, url, go_live_at=when))  # was a 500 for year 9999
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["go_live_at"] == [
        "This time is more than 5 years away: check the year."
    ]


def test_unpublishing_asks_for_confirmation_then_takes_the_page_down(client, editor, kyphoplasty, public):
    assert_unpublish_asks_first(client, public, kyphoplasty, PAGE)


def test_history_shows_who_saved_and_who_published_and_when(client, editor, kyphoplasty, django_user_model):
    publisher = django_user_model.objects.create_superuser("publisher", password="a-long-password-1")
    assert_history_names_both(client, kyphoplasty, publisher, summary_en=NEW_SUMMARY)


def test_publishing_gives_the_page_its_last_updated_date(client, editor, kyphoplasty, public):
    assert "Last updated" not in public.get(PAGE).content.decode()  # seed content: no real edit yet

    draft = start_draft(client, kyphoplasty)
    client.post(f"{ADMIN}/{draft.pk}/publish/")

    today = timezone.localdate()
    note = text(find_one(parse(public.get(PAGE)), "p", **{"class": "review-note"}))
    assert note == f"Last updated {today:%B} {today.day}, {today.year} ."


def test_the_worker_publishes_a_scheduled_draft_at_its_time_and_not_before(
    client, editor, kyphoplasty, public, run_worker
):
    draft = start_draft(client, kyphoplasty)
    later = timezone.localtime() + dt.timedelta(hours=2)
    save_draft(client, draft, summary_en=NEW_SUMMARY, go_live_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert run_worker() == 0  # queued for later
    assert summary_on(public) != NEW_SUMMARY

    earlier = timezone.localtime() - dt.timedelta(minutes=1)  # the editor moves the time: due now
    save_draft(client, draft, summary_en=NEW_SUMMARY, go_live_at=earlier.strftime("%Y-%m-%dT%H:%M"))
    assert run_worker() == 1
    assert summary_on(public) == NEW_SUMMARY
    assert not Procedure.all_objects.filter(pk=draft.pk).exists()


def test_a_draft_scheduled_under_the_tasks_old_address_is_still_published(
    client, editor, kyphoplasty, public, run_worker
):
    """Tasks queued before publish_scheduled_draft moved to procedures/publishing.py name it procedures.tasks.*."""
    draft = start_draft(client, kyphoplasty)
    due = timezone.localtime() - dt.timedelta(minutes=1)
    save_draft(client, draft, summary_en=NEW_SUMMARY, go_live_at=due.strftime("%Y-%m-%dT%H:%M"))
    assert DBTaskResult.objects.update(task_path="procedures.tasks.publish_scheduled_draft") == 1
    assert run_worker() == 1
    assert summary_on(public) == NEW_SUMMARY
