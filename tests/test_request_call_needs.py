"""What the call back needs, asked on the request form: who is asking (and whom to call back), the language to speak
and whether an interpreter is needed, and how the patient will pay (with the Good Faith Estimate beside it).
Stored, shown to staff on the request, in the list and in the CSV export, and never in an email."""

import csv
import io

import pytest
from django.core import mail

from appointments.models import AppointmentRequest

from .factories_requests import AppointmentRequestFactory, form_data, post
from .html import (
    attr,
    attrs,
    checked_value,
    find_all,
    input_value,
    iter_elements,
    parse,
    selected_value,
    summary_links,
    text,
)
from .html import find_one as find
from .support import clear_caches

pytestmark = pytest.mark.django_db

URL = "/appointments/request/"
ADMIN = "/admin/appointments/appointmentrequest/"


@pytest.fixture(autouse=True)
def _isolated(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clear_caches()  # the rate limit counts in the cache
    yield
    clear_caches()


def fieldset(root, legend: str):
    for element in find_all(root, "fieldset"):
        legends = find_all(element, "legend")
        if legends and text(legends[0]) == legend:
            return element
    raise AssertionError(f"no fieldset {legend!r}")


def labels(root) -> dict[str, str]:
    return {attr(label, "for"): text(label) for label in find_all(root, "label")}


# --- The questions -------------------------------------------------------------------------------------------


def test_the_form_asks_who_is_asking_and_whom_to_call_back(client):
    root = parse(client.get(URL))
    asking = fieldset(root, "Who is asking")
    assert [attr(radio, "value") for radio in find_all(asking, "input", name="requester")] == [
        "patient",
        "someone_else",
    ]
    found = labels(asking)
    assert found["id_requester_1"] == "I am asking for someone else (family member or caregiver)"
    assert found["id_requester_name"].startswith("Your name")
    assert found["id_requester_relationship"].startswith("Your relationship to the patient")
    assert found["id_requester_phone"].startswith("Your phone number")
    assert attrs(find(asking, "input", name="requester_phone"))["autocomplete"] == "section-requester tel"
    assert checked_value(asking, "call_back") == "patient"


def test_the_form_asks_the_language_with_other_and_whether_an_interpreter_is_needed(client):
    root = parse(client.get(URL))
    language = fieldset(root, "Language")
    options = [text(option) for option in find_all(find(language, "select", name="preferred_language"), "option")]
    assert options[:2] == ["English", "Spanish"]
    assert options[-1] == "Other"
    assert "American Sign Language" in options
    assert selected_value(language, "preferred_language") == "en"
    assert labels(language)["id_preferred_language_other"] == "Other language (if you chose “Other”)"
    assert labels(language)["id_interpreter_needed"] == "I would like an interpreter (free of charge)"


def test_the_form_asks_how_the_patient_will_pay_with_the_good_faith_estimate_beside_it(client):
    root = parse(client.get(URL))
    payment = fieldset(root, "Payment")
    choices = [
        text(label) for label in find_all(payment, "label") if (attr(label, "for") or "").startswith("id_payment_")
    ]
    assert choices == ["Health insurance", "Medicare", "I will pay myself (self-pay)", "Not sure"]
    note = find(payment, "p", id="good-faith-estimate-note")
    assert "If you will pay yourself (self-pay), or have no insurance" in text(note)
    assert attr(find(note, "a"), "href") == "/good-faith-estimate/"
    assert checked_value(payment, "payment") is None  # nothing chosen for the patient


# --- Stored ---------------------------------------------------------------------------------------------------


def test_the_answers_are_stored_with_the_caregivers_phone_in_e164(client, full_answers):
    assert client.post(URL, full_answers).status_code == 302
    stored = AppointmentRequest.objects.get()
    assert (stored.requester, stored.requester_name, stored.requester_relationship) == (
        "someone_else",
        "Marisol Quigglesworth",
        "daughter",
    )
    assert (stored.requester_phone, stored.call_back) == ("+15125550177", "requester")
    assert (stored.preferred_language, stored.preferred_language_other) == ("other", "Haitian Creole")
    assert stored.interpreter_needed is True
    assert stored.payment == "self_pay"
    assert stored.language_display == "Haitian Creole, interpreter needed"


def test_a_patient_asking_for_themselves_stores_no_caregiver_and_no_other_language(client, center):
    answers = form_data(center, client=client, requester_name="Left over", requester_phone="nonsense",
                        preferred_language="es", preferred_language_other="Klingon", call_back="requester")  # fmt: skip
    assert client.post(URL, answers).status_code == 302
    stored = AppointmentRequest.objects.get()
    assert (stored.requester, stored.requester_name, stored.requester_phone, stored.call_back) == (
        "patient",
        "",
        "",
        "patient",
    )
    assert (stored.preferred_language, stored.preferred_language_other) == ("es", "")


# --- Bad input ------------------------------------------------------------------------------------------------

CALL_NEEDS_ERRORS = {
    "no answer to who is asking": (
        {"requester": None},
        "requester_0",
        "Tell us whether you are the patient or asking for someone else.",
    ),
    "caregiver without a name": (
        {"requester_name": ""},
        "requester_name",
        "Enter your name, as the person asking for the patient.",
    ),
    "caregiver without a relationship": (
        {"requester_relationship": " "},
        "requester_relationship",
        "Tell us how you are related to the patient, for example daughter or caregiver.",
    ),
    "caregiver without a phone": (
        {"requester_phone": ""},
        "requester_phone",
        "Enter a phone number we can call you on.",
    ),
    "caregiver phone that is no number": (
        {"requester_phone": "555-01"},
        "requester_phone",
        "Enter your US phone number with its area code, for example (512) 555-0123.",
    ),
    "other language not named": (
        {"preferred_language_other": ""},
        "preferred_language_other",
        "Enter the language we should speak, or choose one above.",
    ),
    "unknown language": (
        {"preferred_language": "xx"},
        "preferred_language",
        "Select a valid choice. xx is not one of the available choices.",
    ),
    "no answer to payment": ({"payment": None}, "payment_0", "Tell us how you will pay, or choose “Not sure”."),
}  # fmt: skip


@pytest.mark.parametrize(("changes", "target", "message"), CALL_NEEDS_ERRORS.values(), ids=CALL_NEEDS_ERRORS.keys())
def test_a_bad_call_needs_answer_is_shown_next_to_its_field_and_every_other_answer_is_kept(
    client, full_answers, changes, target, message
):
    answers = {key: value for key, value in {**full_answers, **changes}.items() if value is not None}
    response = post(client, answers)
    root = parse(response)

    assert response.status_code == 200
    assert AppointmentRequest.objects.count() == 0
    assert summary_links(root) == {f"#id_{target}": message}
    field = target.removesuffix("_0")
    assert message in text(find(root, "div", id=f"id_{field}_error"))
    kept = {"requester_name", "requester_relationship", "requester_phone", "preferred_language_other", "first_name"}
    for name in kept - {field}:
        assert input_value(root, name) == answers[name], name
    for name in {"requester", "call_back", "payment"} - {field}:
        assert checked_value(root, name) == answers[name], name
    if field != "preferred_language":
        assert selected_value(root, "preferred_language") == "other"
    assert "checked" in attrs(find(root, "input", name="interpreter_needed"))


def test_the_error_summary_keeps_the_order_of_the_page(client, full_answers):
    answers = {**full_answers, "requester_name": "", "first_name": "", "preferred_language_other": "", "phone": "1"}
    answers.pop("payment")
    root = parse(post(client, answers))
    on_the_page = [attrs(el)["id"] for el in iter_elements(root) if attrs(el).get("id", "").startswith("id_")]
    listed = list(summary_links(root))
    assert listed == [
        "#id_requester_name",
        "#id_first_name",
        "#id_phone",
        "#id_preferred_language_other",
        "#id_payment_0",
    ]
    assert listed == sorted(listed, key=lambda target: on_the_page.index(target[1:]))


# --- Staff see them; emails never hold them -------------------------------------------------------------------


@pytest.fixture
def caregiver_request(center):
    return AppointmentRequestFactory(
        center=center, requester="someone_else", requester_name="Marisol Quigglesworth",
        requester_relationship="daughter", requester_phone="+15125550177", call_back="requester",
        preferred_language="es", interpreter_needed=True, payment="self_pay",
    )  # fmt: skip


def test_staff_see_the_call_needs_on_the_request(admin_client, caregiver_request):
    page = text(parse(admin_client.get(f"{ADMIN}{caregiver_request.pk}/change/")))
    for shown in ("Who asked, language and payment", "I am asking for someone else (family member or caregiver)",
                  "Marisol Quigglesworth", "daughter", "(512) 555-0177", "Me, the person asking",
                  "Spanish, interpreter needed", "I will pay myself (self-pay)"):  # fmt: skip
        assert shown in page, shown


def test_staff_see_the_call_needs_in_the_list_and_can_filter_by_interpreter(admin_client, caregiver_request, center):
    AppointmentRequestFactory(center=center, last_name="Plainfield", preferred_language="en", payment="insurance")
    listing = text(parse(admin_client.get(ADMIN)))
    assert "Spanish, interpreter needed · self-pay · asked by daughter" in listing
    filtered = text(parse(admin_client.get(ADMIN + "?interpreter_needed__exact=1")))
    assert caregiver_request.last_name in filtered
    assert "Plainfield" not in filtered


def test_the_csv_export_has_the_call_needs(admin_client, caregiver_request):
    response = admin_client.post(ADMIN, {"action": "export_csv", "_selected_action": [caregiver_request.pk]})
    (row,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert row["Language"] == "Spanish"
    assert row["Interpreter needed"] == "yes"
    assert row["Payment"] == "I will pay myself (self-pay)"
    assert row["Who asked"] == "I am asking for someone else (family member or caregiver)"
    assert (row["Their name"], row["Their relationship"]) == ("Marisol Quigglesworth", "daughter")
    assert (row["Their phone"], row["Call back"]) == ("(512) 555-0177", "Me, the person asking")


def test_emails_hold_no_call_needs_and_only_the_patients_says_whom_the_center_calls_and_on_which_number(
    client, full_answers, run_worker
):
    assert client.post(URL, full_answers).status_code == 302
    run_worker()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        whole = f"{message.subject}\n{message.body}".lower()
        for secret in ("daughter", "haitian", "creole", "interpreter", "self-pay", "pay yourself", "caregiver"):
            assert secret not in whole, secret
    (to_patient,) = [message for message in mail.outbox if message.to == [full_answers["email"]]]
    (to_center,) = [message for message in mail.outbox if message != to_patient]
    assert "will text Marisol Quigglesworth on (512) 555-0177" in " ".join(to_patient.body.split())
    assert "marisol" not in to_center.body.lower()
    assert "555-0177" not in to_center.body


# --- The confirmation says whom the center calls back --------------------------------------------------------


@pytest.mark.parametrize(
    ("call_back", "promise"),
    [("requester", "will call you on (512) 555-0177"), ("patient", "will call Rosalind on (512) 555-0123")],
)
def test_the_confirmation_names_whom_the_center_calls_back_and_on_which_number(
    client, full_answers, call_back, promise
):
    answers = {**full_answers, "call_back": call_back, "preferred_contact": "phone"}
    client.post(URL, answers)
    page = text(parse(client.get("/appointments/request/received/")))
    assert promise in page
