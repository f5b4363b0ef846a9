"""The request form's pages: the form, "Check your answers", and the confirmation (docs/requests.md).

Post/Redirect/Get everywhere: every POST answers a redirect to a page drawn by a GET, so Back and reload never
show a resubmission page. What the patient typed is kept in their session (request_session.py), keyed by the
form's submission token, and drawn again by the GET: after "Find centers", "Use my location", a suggested place,
the language switch, a problem with an answer, or the abuse limit. Only "Send request" on "Check your answers"
stores a request. When the database is down (so is the session: it lives there), the POST answers the form page
itself, with every answer and the center's phone, and status 503: never a 500.
"""

import logging
import uuid
from typing import Any
from urllib.parse import urlencode

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache

from core import insights
from procedures.addresses import linked_procedure

from . import answers, center_choice, demand, ratelimit, request_page, request_session, selectors, services
from .forms import AppointmentRequestForm, browser_nonce
from .mail import confirmation_email
from .models import AppointmentRequest
from .unavailable import unavailable_page

log = logging.getLogger(__name__)

PLACE = ("q", "lat", "lng")


@never_cache
def request_appointment(request: HttpRequest) -> HttpResponse:
    """The form (GET: blank, pre-filled by the query string, or this session's answers for ?form=), and every
    button of it (POST)."""
    try:
        if request.method == "POST":
            response = _post(request)
            # Saved here, inside the guard: saved by the middleware after a database failure, it would be a 500.
            request.session.save()
            return response
        kept = request_session.draft(request.session, request.GET.get("form"))
        if kept is None:
            insights.count_form("view" if request.method == "GET" else "")  # insight: the form seen (HEAD is not)
            demand.count_form_search(request.GET)  # insight: a place searched by a link to the form (?q=)
            return request_page.blank_form_page(request, _blank_form_page)
        return _kept_form_page(request, kept)
    except DatabaseError as error:
        log.error("request form without its database", extra={"error": type(error).__name__})
        return unavailable_page(request)


def _post(request: HttpRequest) -> HttpResponse:
    token = _token(request.POST.get("submission_token"))
    action = request.POST.get("action") or "check"
    data = request.POST.copy()
    data["submission_token"] = token
    if action == "check" and _new_place_typed(data):
        action = "find"  # Enter pressed in the place's field: the default button is Continue, the patient meant this
    if request.POST.get("suggest"):
        data["q"], data["lat"], data["lng"], action = request.POST["suggest"][:80], "", "", "find"
    if action == "find" and (data.get("q") or "").strip():
        data["lat"], data["lng"] = "", ""  # a place typed replaces the browser's location
    if action in ("find", "language"):
        if action == "find":
            demand.count_form_search(data)  # insight: the place searched, as the locator's
        request_session.save_draft(request.session, token, data)
        if action == "language":
            return HttpResponseRedirect(_other_language_url(request, token, data))
        return HttpResponseRedirect(form_url(token, data) + "#center-search")
    if action == "another":
        request_session.save_draft(request.session, token, data, another=True)
        return HttpResponseRedirect(check_url(token))
    form = AppointmentRequestForm(data, browser=browser_nonce(request.META.get("CSRF_COOKIE")))
    if not form.is_valid():
        insights.count_form_errors(form)  # insight: which fields' errors are shown (names only), once per send
        request_session.save_draft(request.session, token, data, show_errors=True)
        return HttpResponseRedirect(form_url(token, data) + "#problem")
    if action != "send":
        insights.count_form("check")  # insight: "Check your answers" reached
        request_session.save_draft(request.session, token, data)
        return HttpResponseRedirect(check_url(token))
    return _send(request, form, token, data)


def _send(request: HttpRequest, form: AppointmentRequestForm, token: str, data: QueryDict) -> HttpResponse:
    """Store the request (or correct this session's), within the abuse limits; then the confirmation."""
    kept = request_session.draft(request.session, token)
    another = bool(kept and kept["another"])
    sent = request_session.sent(request.session)
    if request.session.session_key is None:
        request.session.create()  # the per-session limit counts this browser
    phone = form.cleaned_data["phone"]
    correcting = services.request_to_correct(
        sent_from_session=sent, submission_token=form.cleaned_data["submission_token"], new_request=another
    )
    if correcting is None:
        refused = ratelimit.reserve_request(request, phone=phone)
        if refused:
            insights.count_form("refused")  # insight: refused by an abuse limit
            log.warning("appointment request refused by a limit", extra={"limit": refused})
            request_session.save_draft(request.session, token, data, problem="rate_limited")
            return HttpResponseRedirect(form_url(token, data) + "#problem")
    try:
        appointment_request, outcome = services.appointment_request_submit(
            data=form.request_data(),
            submission_token=form.cleaned_data["submission_token"],
            sent_from_session=sent,
            spam_signals=form.spam_signals(),
            is_spam=form.is_spam(),
            site_language=translation.get_language() or "en",
            new_request=another,
        )
    except DatabaseError:
        if correcting is None:
            ratelimit.release_request(request, phone=phone)
        raise
    if correcting is None and outcome != services.Outcome.CREATED:
        ratelimit.release_request(request, phone=phone)
    insights.count_form("sent" if outcome == services.Outcome.CREATED else "")  # insight: a new request sent
    request_session.save_draft(request.session, token, data, another=False)  # "Change my request" starts from it
    request_session.remember_sent(request.session, appointment_request.pk, str(outcome), token)
    return redirect("appointments:request_received")


def _token(value: str | None) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return str(uuid.uuid4())


def _new_place_typed(data: QueryDict) -> bool:
    typed = (data.get("q") or "").strip()
    return bool(typed) and typed != (data.get("searched") or "").strip() and not data.get("center")


def form_url(token: str, data: Any = None) -> str:
    """The form with this session's answers (and the place searched, so the same centers are offered)."""
    place = {name: data.get(name) for name in PLACE if data and data.get(name)}
    return f"{reverse('appointments:request')}?{urlencode({'form': token, **place})}"


def check_url(token: str) -> str:
    return f"{reverse('appointments:request_check')}?{urlencode({'form': token})}"


def _other_language_url(request: HttpRequest, token: str, data: QueryDict) -> str:
    other = "en" if (translation.get_language() or "en").startswith("es") else "es"
    with translation.override(other):
        return form_url(token, data)


def _kept_form_page(request: HttpRequest, kept: request_session.Draft) -> HttpResponse:
    """The form drawn again with this session's answers: with their problems after Continue, with the center's
    phone after the abuse limit."""
    data = kept["data"]
    browser = browser_nonce(request.META.get("CSRF_COOKIE"))
    if kept["show_errors"] or kept["problem"]:
        form = AppointmentRequestForm(dict(data), browser=browser)
        form.is_valid()
    else:
        form = AppointmentRequestForm(initial=data, browser=browser)
    context: dict[str, Any] = {}
    status = 200
    if kept["problem"] == "rate_limited":
        context = {"problem": "rate_limited", "center": selectors.center_by_slug(data.get("center"))}
        status = 429
    return form_page(request, form, status=status, **context)


def form_page(request: HttpRequest, form: AppointmentRequestForm, status: int = 200, **context: Any) -> HttpResponse:
    """The form page, offering the centers nearest to the place searched (?q=), and the one chosen, if any."""
    params = {name: request.GET[name] for name in PLACE if request.GET.get(name)}
    # A link's procedure as given (one we do not list is said so on the search), else the one answered.
    params["procedure"] = form.answer("procedure") or request.GET.get("procedure", "")
    choice = center_choice.center_choice(params, chosen_slug=form.answer("center") or None)
    center_choice.offer(form, choice)
    context = {
        "form": form,
        "choice": choice,
        "search": choice.search,
        "searched": params.get("q", ""),
        **context,
    }
    return render(request, "appointments/request_form.html", context, status=status)


def _blank_form_page(request: HttpRequest, *, initial: dict[str, Any], csrf_token: str) -> HttpResponse:
    """The form as a visit first sees it: pre-filled from the query string, with these values of the visit (or
    request_page's placeholders for them)."""
    form = AppointmentRequestForm(initial={**_prefill(request.GET), **initial}, browser=None)
    return form_page(request, form, csrf_token=csrf_token)


def _prefill(params: QueryDict) -> dict[str, str]:
    """?center=&physician=&procedure= slugs pre-fill the form (a procedure page that moved by its address now);
    unknown slugs are ignored."""
    prefill = {name: str(params[name])[:180] for name in ("center", "physician", "procedure") if params.get(name)}
    if "procedure" in prefill:
        prefill["procedure"] = linked_procedure(prefill["procedure"]).slug
    return prefill


@never_cache
def request_check(request: HttpRequest) -> HttpResponse:
    """Check your answers (GOV.UK's pattern): every answer in words with a link to change it; only "Send request"
    stores the request."""
    token = request.GET.get("form") or ""
    try:
        kept = request_session.draft(request.session, token)
        if kept is None:
            return redirect("appointments:request")
        data = kept["data"]
        form = AppointmentRequestForm(dict(data), browser=None)
        if not form.is_valid():
            request_session.save_draft(request.session, token, data, show_errors=True)
            return HttpResponseRedirect(form_url(token, data) + "#problem")
        center_choice.remember_contacts([form.cleaned_data["center"]])
        corrects = None
        if not kept["another"]:
            corrects = services.request_to_correct(
                sent_from_session=request_session.sent(request.session),
                submission_token=form.cleaned_data["submission_token"],
                new_request=False,
            )
        context = {
            "rows": answers.rows(form, change_url=form_url(token, data)),
            "data": sorted(data.items()),
            "corrects": corrects,
            "form_token": token,
            "call_back": answers.call_back(form),
        }
        return render(request, "appointments/request_check.html", context)
    except DatabaseError as error:
        log.error("check your answers without its database", extra={"error": type(error).__name__})
        return unavailable_page(request, data=None)


@never_cache
def request_received(request: HttpRequest) -> HttpResponse:
    """The confirmation, shown only to the browser session that sent the request: what was sent (no health
    details), who will be contacted, how and at which number, and "Change my request"."""
    pk, outcome, token = request_session.received(request.session)
    appointment_request = (
        AppointmentRequest.objects.select_related("center", "physician")
        .prefetch_related("center__opening_hours", "emails")
        .filter(pk=pk)
        .first()
        if pk is not None
        else None
    )
    if appointment_request is None:
        return render(request, "appointments/request_nothing.html", status=404)
    context = {
        "appointment_request": appointment_request,
        "updated": outcome == services.Outcome.UPDATED,
        "confirmation_email": confirmation_email(appointment_request),
        "sent_rows": answers.sent_rows(appointment_request),
        "change_url": form_url(token) if token and request_session.draft(request.session, token) else "",
    }
    return render(request, "appointments/request_received.html", context)
