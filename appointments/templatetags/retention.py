"""{% retention_policy %}: how long a request is kept, as the privacy notice says it (appointments/retention.py)."""

from django import template

from appointments.retention import privacy_notice_sentences

register = template.Library()


@register.simple_tag
def retention_policy() -> str:
    return privacy_notice_sentences()
