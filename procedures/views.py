from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.generic import DetailView

from azura_site.cache import public_page

from . import rendering, translation_state
from .addresses import moved_to
from .models import Procedure, ServiceLine


def content_language_context(page) -> dict:
    """Which language the page's content is in for this request, and what the page says about it: a Spanish
    page without complete published Spanish says so and shows the English (marked lang="en"); Spanish written
    against an older English says the English page was updated since."""
    language = translation_state.content_language(page)
    fallback = language != translation_state.requested_language()
    return {
        "content_language": language,
        "content_fallback": fallback,
        "content_outdated": not fallback
        and language != translation_state.ENGLISH
        and translation_state.outdated_on_page(page),
    }


@public_page()
def overview(request: HttpRequest) -> HttpResponse:
    """The Interventional Pain Management overview with its list of procedures."""
    service_line = ServiceLine.objects.visible_to(request.user).first()
    if service_line is None:
        raise Http404("No service line")
    procedures = Procedure.objects.visible_to(request.user).filter(service_line=service_line)
    context = {"service_line": service_line, "procedures": procedures, **content_language_context(service_line)}
    return render(request, "procedures/overview.html", context)


class ProcedureDetailView(DetailView):
    """A procedure page; drafts are shown to staff only, as a preview. Patients get the page read and rendered
    once per content change (procedures/rendering.py); staff get it fresh, drafts included."""

    template_name = "procedures/procedure_detail.html"
    context_object_name = "procedure"
    rendered_body = None

    def get_queryset(self):
        return Procedure.objects.visible_to(self.request.user).select_related("service_line")

    def get_object(self, queryset=None):
        if self.request.user.is_staff:
            procedure = super().get_object(queryset)
            language = translation_state.content_language(procedure)
            self.rendered_body = rendering.render_body(procedure, language)
            return procedure
        page = rendering.published_page(self.kwargs["slug"], self.request)
        if page is None:
            raise Http404("No such procedure page")
        procedure, self.rendered_body = page
        return procedure

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = moved_to(kwargs["slug"])
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())

    def get_context_data(self, **kwargs):
        # The content comes rendered once per language (procedures/rendering.py): no parts read, no Markdown
        # converted.
        return super().get_context_data(
            **kwargs, **content_language_context(self.object), rendered_body=self.rendered_body
        )


# Wrapped once, here: method_decorator on dispatch would build the page cache's wrapper again on every request, and a
# page served from the cache would still set up the view.
procedure_detail = public_page()(ProcedureDetailView.as_view())
