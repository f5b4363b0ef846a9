"""The public appointment request form: fields and labels, prefill, validation with an error summary, storing,
the confirmation page and double submission. (A database that refuses the write, the rate limit and caching
headers: test_request_protection.py; what a submission does: test_request_submission.py.)"""

import uuid
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from appointments.models import AppointmentRequest

from .factories_appointments import PhysicianFactory, PracticeFactory
from .factories_requests import REFERENCE_RE, form_data
from .html import attrs, checked_value, find_all, input_value, iter_elements, selected_value, summary_links, text
from .html import find_one as find
from .html import parse as page

pytestmark = pytest.mark.django_db

URL = "/appointments/request/"
RECEIVED_URL = "/appointments/request/received/"
SITE_URL = "https://azura.example"
NOTHING_TO_SHOW = "There is no request to show"
RECEIVED_TEXT = "We received your request"

TEXT_FIELDS = ["first_name", "last_name", "date_of_birth", "phone", "email", "reason", "insurance"]
SELECT_FIELDS = ["physician", "procedure"]
RADIO_FIELDS = ["center", "patient_status", "preferred_contact", "best_time"]  # the centers offered are radios
# Ways the date of birth 1954-03-27 could be written in an email or a log.
DATE_OF_BIRTH_FORMS = ["03/27/1954", "3/27/1954", "1954-03-27", "27/03/1954", "03-27-1954", "March 27, 1954", "1954"]


@pytest.fixture(autouse=True)
def _isolated(settings):
    settings.SITE_URL = SITE_URL
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()  # the rate limit counts in the cache, which outlives a test
    yield
    cache.clear()


@pytest.fixture
def physician_elsewhere():
    return PracticeFactory(physician=PhysicianFactory(first_name="Jordan", last_name="Faraway")).physician


def post(client, data, **extra):
    return client.post(URL, data, **extra)


# --- The empty form ------------------------------------------------------------------------------------------


def test_form_page_is_served(client, center):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Request an appointment" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("date_of_birth", "bday"),
        ("phone", "tel"),
        ("email", "email"),
    ],
)
def test_personal_fields_have_their_autocomplete_token(client, center, name, token):
    root = page(client.get(URL))
    assert attrs(find(root, "input", name=name)).get("autocomplete") == token


def test_every_field_has_a_visible_label(client, center):
    root = page(client.get(URL))
    form = find(root, "form", method="post")
    labels = {attrs(label).get("for"): label for label in find_all(form, "label")}
    controls = [
        el
        for el in find_all(form, None)
        if el.name in ("input", "select", "textarea") and attrs(el).get("type") not in ("hidden", "submit")
    ]
    assert len(controls) > 10
    for control in controls:
        control_id = attrs(control).get("id")
        assert control_id in labels, f"no <label for> for {attrs(control).get('name')}"
        label = labels[control_id]
        assert text(label), f"empty label for {control_id}"
        assert not {"visually-hidden", "sr-only"} & set(attrs(label).get("class", "").split())


def test_radio_groups_have_a_legend(client, center):
    root = page(client.get(URL, {"center": center.slug}))  # a center chosen: the centers offered are radios
    for name in RADIO_FIELDS:
        fieldset = find(root, "div", id=f"div_id_{name}")
        assert text(find(fieldset, "legend")), name


def test_consent_is_unticked_by_default(client, center):
    consent = find(page(client.get(URL)), "input", name="consent")
    assert attrs(consent)["type"] == "checkbox"
    assert "checked" not in attrs(consent)


def test_form_carries_a_signed_start_time_and_a_submission_token(client, center):
    root = page(client.get(URL))
    assert input_value(root, "started")
    uuid.UUID(input_value(root, "submission_token"))


def test_center_physician_and_procedure_are_prefilled_from_slugs(client, center, physician):
    response = client.get(URL, {"center": center.slug, "physician": physician.slug, "procedure": "kyphoplasty"})
    root = page(response)
    assert response.status_code == 200
    assert checked_value(root, "center") == center.slug
    assert selected_value(root, "physician") == physician.slug
    assert selected_value(root, "procedure") == "kyphoplasty"


def test_unknown_prefill_slugs_are_ignored(client, center):
    response = client.get(URL, {"center": "no-such-center", "physician": "dr-nobody", "procedure": "<script>"})
    root = page(response)
    assert response.status_code == 200
    assert checked_value(root, "center") in (None, "")
    assert selected_value(root, "physician") in (None, "")
    assert selected_value(root, "procedure") in (None, "")
    assert "<script>" not in response.content.decode()


# --- A valid request -----------------------------------------------------------------------------------------


def test_valid_request_is_stored_once_with_consent_time_and_privacy_notice_version(client, settings, full_answers):
    before = timezone.now()
    response = post(client, full_answers)

    assert response.status_code == 302
    assert response["Location"] == RECEIVED_URL
    stored = AppointmentRequest.objects.get()
    assert before <= stored.consent_at <= timezone.now()
    assert stored.privacy_notice_version == settings.PRIVACY_NOTICE_VERSION
    assert stored.status == AppointmentRequest.Status.NEW
    assert stored.spam_signals == ""
    assert (stored.first_name, stored.last_name) == ("Rosalind", "Quigglesworth")
    assert stored.date_of_birth == date(1954, 3, 27)
    assert stored.phone == "+15125550123"
    assert stored.physician.slug == full_answers["physician"]
    assert stored.procedure.slug == "epidural-injections"
    assert REFERENCE_RE.fullmatch(stored.reference)


@pytest.mark.parametrize(
    "typed", ["+1 512.555.0123", "(512) 555-0123", "512-555-0123", "5125550123", "1 (512) 555 0123", "512 555 0123"]
)
def test_phone_written_any_usual_way_is_stored_as_e164_and_shown_the_us_way(client, center, typed):
    post(client, form_data(center, phone=typed))
    stored = AppointmentRequest.objects.get()
    assert stored.phone == "+15125550123"
    assert stored.phone_display == "(512) 555-0123"


def test_phone_extension_is_kept(client, center):
    post(client, form_data(center, phone="512-555-0123 ext. 45"))
    assert AppointmentRequest.objects.get().phone_display == "(512) 555-0123 ext. 45"


def test_received_page_shows_the_reference_center_name_and_phone(client, center):
    response = post(client, form_data(center), follow=True)
    content = response.content.decode()
    stored = AppointmentRequest.objects.get()

    assert response.redirect_chain == [(RECEIVED_URL, 302)]
    assert response.status_code == 200
    assert RECEIVED_TEXT in content
    assert stored.reference in content
    assert center.name in content
    assert center.phone in content
    assert f'href="tel:{center.tel}"' in content


def test_received_page_shows_no_date_of_birth_reason_or_insurance(client, center):
    data = form_data(center)
    content = post(client, data, follow=True).content.decode()
    assert RECEIVED_TEXT in content
    for secret in [*DATE_OF_BIRTH_FORMS, data["reason"], data["insurance"], data["last_name"]]:
        assert secret not in content


def test_received_page_is_404_for_another_session(client, center):
    post(client, form_data(center))
    stored = AppointmentRequest.objects.get()

    other = Client()
    other.session.save()  # a session of its own, that never sent a request
    response = other.get(RECEIVED_URL)

    assert response.status_code == 404
    assert NOTHING_TO_SHOW in response.content.decode()
    assert stored.reference not in response.content.decode()


def test_received_page_is_404_without_a_session(client, center):
    response = client.get(RECEIVED_URL)
    assert response.status_code == 404
    assert NOTHING_TO_SHOW in response.content.decode()
    assert not REFERENCE_RE.search(response.content.decode())


# --- Invalid answers -----------------------------------------------------------------------------------------

FUTURE = (timezone.localdate() + timedelta(days=1)).strftime("%m/%d/%Y")
EXAMPLE_DOB = "for example 04/12/1957 or 04121957."
BAD_PHONE = "Enter a US phone number with its area code, for example (512) 555-0123."

# (field in error, changes to the valid answers, message), where a callable gets the test's objects.
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


def test_the_birth_date_field_asks_for_the_numeric_keypad(client, center):
    field = find(page(client.get(URL)), "input", name="date_of_birth")
    assert (attrs(field)["inputmode"], attrs(field)["autocomplete"]) == ("numeric", "bday")


def test_the_privacy_notice_can_be_read_on_the_form_without_leaving_it(client, center):
    root = page(client.get(URL))
    disclosure = find(root, "details", **{"class": "privacy-disclosure"})
    assert "Read our privacy notice" in text(disclosure)
    assert "What we collect" in text(disclosure)
    consent_label = find(root, "label", **{"for": "id_consent"})
    assert not find_all(consent_label, "a")  # the consent label sends nobody away from the form


# --- Arbitrary input -----------------------------------------------------------------------------------------

FORM_FIELDS = [
    "first_name", "last_name", "date_of_birth", "patient_status", "phone", "email", "preferred_contact",
    "best_time", "center", "physician", "procedure", "reason", "insurance", "consent", "website", "started",
    "submission_token", "requester", "requester_name", "requester_relationship", "requester_phone", "call_back",
    "preferred_language", "preferred_language_other", "interpreter_needed", "payment",
]  # fmt: skip
# Any text a browser can send (a lone surrogate can't be encoded, by a browser or by the test client).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
FUZZ_SETTINGS = hypothesis_settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ_SETTINGS
@given(data=st.data())
def test_arbitrary_text_in_any_field_never_causes_a_server_error(client, center, physician, data):
    valid = form_data(center, physician=physician.slug, procedure="kyphoplasty", requester="someone_else",
                      requester_name="Ana", requester_relationship="niece", requester_phone="512 555 0177",
                      call_back="requester", preferred_language="other", preferred_language_other="Somali",
                      interpreter_needed="on")  # fmt: skip
    # Each field is either a valid answer or any text at all, so some examples get past validation.
    answers = {name: data.draw(st.one_of(st.just(valid[name]), ANY_TEXT), label=name) for name in FORM_FIELDS}
    cache.clear()
    response = client.post(URL, answers)
    assert response.status_code in {200, 302, 429}


@FUZZ_SETTINGS
@given(params=st.dictionaries(st.one_of(st.sampled_from(["center", "physician", "procedure"]), ANY_TEXT), ANY_TEXT))
def test_arbitrary_query_string_never_causes_a_server_error(client, center, params):
    response = client.get(URL, params)
    assert response.status_code == 200


# --- Double submission ---------------------------------------------------------------------------------------


def test_same_submission_posted_twice_stores_one_request_and_both_show_the_same_reference(
    client, center, django_capture_on_commit_callbacks
):
    answers = form_data(center)
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, answers, follow=True)
        second = post(client, answers, follow=True)

    stored = AppointmentRequest.objects.get()
    assert first.redirect_chain == second.redirect_chain == [(RECEIVED_URL, 302)]
    assert REFERENCE_RE.findall(first.content.decode()) == REFERENCE_RE.findall(second.content.decode())
    assert stored.reference in second.content.decode()
    assert stored.emails.count() == 2  # one patient confirmation and one center notification, not two of each


def another_patient(center, n: int) -> dict:
    """A valid form from a different patient (the same patient resending within minutes is one request)."""
    return form_data(center, last_name=f"Patient{n}", phone=f"(512) 555-01{n:02d}")


def test_different_submissions_store_different_requests(client, center):
    post(client, another_patient(center, 1))
    post(client, another_patient(center, 2))
    references = set(AppointmentRequest.objects.values_list("reference", flat=True))
    assert len(references) == 2


def test_a_procedure_the_center_does_not_offer_is_explained_next_to_the_field(client, center):
    center.procedures.clear()
    response = post(client, form_data(center, procedure="kyphoplasty"))
    assert response.status_code == 200
    assert f"{center.name} does not offer kyphoplasty" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_a_new_patient_cannot_ask_for_a_physician_not_accepting_new_patients_there(client, center):
    physician = PhysicianFactory()
    PracticeFactory(physician=physician, center=center, accepting_new_patients=False)
    new = post(client, form_data(center, physician=physician.slug, patient_status="new"))
    assert "is not accepting new patients" in new.content.decode()
    returning = post(client, form_data(center, physician=physician.slug, patient_status="returning"))
    assert returning.status_code == 302
