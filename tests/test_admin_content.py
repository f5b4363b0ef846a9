"""Staff edit the content in the admin: every change is kept with who made it, and can be reverted."""

import pytest
from django.contrib.auth import get_user_model

from procedures.models import Procedure, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@azura.example", "a-long-password-1")
    client.force_login(user)
    return user


def test_admin_lists_and_opens_every_content_model(client, editor):
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    for url in [
        "/admin/procedures/procedure/",
        f"/admin/procedures/procedure/{kyphoplasty.pk}/change/",
        "/admin/procedures/serviceline/",
        "/admin/procedures/procedure/?q=Bleeding",
        "/admin/procedures/procedure/?status__exact=draft",
    ]:
        assert client.get(url).status_code == 200, url


def test_procedure_change_page_has_inlines_for_sections_lists_and_comparison(client, editor):
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    draft = client.post(f"/admin/procedures/procedure/{kyphoplasty.pk}/draft/", follow=True)
    html = draft.content.decode()
    assert "Cement leaks into surrounding area" in html  # a risk, in the risks inline
    assert "Vertebral compression fractures" in html  # a condition, in its own inline
    assert "Additional potential goals" in html  # a comparison row
    assert 'name="sections-0-position"' in html


def test_history_records_who_changed_a_procedure_and_can_revert_it(client, editor):
    procedure = Procedure.objects.get(slug="epidural-injections")
    original = procedure.summary
    procedure.summary = "Changed by an editor."
    procedure._history_user = editor
    procedure.save()

    latest = procedure.history.first()
    assert latest.history_user == editor
    assert latest.summary == "Changed by an editor."

    earlier = procedure.history.filter(summary=original).first()
    response = client.get(f"/admin/procedures/procedure/{procedure.pk}/history/{earlier.history_id}/")
    assert response.status_code == 200
    assert original in response.content.decode()


def test_staff_preview_of_a_draft_uses_the_public_page_template(client, editor):
    procedure = Procedure.objects.get(slug="facet-joint-injections")
    procedure.status = Status.DRAFT
    procedure.save()
    response = client.get(procedure.get_absolute_url())
    assert response.status_code == 200
    assert "procedures/procedure_detail.html" in [t.name for t in response.templates]
    assert "Draft preview" in response.content.decode()
    client.logout()
    assert client.get(procedure.get_absolute_url()).status_code == 404
