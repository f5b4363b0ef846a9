"""Notices say where they stand: "Last updated" is the last change of wording (never the day a migration ran), a
change of wording withdraws counsel's approval, "[to be supplied: …]" is found whatever its case, an approval
cannot be dated in the future, and until approved the page says it is a draft awaiting the practice's review."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from procedures.models import Notice

from .html import find_all, find_one, has_class, parse, text

pytestmark = pytest.mark.django_db

GOOD_FAITH_ESTIMATE = "/good-faith-estimate/"
DRAFT = "Draft: this notice is awaiting Azura Vascular Care’s review, and its wording may change."


def estimate() -> Notice:
    return Notice.objects.get(kind=Notice.Kind.GOOD_FAITH_ESTIMATE)


def complete(notice: Notice) -> Notice:
    """The notice with every fact supplied, saved."""
    notice.body_en = notice.body_en.replace("[To be supplied:", "(supplied:")
    notice.save()
    return notice


def approve(notice: Notice, on: dt.date | None = None) -> Notice:
    notice.legal_review, notice.approved_by = Notice.LegalReview.APPROVED, "J. Counsel"
    notice.approved_on = on or timezone.localdate()
    notice.full_clean()
    notice.save()
    return notice


def status_lines(response) -> list[str]:
    header = find_one(parse(response), "div", **{"class": "page-header"})
    return [text(p).replace(" .", ".") for p in find_all(header, "p")]  # text() spaces out the <time> element


def post(admin_client, notice: Notice, **changes):
    data = {
        **{f"{name}_{language}": getattr(notice, f"{name}_{language}") or ""
           for name in ("title", "meta_description", "body", "language_assistance") for language in ("en", "es")},
        "legal_review": notice.legal_review,
        "approved_by": notice.approved_by,
        "approved_on": notice.approved_on.isoformat() if notice.approved_on else "",
    }  # fmt: skip
    return admin_client.post(reverse("admin:procedures_notice_change", args=[notice.pk]), {**data, **changes})


# --- Last updated -----------------------------------------------------------------------------------------------


def test_a_notice_a_migration_loaded_says_no_last_updated_date(client):
    assert estimate().last_published_at is None
    assert not any(line.startswith("Last updated") for line in status_lines(client.get(GOOD_FAITH_ESTIMATE)))


def test_last_updated_is_the_last_change_of_wording(client):
    notice = complete(estimate())
    changed = notice.last_published_at
    assert changed is not None
    notice.approved_by = "Someone"  # not wording
    notice.save()
    notice.refresh_from_db()
    assert notice.last_published_at == changed
    date = timezone.localtime(changed).strftime("%B %-d, %Y")
    assert f"Last updated {date}." in status_lines(client.get(GOOD_FAITH_ESTIMATE))


# --- Approval -----------------------------------------------------------------------------------------------------


def test_editing_an_approved_notices_wording_withdraws_the_approval(admin_client):
    notice = approve(complete(estimate()))
    body = notice.body_en + "\n\nA new sentence."
    response = post(admin_client, notice, body_en=body)
    assert response.status_code == 302
    notice.refresh_from_db()
    assert (notice.legal_review, notice.approved_by, notice.approved_on) == (Notice.LegalReview.AWAITING, "", None)
    shown = admin_client.get(response.url).content.decode()
    assert "the approval by the client&#x27;s counsel was withdrawn" in shown
    assert notice.history.filter(legal_review=Notice.LegalReview.APPROVED).exists()  # the old approval is kept


def test_adding_the_spanish_withdraws_the_approval_too():
    notice = approve(complete(estimate()))
    notice.title_es = "Estimado de buena fe"
    notice.save()
    assert not notice.is_approved


def test_a_new_approval_recorded_with_the_change_keeps_it_approved(admin_client):
    notice = approve(complete(estimate()), on=timezone.localdate() - dt.timedelta(days=3))
    response = post(admin_client, notice, body_en=notice.body_en + " More.", approved_on=timezone.localdate())
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.is_approved


def test_a_change_that_is_not_wording_keeps_the_approval():
    notice = approve(complete(estimate()))
    notice.meta_description_en = "A new description for search engines."
    notice.save()
    assert notice.is_approved


@pytest.mark.parametrize("marker", ["[to be supplied: a phone]", "[TO BE SUPPLIED: a phone]", "[ To be supplied : x]"])
def test_a_placeholder_is_found_whatever_its_case(marker):
    notice = complete(estimate())
    notice.body_en += f"\n\nCall {marker}."
    assert notice.placeholders == [marker]
    with pytest.raises(Exception, match="replace them before marking it approved"):
        approve(notice)


def test_a_placeholder_in_the_spanish_counts_too():
    notice = complete(estimate())
    notice.body_es = "Llame al [To be supplied: número]."
    assert notice.placeholders == ["[To be supplied: número]"]


def test_an_approval_cannot_be_dated_in_the_future(admin_client):
    notice = complete(estimate())
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = post(admin_client, notice, legal_review="approved", approved_by="J. Counsel", approved_on=tomorrow)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["approved_on"] == [
        "The approval date cannot be in the future: give the day counsel approved it."
    ]
    response = post(admin_client, notice, legal_review="approved", approved_by="J. Counsel", approved_on="2099-01-01")
    assert response.status_code == 200
    notice.refresh_from_db()
    assert not notice.is_approved


# --- The public page ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["/nondiscrimination/", GOOD_FAITH_ESTIMATE, "/privacy-practices/"])
def test_until_approved_the_page_says_it_is_a_draft_awaiting_review(client, address):
    assert DRAFT in status_lines(client.get(address))
    spanish = parse(client.get("/es" + address))
    assert "Borrador: este aviso está pendiente de la revisión de Azura Vascular Care" in text(spanish)


def test_an_approved_notice_no_longer_says_draft(client):
    approve(complete(estimate()))
    assert DRAFT not in status_lines(client.get(GOOD_FAITH_ESTIMATE))


def test_the_consumer_health_data_policy_says_where_it_stands_on_the_privacy_page(client):
    section = find_one(parse(client.get("/privacy/")), "section", id="consumer-health-data")
    assert DRAFT in [text(p) for p in find_all(section, "p") if not has_class(p, "content-language-note")]
