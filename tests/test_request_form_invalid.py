"""Invalid answers to the request form: each shown next to its field and in the summary, in the order of the
questions, with the other answers kept."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from appointments.models import AppointmentRequest

from .factories_appointments import PhysicianFactory, PracticeFactory
from .factories_requests import RADIO_FIELDS, SELECT_FIELDS, TEXT_FIELDS, form_data, post
from .html import attrs, checked_value, input_value, iter_elements, selected_value, summary_links, text
from .html import find_one as find
from .html import parse as page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]


@pytest.fixture
def physician_elsewhere():
    return PracticeFactory(physician=PhysicianFactory(first_name="Jordan", last_name="Faraway")).physician


FUTURE = (timezone.localdate() + timedelta(days=1)).strftime("%m/%d/%Y")


EXAMPLE_DOB = "for example 04/12/1957 or 04121957."


BAD_PHONE = "Enter a US phone number with its area code, for example (512) 555-0123."


INVALID_ANSWERS = {
    "missing first name": ("first_name", {"first_name": ""}, "Enter your first name."),
    "blank first name": ("first_name", {"first_name": "   "}, "Enter your first name."),
    "missing last name": ("last_name", {"last_name": ""}, "Enter your last name."),
    "missing date of birth": ("date_of_birth", {"date_of_birth": ""}, "Enter your date of birth."),
    "date of birth not a date": (
        "date_of_birth",
        {"date_of_birth": "02/30/1990"},
        f"The day must be a real day of that month, {EXAMPLE_DOB}",
    ),
    "date of birth day first": (
        "date_of_birth",
        {"date_of_birth": "27/03/1954"},
        f"The month must be a number from 1 to 12, {EXAMPLE_DOB}",
    ),
    "date of birth in words": (
        "date_of_birth",
        {"date_of_birth": "last spring"},
        f"Enter your date of birth as month, day and year, {EXAMPLE_DOB}",
    ),
    "date of birth without a year": (
        "date_of_birth",
        {"date_of_birth": "04/12"},
        f"Your date of birth must include a month, a day and a year, {EXAMPLE_DOB}",
    ),
    "date of birth with a 3-digit year": (
        "date_of_birth",
        {"date_of_birth": "04/12/195"},
        f"The year must have 4 digits, {EXAMPLE_DOB}",
    ),
    "date of birth in the future": (
        "date_of_birth",
        {"date_of_birth": FUTURE},
        "Your date of birth can’t be in the future.",
    ),
    "date of birth too long ago": (
        "date_of_birth",
        {"date_of_birth": "01/01/1850"},
        "Check the year of your date of birth.",
    ),
    "missing phone": ("phone", {"phone": ""}, "Enter a phone number we can call you on."),
    "phone too short": ("phone", {"phone": "555-0123"}, BAD_PHONE),
    "phone not in North America": ("phone", {"phone": "+44 20 7946 0958"}, BAD_PHONE),
    "phone with an area code that does not exist": ("phone", {"phone": "(123) 456-7890"}, BAD_PHONE),
    "phone with letters": ("phone", {"phone": "call me maybe"}, BAD_PHONE),
    "email needed to be contacted by email": (
        "email",
        {"preferred_contact": "email", "email": ""},
        "Enter your email address, or choose another way to contact you.",
    ),
    "email not an address": (
        "email",
        {"email": "rosalind.example.com"},
        "Enter an email address like name@example.com.",
    ),
    "physician not practising at the center": (
        "physician",
        lambda ctx: {"physician": ctx["physician_elsewhere"].slug},
        lambda ctx: (
            f"{ctx['physician_elsewhere'].display_name} does not practice at {ctx['center'].name}. "
            "Choose another or no preference."
        ),
    ),
    "consent unticked": ("consent", {"consent": None}, "Tick the box to let us contact you about this request."),
    "unknown center": (
        "center",
        {"center": "no-such-center"},
        "Select a valid choice. That choice is not one of the available choices.",
    ),
    "missing center": ("center", {"center": ""}, "Choose the center you would like to visit."),
}


@pytest.mark.parametrize(("field", "changes", "message"), INVALID_ANSWERS.values(), ids=INVALID_ANSWERS.keys())
def test_invalid_answer_is_shown_next_to_the_field_and_in_the_summary_and_other_answers_are_kept(
    client, center, physician, physician_elsewhere, full_answers, field, changes, message
):
    ctx = {"center": center, "physician": physician, "physician_elsewhere": physician_elsewhere}
    changes = changes(ctx) if callable(changes) else changes
    message = message(ctx) if callable(message) else message
    answers = {**full_answers, **changes}
    if answers.get("consent") is None:
        answers.pop("consent")

    response = post(client, answers)
    root = page(response)

    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 0
    assert "Error:" in text(find(root, "title"))
    # In the summary at the top, linking to the field...
    assert summary_links(root).get(f"#id_{field}") == message
    find(root, None, id=f"id_{field}")  # the link's target exists
    # ...and next to the field, tied to it for screen readers.
    assert message in text(find(root, "div", id=f"id_{field}_error"))
    field_attrs = attrs(find(root, None, id=f"id_{field}"))
    assert field_attrs.get("aria-invalid") == "true"
    assert f"id_{field}_error" in field_attrs.get("aria-describedby", "").split()
    # Every other answer is still there.
    changed = set(changes) | {field}
    for name in TEXT_FIELDS:
        if name not in changed:
            assert input_value(root, name) == answers[name], name
    for name in SELECT_FIELDS:
        if name not in changed:
            assert selected_value(root, name) == answers[name], name
    for name in RADIO_FIELDS:
        if name not in changed:
            assert checked_value(root, name) == answers[name], name
    if field != "consent":
        assert "checked" in attrs(find(root, "input", name="consent"))
    # The same submission token and start time, so a corrected resend is still one submission.
    assert input_value(root, "submission_token") == answers["submission_token"]
    assert input_value(root, "started") == answers["started"]


def test_several_invalid_answers_are_all_listed_in_the_summary(client, center):
    response = post(client, form_data(center, first_name="", phone="12", consent=None))
    assert set(summary_links(page(response))) == {"#id_first_name", "#id_phone", "#id_consent"}


def test_the_summary_lists_problems_in_the_order_of_the_questions_on_the_page(client, center):
    answers = form_data(center, patient_status=None, phone="12", date_of_birth="", reason="x" * 301, consent=None)
    root = page(post(client, {**answers, "center": ""}))
    on_the_page = [attrs(el)["id"] for el in iter_elements(root) if attrs(el).get("id", "").startswith("id_")]
    listed = list(summary_links(root))
    assert listed == sorted(listed, key=lambda target: on_the_page.index(target[1:]))
    assert listed[:2] == ["#id_date_of_birth", "#id_patient_status_0"]


def test_a_wrong_birth_date_is_shown_again_as_typed_with_what_is_wrong(client, center):
    root = page(post(client, form_data(center, date_of_birth="13/27/1954")))
    assert input_value(root, "date_of_birth") == "13/27/1954"
    assert summary_links(root)["#id_date_of_birth"].startswith("The month must be a number from 1 to 12")


@pytest.mark.parametrize(
    "typed", ["04121957", "04/12/1957", "04.12.1957", "04 12 1957", "April 12, 1957", "4-12-57", "4121957"]
)
def test_a_birth_date_typed_any_usual_way_is_accepted(client, center, typed):
    assert post(client, form_data(center, date_of_birth=typed)).status_code == 302
    assert AppointmentRequest.objects.get().date_of_birth == date(1957, 4, 12)


def test_a_procedure_the_center_does_not_offer_is_explained_next_to_the_field(client, center):
    center.procedures.clear()
    response = post(client, form_data(center, procedure="kyphoplasty"))
    assert response.status_code == 200
    assert f"{center.name} does not offer Kyphoplasty" in response.content.decode()  # as written: acronyms
    assert not AppointmentRequest.objects.exists()


def test_a_new_patient_cannot_ask_for_a_physician_not_accepting_new_patients_there(client, center):
    physician = PhysicianFactory()
    PracticeFactory(physician=physician, center=center, accepting_new_patients=False)
    new = post(client, form_data(center, physician=physician.slug, patient_status="new"))
    assert "is not accepting new patients" in new.content.decode()
    returning = post(client, form_data(center, physician=physician.slug, patient_status="returning"))
    assert returning.status_code == 302
