"""The notice pages: nondiscrimination and language assistance, and the Good Faith Estimate."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.pagecache import public_page

from .notices import Notice, Tagline


@public_page()
def notice_page(request: HttpRequest, kind: str) -> HttpResponse:
    """A notice as staff last saved it; the nondiscrimination notice with its language taglines."""
    notice = Notice.objects.of_kind(kind)
    if notice is None:
        raise Http404("No such notice")
    taglines = Tagline.objects.shown() if kind == Notice.Kind.NONDISCRIMINATION else Tagline.objects.none()
    return render(request, "procedures/notice.html", {"notice": notice, "taglines": taglines})
