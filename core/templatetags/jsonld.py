"""`{% load jsonld %}`: schema.org descriptions of pages for search engines (built in core/jsonld.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core import jsonld

if TYPE_CHECKING:
    from appointments.models import Center, Physician
    from procedures.models import Procedure

register = template.Library()


@register.simple_tag
def organization_jsonld() -> SafeString:
    return jsonld.script(jsonld.organization())


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(
    context: template.Context, current: str, parent_url: str = "", parent_label: str = ""
) -> SafeString:
    """The trail the page shows: Home, the parent if any, the page itself (at `page_path` where the page is
    rendered outside a request: procedures/rendering.py)."""
    trail = [(gettext("Home"), reverse("home"))]
    if parent_url:
        trail.append((parent_label, parent_url))
    trail.append((current, context.get("page_path") or context["request"].path))
    return jsonld.script(jsonld.breadcrumbs(trail))


@register.filter
def procedure_jsonld(procedure: Procedure) -> SafeString:
    return jsonld.script(jsonld.procedure_page(procedure))


@register.filter
def center_jsonld(center: Center) -> SafeString:
    return jsonld.script(jsonld.center_page(center))


@register.filter
def physician_jsonld(physician: Physician) -> SafeString:
    return jsonld.script(jsonld.physician_page(physician))
