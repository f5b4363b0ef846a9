"""The locator's result cards, drawn once per center and filled in for each search.

What a card says changes only with content (name, address, phone, the procedures offered, its links): it is
rendered once per center and kept in the shared cache per code version, content generation, language, and what
the links carry, with two holes that each search fills in: the distance, and whether the center is open now
(with its local time). A center appears in the searches of every ZIP code and city around it, so one drawing
serves them all; a card cost about 0.35 ms of template work, and the procedures offered a query per search.
The "open now" line is written here in Python (`open_now_line`, also the center page's, through its template
tag), from the hours the search read as rows: a template per card cost more than the rest of the card.
"""

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from azura_site.cache import code_version, content_generation

from . import hours, selectors
from .selectors import PUBLISHED_PROCEDURES, Result

log = logging.getLogger(__name__)

CARD_TEMPLATE = "appointments/_center_result.html"
# Letters and digits only, so that no escaping changes them.
DISTANCE_HOLE = "azuraHoleDistance5e02b7"
OPEN_NOW_HOLE = "azuraHoleOpenNow5e02b7"
TIMEOUT = 24 * 3600  # a content save or a deploy changes the key long before


def result_cards(results: list[Result], *, procedure_query: str, request_url: str) -> list[SafeString]:
    """The cards of these results, in their order, each with this search's distance and "open now"."""
    prefix = _key_prefix(procedure_query)
    keys = [_key(prefix, result) for result in results]
    cards = cache.get_many(keys)
    missing = [(key, result) for key, result in zip(keys, results, strict=True) if key not in cards]
    if missing:
        selectors.complete([result for _, result in missing])
        prefetch_related_objects([result.center for _, result in missing], PUBLISHED_PROCEDURES)
        drawn = {key: _draw(result, procedure_query, request_url) for key, result in missing}
        cache.set_many({key: card for key, card in drawn.items() if card is not None}, TIMEOUT)
        cards.update(drawn)
    open_now = _open_now_lines()
    return [
        _fill(cards[key], result, open_now(result))
        if cards[key] is not None
        else _render(result, procedure_query, request_url, open_now_hole=open_now(result))
        for key, result in zip(keys, results, strict=True)
    ]


def _draw(result: Result, procedure_query: str, request_url: str) -> str | None:
    """The card with its holes; None if the template lost one of them (then each search renders it whole)."""
    card = _render(result, procedure_query, request_url, miles=DISTANCE_HOLE, open_now_hole=OPEN_NOW_HOLE)
    holes = (OPEN_NOW_HOLE, DISTANCE_HOLE) if result.distance is not None else (OPEN_NOW_HOLE,)
    if any(card.count(hole) != 1 for hole in holes):
        log.warning("center card not cached: a hole is missing or repeated")
        return None
    return str(card)


def open_now_line(zone: str, periods: list[hours.Period], when: datetime | None = None) -> SafeString:
    """ "Open now · closes 5:00 PM (3:12 PM local time)", or "Closed now · opens Monday 8:00 AM (…)", at that moment
    (now if None) on the center's clock; the separator is read as a comma by screen readers."""
    local = hours.local_time(zone, when)
    if hours.is_open(periods, local):
        status = format_html('<span class="status-open">{}</span>', _("Open now"))
    else:
        status = format_html('<span class="status-closed">{}</span>', _("Closed now"))
    note = hours.opening_note(periods, local)
    if note:
        note = format_html('<span aria-hidden="true"> · </span><span class="visually-hidden">, </span>{}', note)
    local_clock = _("%(time)s local time") % {"time": hours.clock_time(local)}
    return format_html(
        '<p class="mb-2">{}{}\n  <span class="text-muted-strong">({})</span></p>', status, note, local_clock
    )


def _fill(card: str, result: Result, open_now: str) -> SafeString:
    card = card.replace(OPEN_NOW_HOLE, open_now)
    if result.distance is not None:
        card = card.replace(DISTANCE_HOLE, _miles(result))
    return mark_safe(card)  # noqa: S308 (our templates' output)


def _open_now_lines() -> Callable[[Result], SafeString]:
    """The "open now" line of a result, at one moment for the whole page, written once for each time zone and
    hours: most centers keep the same hours in the same zone, and the line cost more than the rest of a card."""
    now = timezone.now()
    lines: dict[tuple[str, tuple[hours.Period, ...]], SafeString] = {}

    def open_now(result: Result) -> SafeString:
        key = (result.center.timezone, tuple(result.opening_periods()))
        if key not in lines:
            lines[key] = open_now_line(key[0], list(key[1]), now)
        return lines[key]

    return open_now


def _miles(result: Result) -> str:
    return str(floatformat(result.distance, 1))  # as |floatformat:1 writes it, in the active language


def _render(result: Result, procedure_query: str, request_url: str, **holes) -> SafeString:
    miles = _miles(result) if result.distance is not None else ""
    context = {"result": result, "procedure_query": procedure_query, "request_url": request_url, "miles": miles}
    context.update(holes)
    return mark_safe(render_to_string(CARD_TEMPLATE, context))  # noqa: S308 (our template's output)


def _key_prefix(procedure_query: str) -> str:
    # The content generation changes with every content save (a center, its hours, a procedure), the code
    # version with every deploy.
    carried = hashlib.sha256(procedure_query.encode()).hexdigest()[:16]
    language = translation.get_language() or ""
    return f"center-card:{code_version()}:{content_generation()}:{language}:{carried}"


def _key(prefix: str, result: Result) -> str:
    # A state's list shows no distance, so its cards have no distance hole.
    kind = "near" if result.distance is not None else "listed"
    return f"{prefix}:{result.center.pk}:{kind}"
