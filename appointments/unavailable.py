"""The request form when the database is down: every answer sent comes back, with the chosen center's phone, and
status 503, never a 500. A page asked for (a GET: the form, or answers kept in the session, which lives in the
database too) says that online requests are not working just now, never that a request was not sent.

Nothing here reads the database (the session lives there too): the answers are the POST body's, the centers,
physicians and procedures are drawn as the single option answered, and the center's name and phone are those
the form kept in the shared cache when it offered the center (center_choice.remember_contacts).
"""

from typing import Any

from django import forms
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import render

from . import selectors
from .center_choice import CenterChoice, recalled_contact
from .forms import AppointmentRequestForm, browser_nonce
from .locator import LocatorForm
from .request_session import answers_of

PREFILLED = ("center", "physician", "procedure", "q")


class _Contact:
    """A center as the page names it (name and phone), without the database."""

    def __init__(self, name: str, phone: str):
        self.name, self.phone = name, phone  # the phone as stored (E.164): the template prints it with |phone, |tel


def unavailable_page(request: HttpRequest, data: QueryDict | None = None) -> HttpResponse:
    sent = data is not None or request.method == "POST"
    if sent:
        answers = answers_of(request.POST if data is None else data)
        form = AppointmentRequestForm(initial=answers, browser=None)
    else:  # the choices a link pre-fills, as given (their names are in the database)
        answers = {name: str(request.GET[name])[:180] for name in PREFILLED if request.GET.get(name)}
        get_token(request)  # the form is drawn for this browser, as a working one is
        form = AppointmentRequestForm(initial=answers, browser=browser_nonce(request.META.get("CSRF_COOKIE")))
    slug = answers.get("center", "")
    contact = recalled_contact(slug) or _contact_from_database(slug)
    for name in ("center", "physician", "procedure"):
        _single_option(form, name, answers.get(name, ""), contact[0] if contact and name == "center" else "")
    search = LocatorForm(initial={"q": answers.get("q", "")}, with_procedures=False)
    context: dict[str, Any] = {
        "form": form,
        "choice": CenterChoice(search),
        "search": search,
        "searched": answers.get("q", ""),
        "problem": "not_stored" if sent else "unavailable",
        "answers_unread": not sent and bool(request.GET.get("form")),
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
