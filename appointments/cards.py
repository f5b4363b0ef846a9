"""The locator's result cards, drawn once per center and filled in for each search.

What a card says changes only with content (name, address, phone, the procedures offered, its links): it is
rendered once per center and kept in the shared cache per code version, content generation, language, and what
the links carry, with two holes that each search fills in: the distance, and whether the center is open now
(with its local time). A center appears in the searches of every ZIP code and city around it, so one drawing
serves them all; a card cost about 0.35 ms of template work, and the procedures offered a query per search.
The "open now" line is written here in Python (`open_now_line`, also the center page's, through its template
tag), from the hours the search read as rows: a template per card cost more than the rest of the card.
"""

from collections.abc import Callable
from datetime import datetime

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import rendered

from . import distances, hours, selectors
from .selectors import PUBLISHED_PROCEDURES, Result

CARD_TEMPLATE = "appointments/_center_result.html"
SEPARATOR = mark_safe('<span aria-hidden="true"> · </span><span class="visually-hidden">, </span>')  # read as a comma


def result_cards(results: list[Result], *, procedure_query: str, request_url: str) -> list[SafeString]:
    """The cards of these results, in their order, each with this search's distance and "open now"."""
    by_name = {_name(result): result for result in results}

    def draw(missing: list[str]) -> dict[str, rendered.Stencil | None]:
        drawn = [by_name[name] for name in missing]
        selectors.complete(drawn)
        prefetch_related_objects([result.center for result in drawn], PUBLISHED_PROCEDURES)
        return {name: _stencil(by_name[name], procedure_query, request_url) for name in missing}

    stencils = rendered.kept_many("card", {name: (procedure_query, name) for name in by_name}, draw)
    open_now = _open_now_lines()
    cards = []
    for result in results:
        stencil = stencils[_name(result)]
        miles = _miles(result) if result.distance is not None else ""
        if stencil is None:  # the template lost a hole: this card drawn whole
            cards.append(_render(result, procedure_query, request_url, miles=miles, open_now_hole=open_now(result)))
        else:
            cards.append(mark_safe(stencil.fill(miles=miles, open_now=open_now(result))))  # noqa: S308 (ours)
    return cards


def _name(result: Result) -> str:
    # A state's list shows no distance, so its cards have no distance hole.
    return f"{result.center.pk}:{'near' if result.distance is not None else 'listed'}"


def _stencil(result: Result, procedure_query: str, request_url: str) -> rendered.Stencil | None:
    def render(holes: dict[str, str]) -> str:
        return _render(result, procedure_query, request_url, miles=holes["miles"], open_now_hole=holes["open_now"])

    optional = () if result.distance is not None else ("miles",)
    return rendered.Stencil.render(("miles", "open_now"), render, optional=optional)


def open_now_line(
    zone: str, periods: list[hours.Period], when: datetime | None = None, closed: list[hours.Closed] | None = None
) -> SafeString:
    """ "Open now · closes 5:00 PM (3:12 PM local time)", "Closed now · opens Monday 8:00 AM (…)", or on a holiday
    closure "Closed today · Thanksgiving · opens Friday 8:00 AM (…)", at that moment (now if None) on the center's
    clock; the separator is read as a comma by screen readers."""
    local = hours.local_time(zone, when)
    closure = hours.closure_on(local.date(), closed or ())
    if hours.is_open(periods, local, closed or ()):
        status = format_html('<span class="status-open">{}</span>', _("Open now"))
    elif closure:
        status = format_html('<span class="status-closed">{}</span>', _("Closed today"))
    else:
        status = format_html('<span class="status-closed">{}</span>', _("Closed now"))
    notes = []
    if closure and closure[2]:  # staff's words, in English: marked so on a page in another language
        notes.append(closure[2] if get_language() == "en" else format_html('<span lang="en">{}</span>', closure[2]))
    if note := hours.opening_note(periods, local, closed or ()):
        notes.append(note)
    said = format_html_join("", "{}{}", ((SEPARATOR, note) for note in notes))
    local_clock = _("%(time)s local time") % {"time": hours.clock_time(local)}
    return format_html(
        '<p class="mb-2">{}{}\n  <span class="text-muted-strong">({})</span></p>', status, said, local_clock
    )


def _open_now_lines() -> Callable[[Result], SafeString]:
    """The "open now" line of a result, at one moment for the whole page, written once for each time zone, hours
    and closures: most centers keep the same hours in the same zone, and the line cost more than the rest of a
    card."""
    now = timezone.now()
    lines: dict[tuple, SafeString] = {}

    def open_now(result: Result) -> SafeString:
        key = (result.center.timezone, tuple(result.opening_periods()), tuple(result.closed_days()))
        if key not in lines:
            lines[key] = open_now_line(key[0], list(key[1]), now, list(key[2]))
        return lines[key]

    return open_now


def _miles(result: Result) -> str:
    """The distance as the card says it, "2.4 mi away" or "less than a mile away" (appointments/distances.py)."""
    assert result.distance is not None
    return distances.away(result.distance, approximate=result.approximate)


def _render(result: Result, procedure_query: str, request_url: str, **holes) -> SafeString:
    context = {"result": result, "procedure_query": procedure_query, "request_url": request_url, **holes}
    return mark_safe(render_to_string(CARD_TEMPLATE, context))  # noqa: S308 (our template's output)
