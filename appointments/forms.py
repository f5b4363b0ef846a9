"""The appointment request form: only what the center needs to call the patient back."""

import time
import uuid
from typing import Any, ClassVar, cast

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, gettext_lazy

from core import phones
from core.widgets import LanguageMarkedSelect
from procedures.models import Procedure
from procedures.templatetags.content import procedure_name
from procedures.translation_state import foreign_language

from .birthdates import BirthDateField
from .call_needs import CallBack, Payment, PreferredLanguage, Requester
from .models import AppointmentRequest, Center, Physician
from .search_form import optional_choice

TIMESTAMP_SALT = "appointment-request-started"
BROWSER_SALT = "appointment-request-browser"
HONEYPOT_SIGNAL = "hidden field filled"


def browser_nonce(csrf_secret: str | None) -> str | None:
    """Who drew the form, without a session: a keyed hash of the browser's CSRF cookie (the cookie itself is
    never put in a page). Binding the start stamp to it costs no database write, where a session would store a
    row for every visit to the form."""
    return salted_hmac(BROWSER_SALT, csrf_secret).hexdigest()[:24] if csrf_secret else None


def start_stamp(browser: str | None) -> str:
    """When the form was drawn, signed and bound to this browser (a stamp copied from another browser, or older
    than APPOINTMENT_FORM_MAX_AGE_HOURS, is a signal for staff)."""
    return signing.dumps({"t": time.time(), "n": browser or ""}, salt=TIMESTAMP_SALT)


class AppointmentRequestForm(forms.ModelForm):
    # Its choices are the nearest centers to the patient's place (center_choice.py), never every center.
    center = forms.ModelChoiceField(
        queryset=Center.objects.active().order_by("state", "city", "name"),
        to_field_name="slug",
        empty_label=gettext_lazy("Choose a center"),
        label=gettext_lazy("Center"),
        error_messages={"required": gettext_lazy("Choose the center you would like to visit.")},
    )
    physician = optional_choice(
        gettext_lazy("Physician (optional)"), Physician.objects.active(), "slug", gettext_lazy("No preference")
    )
    procedure = optional_choice(
        gettext_lazy("Procedure (optional)"),
        Procedure.objects.published(),
        "slug",
        gettext_lazy("Not sure / something else"),
        widget=LanguageMarkedSelect(language_of=foreign_language),  # a name in English on a Spanish page says so
    )
    date_of_birth = BirthDateField(
        label=gettext_lazy("Date of birth"),
        required_message=gettext_lazy("Enter your date of birth."),
        autocomplete="section-patient bday",
    )
    consent = forms.BooleanField(
        required=True,
        label=gettext_lazy("I agree that Azura Vascular Care may contact me about this request as I chose above."),
        error_messages={"required": gettext_lazy("Tick the box to let us contact you about this request.")},
    )
    # Spam protection without a third-party CAPTCHA: a field people never see, and the time taken to fill.
    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    submission_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = AppointmentRequest
        fields = (
            "first_name",
            "last_name",
            "date_of_birth",
            "phone",
            "email",
            "preferred_contact",
            "best_time",
            "center",
            "physician",
            "procedure",
            "reason",
            "patient_status",
            "insurance",
            "preferred_language",
            "preferred_language_other",
            "interpreter_needed",
            "payment",
            "requester",
            "requester_name",
            "requester_relationship",
            "requester_phone",
            "call_back",
        )
        labels: ClassVar[dict[str, Any]] = {
            "first_name": gettext_lazy("First name"),
            "last_name": gettext_lazy("Last name"),
            "phone": gettext_lazy("Phone number"),
            "email": gettext_lazy("Email address (optional)"),
            "preferred_contact": gettext_lazy("How should we contact you?"),
            "best_time": gettext_lazy("Best time to reach you"),
            "reason": gettext_lazy("Reason for your visit (optional)"),
            "patient_status": gettext_lazy("Have you been to Azura Vascular Care before?"),
            "insurance": gettext_lazy("Insurance plan (optional)"),
            "preferred_language": gettext_lazy("Which language should we speak when we call?"),
            "preferred_language_other": gettext_lazy("Other language (if you chose “Other”)"),
            "interpreter_needed": gettext_lazy("I would like an interpreter (free of charge)"),
            "payment": gettext_lazy("How will you pay for your visit?"),
            "requester": gettext_lazy("Who is this request for?"),
            "requester_name": gettext_lazy("Your name"),
            "requester_relationship": gettext_lazy("Your relationship to the patient"),
            "requester_phone": gettext_lazy("Your phone number"),
            "call_back": gettext_lazy("Whom should we call back?"),
        }
        help_texts: ClassVar[dict[str, Any]] = {
            "phone": gettext_lazy("A US number with its area code, for example (512) 555-0123"),
            "reason": gettext_lazy(
                "A few words are enough, for example “lower back pain”. Please don’t include detailed medical history."
            ),
            "insurance": gettext_lazy("The name of your insurance or Medicare plan, if you will use one"),
            "interpreter_needed": gettext_lazy("Spoken language or sign language. Free for you."),
            "requester_relationship": gettext_lazy("For example daughter, husband, friend or caregiver"),
            "requester_phone": gettext_lazy("A US number with its area code, for example (512) 555-0123"),
        }
        widgets: ClassVar[dict[str, Any]] = {
            "first_name": forms.TextInput(attrs={"autocomplete": "section-patient given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "section-patient family-name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "section-patient tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "section-patient email"}),
            "preferred_contact": forms.RadioSelect,
            "best_time": forms.RadioSelect,
            "patient_status": forms.RadioSelect,
            "reason": forms.TextInput(attrs={"autocomplete": "off", "maxlength": 300}),
            "insurance": forms.TextInput(attrs={"autocomplete": "off"}),
            "preferred_language_other": forms.TextInput(attrs={"autocomplete": "off"}),
            "payment": forms.RadioSelect,
            "requester": forms.RadioSelect,
            "requester_name": forms.TextInput(attrs={"autocomplete": "section-requester name"}),
            "requester_relationship": forms.TextInput(attrs={"autocomplete": "off"}),
            "requester_phone": forms.TextInput(attrs={"autocomplete": "section-requester tel", "type": "tel"}),
            "call_back": forms.RadioSelect,
        }
        error_messages: ClassVar[dict[str, Any]] = {
            "first_name": {"required": gettext_lazy("Enter your first name.")},
            "last_name": {"required": gettext_lazy("Enter your last name.")},
            "phone": {"required": gettext_lazy("Enter a phone number we can call you on.")},
            "email": {"invalid": gettext_lazy("Enter an email address like name@example.com.")},
            "patient_status": {"required": gettext_lazy("Tell us whether you are a new or a returning patient.")},
            "preferred_language": {"required": gettext_lazy("Choose the language we should speak when we call.")},
            "payment": {"required": gettext_lazy("Tell us how you will pay, or choose “Not sure”.")},
            "requester": {"required": gettext_lazy("Tell us whether you are the patient or asking for someone else.")},
        }

    # The order of the page: the error summary lists problems in the order the patient meets the questions.
    PAGE_ORDER = (
        (
            gettext_lazy("Who is asking"),
            ["requester", "requester_name", "requester_relationship", "requester_phone", "call_back"],
        ),
        (gettext_lazy("About the patient"), ["first_name", "last_name", "date_of_birth", "patient_status"]),
        (gettext_lazy("How to reach the patient"), ["phone", "email", "preferred_contact", "best_time"]),
        (gettext_lazy("Language"), ["preferred_language", "preferred_language_other", "interpreter_needed"]),
        (gettext_lazy("The visit"), ["center", "physician", "procedure", "reason"]),
        (gettext_lazy("Payment"), ["payment", "insurance"]),
    )
    # Said on the page before a fieldset's questions, keyed by the fieldset's first question (our own words only).
    FIELDSET_NOTES: ClassVar[dict[str, Any]] = {
        "requester": gettext_lazy("A family member or caregiver may ask for the patient."),
        "first_name": gettext_lazy("If you are asking for someone else, answer about them."),
    }

    # Whose details a browser may fill in: the patient's fields are the "patient" section, the asker's the
    # "requester" one; when someone else asks, the patient's fields are not offered for autofill at all (a
    # caregiver's browser would put her own name there). static/js/form.js does the same as the answer changes.
    PATIENT_FIELDS = ("first_name", "last_name", "date_of_birth", "phone", "email")
    # Whose clock: the center's (the center chosen names its time zone on "Check your answers" and after).
    BEST_TIMES: ClassVar[list[tuple[str, Any]]] = [
        ("any", gettext_lazy("Any time the center is open")),
        ("morning", gettext_lazy("Morning (8 AM – noon, the center’s local time)")),
        ("afternoon", gettext_lazy("Afternoon (noon – 5 PM, the center’s local time)")),
    ]

    def __init__(self, *args: Any, browser: str | None, **kwargs: Any) -> None:
        """`browser` is browser_nonce() of the browser drawing or sending the form (None: it has no CSRF cookie)."""
        super().__init__(*args, **kwargs)
        self.browser = browser
        self.order_fields([name for _legend, names in self.PAGE_ORDER for name in names] + ["consent"])
        self._choice_field("patient_status").choices = AppointmentRequest.PatientStatus.choices
        self._choice_field("best_time").choices = self.BEST_TIMES
        self._set_call_needs_fields()
        self._set_autofill()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            if "started" not in self.initial:
                self.initial["started"] = start_stamp(browser)
            self.initial.setdefault("submission_token", uuid.uuid4())
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *(self._fieldset(str(legend), names) for legend, names in self.PAGE_ORDER),
            Fieldset(
                gettext("Your consent"), Field("consent"), HTML('{% include "includes/_privacy_disclosure.html" %}')
            ),
            Div(Field("website"), css_class="hp", aria_hidden="true"),
            "started",
            "submission_token",
        )

    def _choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def answer(self, name: str) -> str:
        """What the form says for a question now: the answer sent, or else the initial value."""
        value = self.data.get(name) if self.is_bound else self.initial.get(name)
        return "" if value is None else str(value)

    def _set_autofill(self) -> None:
        if self.answer("requester") == Requester.SOMEONE_ELSE:
            for name in self.PATIENT_FIELDS:
                self.fields[name].widget.attrs["autocomplete"] = "off"

    def _set_call_needs_fields(self) -> None:
        """The call-needs questions are required on the form (the model keeps them blank for older requests). The
        call's language starts as the page's: Spanish on /es/."""
        fields = self.fields
        self._choice_field("preferred_language").choices = PreferredLanguage.choices
        fields["preferred_language"].required = True
        spanish = (get_language() or "").startswith("es")
        self.initial.setdefault(
            "preferred_language", PreferredLanguage.SPANISH if spanish else PreferredLanguage.ENGLISH
        )
        self._choice_field("payment").choices = Payment.choices
        fields["payment"].required = True
        self._choice_field("requester").choices = Requester.choices
        fields["requester"].required = True
        self._choice_field("call_back").choices = CallBack.choices
        self.initial.setdefault("call_back", CallBack.PATIENT)
        for name in ("requester_name", "requester_relationship", "requester_phone", "call_back"):
            fields[name].label = gettext("%(question)s (if you are asking for someone else)") % {
                "question": fields[name].label
            }

    def _fieldset(self, legend: str, names: list[str]) -> Fieldset:
        note = self.FIELDSET_NOTES.get(names[0])
        parts: list = [HTML(format_html('<p class="form-text">{}</p>', note))] if note else []
        for name in names:
            if name == "center":  # the search is part of the form: its buttons keep every answer
                parts.append(HTML('{% include "appointments/_center_search.html" %}'))
            parts.append(name)
            if name == "payment":  # the No Surprises Act: self-pay patients are told of the Good Faith Estimate
                parts.append(HTML('{% include "appointments/_good_faith_estimate_note.html" %}'))
        return Fieldset(str(legend), *parts)

    def clean_first_name(self) -> str:
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self) -> str:
        return self.cleaned_data["last_name"].strip()

    def clean_phone(self) -> str:
        return phones.typed_number(self.cleaned_data["phone"])

    def clean_requester_phone(self) -> str:
        """Read only from someone asking for the patient: what the patient left in it is not theirs to correct."""
        if self.cleaned_data.get("requester") != Requester.SOMEONE_ELSE or not self.cleaned_data["requester_phone"]:
            return ""
        return phones.typed_number(self.cleaned_data["requester_phone"], yours=True)

    def clean_submission_token(self) -> uuid.UUID:
        return self.cleaned_data.get("submission_token") or uuid.uuid4()

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        center, physician, procedure = cleaned.get("center"), cleaned.get("physician"), cleaned.get("procedure")
        if center and physician:
            practice = physician.practices.filter(center=center).first()
            if practice is None:
                self.add_error(
                    "physician",
                    gettext("%(physician)s does not practice at %(center)s. Choose another or no preference.")
                    % {"physician": physician.display_name, "center": center.name},
                )
            elif not practice.accepting_new_patients and cleaned.get("patient_status") == "new":
                self.add_error(
                    "physician",
                    gettext(
                        "%(physician)s is not accepting new patients at %(center)s. "
                        "Choose another physician or no preference."
                    )
                    % {"physician": physician.display_name, "center": center.name},
                )
        if center and procedure and not center.offers(procedure):
            self.add_error(
                "procedure",
                format_html(
                    gettext("{center} does not offer {procedure}. Choose another center, or “Not sure”."),
                    center=center.name,
                    procedure=procedure_name(procedure),
                ),
            )
        if cleaned.get("preferred_contact") == AppointmentRequest.ContactMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", gettext("Enter your email address, or choose another way to contact you."))
        self._clean_language(cleaned)
        self._clean_requester(cleaned)
        return cleaned

    def _clean_language(self, cleaned: dict) -> None:
        other = (cleaned.get("preferred_language_other") or "").strip()
        if cleaned.get("preferred_language") != PreferredLanguage.OTHER:
            cleaned["preferred_language_other"] = ""  # typed, then another language chosen: the choice wins
        elif not other:
            self.add_error(
                "preferred_language_other", gettext("Enter the language we should speak, or choose one above.")
            )
        else:
            cleaned["preferred_language_other"] = other

    def _clean_requester(self, cleaned: dict) -> None:
        """Someone asking for the patient gives their name, relationship and phone; the patient asking gives none."""
        names = ("requester_name", "requester_relationship", "requester_phone")
        if cleaned.get("requester") != Requester.SOMEONE_ELSE:
            cleaned.update(dict.fromkeys(names, ""), call_back=CallBack.PATIENT)
            return
        missing = {
            "requester_name": gettext("Enter your name, as the person asking for the patient."),
            "requester_relationship": gettext(
                "Tell us how you are related to the patient, for example daughter or caregiver."
            ),
            "requester_phone": gettext("Enter a phone number we can call you on."),
        }
        for name in names:
            cleaned[name] = (cleaned.get(name) or "").strip()
            if not cleaned[name] and name not in self.errors:
                self.add_error(name, missing[name])
        if not cleaned.get("call_back"):
            cleaned["call_back"] = CallBack.PATIENT

    def is_spam(self) -> bool:
        """Only a bot fills the field people never see: its submission is kept as spam and sends no email."""
        return bool(self.cleaned_data.get("website"))

    def spam_signals(self) -> list[str]:
        """Signs of an automated submission, shown to staff. Apart from the hidden field, none of them makes a
        request spam: browsers autofill a form in a second, and people leave it open for hours or clear cookies."""
        signals = [HONEYPOT_SIGNAL] if self.is_spam() else []
        hours = settings.APPOINTMENT_FORM_MAX_AGE_HOURS
        try:
            stamp = signing.loads(self.cleaned_data.get("started") or "", salt=TIMESTAMP_SALT)
            seconds = time.time() - float(stamp["t"])
            nonce = stamp["n"]
        except (signing.BadSignature, TypeError, ValueError, KeyError):
            return [*signals, "no valid start time"]
        if self.browser is None or nonce != self.browser:
            signals.append("form drawn in another browser")
        if seconds > hours * 3600:
            signals.append(f"form drawn over {hours} hours earlier")
        elif seconds < settings.APPOINTMENT_MIN_FILL_SECONDS:
            signals.append(f"sent {max(seconds, 0):.0f} s after the form was drawn")
        return signals

    def request_data(self) -> dict:
        """The fields stored on the request."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
