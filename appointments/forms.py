"""The appointment request form: only what the center needs to call the patient back."""

import re
import time
import uuid
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html

from procedures.models import Procedure

from .models import AppointmentRequest, Center, Physician

PHONE_RE = re.compile(r"^\+?1?\D*(\d{3})\D*(\d{3})\D*(\d{4})$")
TIMESTAMP_SALT = "appointment-request-started"
TWO_DIGIT_YEAR_RE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2}$")


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
    date_of_birth = forms.DateField(
        label="Date of birth",
        input_formats=["%m/%d/%Y", "%m-%d-%Y", "%Y-%m-%d", "%m/%d/%y"],
        help_text="For example 03/27/1954 (month/day/year)",
        error_messages={
            "required": "Enter your date of birth.",
            "invalid": "Enter your date of birth as month/day/year, for example 03/27/1954.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "bday", "inputmode": "numeric"}),
    )
    consent = forms.BooleanField(
        required=True,
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
            "phone": "We will call you on this number. For example (512) 555-0123",
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["patient_status"].choices = AppointmentRequest.PatientStatus.choices
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial.setdefault("started", signing.dumps(time.time(), salt=TIMESTAMP_SALT))
            self.initial.setdefault("submission_token", uuid.uuid4())
        privacy = format_html(
            "I agree that Azura Vascular Care may contact me about this request as I chose above. "
            'Read our <a href="{}">privacy notice</a>.',
            reverse("privacy"),
        )
        self.fields["consent"].label = privacy
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset("About you", "first_name", "last_name", "date_of_birth", "patient_status"),
            Fieldset("How to reach you", "phone", "email", "preferred_contact", "best_time"),
            Fieldset("Your visit", "center", "physician", "procedure", "reason", "insurance"),
            Fieldset("Your consent", Field("consent")),
            Div(Field("website"), css_class="hp", aria_hidden="true"),
            "started",
            "submission_token",
        )

    def clean_first_name(self) -> str:
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self) -> str:
        return self.cleaned_data["last_name"].strip()

    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        today = date.today()
        typed = self.data.get(self.add_prefix("date_of_birth"), "")
        if born > today and TWO_DIGIT_YEAR_RE.match(typed.strip()):
            born = born.replace(year=born.year - 100)  # "3/27/54" is 1954, not 2054
        if born > today:
            raise forms.ValidationError("Your date of birth can’t be in the future.")
        if born.year < today.year - 120:
            raise forms.ValidationError("Check the year of your date of birth.")
        return born

    def clean_phone(self) -> str:
        match = PHONE_RE.match(self.cleaned_data["phone"].strip())
        if not match:
            raise forms.ValidationError("Enter a 10-digit US phone number, for example (512) 555-0123.")
        return "({}) {}-{}".format(*match.groups())

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

    def spam_signals(self) -> list[str]:
        """Signs of an automated submission; such a request is kept as spam, not dropped."""
        signals = []
        if self.cleaned_data.get("website"):
            signals.append("hidden field filled")
        try:
            started = signing.loads(self.cleaned_data.get("started") or "", salt=TIMESTAMP_SALT)
            if time.time() - float(started) < settings.APPOINTMENT_MIN_FILL_SECONDS:
                signals.append("sent too fast")
        except (signing.BadSignature, TypeError, ValueError):
            signals.append("no valid start time")
        return signals

    def request_data(self) -> dict:
        """The fields stored on the request."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
