"""The request form's page as a visitor first sees it (a GET: nothing answered yet), drawn once and filled in.

That page is the same for everyone who comes with the same place and choices, except for three values of each
visit: the CSRF token, the signed start stamp and the submission token. It is rendered with holes for those and
kept (core/rendered.py) per query string; each visit fills in its own values. Rendering (crispy-forms' layout of
some 25 questions, the centers near the place) costs about 25 ms of CPU; filling it in, a cache read and a join.

The centers offered say whether each is open now, so an entry lasts a minute, as the locator's pages do. A form
sent back with a problem is rendered afresh: it shows the patient's answers, which are never cached.
"""

import logging
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from core import rendered
from core.pagecache import known_query

from .forms import browser_nonce, start_stamp

log = logging.getLogger(__name__)

PARAMS = ("q", "lat", "lng", "procedure", "center", "physician")  # all the page reads from the query string
HOLES = ("csrf_token", "started", "submission_token")


def blank_form_page(request: HttpRequest, render_blank: Callable[..., HttpResponse]) -> HttpResponse:
    """The page for this visit. `render_blank(request, initial=…, csrf_token=…)` renders the unanswered form
    with the given initial values and CSRF token; it is called only when no current copy is kept."""
    request.GET = known_query(request.GET, PARAMS)  # the page reads these only, trimmed, as the key says
    stencil = rendered.kept(
        "request-form", (request.GET.urlencode(),), lambda: _stencil(request, render_blank), request=request, clock=True
    )
    token, stamp = _visit_values(request)
    if stencil is None:  # a template that lost (or repeated) one of the values: this visit's page drawn whole
        return render_blank(request, initial={"started": stamp}, csrf_token=token)
    return HttpResponse(stencil.fill(csrf_token=token, started=stamp, submission_token=str(uuid.uuid4())))


def _stencil(request: HttpRequest, render_blank: Callable[..., HttpResponse]) -> rendered.Stencil | None:
    def render(holes: dict[str, str]) -> str:
        initial = {"started": holes["started"], "submission_token": holes["submission_token"]}
        response = render_blank(request, initial=initial, csrf_token=holes["csrf_token"])
        return response.content.decode() if response.status_code == 200 else ""

    stencil = rendered.Stencil.render(HOLES, render)
    if stencil is None:
        log.warning("request form page not kept: a per-visit value is missing or repeated")
    return stencil


def _visit_values(request: HttpRequest) -> tuple[str, str]:
    """This visit's CSRF token (setting the cookie when the browser has none) and start stamp, bound to it."""
    token = get_token(request)
    return token, start_stamp(browser_nonce(request.META.get("CSRF_COOKIE")))
