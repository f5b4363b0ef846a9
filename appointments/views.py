import logging
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView

from core import insights, pagecache
from core.frames import framed_page, render_part
from core.pagecache import public_page
from procedures.addresses import linked_procedure

from . import cards, center_choice, demand, maps, ratelimit, request_page, selectors, services
from .directory import PhysicianFilterForm
from .forms import AppointmentRequestForm, browser_nonce
from .locator import LocatorForm
from .mail import confirmation_email
from .models import AppointmentRequest, Center, Physician, Practice
from .selectors import MAX_RESULTS, PUBLISHED_PROCEDURES

log = logging.getLogger(__name__)


@public_page(clock=True, params=LocatorForm.base_fields)  # it says whether centers are open now
def locator(request: HttpRequest) -> HttpResponse:
    """Find a center by ZIP, city and state, or the browser's location; nearest first."""
    form = LocatorForm(request.GET or None)
    results, nearest_beyond, center_map, shown = [], None, None, []
    if form.searched:
        results, nearest_beyond = form.results()
        shown = [r for r in results or [nearest_beyond] if r]
        center_map = maps.centers_map([r.center for r in shown], here=None if form.state else form.point)
    status = 400 if form.is_bound and form.errors else 200
    if form.searched and not form.cleaned_data.get("q"):
        pagecache.refused(request)  # the browser's location: one visitor's own, kept in no cache key
    procedure = form.cleaned_data.get("procedure") if form.searched else None
    procedure_query = urlencode({"procedure": procedure.slug}) if procedure else ""
    request_url = reverse("appointments:request")
    context = {
        "form": form,
        "cards": cards.result_cards(shown, procedure_query=procedure_query, request_url=request_url),
        "results": results,
        "nearest_beyond": nearest_beyond,
        "max_results": MAX_RESULTS,
        "center_map": center_map,
    }
    page = framed_page(
        request,
        "appointments/locator.html",
        title=render_part("appointments/_locator_title.html", context, request),
        content=render_part("appointments/_locator_content.html", context, request),
        status=status,
    )
    return demand.tag_locator(page, form, results, nearest_beyond)  # insight: the search, counted on every answer


@method_decorator(public_page(clock=True, params=["procedure"]), name="dispatch")  # ?procedure= is carried on
class CenterDetailView(DetailView):
    """One center: address, phone, hours, procedures and the physicians who practise there."""

    template_name = "appointments/center_detail.html"
    context_object_name = "center"

    def get(self, request, *args, **kwargs):
        """A center's old address (staff changed it) answers a permanent redirect, with its query string."""
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = selectors.center_moved_to(kwargs["slug"])
            if moved is None:
                raise
            query = request.META.get("QUERY_STRING", "")
            url = moved.get_absolute_url()
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    def get_context_data(self, **kwargs):
        linked = linked_procedure(self.request.GET.get("procedure", ""))
        pagecache.accepted(self.request, "procedure", linked.slug)  # kept for a published page's address only
        return {
            **super().get_context_data(**kwargs),
            "center_map": maps.centers_map([self.object]),
            "procedure": selectors.procedure_chosen(linked.slug, self.object.procedures.all()),
            "procedure_not_listed": linked.not_listed,
        }

    def get_queryset(self):
        practices = Practice.objects.filter(physician__is_active=True).select_related("physician")
        return Center.objects.active().prefetch_related(
            PUBLISHED_PROCEDURES, *selectors.OPENING, "languages", Prefetch("practices", queryset=practices)
        )


@public_page(params={**PhysicianFilterForm.base_fields, "page": None})
def physician_list(request: HttpRequest) -> HttpResponse:
    """The physician directory, filtered by the query string."""
    form = PhysicianFilterForm(request.GET)
    page = Paginator(form.physicians(), 20).get_page(request.GET.get("page"))
    pagecache.accepted(request, "page", page.number)  # kept for the pages there are, not for ?page=<anything>
    if request.GET.get("q") and not page.paginator.count:
        pagecache.refused(request)  # a name that finds nobody: not kept, whatever names visitors invent
    context = {"form": form, "page": page}
    response = framed_page(
        request,
        "appointments/physician_list.html",
        title=render_part("appointments/_physician_list_title.html", context, request),
        content=render_part("appointments/_physician_list_content.html", context, request),
        status=400 if form.errors else 200,
    )
    return demand.tag_directory(response, form, page.paginator.object_list)  # insight: the search, as the locator's


@method_decorator(public_page(params=["procedure"]), name="dispatch")
class PhysicianDetailView(DetailView):
    """A physician's profile and where they practise."""

    template_name = "appointments/physician_detail.html"
    context_object_name = "physician"

    def get_context_data(self, **kwargs):
        linked = linked_procedure(self.request.GET.get("procedure", ""))
        pagecache.accepted(self.request, "procedure", linked.slug)  # kept for a published page's address only
        procedure = selectors.procedure_chosen(linked.slug, self.object.procedures.all())
        return {**super().get_context_data(**kwargs), "procedure": procedure, "procedure_not_listed": linked.not_listed}

    def get_queryset(self):
        return Physician.objects.active().for_listing()


SESSION_KEY = "appointment_request_received"  # the request the confirmation shows, and what happened to it
SESSION_SENT_KEY = "appointment_requests_sent"  # every request this browser session sent


@never_cache
def request_appointment(request: HttpRequest) -> HttpResponse:
    """The request form. A stored request redirects to its confirmation; nothing else says "received"."""
    if request.method != "POST":
        insights.count_form("view")  # insight: the form seen
        demand.count_form_search(request.GET)  # insight: the place searched on it (?q=), as the locator's
        return request_page.blank_form_page(request, _blank_form_page)

    form = AppointmentRequestForm(request.POST, browser=browser_nonce(request.META.get("CSRF_COOKIE")))
    if not form.is_valid():
        insights.count_form_errors(form)  # insight: which fields' errors are shown (names only)
        return _form_page(request, form)
    center = form.cleaned_data["center"]
    if not ratelimit.reserve(request):
        insights.count_form("refused")  # insight: refused by the rate limit
        return _form_page(request, form, status=429, problem="rate_limited", center=center)
    sent = [pk for pk in request.session.get(SESSION_SENT_KEY, []) if isinstance(pk, int)]
    try:
        appointment_request, outcome = services.appointment_request_submit(
            data=form.request_data(),
            submission_token=form.cleaned_data["submission_token"],
            sent_from_session=sent,
            spam_signals=form.spam_signals(),
            is_spam=form.is_spam(),
            site_language=translation.get_language(),
        )
    except DatabaseError as error:
        ratelimit.release(request)
        # The error's type only: a database's message can quote the row, that is, the patient's answers.
        log.error("could not store an appointment request", extra={"error": type(error).__name__})
        return _form_page(request, form, status=503, problem="not_stored", center=center)
    if outcome != services.Outcome.CREATED:
        ratelimit.release(request)
    insights.count_form("sent" if outcome == services.Outcome.CREATED else "")  # insight: a new request sent
    request.session[SESSION_SENT_KEY] = [*sent, appointment_request.pk][-20:]
    request.session[SESSION_KEY] = {"pk": appointment_request.pk, "outcome": str(outcome)}
    return redirect("appointments:request_received")


def _form_page(request: HttpRequest, form: AppointmentRequestForm, status: int = 200, **context) -> HttpResponse:
    """The form page, offering the centers nearest to the place searched (?q=), and the one chosen, if any."""
    params = request.GET.dict()
    if form.is_bound:  # the search stays in the action's query string; the procedure is the one answered
        params["procedure"] = form.data.get("procedure", "")
    choice = center_choice.center_choice(params, chosen_slug=form.data.get("center") if form.is_bound else None)
    center_choice.offer(form, choice)
    context = {
        "form": form,
        "choice": choice,
        "action_query": center_choice.place_query(request.GET),
        "carried": [(name, request.GET[name][:180]) for name in ("procedure", "physician") if request.GET.get(name)],
        **context,
    }
    return render(request, "appointments/request_form.html", context, status=status)


def _blank_form_page(request: HttpRequest, *, initial: dict, csrf_token: str) -> HttpResponse:
    """The form as a visit first sees it: pre-filled from the query string, with these values of the visit (or
    request_page's placeholders for them)."""
    form = AppointmentRequestForm(initial={**_prefill(request.GET), **initial}, browser=None)
    return _form_page(request, form, csrf_token=csrf_token)


def _prefill(params) -> dict:
    """?center=&physician=&procedure= slugs pre-fill the form (a procedure page that moved by its address now);
    unknown slugs are ignored."""
    prefill = {name: params[name][:180] for name in ("center", "physician", "procedure") if params.get(name)}
    if "procedure" in prefill:
        prefill["procedure"] = linked_procedure(prefill["procedure"]).slug
    return prefill


@never_cache
def request_received(request: HttpRequest) -> HttpResponse:
    """The confirmation, shown only to the browser session that sent the request."""
    shown = request.session.get(SESSION_KEY)
    pk = shown.get("pk") if isinstance(shown, dict) else None
    appointment_request = (
        AppointmentRequest.objects.select_related("center")
        .prefetch_related("center__opening_hours", "emails")
        .filter(pk=pk)
        .first()
        if isinstance(pk, int)
        else None
    )
    if appointment_request is None:
        return render(request, "appointments/request_nothing.html", status=404)
    context = {
        "appointment_request": appointment_request,
        "updated": shown.get("outcome") == services.Outcome.UPDATED,
        "confirmation_email": confirmation_email(appointment_request),
    }
    return render(request, "appointments/request_received.html", context)
