"""The appointment request form: only what the center needs to call the patient back."""

import secrets
import time
import uuid
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout
from django import forms
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.utils.choices import BaseChoiceIterator

from procedures.models import Procedure

from . import phones
from .birthdates import BirthDateError, parse_birth_date
from .models import AppointmentRequest, Center, Physician

TIMESTAMP_SALT = "appointment-request-started"
SESSION_NONCE_KEY = "appointment_form_nonce"
HONEYPOT_SIGNAL = "hidden field filled"


class CentersByState(BaseChoiceIterator):
    """The field's centers as <optgroup>s by state; read when the form is drawn, never at import."""

    def __init__(self, field: forms.ModelChoiceField):
        self.field = field
        self.groups: list | None = None  # one query per form, however often the widget reads the choices

    def __iter__(self):
        if self.groups is None:
            groups: dict[str, list[tuple[str, str]]] = {}
            for center in self.field.queryset.order_by("city", "name"):
                label = center.name if center.city in center.name else f"{center.name}, {center.city}"
                groups.setdefault(center.get_state_display(), []).append((center.slug, label))
            self.groups = sorted(groups.items())
        yield ("", self.field.empty_label)
        yield from self.groups


class CenterChoiceField(forms.ModelChoiceField):
    """Centers grouped by state: a long list is easier to scan, and screen readers say the group."""

    choices = property(CentersByState, forms.ChoiceField.choices.fset)


class AppointmentRequestForm(forms.ModelForm):
    center = CenterChoiceField(
        queryset=Center.objects.active().order_by("state", "city", "name"),
        to_field_name="slug",
        empty_label="Choose a center",
        label="Center",
        error_messages={"required": "Choose the center you would like to visit."},
    )
    physician = forms.ModelChoiceField(
        queryset=Physician.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label="No preference",
        label="Physician (optional)",
    )
    procedure = forms.ModelChoiceField(
        queryset=Procedure.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label="Not sure / something else",
        label="Procedure (optional)",
    )
    date_of_birth = forms.CharField(
        label="Date of birth",
        max_length=40,
        help_text="Month, day and year, for example 04/12/1957 or 04121957",
        error_messages={"required": "Enter your date of birth."},
        widget=forms.TextInput(attrs={"autocomplete": "bday", "inputmode": "numeric"}),
    )
    consent = forms.BooleanField(
        required=True,
        label="I agree that Azura Vascular Care may contact me about this request as I chose above.",
        error_messages={"required": "Tick the box to let us contact you about this request."},
    )
    # Spam protection without a third-party CAPTCHA: a field people never see, and the time taken to fill.
    website = forms.CharField(required=False, label="Leave this field empty")
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    submission_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = AppointmentRequest
        fields = [
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
        ]
        labels = {
            "first_name": "First name",
            "last_name": "Last name",
            "phone": "Phone number",
            "email": "Email address (optional)",
            "preferred_contact": "How should we contact you?",
            "best_time": "Best time to reach you",
            "reason": "Reason for your visit (optional)",
            "patient_status": "Have you been to Azura Vascular Care before?",
            "insurance": "Insurance (optional)",
        }
        help_texts = {
            "phone": "A US number with its area code, for example (512) 555-0123",
            "reason": (
                "A few words are enough, for example “lower back pain”. Please don’t include detailed medical history."
            ),
            "insurance": "The name of your insurance plan, if you have one",
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "preferred_contact": forms.RadioSelect,
            "best_time": forms.RadioSelect,
            "patient_status": forms.RadioSelect,
            "reason": forms.TextInput(attrs={"autocomplete": "off", "maxlength": 300}),
            "insurance": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        error_messages = {
            "first_name": {"required": "Enter your first name."},
            "last_name": {"required": "Enter your last name."},
            "phone": {"required": "Enter a phone number we can call you on."},
            "email": {"invalid": "Enter an email address like name@example.com."},
            "patient_status": {"required": "Tell us whether you are a new or a returning patient."},
        }

    # The order of the page: the error summary lists problems in the order the patient meets the questions.
    PAGE_ORDER = [
        ("About you", ["first_name", "last_name", "date_of_birth", "patient_status"]),
        ("How to reach you", ["phone", "email", "preferred_contact", "best_time"]),
        ("Your visit", ["center", "physician", "procedure", "reason", "insurance"]),
    ]

    def __init__(self, *args, session: SessionBase, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.order_fields([name for _, names in self.PAGE_ORDER for name in names] + ["consent"])
        self.fields["patient_status"].choices = AppointmentRequest.PatientStatus.choices
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial.setdefault("started", self._start_stamp())
            self.initial.setdefault("submission_token", uuid.uuid4())
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *(Fieldset(legend, *names) for legend, names in self.PAGE_ORDER),
            Fieldset("Your consent", Field("consent"), HTML('{% include "includes/_privacy_disclosure.html" %}')),
            Div(Field("website"), css_class="hp", aria_hidden="true"),
            "started",
            "submission_token",
        )

    def _start_stamp(self) -> str:
        """When the form was drawn, signed and bound to this browser session (a stamp copied from another
        session, or older than APPOINTMENT_FORM_MAX_AGE_HOURS, is a signal for staff)."""
        nonce = self.session.setdefault(SESSION_NONCE_KEY, secrets.token_urlsafe(12))
        return signing.dumps({"t": time.time(), "n": nonce}, salt=TIMESTAMP_SALT)

    def clean_first_name(self) -> str:
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self) -> str:
        return self.cleaned_data["last_name"].strip()

    def clean_date_of_birth(self) -> date:
        try:
            return parse_birth_date(self.cleaned_data["date_of_birth"], today=date.today())
        except BirthDateError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_phone(self) -> str:
        number = phones.parse(self.cleaned_data["phone"])
        if number is None:
            raise forms.ValidationError("Enter a US phone number with its area code, for example (512) 555-0123.")
        return phones.to_storage(number)

    def clean_submission_token(self) -> uuid.UUID:
        return self.cleaned_data.get("submission_token") or uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        center, physician, procedure = cleaned.get("center"), cleaned.get("physician"), cleaned.get("procedure")
        if center and physician:
            practice = physician.practices.filter(center=center).first()
            if practice is None:
                self.add_error(
                    "physician",
                    f"{physician.display_name} does not practice at {center.name}. Choose another or no preference.",
                )
            elif not practice.accepting_new_patients and cleaned.get("patient_status") == "new":
                self.add_error(
                    "physician",
                    f"{physician.display_name} is not accepting new patients at {center.name}. "
                    "Choose another physician or no preference.",
                )
        if center and procedure and not center.procedures.filter(pk=procedure.pk).exists():
            self.add_error(
                "procedure",
                f"{center.name} does not offer {procedure.title.lower()}. Choose another center, or “Not sure”.",
            )
        if cleaned.get("preferred_contact") == AppointmentRequest.ContactMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", "Enter your email address, or choose another way to contact you.")
        return cleaned

    def is_spam(self) -> bool:
        """Only a bot fills the field people never see: its submission is kept as spam and sends no email."""
        return bool(self.cleaned_data.get("website"))

    def spam_signals(self) -> list[str]:
        """Signs of an automated submission, shown to staff. Apart from the hidden field, none of them makes a
        request spam: browsers autofill a form in a second, and sessions end while people fill it slowly."""
        signals = [HONEYPOT_SIGNAL] if self.is_spam() else []
        hours = settings.APPOINTMENT_FORM_MAX_AGE_HOURS
        try:
            stamp = signing.loads(self.cleaned_data.get("started") or "", salt=TIMESTAMP_SALT)
            seconds = time.time() - float(stamp["t"])
            nonce = stamp["n"]
        except (signing.BadSignature, TypeError, ValueError, KeyError):
            return [*signals, "no valid start time"]
        if nonce != self.session.get(SESSION_NONCE_KEY):
            signals.append("form drawn in another browser session")
        if seconds > hours * 3600:
            signals.append(f"form drawn over {hours} hours earlier")
        elif seconds < settings.APPOINTMENT_MIN_FILL_SECONDS:
            signals.append(f"sent {max(seconds, 0):.0f} s after the form was drawn")
        return signals

    def request_data(self) -> dict:
        """The fields stored on the request."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
