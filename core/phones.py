"""Phone numbers, in one place: read the way people write them, stored as E.164, shown the US way.

Built on libphonenumber (the `phonenumbers` package), so "512.555.0123", "(512) 555-0123", "+1 512 555 0123"
and "1-512-555-0123 ext. 4" are one number. A patient's number must be a real North American number (it catches
typos such as a missing digit); a center's number, typed by staff and sometimes a reserved demo number, needs only
the right shape.
"""

import phonenumbers
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


def _from_storage(text: str) -> str:
    return text.replace(EXTENSION_MARK, " ext. ")
