"""{{ miles|away }}: a distance as every page says it (appointments/distances.py)."""

from django import template

from appointments import distances

register = template.Library()


@register.filter
def away(miles: float) -> str:
    return distances.away(miles)
