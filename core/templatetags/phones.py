"""`{% load phones %}`: a stored number (E.164, core/phones.py) printed for people and for tel: links.

    <a href="tel:{{ center.phone|tel }}">{{ center.phone|phone }}</a>  →  <a href="tel:+15125550100">(512) 555-0100</a>

The only way a template prints a phone number (tests/test_phones.py refuses a raw `{{ center.phone }}`).
"""

from django import template

from core import phones

register = template.Library()


@register.filter
def phone(stored: str | None) -> str:
    """ "(512) 555-0100", how Americans read a number (text that is no number, as it is)."""
    return phones.display(stored or "")


@register.filter
def tel(stored: str | None) -> str:
    """ "+15125550100", the target of a tel: link ("" for text that is no number)."""
    return phones.tel_uri(stored or "")
