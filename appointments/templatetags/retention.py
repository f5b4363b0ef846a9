"""{% retention_policy %}: how long a request is kept, as the privacy notice says it (appointments/retention.py);
{% insight_retention %}: how long the insight counters are (core/insights.py)."""

from django import template

from appointments.retention import privacy_notice_sentences
from core import insights

register = template.Library()


@register.simple_tag
def retention_policy() -> str:
    return privacy_notice_sentences()


@register.simple_tag
def insight_retention() -> str:
    return insights.privacy_notice_sentence()
