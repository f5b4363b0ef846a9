"""The staff's side of the notices in a real browser at 1280 px: the go-live checklist and a notice's edit page
(English and Spanish side by side, what is still to supply) pass axe-core, under the site's Content-Security-Policy;
a change of wording withdraws the approval and says so."""

from django.utils import timezone

from procedures.models import Notice

from .support import BROWSER

pytestmark = BROWSER


def test_the_checklist_and_a_notices_edit_page_pass_axe_and_an_edit_withdraws_the_approval(
    live_server, page, admin_session
):
    notice = Notice.objects.get(kind=Notice.Kind.GOOD_FAITH_ESTIMATE)
    notice.body_en = notice.body_en.replace("[To be supplied:", "(supplied:")
    notice.legal_review, notice.approved_by, notice.approved_on = "approved", "J. Counsel", timezone.localdate()
    notice.save()
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="Go-live checklist").click()
    page.get_by_role("heading", name="Notices", exact=False).first.wait_for()
    admin_session.assert_axe_clean()

    page.goto(live_server.url + f"/admin/procedures/notice/{notice.pk}/change/")
    assert page.locator("#id_body_es").get_attribute("lang") == "es"
    admin_session.assert_axe_clean()
    page.fill("#id_title_en", "Good Faith Estimate of costs")
    page.locator("input[name=_save]").first.click()
    page.get_by_text("the approval by the client's counsel was withdrawn").wait_for()
    notice.refresh_from_db()
    assert notice.legal_review == Notice.LegalReview.AWAITING
    assert admin_session.csp_errors == []
