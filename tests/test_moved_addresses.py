"""A live page's web address changes through a draft like any field; once published, the old address answers a
permanent redirect to the new one (old links never break), and the page cache, the sitemap and the locator follow."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from procedures.models import Procedure, PublishingEvent, Status

from .html import find_all, find_one, parse, text, texts
from .staff import change_form_data

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/procedure"
OLD = "/pain-management/kyphoplasty/"
NEW = "/pain-management/balloon-kyphoplasty/"


def draft_with_address(client, page: Procedure, slug: str, **changes) -> Procedure:
    client.post(f"{ADMIN}/{page.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=page)
    url = f"{ADMIN}/{draft.pk}/change/"
    response = client.post(url, change_form_data(client, url, new_slug=slug, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return draft


def publish(client, draft: Procedure) -> None:
    assert client.post(f"{ADMIN}/{draft.pk}/publish/").status_code == 302


def test_the_draft_form_offers_the_web_address_filled_with_the_page_s(client, editor, kyphoplasty):
    client.post(f"{ADMIN}/{kyphoplasty.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=kyphoplasty)
    form = client.get(f"{ADMIN}/{draft.pk}/change/").context["adminform"].form
    assert form["new_slug"].value() == "kyphoplasty"
    assert form.fields["new_slug"].label == "Web address"


def test_a_new_address_waits_in_the_draft_then_the_old_one_answers_a_301_to_it(
    client, editor, kyphoplasty, public, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    assert public.get(OLD).status_code == 200  # now in the page cache
    draft = draft_with_address(client, kyphoplasty, "balloon-kyphoplasty")
    assert public.get(OLD).status_code == 200
    assert public.get(NEW).status_code == 404

    publish(client, draft)
    moved = public.get(OLD)
    assert moved.status_code == 301
    assert moved["Location"] == NEW
    assert public.get(NEW).status_code == 200


def test_an_old_address_s_redirect_keeps_the_query_string_it_was_given(client, editor, kyphoplasty, public, settings):
    settings.PAGE_CACHE_SECONDS = 600
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    for query in ("utm_source=mail&utm_campaign=spring", "utm_source=print", "q=caf%C3%A9+%26+more"):
        moved = public.get(f"{OLD}?{query}")
        assert (moved.status_code, moved["Location"]) == (301, f"{NEW}?{query}")  # each its own, none cached
    spanish = public.get(f"/es{OLD}?utm_source=mail")
    assert (spanish.status_code, spanish["Location"]) == (301, f"/es{NEW}?utm_source=mail")
    assert public.get(OLD)["Location"] == NEW  # no query, no "?"


def test_the_sitemap_and_the_page_lists_follow_the_new_address(client, editor, kyphoplasty, public, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for url in ("/sitemap.xml", "/", "/pain-management/"):
        assert OLD in public.get(url).content.decode()
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    for url in ("/sitemap.xml", "/", "/pain-management/"):
        html = public.get(url).content.decode()
        assert NEW in html, url
        assert OLD not in html, url


def test_compare_shows_the_address_change(client, editor, kyphoplasty):
    draft = draft_with_address(client, kyphoplasty, "balloon-kyphoplasty")
    html = parse(client.get(f"{ADMIN}/{draft.pk}/compare/"))
    rows = {text(find_one(row, "th")): row for row in find_all(find_one(html, "tbody"), "tr")}
    assert set(rows) == {"Web address"}
    assert texts(rows["Web address"], "del") == [f"removed: {OLD}"]
    assert texts(rows["Web address"], "ins") == [f"added: {NEW}"]


def test_another_page_s_address_is_refused_next_to_the_field_and_the_other_answers_kept(client, editor, kyphoplasty):
    client.post(f"{ADMIN}/{kyphoplasty.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=kyphoplasty)
    url = f"{ADMIN}/{draft.pk}/change/"
    response = client.post(url, change_form_data(client, url, new_slug="epidural-injections", summary_en="Kept."))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["new_slug"] == ["Another page already has this web address: choose another one."]
    assert form["summary_en"].value() == "Kept."


def test_a_page_moved_twice_sends_every_old_address_straight_to_the_newest(client, editor, kyphoplasty, public):
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    publish(client, draft_with_address(client, kyphoplasty, "vertebral-augmentation"))
    for old in (OLD, NEW):
        response = public.get(old)
        assert (response.status_code, response["Location"]) == (301, "/pain-management/vertebral-augmentation/")

    publish(client, draft_with_address(client, kyphoplasty, "kyphoplasty"))  # back to the first: no loop
    assert public.get(OLD).status_code == 200
    assert public.get(NEW)["Location"] == OLD


def test_an_old_address_of_an_unpublished_page_is_not_found(client, editor, kyphoplasty, public):
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    client.post(f"{ADMIN}/{kyphoplasty.pk}/unpublish/")
    assert public.get(OLD).status_code == 404
    assert public.get(NEW).status_code == 404


def test_old_links_to_the_locator_and_directory_search_the_moved_procedure(client, editor, kyphoplasty, public):
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    locator = public.get("/centers/?q=78701&procedure=kyphoplasty")
    assert locator.status_code == 200
    assert locator.context["form"].cleaned_data["procedure"] == kyphoplasty
    assert "no longer on our site" not in locator.content.decode()
    directory = public.get("/physicians/?procedure=kyphoplasty")
    assert directory.status_code == 200
    assert directory.context["form"].cleaned_data["procedure"] == kyphoplasty


def test_a_scheduled_move_to_an_address_taken_meanwhile_stays_a_draft_and_says_why(client, editor, kyphoplasty):
    draft = draft_with_address(client, kyphoplasty, "balloon-kyphoplasty")
    Procedure.all_objects.filter(pk=draft.pk).update(go_live_at=timezone.now() - dt.timedelta(minutes=1))
    Procedure.objects.filter(slug="facet-joint-injections").update(slug="balloon-kyphoplasty")

    call_command("publish_scheduled_revisions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    kyphoplasty.refresh_from_db()
    assert kyphoplasty.slug == "kyphoplasty"
    draft.refresh_from_db()
    assert draft.go_live_at is None  # not tried again every minute
    event = kyphoplasty.publishing_events.first()
    assert event.action == PublishingEvent.Action.NOT_PUBLISHED
    assert "balloon-kyphoplasty" in event.note


def test_publishing_now_to_an_address_taken_meanwhile_says_so_and_changes_nothing(client, editor, kyphoplasty):
    draft = draft_with_address(client, kyphoplasty, "balloon-kyphoplasty", summary_en="Changed.")
    Procedure.objects.filter(slug="facet-joint-injections").update(slug="balloon-kyphoplasty")
    response = client.post(f"{ADMIN}/{draft.pk}/publish/", follow=True)
    assert "already has the web address" in response.content.decode()
    kyphoplasty.refresh_from_db()
    assert (kyphoplasty.slug, kyphoplasty.status) == ("kyphoplasty", Status.PUBLISHED)
    assert kyphoplasty.summary != "Changed."


def test_a_page_not_published_keeps_its_old_address_as_a_redirect_when_renamed_directly(
    client, editor, kyphoplasty, public
):
    client.post(f"{ADMIN}/{kyphoplasty.pk}/unpublish/")
    url = f"{ADMIN}/{kyphoplasty.pk}/change/"
    assert client.post(url, change_form_data(client, url, slug="balloon-kyphoplasty")).status_code == 302
    client.post(f"{ADMIN}/{kyphoplasty.pk}/publish/")
    assert public.get(OLD)["Location"] == NEW


def test_the_page_s_form_lists_the_old_addresses_that_lead_to_it(client, editor, kyphoplasty):
    url = f"{ADMIN}/{kyphoplasty.pk}/change/"
    assert "the page has never moved" in client.get(url).content.decode()
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    html = client.get(url).content.decode()
    assert f"{OLD} (until" in html


def test_an_old_request_form_link_pre_fills_the_moved_procedure(client, editor, kyphoplasty, public):
    publish(client, draft_with_address(client, kyphoplasty, "balloon-kyphoplasty"))
    form = public.get("/appointments/request/?procedure=kyphoplasty").context["form"]
    assert form["procedure"].value() == "balloon-kyphoplasty"
