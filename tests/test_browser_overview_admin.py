"""The overview's drafts work in a real browser under the site's Content-Security-Policy: an editor changes the
live overview through a draft, compares and publishes it; the edit and compare pages pass axe-core at 1280 px."""

from procedures.models import ServiceLine

from .support import BROWSER

pytestmark = BROWSER

EDITED = "Questions about your options"


def test_editor_drafts_compares_and_publishes_the_overview(live_server, page, admin_session):
    assert_axe_clean = admin_session.assert_axe_clean
    admin_session.edit_in_a_draft(ServiceLine.objects.get())
    page.fill("#id_help_heading_en", EDITED)
    assert_axe_clean()
    admin_session.save_compare_and_publish("/pain-management/", EDITED, added=EDITED)
    assert admin_session.csp_errors == []
