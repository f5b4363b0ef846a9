"""The pages of "Check or change my request" (patient_access.py holds the rules).

Every POST answers with a redirect (Post/Redirect/Get), so reload and Back never send anything twice: what a
failed POST typed waits in the session for the page it redirects to, and what a successful one did is said once by
the page after it. These pages are personal: never cached (never_cache), never indexed.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.models import SiteSettings

from . import calendar_files, patient_access, visit_mail
from .models import AppointmentRequest
from .patient_access import DONE_KEY
from .patient_forms import CancelForm, ContactForm, LookupForm

BOUNCED_KEY = "appointments.bounced"  # what a failed POST typed, for the page it redirects to
LOOKUP, STATUS = "appointments:my_request", "appointments:my_request_status"


def _bounce(request: HttpRequest, page: str, data: dict[str, Any], **extra: Any) -> HttpResponse:
    """Back to the form's page with what was typed (kept in the session for that one page)."""
    request.session[BOUNCED_KEY] = {"page": page, "data": data, **extra}
    return redirect(page)


def _bounced(request: HttpRequest, page: str) -> dict[str, Any]:
    kept = request.session.pop(BOUNCED_KEY, None)
    return kept if isinstance(kept, dict) and kept.get("page") == page else {}


def _typed(request: HttpRequest, names: tuple[str, ...]) -> dict[str, str]:
    return {name: request.POST.get(name, "")[:200] for name in names}


@never_cache
def my_request(request: HttpRequest) -> HttpResponse:
    """Find a request by reference, last name and date of birth. A request already open in this session is shown."""
    if request.method == "POST":
        return _look_up(request)
    if patient_access.opened_request(request) is not None:
        return redirect(STATUS)
    kept = _bounced(request, LOOKUP)
    problem = kept.get("problem", "")
    # A part that cannot be read has its own message, next to it; found nothing, or too many tries, one message above
    # the form, whatever part was wrong.
    form = LookupForm(kept["data"]) if "data" in kept and not problem else LookupForm(initial=kept.get("data"))
    context = {
        "form": form,
        "problem": problem,
        "minutes": kept.get("minutes"),
        "closed": request.session.pop(DONE_KEY, "") == "closed",
        "site": SiteSettings.current(),
    }
    status = {"limited": 429, "not_found": 400}.get(problem, 400 if form.is_bound and form.errors else 200)
    return render(request, "appointments/my_request_lookup.html", context, status=status)


def _look_up(request: HttpRequest) -> HttpResponse:
    typed = _typed(request, tuple(LookupForm.base_fields))
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _bounce(request, LOOKUP, typed)
    reference = form.cleaned_data["reference"]
    if not patient_access.take_attempt(request, reference):
        minutes = patient_access.minutes_until_next_window()
        return _bounce(request, LOOKUP, typed, problem="limited", minutes=minutes)
    found = patient_access.find_request(
        reference=reference, last_name=form.cleaned_data["last_name"], date_of_birth=form.cleaned_data["date_of_birth"]
    )
    if found is None:
        return _bounce(request, LOOKUP, typed, problem="not_found")
    patient_access.open_in_session(request, found)
    return redirect(STATUS)


@never_cache
def my_request_sent(request: HttpRequest) -> HttpResponse:
    """The confirmation's "Check or change my request": the request this browser session sent, without typing."""
    sent = patient_access.sent_from_session(request)
    if sent is not None:
        patient_access.open_in_session(request, sent)
    return redirect(LOOKUP if sent is None else STATUS)


@never_cache
def my_request_status(request: HttpRequest) -> HttpResponse:
    """Where the request stands, in plain words, with what the patient may do."""
    appointment_request = patient_access.opened_request(request)
    if appointment_request is None:
        return redirect(LOOKUP)
    visit_at = appointment_request.booked_visit_at
    context = {
        "appointment_request": appointment_request,
        "center": appointment_request.center,
        "done": request.session.pop(DONE_KEY, ""),
        "may_change": patient_access.may_change(appointment_request),
        "visit_at": visit_at,
        "when": visit_mail.visit_words(appointment_request, visit_at) if visit_at else None,
        "visit_is_past": bool(visit_at) and not patient_access.may_change(appointment_request),
    }
    return render(request, "appointments/my_request_status.html", context)


def _changeable(view: Callable[[HttpRequest, AppointmentRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """A page that changes the request opened in this browser session: it gets that request, while the patient may
    still change it; without one it leads to the look-up, and once too late for changes to the request's status."""

    @wraps(view)
    def wrapped(request: HttpRequest) -> HttpResponse:
        appointment_request = patient_access.opened_request(request)
        if appointment_request is None:
            return redirect(LOOKUP)
        if not patient_access.may_change(appointment_request):
            return redirect(STATUS)
        return view(request, appointment_request)

    return never_cache(wrapped)


@_changeable
def my_request_contact(request: HttpRequest, appointment_request: AppointmentRequest) -> HttpResponse:
    """Change how to be reached: phone, email, contact method, best time."""
    page = "appointments:my_request_contact"
    if request.method == "POST":
        form = ContactForm(request.POST)
        if not form.is_valid():
            return _bounce(request, page, _typed(request, tuple(ContactForm.base_fields)))
        changed = patient_access.appointment_request_change_contact(
            appointment_request=appointment_request, data=form.contact_data()
        )
        request.session[DONE_KEY] = "contact_changed" if changed else "contact_unchanged"
        return redirect(STATUS)
    kept = _bounced(request, page)
    initial = {name: getattr(appointment_request, name) for name in ContactForm.base_fields}
    initial["phone"] = appointment_request.phone_display
    form = ContactForm(kept["data"]) if "data" in kept else ContactForm(initial=initial)
    context = {"form": form, "appointment_request": appointment_request}
    return render(request, "appointments/my_request_contact.html", context, status=400 if form.errors else 200)


@_changeable
def my_request_cancel(request: HttpRequest, appointment_request: AppointmentRequest) -> HttpResponse:
    """Cancel the request (and its booked visit), with an optional reason."""
    if request.method == "POST":
        form = CancelForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        if patient_access.appointment_request_cancel_by_patient(appointment_request=appointment_request, reason=reason):
            request.session[DONE_KEY] = "cancelled"
        return redirect(STATUS)
    visit_at = appointment_request.booked_visit_at
    context = {
        "form": CancelForm(),
        "appointment_request": appointment_request,
        "when": visit_mail.visit_words(appointment_request, visit_at) if visit_at else None,
    }
    return render(request, "appointments/my_request_cancel.html", context)


@never_cache
def my_request_calendar(request: HttpRequest) -> HttpResponse:
    """The booked visit as a calendar file, for the request open in this session."""
    appointment_request = patient_access.opened_request(request)
    visit_at = appointment_request.booked_visit_at if appointment_request else None
    if appointment_request is None or visit_at is None:
        return redirect(LOOKUP)
    body = calendar_files.calendar_file(
        appointment_request,
        visit_at=visit_at,
        sequence=appointment_request.calendar_sequence or 0,
        language=translation.get_language(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response


@require_POST
def my_request_close(request: HttpRequest) -> HttpResponse:
    """Forget the open request in this browser (a shared computer)."""
    patient_access.close_in_session(request)
    request.session[DONE_KEY] = "closed"
    return redirect(LOOKUP)
