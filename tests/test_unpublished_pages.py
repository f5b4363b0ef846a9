"""An unpublished page stays down: unpublishing cancels the scheduled publishing of its draft, and its public address
shows it only to those who may edit it, as a draft, kept by no cache."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from procedures.models import Procedure, PublishingEvent, ServiceLine, Status

from .html import find_all, parse
from .staff import change_form_data

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/procedure"
PAGE = "/pain-management/kyphoplasty/"


def schedule_draft(client, page: Procedure, when: dt.datetime) -> Procedure:
    client.post(f"{ADMIN}/{page.pk}/draft/")
    draft = Procedure.all_objects.get(draft_of=page)
    url = f"{ADMIN}/{draft.pk}/change/"
    data = change_form_data(client, url, summary_en="Words only the draft has.", go_live_at=f"{when:%Y-%m-%dT%H:%M}")
    assert client.post(url, data).status_code == 302
    return draft


def test_unpublishing_cancels_the_drafts_scheduled_publishing(client, editor, kyphoplasty, public, run_worker):
    draft = schedule_draft(client, kyphoplasty, timezone.localtime() + dt.timedelta(hours=2))

    assert client.post(f"{ADMIN}/{kyphoplasty.pk}/unpublish/").status_code == 302
    # The scheduled time comes: for the queued task, and for the draft if it still has a time.
    past = timezone.now() - dt.timedelta(minutes=1)
    Procedure.all_objects.filter(pk=draft.pk, go_live_at__isnull=False).update(go_live_at=past)
    DBTaskResult.objects.filter(status="READY").update(run_after=past)
    run_worker()
    call_command("publish_scheduled_revisions", stdout=open("/dev/null", "w"))  # noqa: SIM115

    kyphoplasty.refresh_from_db()
    assert kyphoplasty.status == Status.DRAFT
    assert public.get(PAGE).status_code == 404
    assert Procedure.all_objects.get(pk=draft.pk).summary_en == "Words only the draft has."  # the draft is kept


def test_unpublishing_clears_the_drafts_time_and_says_so(client, editor, kyphoplasty):
    draft = schedule_draft(client, kyphoplasty, timezone.localtime() + dt.timedelta(hours=2))

    client.post(f"{ADMIN}/{kyphoplasty.pk}/unpublish/")

    assert Procedure.all_objects.get(pk=draft.pk).go_live_at is None
    event = kyphoplasty.publishing_events.first()
    assert event.action == PublishingEvent.Action.UNPUBLISHED
    assert "will not be published" in event.note


@pytest.fixture
def unpublished(kyphoplasty) -> Procedure:
    Procedure.objects.filter(pk=kyphoplasty.pk).update(status=Status.DRAFT)
    return kyphoplasty


def test_center_staff_do_not_see_an_unpublished_page(staff_a, unpublished):
    client = Client()
    client.force_login(staff_a)

    assert client.get(PAGE).status_code == 404


def test_an_editor_sees_an_unpublished_page_as_a_draft_kept_by_no_cache(client, editor, unpublished):
    response = client.get(PAGE)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert find_all(parse(response), "div", **{"class": "draft-banner", "role": "status"})


def test_an_editor_sees_an_unpublished_overview_as_a_draft_kept_by_no_cache(client, editor, staff_a):
    ServiceLine.objects.update(status=Status.DRAFT)

    response = client.get("/pain-management/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Draft preview" in response.content.decode()

    client.force_login(staff_a)
    assert client.get("/pain-management/").status_code == 404
