"""The notice pages: nondiscrimination and language assistance, the Good Faith Estimate and the Notice of Privacy
Practices, each in the client's Spanish once all of it is there (else in English, marked as such)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.pagecache import public_page

from .notices import Notice, Tagline
from .rendering import content_language_context


@public_page()
def notice_page(request: HttpRequest, kind: str) -> HttpResponse:
    """A notice as staff last saved it; the nondiscrimination notice with its language taglines."""
    notice = Notice.objects.of_kind(kind)
    if notice is None:
        raise Http404("No such notice")
    taglines = Tagline.objects.shown() if kind == Notice.Kind.NONDISCRIMINATION else Tagline.objects.none()
    context = {"notice": notice, "taglines": taglines, **content_language_context(notice)}
    return render(request, "procedures/notice.html", context)
