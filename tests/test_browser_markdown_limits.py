"""In a real browser, the edit form's live preview says so when a text is longer than its field holds, and shows
the preview again once it fits; the page passes axe-core with the message shown."""

from procedures.markdown import PROSE_MAX_LENGTH
from procedures.models import Procedure

from .support import BROWSER

pytestmark = BROWSER


def test_the_preview_says_a_text_is_too_long_for_its_field_then_previews_it_once_it_fits(
    live_server, page, admin_session
):
    admin_session.edit_in_a_draft(Procedure.objects.get(slug="kyphoplasty"))
    preview = page.get_by_role("region", name="Preview: Text after the risks (English)")

    page.fill("#id_risks_outro_en", "Call **us**. " * (PROSE_MAX_LENGTH // 13 + 1))

    preview.get_by_text(f"at most {PROSE_MAX_LENGTH:,} fit here. Shorten it.").wait_for()
    admin_session.assert_axe_clean()
    page.fill("#id_risks_outro_en", "Call **us** today.")
    preview.locator("strong").get_by_text("us").wait_for()
    assert "fit here" not in preview.text_content()
    assert admin_session.csp_errors == []
