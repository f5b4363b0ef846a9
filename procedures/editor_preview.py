"""What the edit form shows as an editor types (static/js/admin-editor.js): a field's preview, rendered and sanitised
exactly as on the page, with its reading grade and hardest sentences; or the whole page's grade. A text longer than
its field holds, or whose formatting would take the renderer too long, gets a message in place of the preview, so
no keystroke can keep a worker busy (procedures/markdown.py)."""

from . import readability
from .markdown import RENDER_MAX_LENGTH, RenderRefused, to_html

TOO_SLOW = (
    "This text's formatting takes too long to preview: simplify it (fewer brackets, asterisks, nested lists or quotes)."
)


def requested_limit(value: str | None) -> int:
    """The field's own limit, as the form sends it, within the longest any field holds."""
    limit = int(value) if value and value.isdigit() else RENDER_MAX_LENGTH
    return min(max(limit, 1), RENDER_MAX_LENGTH)


def page_grade(text: str, plain: str | None = None) -> dict:
    """The reading grade of the text (its first GRADE_MAX_CHARS characters: `partial` says when it is longer), from
    its words as read (`plain`) when they are at hand."""
    return {
        "grade": readability.grade_of_plain(readability.plain_text(text) if plain is None else plain),
        "target": readability.TARGET_GRADE,
        "partial": readability.is_partial(text),
        "graded_chars": readability.GRADE_MAX_CHARS,
    }


def field_preview(text: str, limit: int = RENDER_MAX_LENGTH) -> tuple[int, dict]:
    """(HTTP status, answer): the preview, grade and hardest sentences of a field's text, or the message why not."""
    if len(text) > limit:
        return 400, {"error": f"This text has {len(text):,} characters; at most {limit:,} fit here. Shorten it."}
    try:
        html = to_html(text)
    except RenderRefused:
        return 400, {"error": TOO_SLOW}
    plain = readability.plain_of_html(html)  # the text rendered once, for the preview and the grade alike
    hardest = [{"sentence": g.label, "grade": g.grade} for g in readability.hardest_of_plain(plain)]
    return 200, {**page_grade(text, plain), "hardest": hardest, "html": html}
