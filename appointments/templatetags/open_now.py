"""{% open_now center %}: whether the center is open now, as the locator's cards say it (cards.open_now_line)."""

from django import template
from django.utils.safestring import SafeString

from appointments.cards import open_now_line
from appointments.models import Center

register = template.Library()


@register.simple_tag
def open_now(center: Center) -> SafeString:
    """From the center's prefetched opening hours and closures."""
    return open_now_line(center.timezone, center.periods(), closed=center.closed_days())
