"""A search page's frame drawn once, and its title and content drawn for each search.

The locator and the physician directory answer every query string with the same layout (head, header, menu,
breadcrumbs, footer) around a different title and content. The layout is rendered once with three placeholders
and kept in the shared cache per code version, content generation, language and address (/centers/ and
/es/centers/ are two frames); each search renders only its own title and content into it, and the link of the
language switch, which carries the search's query string. Rendering the layout cost about a fifth of an uncached
search page's time.
"""

import hashlib
import logging

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString

from .cache import code_version, rendered_seconds, request_generation
from .languages import switch_url

log = logging.getLogger(__name__)

# Letters and digits only, so that no escaping changes them.
TITLE_HOLE = "azuraHoleTitle3f9a1c"
CONTENT_HOLE = "azuraHoleContent3f9a1c"
SWITCH_HOLE = "azuraHoleSwitch3f9a1c"  # only where the page has another language
FRAME = {"title": TITLE_HOLE, "content": CONTENT_HOLE, "switch_url": SWITCH_HOLE}


def framed_page(request: HttpRequest, frame: str, *, title: str, content: str, status: int = 200) -> HttpResponse:
    """The page: the `frame` template (which writes {{ frame.title }} and {{ frame.content }} where they go)
    around this search's rendered title and content."""
    key = _key(request, frame)
    page: str | None = cache.get(key)
    if page is None:
        page = render_to_string(frame, {"frame": FRAME}, request)
        if page.count(TITLE_HOLE) != 1 or page.count(CONTENT_HOLE) != 1 or page.count(SWITCH_HOLE) > 1:
            log.error("%s not kept as a frame: a placeholder is missing or repeated", frame)
        else:
            cache.set(key, page, rendered_seconds())
    page = page.replace(TITLE_HOLE, title).replace(SWITCH_HOLE, escape(switch_url(request)))
    return HttpResponse(page.replace(CONTENT_HOLE, content), status=status)


def render_part(template: str, context: dict, request: HttpRequest) -> SafeString:
    """A title or content for a frame: the page's own template, given the request (as `request`, and as the
    context's, which {% querystring %} reads) but not the site's context processors: the frame has what they give."""
    return SafeString(Engine.get_default().get_template(template).render(_PartContext(request, context)))


class _PartContext(Context):
    """A context that carries the request, as RequestContext does, without running the context processors."""

    def __init__(self, request: HttpRequest, values: dict) -> None:
        super().__init__({**values, "request": request})
        self.request = request


def _key(request: HttpRequest, frame: str) -> str:
    address = hashlib.sha256(f"{frame}\x1f{request.path}".encode()).hexdigest()[:32]
    generation = request_generation(request)
    return f"frame:{code_version()}:{generation}:{translation.get_language()}:{address}"
