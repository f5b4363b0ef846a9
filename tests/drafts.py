"""Editing a content page (the overview, a procedure page) through a draft in the admin, as an editor does: shared
by the tests of both kinds of page, which are edited the same way."""

import datetime as dt
import io

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from core.rendered import generation
from procedures.models import Status

from .html import find_one, parse, text
from .staff import change_form_data


def admin_of(page) -> str:
    """The admin's address of the page's kind, e.g. /admin/procedures/procedure."""
    return f"/admin/procedures/{page._meta.model_name}"


def shown_on(client, address: str, tag: str, **attrs: str) -> str:
    """The text of the first such element on the page at `address`, which must answer."""
    response = client.get(address)
    assert response.status_code == 200
    return text(find_one(parse(response), tag, **attrs))


def start_draft(client, page):
    """Start a draft of the live page (as its "Edit in a draft" button does), and return it."""
    assert client.post(f"{admin_of(page)}/{page.pk}/draft/").status_code == 302
    return type(page).all_objects.get(draft_of=page)


def save_draft(client, draft, **changes) -> None:
    url = f"{admin_of(draft)}/{draft.pk}/change/"
    response = client.post(url, change_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response


def assert_unpublish_asks_first(client, public, page, address: str) -> None:
    """Unpublishing asks first (asking changes nothing), then takes the page down; publishing brings it back."""
    url = f"{admin_of(page)}/{page.pk}"
    assert "Yes, unpublish" in client.get(f"{url}/unpublish/").content.decode()
    assert public.get(address).status_code == 200
    assert client.post(f"{url}/unpublish/").status_code == 302
    assert public.get(address).status_code == 404
    assert client.post(f"{url}/publish/").status_code == 302
    assert public.get(address).status_code == 200


def assert_history_names_both(client, page, publisher, **changes) -> None:
    """The editor (signed in to `client`) saves a draft of the page, `publisher` publishes it: the page's history
    names both."""
    draft = start_draft(client, page)
    save_draft(client, draft, **changes)
    client.force_login(publisher)
    client.post(f"{admin_of(page)}/{draft.pk}/publish/")

    html = client.get(f"{admin_of(page)}/{page.pk}/change/").content.decode()
    assert "Saved the draft by editor" in html
    assert "Published by publisher" in html
    page.refresh_from_db()
    assert page.history.first().history_user == publisher


def assert_live_until_published(client, public: Client, page, address: str, new: str, **changes) -> None:
    """A saved draft that puts `new` on the page leaves the live page as it is, in the database and in the page
    cache; publishing it puts `new` live, and the draft is gone."""
    live = shown_on(public, address, "main")  # now in the page cache
    before = generation()
    stored = {name: getattr(page, name) for name in changes if hasattr(page, name)}
    draft = start_draft(client, page)
    save_draft(client, draft, **changes)

    assert shown_on(public, address, "main") == live
    assert generation() == before  # the cached page was not even dropped
    page.refresh_from_db()
    assert {name: getattr(page, name) for name in stored} == stored
    assert page.status == Status.PUBLISHED

    assert client.post(f"{admin_of(page)}/{draft.pk}/publish/").status_code == 302
    assert new in shown_on(public, address, "main")
    assert not type(page).all_objects.filter(draft_of=page).exists()


def assert_the_command_publishes_when_due(client, public: Client, page, address: str, new: str, **changes) -> None:
    """A draft that puts `new` on the page, scheduled two hours ahead, is listed as scheduled and left by the cron
    command until its time has come; then the command publishes it."""
    draft = start_draft(client, page)
    later = timezone.localtime() + dt.timedelta(hours=2)
    save_draft(client, draft, **changes, go_live_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert "scheduled for" in client.get(f"{admin_of(page)}/").content.decode()

    call_command("publish_scheduled_revisions", stdout=io.StringIO())
    assert new not in shown_on(public, address, "main")  # not yet due

    type(page).all_objects.filter(pk=draft.pk).update(go_live_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("publish_scheduled_revisions", stdout=io.StringIO())
    assert new in shown_on(public, address, "main")
