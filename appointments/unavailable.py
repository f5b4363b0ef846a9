"""The request form when the database is down: every answer sent comes back, with the chosen center's phone, and
status 503, never a 500.

Nothing here reads the database (the session lives there too): the answers are the POST body's, the centers,
physicians and procedures are drawn as the single option answered, and the center's name and phone are those
the form kept in the shared cache when it offered the center (center_choice.remember_contacts).
"""

from typing import Any

from django import forms
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from . import selectors
from .center_choice import CenterChoice, recalled_contact
from .forms import AppointmentRequestForm
from .locator import LocatorForm
from .request_session import answers_of


class _Contact:
    """A center as the page names it (name and phone), without the database."""

    def __init__(self, name: str, phone: str):
        self.name, self.phone = name, phone  # the phone as stored (E.164): the template prints it with |phone, |tel


def unavailable_page(request: HttpRequest, data: QueryDict | None = None) -> HttpResponse:
    answers = answers_of(request.POST if data is None and request.method == "POST" else data or {})
    form = AppointmentRequestForm(initial=answers, browser=None)
    slug = answers.get("center", "")
    contact = recalled_contact(slug) or _contact_from_database(slug)
    for name in ("center", "physician", "procedure"):
        _single_option(form, name, answers.get(name, ""), contact[0] if contact and name == "center" else "")
    search = LocatorForm(initial={"q": answers.get("q", "")})
    context: dict[str, Any] = {
        "form": form,
        "choice": CenterChoice(search),
        "search": search,
        "searched": answers.get("q", ""),
        "problem": "not_stored",
        "center": _Contact(*contact) if contact else None,
    }
    return render(request, "appointments/request_form.html", context, status=503)


def _contact_from_database(slug: str) -> tuple[str, str] | None:
    """When the database still reads (only writes fail), the center's phone from it."""
    try:
        center = selectors.center_by_slug(slug)
    except DatabaseError:
        return None
    return (center.name, center.phone) if center else None


def _single_option(form: AppointmentRequestForm, name: str, answered: str, label: str) -> None:
    """The question drawn with the one answer given (no query): nothing is lost, nothing is looked up."""
    field = form.fields[name]
    empty = getattr(field, "empty_label", None) or "—"
    choices = [("", str(empty))]
    if answered:
        choices.append((answered, label or answered.replace("-", " ").capitalize()))
    replacement = forms.ChoiceField(
        label=field.label,
        required=False,
        choices=choices,
        widget=forms.RadioSelect if name == "center" else forms.Select,
    )
    if name == "center":
        replacement.choices = choices[1:] or choices
    form.fields[name] = replacement
