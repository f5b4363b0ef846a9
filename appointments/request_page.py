"""The request form's page as a visitor first sees it (a GET: nothing answered yet), drawn once and filled in.

That page is the same for everyone who comes with the same place and choices, except for three values of each
visit: the CSRF token, the signed start stamp and the submission token. It is rendered with placeholders for
those and kept in the shared cache per code version, content generation, language and query string; each visit
reads it and puts its own values in. Rendering (crispy-forms' layout of some 25 questions, the centers near the
place) costs about 25 ms of CPU; filling it in, a cache read and three string replacements.

The centers offered say whether each is open now, so an entry lasts a minute, as the locator's pages do. A form
sent back with a problem is rendered afresh: it shows the patient's answers, which are never cached.
"""

import hashlib
import logging
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

from azura_site.cache import code_version, content_generation, known_query

from .forms import browser_nonce, start_stamp

log = logging.getLogger(__name__)

PARAMS = ("q", "lat", "lng", "procedure", "center", "physician")  # all the page reads from the query string
SECONDS = 60  # "Open now" beside each center offered
# Letters and digits only, so that no escaping changes them; each must appear exactly once in the page.
CSRF_HOLE = "azuraHoleCsrfToken7c41d9"
STARTED_HOLE = "azuraHoleStartStamp7c41d9"
TOKEN_HOLE = "azuraHoleSubmissionToken7c41d9"  # noqa: S105 (a placeholder, not a secret)
HOLES = (CSRF_HOLE, STARTED_HOLE, TOKEN_HOLE)


def blank_form_page(request: HttpRequest, render_blank: Callable[..., HttpResponse]) -> HttpResponse:
    """The page for this visit. `render_blank(request, initial=…, csrf_token=…)` renders the unanswered form
    with the given initial values and CSRF token; it is called only when the cache has no current copy."""
    request.GET = known_query(request.GET, PARAMS)  # the page reads these only, trimmed, as the cache key says
    key = _key(request)
    page = cache.get(key)
    if page is None:
        response = render_blank(
            request, initial={"started": STARTED_HOLE, "submission_token": TOKEN_HOLE}, csrf_token=CSRF_HOLE
        )
        page = response.content.decode()
        if response.status_code != 200 or any(page.count(hole) != 1 for hole in HOLES):
            # A template that lost (or repeated) one of the values: draw this visit's page the ordinary way.
            log.warning("request form page not cached: a per-visit value is missing or repeated")
            token, stamp = _visit_values(request)
            return render_blank(request, initial={"started": stamp}, csrf_token=token)
        cache.set(key, page, SECONDS)
    return HttpResponse(_fill(request, page))


def _visit_values(request: HttpRequest) -> tuple[str, str]:
    """This visit's CSRF token (setting the cookie when the browser has none) and start stamp, bound to it."""
    token = get_token(request)
    return token, start_stamp(browser_nonce(request.META.get("CSRF_COOKIE")))


def _fill(request: HttpRequest, page: str) -> str:
    token, stamp = _visit_values(request)
    return page.replace(CSRF_HOLE, token).replace(STARTED_HOLE, stamp).replace(TOKEN_HOLE, str(uuid.uuid4()))


def _key(request: HttpRequest) -> str:
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:32]
    language = translation.get_language() or ""
    return f"request-form:{code_version()}:{content_generation()}:{language}:{query}"
