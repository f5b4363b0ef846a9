from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers

from core.pagecache import public_page

from . import rendering
from .addresses import moved_to
from .models import Procedure, ServiceLine
from .rendering import content_language_context


@public_page()
def overview(request: HttpRequest) -> HttpResponse:
    """The Interventional Pain Management overview with its list of procedures."""
    service_line = ServiceLine.objects.visible_to(request.user).first()
    if service_line is None:
        raise Http404("No service line")
    procedures = Procedure.objects.visible_to(request.user).filter(service_line=service_line)
    context = {"service_line": service_line, "procedures": procedures, **content_language_context(service_line)}
    response = render(request, "procedures/overview.html", context)
    if not service_line.is_published or any(not procedure.is_published for procedure in procedures):
        add_never_cache_headers(response)  # an editor's view of what the public cannot see: kept nowhere
    return response


@public_page()
def procedure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A procedure page; an unpublished one is shown only to those who may edit it, as a preview. Patients get
    the page's own parts read and rendered once per content change (procedures/rendering.py); staff get them fresh,
    drafts included. A page's old address answers a permanent redirect to where it is now, with the query string
    it was given."""
    try:
        if request.user.is_staff:
            queryset = Procedure.objects.visible_to(request.user).select_related("service_line")
            page = rendering.render_page(get_object_or_404(queryset, slug=slug), path=request.path)
        else:
            published = rendering.published_page(slug, request)
            if published is None:
                raise Http404("No such procedure page")
            page = published
    except Http404:
        moved = moved_to(slug)
        if moved is None:
            raise
        # The visitor's own query string, as it came (the page cache handed the view none of it): it was given to
        # this very page, so it is safe to carry. A redirect is never kept in the page cache (azura_site/cache.py).
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(
            f"{moved.get_absolute_url()}?{query}" if query else moved.get_absolute_url()
        )
    response = render(request, "procedures/procedure_detail.html", {"page": page})
    if not page.is_published:
        add_never_cache_headers(response)  # an editor's preview at the public address: kept nowhere
    return response
