"""Test data for appointment requests, and the answers a patient types into the request form."""

import datetime as dt
import re
import time
import uuid

import factory
from django.conf import settings
from django.core import signing
from django.utils import timezone

from appointments.forms import browser_nonce
from appointments.models import REFERENCE_ALPHABET, AppointmentRequest, RequestNote

from .factories_appointments import CenterFactory

# A request's reference as the patient reads it, e.g. AZ-7K3M-Q9TX.
REFERENCE_RE = re.compile(rf"AZ-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}")
STARTED_SALT = "appointment-request-started"  # appointments.forms.TIMESTAMP_SALT


def type_answers(page, *, payment: str = "0", date_of_birth: str = "03/27/1954") -> None:
    """Answer the request form on screen (a browser test) as the patient, once a center is chosen: `payment` is the
    index of the way to pay (0: insurance, 3: not sure)."""
    page.check("#id_requester_0")
    page.fill("#id_first_name", "Rosalind")
    page.fill("#id_last_name", "Quigglesworth")
    page.fill("#id_date_of_birth", date_of_birth)
    page.check("#id_patient_status_0")
    page.fill("#id_phone", "(512) 555-0123")
    page.check(f"#id_payment_{payment}")
    page.check("#id_consent")


def send_request(page) -> None:
    """Send the request form on screen: Continue, then on "Check your answers" (when there is no problem) "Send
    request", or "Send my changes" for a correction; wait for the page that answers."""
    with page.expect_navigation():
        page.click("form.request-form button.btn-primary")  # Continue
    if "/check/" in page.url:
        with page.expect_navigation():
            page.click("form.request-send button")


class AppointmentRequestFactory(factory.django.DjangoModelFactory):
    """A stored request; status "new" unless told. Use `age()` to move it into the past."""

    class Meta:
        model = AppointmentRequest

    center = factory.SubFactory(CenterFactory)
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Testpatient{n}")
    date_of_birth = dt.date(1954, 3, 27)
    phone = "+15125550199"  # stored as E.164, as the form stores it
    email = ""
    preferred_contact = AppointmentRequest.ContactMethod.PHONE
    best_time = AppointmentRequest.BestTime.ANY
    patient_status = AppointmentRequest.PatientStatus.NEW
    consent_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = factory.LazyFunction(lambda: settings.PRIVACY_NOTICE_VERSION)
    submission_token = factory.LazyFunction(uuid.uuid4)
    status = AppointmentRequest.Status.NEW
    closed_reason = factory.LazyAttribute(
        lambda o: AppointmentRequest.ClosedReason.DECLINED if o.status == AppointmentRequest.Status.CLOSED else ""
    )


class RequestNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestNote

    request = factory.SubFactory(AppointmentRequestFactory)
    text = "Called, no answer."


def age(appointment_request: AppointmentRequest, *, days: float = 0, hours: float = 0) -> AppointmentRequest:
    """Move a stored request into the past: auto_now(_add) fields can only be changed with update()."""
    when = timezone.now() - dt.timedelta(days=days, hours=hours)
    AppointmentRequest.objects.filter(pk=appointment_request.pk).update(created_at=when, updated_at=when)
    appointment_request.refresh_from_db()
    return appointment_request


def started(seconds_ago: float = 10, *, client=None) -> str:
    """The signed start time the form carries, as if the page was opened `seconds_ago`; bound to the test
    client's browser (its CSRF cookie, given one here if it has none) when one is given, as the form page binds
    it, otherwise to no browser."""
    nonce = "no-browser"
    if client is not None:
        if settings.CSRF_COOKIE_NAME not in client.cookies:
            client.cookies[settings.CSRF_COOKIE_NAME] = "t" * 32  # a CSRF secret is 32 letters and digits
        nonce = browser_nonce(client.cookies[settings.CSRF_COOKIE_NAME].value)
    return signing.dumps({"t": time.time() - seconds_ago, "n": nonce}, salt=STARTED_SALT)


def form_data(center, *, client=None, **overrides) -> dict:
    """A valid POST of the request form for that center, its start time bound to the client's session when given,
    as "Send request" on "Check your answers" sends it (`action=send`: it stores the request); overrides replace
    (None removes) a field."""
    data = {
        "first_name": "Rosalind",
        "last_name": "Quigglesworth",
        "date_of_birth": "03/27/1954",
        "patient_status": "new",
        "phone": "(512) 555-0123",
        "email": "rosalind@example.com",
        "preferred_contact": "phone",
        "best_time": "any",
        "center": center.slug,
        "physician": "",
        "procedure": "",
        "reason": "Sharp zigzag pain after gardening",
        "insurance": "Bluewater Mutual Gold",
        "requester": "patient",
        "preferred_language": "en",
        "payment": "insurance",
        "consent": "on",
        "website": "",
        "started": started(client=client),
        "submission_token": str(uuid.uuid4()),
        "action": "send",
    }
    for name, value in overrides.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


# --- Sending the form -------------------------------------------------------------------------------------------

# A daughter asking for her mother, to be texted herself: every answer about the person asking.
DAUGHTER_ASKING = {
    "requester": "someone_else",
    "requester_name": "Marisol Quigglesworth",
    "requester_relationship": "daughter",
    "requester_phone": "512.555.0177",
    "call_back": "requester",
    "preferred_contact": "text",
}

REQUEST_URL = "/appointments/request/"
RECEIVED_URL = "/appointments/request/received/"
# The questions of the form, by the kind of control that asks them.
TEXT_FIELDS = ["first_name", "last_name", "date_of_birth", "phone", "email", "reason", "insurance"]
SELECT_FIELDS = ["physician", "procedure"]
RADIO_FIELDS = ["center", "patient_status", "preferred_contact", "best_time"]  # the centers offered are radios
# Ways the date of birth 1954-03-27 could be written in an email or a log.
DATE_OF_BIRTH_FORMS = ["03/27/1954", "3/27/1954", "1954-03-27", "27/03/1954", "03-27-1954", "March 27, 1954", "1954"]


def post(client, data, **extra):
    """The request form sent from that client. A send with a problem (or refused by a limit) redirects back to the
    form, which the GET draws with the answers and the problem (Post/Redirect/Get): that page is returned, as a
    browser shows it. A stored request returns the POST's own redirect to the confirmation (`follow=True`: the
    confirmation)."""
    response = client.post(REQUEST_URL, data, **extra)
    location = response.get("Location", "") if response.status_code == 302 else ""
    if location.split("?")[0].endswith(REQUEST_URL) and "form=" in location:
        extra.pop("follow", None)
        return client.get(location, **extra)
    return response


def another_patient(center, n: int) -> dict:
    """A valid form from a different patient (the same patient resending within minutes is one request)."""
    return form_data(center, last_name=f"Patient{n}", phone=f"(512) 555-01{n:02d}")
