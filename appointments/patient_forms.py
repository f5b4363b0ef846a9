"""The forms of "Check or change my request": find it, change how to be reached, cancel it."""

from django import forms
from django.utils.translation import gettext, gettext_lazy

from core import phones

from .birthdates import BirthDateField
from .models import AppointmentRequest, CancelReason
from .patient_access import normalize_reference


class LookupForm(forms.Form):
    """Reference, last name and date of birth. Each is checked for its form alone here; whether they belong
    together is the view's one answer, which never says which part was wrong."""

    reference = forms.CharField(
        label=gettext_lazy("Reference"),
        max_length=20,
        help_text=gettext_lazy("It is in the email we sent you and on the confirmation page, for example AZ-7K3M-9Q2P"),
        error_messages={"required": gettext_lazy("Enter the reference of your request.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    last_name = forms.CharField(
        label=gettext_lazy("Patient’s last name"),
        max_length=80,
        error_messages={"required": gettext_lazy("Enter the patient’s last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    date_of_birth = BirthDateField(
        label=gettext_lazy("Patient’s date of birth"),
        required_message=gettext_lazy("Enter the patient’s date of birth."),
        autocomplete="off",
    )

    def clean_reference(self) -> str:
        reference = normalize_reference(self.cleaned_data["reference"])
        if not reference:
            raise forms.ValidationError(
                gettext("Enter the reference as it is written, AZ and 8 letters and numbers, for example AZ-7K3M-9Q2P.")
            )
        return reference


class ContactForm(forms.ModelForm):
    """How the center reaches the patient: the same questions, words and checks as the request form's."""

    class Meta:
        model = AppointmentRequest
        fields = ("phone", "email", "preferred_contact", "best_time")
        labels = {  # noqa: RUF012 (Django reads it)
            "phone": gettext_lazy("Phone number"),
            "email": gettext_lazy("Email address (optional)"),
            "preferred_contact": gettext_lazy("How should we contact you?"),
            "best_time": gettext_lazy("Best time to reach you"),
        }
        help_texts = {  # noqa: RUF012
            "phone": gettext_lazy("A US number with its area code, for example (512) 555-0123"),
        }
        widgets = {  # noqa: RUF012
            "phone": forms.TextInput(attrs={"autocomplete": "off", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "preferred_contact": forms.RadioSelect,
            "best_time": forms.RadioSelect,
        }
        error_messages = {  # noqa: RUF012
            "phone": {"required": gettext_lazy("Enter a phone number we can call you on.")},
            "email": {"invalid": gettext_lazy("Enter an email address like name@example.com.")},
        }

    def clean_phone(self) -> str:
        return phones.typed_number(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("preferred_contact") == AppointmentRequest.ContactMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", gettext("Enter your email address, or choose another way to contact you."))
        return cleaned

    def contact_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CancelForm(forms.Form):
    """Cancelling, with an optional reason from a short list (nothing about the patient's health)."""

    reason = forms.ChoiceField(
        label=gettext_lazy("Why are you cancelling? (optional)"),
        choices=CancelReason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
