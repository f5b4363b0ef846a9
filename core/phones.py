"""Phone numbers, in one place: read the way people write them, stored as E.164, shown the US way.

Built on libphonenumber (the `phonenumbers` package), so "512.555.0123", "(512) 555-0123", "+1 512 555 0123"
and "1-512-555-0123 ext. 4" are one number. A patient's number must be a real North American number (it catches
typos such as a missing digit); a center's number, typed by staff and sometimes a reserved demo number, needs only
the right shape.

A staff-typed number is a `PhoneNumberField`: stored as E.164 however it was typed, shown in the admin the US way.
Templates print a number with `{% load phones %}` and `{{ number|phone }}` ("(512) 555-0123"), and link it with
`tel:{{ number|tel }}` (core/templatetags/phones.py); never `{{ center.phone }}` as stored.
"""

from typing import Any

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

REGION = "US"
NANP_COUNTRY_CODE = 1
EXTENSION_MARK = ";ext="


def parse(text: str, *, strict: bool = True) -> PhoneNumber | None:
    """The number written in `text`, or None. `strict` asks for a number that can be dialled in North America
    (libphonenumber's validity); otherwise ten digits of the right shape are enough."""
    try:
        number = phonenumbers.parse(_from_storage(text or ""), REGION)
    except NumberParseException:
        return None
    if number.country_code != NANP_COUNTRY_CODE:
        return None
    if strict:
        return number if phonenumbers.is_valid_number(number) else None
    return number if len(str(number.national_number)) == 10 else None  # area code and number: the shape only


def to_storage(number: PhoneNumber) -> str:
    """E.164 ("+15125550123"), with ";ext=4" when the patient gave an extension (nothing they typed is lost)."""
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return f"{e164}{EXTENSION_MARK}{number.extension}" if number.extension else e164


def display(stored: str) -> str:
    """ "(512) 555-0123" (and " ext. 4"): how Americans read a number. Text that is no number is shown as is."""
    number = parse(stored, strict=False)
    if number is None:
        return stored
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)


def tel_uri(stored: str) -> str:
    """The target of a tel: link ("+15125550123"), or "" when the text is no number."""
    number = parse(stored, strict=False)
    if number is None:
        return ""
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def search_prefix(text: str) -> str:
    """A whole number as staff type it ("5125550123", "512-555-0123", "+1 (512) 555-0123") as the start of its
    stored form ("+15125550123", extension or not); "" when the text is not a whole number."""
    if not text.strip() or any(not (ch.isdigit() or ch in " ()+.-") for ch in text.strip()):
        return ""
    number = parse(text, strict=False)
    if number is None or len(str(number.national_number)) != 10:
        return ""
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def normalised(text: str) -> str:
    """The stored form of a number as typed (E.164, see to_storage); text that is no number, as it is (a
    validator says so where staff type it; nothing typed is lost)."""
    number = parse(text, strict=False)
    return to_storage(number) if number is not None else text


def validate_number(value: str) -> None:
    """A number of the right shape (ten digits, area code first), however it is written."""
    if parse(value, strict=False) is None:
        raise ValidationError("Enter a 10-digit phone number, for example (512) 555-0100.", code="invalid_phone")


def typed_number(text: str, *, yours: bool = False) -> str:
    """A number a patient (or, `yours`, the person asking for them) typed in a form, read strictly (a US number with
    its area code) and returned as stored (E.164); else the message that goes next to the field."""
    number = parse(text)
    if number is None:
        message = (
            gettext("Enter your US phone number with its area code, for example (512) 555-0123.")
            if yours
            else gettext("Enter a US phone number with its area code, for example (512) 555-0123.")
        )
        raise ValidationError(message, code="invalid_phone")
    return to_storage(number)


class PhoneFormField(forms.CharField):
    """Shows a stored number the US way ("(512) 555-0100") and takes it back in any common writing."""

    def prepare_value(self, value: Any) -> Any:
        return display(value) if isinstance(value, str) and value else value

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return normalised(text) if text else text


class PhoneNumberField(models.CharField):
    """A phone number staff type: cleaned and saved as E.164 (`normalised`), in the admin the US way."""

    description = "Phone number (stored as E.164)"
    default_validators = (validate_number,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        return normalised(text) if text else text

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = normalised(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, form_class: Any = None, choices_form_class: Any = None, **kwargs: Any) -> Any:
        form_class = form_class or PhoneFormField
        return super().formfield(form_class=form_class, choices_form_class=choices_form_class, **kwargs)


def _from_storage(text: str) -> str:
    return text.replace(EXTENSION_MARK, " ext. ")
