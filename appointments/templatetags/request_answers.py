"""{% call_back_sentence request %}: who the center will contact, how, at which number and when, in words
(appointments/answers.py), on the confirmation page and in the patient's emails."""

from django import template

from ..answers import call_back_sentence as sentence
from ..models import AppointmentRequest

register = template.Library()


@register.simple_tag
def call_back_sentence(appointment_request: AppointmentRequest, to_asker: bool = True) -> str:
    return sentence(appointment_request, to_asker=to_asker)
