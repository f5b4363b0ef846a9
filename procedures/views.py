from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import DetailView

from azura_site.cache import public_page

from . import rendering
from .addresses import moved_to
from .models import Procedure, ServiceLine


@public_page()
def overview(request: HttpRequest) -> HttpResponse:
    """The Interventional Pain Management overview with its list of procedures."""
    service_line = ServiceLine.objects.visible_to(request.user).first()
    if service_line is None:
        raise Http404("No service line")
    procedures = Procedure.objects.visible_to(request.user).filter(service_line=service_line)
    return render(request, "procedures/overview.html", {"service_line": service_line, "procedures": procedures})


@method_decorator(public_page(), name="dispatch")
class ProcedureDetailView(DetailView):
    """A procedure page; drafts are shown to staff only, as a preview."""

    template_name = "procedures/procedure_detail.html"
    context_object_name = "procedure"

    def get_queryset(self):
        return Procedure.objects.visible_to(self.request.user).select_related("service_line")

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = moved_to(kwargs["slug"])
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())

    def get_context_data(self, **kwargs):
        # The content comes rendered once (procedures/rendering.py): no parts read, no Markdown converted.
        return super().get_context_data(**kwargs, rendered_body=rendering.body(self.object))
