"""The HIPAA Notice of Privacy Practices (45 CFR 164.520): a page of its own in English and Spanish, covering each
element the rule asks for, with what only the practice knows left "[To be supplied: …]"; reachable from every
page's footer and from the request form's consent; edited and approved as the other notices are."""

import pytest
from django.urls import reverse

from procedures.models import Notice

from .factories_appointments import CenterFactory
from .html import attr, find_all, find_one, parse, text
from .support import not_said

pytestmark = pytest.mark.django_db

ADDRESS = "/privacy-practices/"


def main_text(response) -> str:
    return text(find_one(parse(response), "main"))


def test_the_notice_of_privacy_practices_has_its_page_in_both_languages(client):
    english, spanish = client.get(ADDRESS), client.get("/es" + ADDRESS)
    assert (english.status_code, spanish.status_code) == (200, 200)
    assert text(find_one(parse(english), "h1")) == "Notice of Privacy Practices"
    assert find_one(parse(spanish), "h1").attributes == [("lang", "en")]  # no Spanish from the client yet


def test_it_covers_each_element_the_privacy_rule_asks_for(client):
    page = main_text(client.get(ADDRESS))
    assert (
        "THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED AND HOW YOU CAN GET "
        "ACCESS TO THIS INFORMATION. PLEASE REVIEW IT CAREFULLY." in page
    )
    assert not_said(
        page, "To treat you.", "To get paid.", "To run our practice.",  # each with an example
        "without your written permission when the law allows or asks",
        "We will not use or share your health information for marketing, and we will not sell it",
        "You can take back your permission at any time",
        "See and get a copy", "Ask us to correct", "Ask us to contact you in a certain way",  # the patient's rights
        "Ask us to limit",
        "if you pay for a service in full yourself", "Get a list of those we shared your information with",
        "Get a paper copy of this notice",
        "The law requires us to keep your health information private",
        "tell you if a breach puts your health information at risk", "We can change this notice",
        "We will not act against you for filing a complaint.", "https://www.hhs.gov/ocr/complaints/index.html",
    ) == []  # fmt: skip


def test_what_only_the_practice_knows_is_left_to_supply(client):
    page = main_text(client.get(ADDRESS))
    for fact in ("the date this notice takes effect", "the privacy officer's name or title", "phone number"):
        assert f"[To be supplied: {fact}]" in page
    notice = Notice.objects.get(kind=Notice.Kind.PRIVACY_PRACTICES)
    assert len(notice.placeholders) == 9
    assert notice.legal_review == Notice.LegalReview.AWAITING


def test_every_page_footer_and_the_request_forms_consent_link_to_it(client):
    center = CenterFactory()
    for address in ("/", "/centers/", center.get_absolute_url(), "/appointments/request/", ADDRESS, "/nowhere/"):
        footer = find_one(parse(client.get(address)), "footer")
        assert [text(a) for a in find_all(footer, "a") if attr(a, "href") == ADDRESS] == [
            "Notice of Privacy Practices"
        ], address
    form = parse(client.get("/appointments/request/", {"center": center.slug}))
    consent = next(f for f in find_all(form, "fieldset") if "Your consent" in text(f))
    (link,) = [a for a in find_all(consent, "a") if attr(a, "href") == ADDRESS]
    assert attr(link, "target") == "_blank"
    assert "(opens in a new tab)" in text(consent)
    spanish = parse(client.get("/es/appointments/request/", {"center": center.slug}))
    assert any(attr(a, "href") == "/es" + ADDRESS for a in find_all(spanish, "a"))


def test_staff_edit_and_approve_it_with_the_other_notices(admin_client):
    notice = Notice.objects.get(kind=Notice.Kind.PRIVACY_PRACTICES)
    url = reverse("admin:procedures_notice_change", args=[notice.pk])
    assert "the privacy officer&#x27;s name or title" in admin_client.get(url).content.decode()
    data = {
        "title_en": notice.title_en, "title_es": "", "meta_description_en": notice.meta_description_en,
        "meta_description_es": "", "body_en": notice.body_en, "body_es": "", "language_assistance_en": "",
        "language_assistance_es": "", "legal_review": "approved", "approved_by": "J. Counsel",
        "approved_on": "2026-12-01",
    }  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "replace them before marking it approved" in response.context["adminform"].form.errors["legal_review"][0]
    data["body_en"] = notice.body_en.replace("[To be supplied:", "(supplied:")
    assert admin_client.post(url, data).status_code == 302
    notice.refresh_from_db()
    assert notice.is_approved
    assert notice.history.first().history_user is not None
