"""The admin works in a real browser under the site's Content-Security-Policy: log in, edit, save."""

import pytest
from django.contrib.auth import get_user_model

from procedures.models import Procedure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_editor_logs_in_edits_a_procedure_and_patients_see_the_change(live_server, page):
    get_user_model().objects.create_superuser("editor", "editor@azura.example", "a-long-password-1")
    csp_errors = []
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password-1")
    page.click("input[type=submit]")
    page.goto(live_server.url + f"/admin/procedures/procedure/{Procedure.objects.get(slug='kyphoplasty').pk}/change/")
    page.fill("#id_duration", "About forty-five minutes for each bone (edited)")
    page.click("input[name=_save]")
    page.locator(".messagelist").get_by_text("was changed successfully").wait_for()

    page.goto(live_server.url + "/pain-management/kyphoplasty/")
    assert "About forty-five minutes for each bone (edited)" in page.content()
    assert Procedure.history.filter(slug="kyphoplasty").first().history_user.username == "editor"
    assert csp_errors == []
