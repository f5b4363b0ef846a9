"""How far a center is, as every page says it, in the active language: "less than a mile away", "2.4 mi away",
or "about 2.4 mi away" for a center located by the middle of its ZIP code. Distances are measured in a straight
line (geo.distance_miles), and each list says so once (never "about 0.0 mi")."""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _


def away(miles: float, *, approximate: bool = False) -> str:
    if miles < 1:
        # Within a mile of the ZIP code's middle, the door may be a little farther: not "less than a mile".
        return _("about a mile away or less") if approximate else _("less than a mile away")
    number = floatformat(miles, 1)  # as |floatformat:1 writes it, in the active language
    return (_("about %(miles)s mi away") if approximate else _("%(miles)s mi away")) % {"miles": number}
