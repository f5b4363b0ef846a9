from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import DetailView

from core import pagecache
from core.frames import framed_page, render_part
from core.pagecache import public_page
from procedures.addresses import linked_procedure

from . import cards, demand, maps, selectors
from .directory import PhysicianFilterForm
from .locator import LocatorForm
from .models import Center, Physician, Practice
from .selectors import MAX_RESULTS, PUBLISHED_PROCEDURES, Result


@public_page(clock=True, params=LocatorForm.base_fields)  # it says whether centers are open now
def locator(request: HttpRequest) -> HttpResponse:
    """Find a center by ZIP, city and state, or the browser's location; nearest first."""
    form = LocatorForm(request.GET or None)
    results: list[Result] = []
    nearest_beyond: Result | None = None
    center_map, shown = None, []
    if form.searched:
        results, nearest_beyond = form.results()
        candidates: list[Result | None] = list(results) or [nearest_beyond]
        shown = [r for r in candidates if r is not None]
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
