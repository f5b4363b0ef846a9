"""The admin works in a real browser under the site's Content-Security-Policy: an editor changes a live page
through a draft (toolbar, preview, reading grade), compares it and publishes it; the edit, compare and history
pages pass axe-core at 1280 px."""

from procedures.models import Procedure

from .support import BROWSER

pytestmark = BROWSER

EDITED = "About forty-five minutes for each bone (edited)"


def test_editor_drafts_compares_and_publishes_a_change_that_patients_see_only_then(live_server, page, admin_session):
    assert_axe_clean = admin_session.assert_axe_clean
    admin_session.edit_in_a_draft(Procedure.objects.get(slug="kyphoplasty"))
    page.fill("#id_duration_en", EDITED)
    page.fill("#id_summary_en", "You can go home soon.")
    page.locator("output.grade-live").get_by_text("Reading grade").wait_for()  # measured as the editor types
    # The Markdown toolbar and the live preview, rendered and sanitised by the page's own code.
    page.fill("#id_risks_outro_en", "Call us <script>alert(1)</script>")
    page.locator("#id_risks_outro_en").press("Control+a")
    page.get_by_role("toolbar", name="Formatting: Text after the risks (English)").get_by_role(
        "button", name="Bold"
    ).click()
    assert page.input_value("#id_risks_outro_en").startswith("**Call us")
    page.get_by_role("region", name="Preview: Text after the risks (English)").locator("strong").get_by_text(
        "Call us"
    ).wait_for()
    assert page.locator(".md-preview script").count() == 0
    assert_axe_clean()
    admin_session.save_compare_and_publish("/pain-management/kyphoplasty/", EDITED, added="(edited)")

    page.go_back()  # the live page's admin, where publishing left the editor
    page.get_by_role("link", name="History").click()
    page.get_by_role("cell", name="editor").first.wait_for()
    assert_axe_clean()
    assert Procedure.history.filter(slug="kyphoplasty").first().history_user.username == "editor"
    assert admin_session.csp_errors == []
