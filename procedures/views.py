from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import DetailView

from azura_site.cache import public_page

from . import rendering, translation_state
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


@method_decorator(public_page(), name="dispatch")
class ProcedureDetailView(DetailView):
    """A procedure page; drafts are shown to staff only, as a preview."""

    template_name = "procedures/procedure_detail.html"
    context_object_name = "procedure"

    def get_queryset(self):
        return Procedure.objects.visible_to(self.request.user).select_related("service_line")

    def get_context_data(self, **kwargs):
        # The content comes rendered once per language (procedures/rendering.py): no parts read, no Markdown
        # converted.
        languages = content_language_context(self.object)
        body = rendering.body(self.object, languages["content_language"])
        return super().get_context_data(**kwargs, **languages, rendered_body=body)
