"""A search page's frame drawn once, and its title and content drawn for each search.

The locator and the physician directory answer every query string with the same layout (head, header, menu,
breadcrumbs, footer) around a different title and content. The layout is rendered once with three holes and kept
(core/rendered.py) per address (/centers/ and /es/centers/ are two frames); each search renders only its own
title and content into it, and the link of the language switch, which carries the search's query string.
Rendering the layout cost about a fifth of an uncached search page's time.
"""

from django.http import HttpRequest, HttpResponse
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString

from . import rendered
from .languages import switch_url

HOLES = ("title", "content", "switch_url")


def framed_page(request: HttpRequest, frame: str, *, title: str, content: str, status: int = 200) -> HttpResponse:
    """The page: the `frame` template (which writes {{ frame.title }}, {{ frame.content }} and, where the page has
    another language, {{ frame.switch_url }}) around this search's rendered title and content."""
    stencil = rendered.kept("frame", (frame, request.path), lambda: _stencil(request, frame), request=request)
    values = {"title": title, "content": content, "switch_url": escape(switch_url(request))}
    if stencil is None:  # a frame that lost one of its holes: rendered whole for each search
        return HttpResponse(render_to_string(frame, {"frame": values}, request), status=status)
    return HttpResponse(stencil.fill(**values), status=status)


def _stencil(request: HttpRequest, frame: str) -> rendered.Stencil | None:
    return rendered.Stencil.render(
        HOLES, lambda holes: render_to_string(frame, {"frame": holes}, request), optional=("switch_url",)
    )


def render_part(template: str, context: dict, request: HttpRequest) -> SafeString:
    """A title or content for a frame: the page's own template, given the request (as `request`, and as the
    context's, which {% querystring %} reads) but not the site's context processors: the frame has what they give."""
    return SafeString(Engine.get_default().get_template(template).render(_PartContext(request, context)))


class _PartContext(Context):
    """A context that carries the request, as RequestContext does, without running the context processors."""

    def __init__(self, request: HttpRequest, values: dict) -> None:
        super().__init__({**values, "request": request})
        self.request = request
