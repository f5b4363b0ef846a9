"""The locator's result cards, drawn once per center and filled in for each search.

What a card says changes only with content (name, address, phone, the procedures offered, its links): it is
rendered once per center and kept in the shared cache per code version, content generation, language, and what
the links carry, with two holes that each search fills in: the distance, and whether the center is open now
(with its local time). A center appears in the searches of every ZIP code and city around it, so one drawing
serves them all; a card cost about 0.35 ms of template work, and the procedures offered a query per search.
"""

import hashlib
import logging

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from azura_site.cache import code_version, content_generation

from .selectors import PUBLISHED_PROCEDURES, Result

log = logging.getLogger(__name__)

CARD_TEMPLATE = "appointments/_center_result.html"
OPEN_NOW_TEMPLATE = "appointments/_center_open_now.html"
# Letters and digits only, so that no escaping changes them.
DISTANCE_HOLE = "azuraHoleDistance5e02b7"
OPEN_NOW_HOLE = "azuraHoleOpenNow5e02b7"
TIMEOUT = 24 * 3600  # a content save or a deploy changes the key long before


def result_cards(results: list[Result], *, procedure_query: str, request_url: str) -> list[SafeString]:
    """The cards of these results, in their order, each with this search's distance and "open now"."""
    keys = [_key(result, procedure_query) for result in results]
    cards = cache.get_many(keys)
    missing = [(key, result) for key, result in zip(keys, results, strict=True) if key not in cards]
    if missing:
        prefetch_related_objects([result.center for _, result in missing], PUBLISHED_PROCEDURES)
        drawn = {key: _draw(result, procedure_query, request_url) for key, result in missing}
        cache.set_many({key: card for key, card in drawn.items() if card is not None}, TIMEOUT)
        cards.update(drawn)
    return [
        _fill(cards[key], result) if cards[key] is not None else _render(result, procedure_query, request_url)
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


def _fill(card: str, result: Result) -> SafeString:
    card = card.replace(OPEN_NOW_HOLE, render_to_string(OPEN_NOW_TEMPLATE, {"center": result.center}))
    if result.distance is not None:
        card = card.replace(DISTANCE_HOLE, _miles(result))
    return mark_safe(card)  # noqa: S308 (our templates' output)


def _miles(result: Result) -> str:
    return str(floatformat(result.distance, 1))  # as |floatformat:1 writes it, in the active language


def _render(result: Result, procedure_query: str, request_url: str, **holes) -> SafeString:
    miles = _miles(result) if result.distance is not None else ""
    context = {"result": result, "procedure_query": procedure_query, "request_url": request_url, "miles": miles}
    context.update(holes)
    return mark_safe(render_to_string(CARD_TEMPLATE, context))  # noqa: S308 (our template's output)


def _key(result: Result, procedure_query: str) -> str:
    # The content generation changes with every content save (a center, its hours, a procedure), the code
    # version with every deploy; a state's list shows no distance, so its cards have no distance hole.
    kind = "near" if result.distance is not None else "listed"
    carried = hashlib.sha256(procedure_query.encode()).hexdigest()[:16]
    language = translation.get_language() or ""
    return f"center-card:{code_version()}:{content_generation()}:{language}:{result.center.pk}:{kind}:{carried}"
