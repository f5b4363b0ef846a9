"""The go-live checklist as an admin page (/admin/go-live/), for superusers and practice managers: every item still
open, by area, each with a link to where it is fixed (appointments/golive.py)."""

from itertools import groupby

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from . import golive
from .access import user_manages_center_staff


def golive_view(request: HttpRequest) -> HttpResponse:
    if not user_manages_center_staff(request.user):
        raise PermissionDenied
    items = golive.open_items()
    context = {
        **admin.site.each_context(request),
        "title": "Go-live checklist",
        "total": len(items),
        "areas": [(area, list(group)) for area, group in groupby(items, key=lambda item: item.area)],
    }
    return TemplateResponse(request, "admin/golive.html", context)
