"""The overview's drafts work in a real browser under the site's Content-Security-Policy: an editor changes the
live overview through a draft, compares and publishes it; the edit and compare pages pass axe-core at 1280 px."""

from procedures.models import ServiceLine

from .support import BROWSER

pytestmark = BROWSER

EDITED = "Questions about your options"


def test_editor_drafts_compares_and_publishes_the_overview(live_server, page, admin_session):
    assert_axe_clean = admin_session.assert_axe_clean
    page.goto(live_server.url + f"/admin/procedures/serviceline/{ServiceLine.objects.get().pk}/change/")
    page.get_by_role("button", name="Edit in a draft").click()
    page.fill("#id_help_heading_en", EDITED)
    assert_axe_clean()
    page.click("input[name=_save]")
    page.locator(".messagelist").get_by_text("Saved the draft").wait_for()

    page.goto(live_server.url + "/pain-management/")
    assert EDITED not in page.content()
    page.go_back()
    page.get_by_role("link", name="Compare with the live page").click()
    assert "added: Questions about your options" in page.locator("table.compare ins").all_text_contents()
    assert_axe_clean()
    page.get_by_role("link", name="Publish now").click()
    page.get_by_role("button", name="Yes, publish now").click()
    page.locator(".messagelist").get_by_text("Published").wait_for()

    page.goto(live_server.url + "/pain-management/")
    assert EDITED in page.content()
    assert admin_session.csp_errors == []
