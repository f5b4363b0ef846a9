"""Editors' Markdown as safe HTML, in time bounded by its length, whatever they type.

The parser is markdown-it-py (CommonMark): its rules run in time linear in the text, the pathological inputs of
cmark's and markdown-it's own suites included, and nesting deeper than 20 levels is not parsed. (Python-Markdown,
the renderer before it, took 9 s for 8,000 "[" and overflowed the stack on "1. 1. 1. …".) Three limits bound every
render: the length of each field (validators on the models, below), the length a render accepts at all (longer
text, which no admin form saves, is shown as plain paragraphs), and a CPU-time budget per render that the parser
checks as it goes. nh3 then keeps only the tags, attributes and URL schemes the site allows.
"""

import logging
import time
from collections.abc import MutableMapping
from typing import Any

import nh3
from django.core.validators import MaxLengthValidator
from django.utils.html import linebreaks
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

logger = logging.getLogger(__name__)

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "abbr"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
NOTICE_TAGS = frozenset(ALLOWED_TAGS | {"h2"})  # a notice is a page of its own: its sections are h2

# Characters a field holds. The client's copy (the seed content) has at most 599 in a prose field, 1,054 in a
# section and 2,556 in a notice; these allow many times that, and Spanish's longer words.
PROSE_MAX_LENGTH = 5_000
SECTION_MAX_LENGTH = 10_000
NOTICE_MAX_LENGTH = 30_000
RENDER_MAX_LENGTH = NOTICE_MAX_LENGTH  # the longest any field holds: a longer text is shown as plain paragraphs
# CPU seconds one render may take. The slowest input of the longest length takes about 0.45 s (bench/markdown.py);
# real content, a few milliseconds. Past the budget the text is shown as plain paragraphs.
RENDER_SECONDS = 0.75
_CHECK_EVERY = 128  # parser steps between two looks at the clock (a look costs more than a step)


class RenderRefused(Exception):
    """The text is not rendered as Markdown: too long, or its parsing took longer than the budget."""


def length_limit(limit: int) -> list[MaxLengthValidator]:
    """The validators of a Markdown or prose field that holds at most `limit` characters: the edit form shows the
    message next to the field."""
    message = "This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it."
    return [MaxLengthValidator(limit, message=message)]


def length_limit_of(field) -> int | None:
    """The most characters a model field holds, from its `length_limit` validators."""
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    return min(limits) if limits else None


def _check_budget(env: MutableMapping[str, Any]) -> None:
    env["steps"] += 1
    if env["steps"] % _CHECK_EVERY == 0 and time.thread_time() > env["deadline"]:
        raise RenderRefused("took longer than the budget")


def _inline_budget(state: StateInline, silent: bool) -> bool:
    _check_budget(state.env)
    return False  # never consumes text: only looks at the clock


def _block_budget(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    _check_budget(state.env)
    return False


_parser = MarkdownIt("commonmark")  # raw HTML is kept for nh3 to sanitise (editors write <abbr title="…">)
# Every link is a link, and nh3 drops an address of a scheme the site does not allow: "[text](javascript:…)" shows
# "text", as it always has, rather than the Markdown written.
_parser.validateLink = lambda url: True  # type: ignore[method-assign]
_parser.inline.ruler.before("text", "budget", _inline_budget)
_parser.block.ruler.before("table", "budget", _block_budget)


def to_html(text: str, tags: frozenset[str] = ALLOWED_TAGS) -> str:
    """The Markdown as sanitised HTML; RenderRefused when it is longer than a field holds or takes too long."""
    if len(text) > RENDER_MAX_LENGTH:
        raise RenderRefused(f"{len(text)} characters")
    env = {"steps": 0, "deadline": time.thread_time() + RENDER_SECONDS}
    html = _parser.render(text, env)
    return nh3.clean(
        html, tags=set(tags), attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer"
    )


def render(text: str, tags: frozenset[str] = ALLOWED_TAGS) -> str:
    """As `to_html`; a text it refuses is shown as plain paragraphs (escaped), so a page always has its words."""
    try:
        return to_html(text, tags)
    except RenderRefused as refused:
        logger.warning("Markdown shown as plain text: %s", refused)  # never the text: it may be a draft
        return linebreaks(text, autoescape=True)
