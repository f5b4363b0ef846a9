"""Content health: per procedure its reading grade, empty optional parts and medical review date, reviews
overdue after MEDICAL_REVIEW_MONTHS; a daily command emails the content editors the overdue ones."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from procedures import readability
from procedures.health import content_health, months_after
from procedures.models import ListItem, Procedure

from .html import find_all, find_one, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(django_user_model):
    group = Group.objects.get(name="Content editors")
    users = [
        django_user_model.objects.create_user(name, f"{name}@azura.example", "a-long-password-1", is_staff=True)
        for name in ("ana", "ben")
    ]
    for user in users:
        user.groups.add(group)
    django_user_model.objects.create_user("gone", "gone@azura.example", is_active=False).groups.add(group)
    django_user_model.objects.create_user("desk", "desk@azura.example", is_staff=True)  # not an editor
    return users


def reviewed(slug: str, days_ago: int) -> None:
    Procedure.objects.filter(slug=slug).update(
        reviewed_by="Jane Doe, MD", reviewed_on=timezone.localdate() - dt.timedelta(days=days_ago)
    )


def test_months_after_keeps_the_day_or_takes_the_months_last():
    assert months_after(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert months_after(dt.date(2025, 11, 30), 12) == dt.date(2026, 11, 30)


def test_content_health_lists_each_page_with_grade_empty_parts_and_review(settings):
    settings.MEDICAL_REVIEW_MONTHS = 12
    reviewed("kyphoplasty", 30)
    reviewed("epidural-injections", 400)
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    kyphoplasty.preparation = "Client text."
    kyphoplasty.save()
    ListItem.objects.create(procedure=kyphoplasty, kind=ListItem.Kind.REFERENCE, text="A source")

    rows = {row.procedure.slug: row for row in content_health()}
    assert not rows["kyphoplasty"].review_overdue
    assert rows["epidural-injections"].review_overdue
    assert rows["facet-joint-injections"].review_overdue
    assert rows["facet-joint-injections"].review_due is None
    assert "How to prepare" not in rows["kyphoplasty"].empty_parts
    assert "References" not in rows["kyphoplasty"].empty_parts
    assert "Frequently asked questions" in rows["kyphoplasty"].empty_parts
    assert rows["kyphoplasty"].grade == readability.grade(readability.page_text(kyphoplasty))


def test_the_content_health_page_shows_it_to_editors(client, editors):
    reviewed("kyphoplasty", 30)
    client.force_login(editors[0])
    page = parse(client.get("/admin/procedures/procedure/health/"))
    body = find_one(find_one(page, "table", **{"class": "health"}), "tbody")
    rows = {text(find_one(row, "th")): [text(td) for td in find_all(row, "td")] for row in find_all(body, "tr")}
    assert rows["Kyphoplasty"][3].startswith("Due ")
    assert rows["Epidural Injections"][2:] == ["Never", "Overdue", "Not started"]  # review, then Spanish
    assert "How to prepare" in rows["Epidural Injections"][1]
    assert "Content health" in client.get("/admin/procedures/procedure/").content.decode()


def test_the_daily_command_emails_active_editors_the_overdue_reviews(editors, settings, run_worker):
    settings.MEDICAL_REVIEW_MONTHS = 6
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    reviewed("kyphoplasty", 30)
    reviewed("epidural-injections", 200)

    call_command("remind_overdue_reviews", stdout=open("/dev/null", "w"))  # noqa: SIM115
    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["ana@azura.example", "ben@azura.example"]
    assert message.subject == "2 procedure pages due for medical review"
    assert re.search(r"^- Epidural Injections: review was due on [A-Z][a-z]+ \d{1,2}, \d{4}$", message.body, re.M)
    assert "- Facet Joint Injections: never medically reviewed" in message.body
    assert "Kyphoplasty" not in message.body


def test_no_email_when_nothing_is_overdue(editors, settings, run_worker):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for slug in ("kyphoplasty", "epidural-injections", "facet-joint-injections"):
        reviewed(slug, 1)
    call_command("remind_overdue_reviews", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert run_worker() == 0
    assert mail.outbox == []
