"""The overview (/pain-management/) is edited like a procedure page: a draft, previewed and compared, published now
or at a set time, or discarded; the live overview and its cached copy stay as they are until then."""

import datetime as dt

import pytest
from django.utils import timezone

from procedures.models import PublishingEvent, ServiceLine

from . import drafts
from .drafts import assert_history_names_both, assert_unpublish_asks_first, save_draft, shown_on, start_draft
from .html import find_all, find_one, parse, text, texts

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/serviceline"
PAGE = "/pain-management/"
NEW_HEADING = "Questions about your options"


@pytest.fixture
def overview() -> ServiceLine:
    return ServiceLine.objects.get()


def help_heading_on(client) -> str:
    return shown_on(client, PAGE, "h2", id="help-heading")


def test_a_draft_of_the_overview_leaves_the_live_page_and_its_cached_copy_until_published(
    client, editor, overview, public, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    drafts.assert_live_until_published(client, public, overview, PAGE, NEW_HEADING, help_heading_en=NEW_HEADING)


def test_editing_the_live_overview_directly_is_refused(client, editor, overview):
    url = f"{ADMIN}/{overview.pk}/change/"
    assert "Edit in a draft" in client.get(url).content.decode()
    assert client.post(url, {"help_heading": "Straight to the public", "_save": "Save"}).status_code == 403
    overview.refresh_from_db()
    assert overview.help_heading != "Straight to the public"


def test_a_draft_of_the_overview_is_never_public_nor_listed(client, editor, overview, public, settings):
    draft = start_draft(client, overview)
    save_draft(client, draft, help_heading_en=NEW_HEADING)
    assert NEW_HEADING not in public.get(PAGE).content.decode()
    assert NEW_HEADING not in client.get(PAGE).content.decode()  # staff see the live overview too
    assert public.get(f"{ADMIN}/{draft.pk}/preview/").status_code == 302  # to the sign-in page
    assert list(client.get(f"{ADMIN}/").context["cl"].result_list) == [overview]
    sitemap = public.get("/sitemap.xml").content.decode()
    assert "draft--" not in sitemap
    assert sitemap.count("/pain-management/</loc>") == len(settings.LANGUAGES)  # the overview once per language


def test_preview_shows_the_overview_draft_on_its_template_with_the_procedures(client, editor, overview):
    draft = start_draft(client, overview)
    save_draft(client, draft, help_heading_en=NEW_HEADING)

    response = client.get(f"{ADMIN}/{draft.pk}/preview/")
    html = parse(response)
    assert "procedures/overview.html" in [t.name for t in response.templates]
    assert text(find_one(html, "h2", id="help-heading")) == NEW_HEADING
    assert "Draft preview" in text(html)
    assert "Kyphoplasty" in texts(find_one(html, "section", **{"aria-labelledby": "options-heading"}), "a")
    assert "no-store" in response["Cache-Control"]


def test_compare_shows_the_overview_fields_changed_word_by_word(client, editor, overview):
    draft = start_draft(client, overview)
    save_draft(client, draft, cta_body_en=overview.cta_body + " Today.")

    html = parse(client.get(f"{ADMIN}/{draft.pk}/compare/"))
    rows = {text(find_one(row, "th")): row for row in find_all(find_one(html, "tbody"), "tr")}
    assert set(rows) == {"Call to action text (English)"}
    assert texts(rows["Call to action text (English)"], "ins") == ["added: Today."]


def test_discarding_the_overview_draft_asks_first_and_leaves_the_live_page(client, editor, overview, public):
    live_heading = help_heading_on(public)
    draft = start_draft(client, overview)
    save_draft(client, draft, help_heading_en=NEW_HEADING)

    assert "Yes, discard the draft" in client.get(f"{ADMIN}/{draft.pk}/discard/").content.decode()
    assert ServiceLine.all_objects.filter(pk=draft.pk).exists()
    assert client.post(f"{ADMIN}/{draft.pk}/discard/").status_code == 302
    assert not ServiceLine.all_objects.filter(pk=draft.pk).exists()
    assert help_heading_on(public) == live_heading
    assert overview.publishing_events.first().action == PublishingEvent.Action.DISCARDED


def test_the_cron_command_publishes_a_scheduled_overview_draft_when_its_time_comes(client, editor, overview, public):
    drafts.assert_the_command_publishes_when_due(
        client, public, overview, PAGE, NEW_HEADING, help_heading_en=NEW_HEADING
    )


def test_the_worker_publishes_a_scheduled_overview_draft_at_its_time(client, editor, overview, public, run_worker):
    draft = start_draft(client, overview)
    earlier = timezone.localtime() - dt.timedelta(minutes=1)
    save_draft(client, draft, help_heading_en=NEW_HEADING, go_live_at=earlier.strftime("%Y-%m-%dT%H:%M"))
    assert run_worker() == 1
    assert help_heading_on(public) == NEW_HEADING
    actions = list(overview.publishing_events.values_list("action", flat=True))
    assert actions[0] == PublishingEvent.Action.PUBLISHED
    assert PublishingEvent.Action.SCHEDULED in actions


def test_unpublishing_the_overview_asks_first(client, editor, overview, public):
    assert_unpublish_asks_first(client, public, overview, PAGE)


def test_the_overview_history_shows_who_saved_and_who_published(client, editor, overview, django_user_model):
    publisher = django_user_model.objects.create_superuser("publisher", password="a-long-password-1")
    assert_history_names_both(client, overview, publisher, help_heading_en=NEW_HEADING)


def test_the_overview_history_page_shows_each_published_change_word_by_word(client, editor, overview):
    draft = start_draft(client, overview)
    save_draft(client, draft, help_heading_en=NEW_HEADING)
    client.post(f"{ADMIN}/{draft.pk}/publish/")

    html = parse(client.get(f"{ADMIN}/{overview.pk}/history/"))
    rows = find_all(find_one(find_one(html, "table", **{"class": "compare page-history"}), "tbody"), "tr")
    what = [text(find_one(row, "th")) for row in rows]
    assert what[:2] == ["Published", "Changed: Page Published a draft"]
    change = rows[1]
    assert text(find_all(change, "td")[1]) == "editor"
    assert texts(change, "dt") == ["Help heading (English)"]
    assert texts(change, "ins") == [f"added: {NEW_HEADING}"]
    assert "Choose a date" not in text(html)
