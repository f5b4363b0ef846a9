"""A request's answers in words, for "Check your answers", the confirmation and the emails: the birth date as
"April 12, 1957", every choice by its label, the best time in the center's own time zone, and one sentence saying
who will be contacted, how, at which number, and (only when staff set it) how soon."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import phones
from core.models import SiteSettings
from procedures.templatetags.content import procedure_name

from .birthdates import in_words, reads_both_ways
from .call_needs import Requester
from .forms import AppointmentRequestForm
from .geo import US_TIME_ZONES
from .models import AppointmentRequest

ZONES = dict(US_TIME_ZONES)


@dataclass(frozen=True)
class Row:
    """One answer: its question, the answer in words, a note (a date that reads both ways), where to change it."""

    question: str
    answer: str
    change_url: str = ""
    note: str = ""


def zone_name(center_zone: str) -> str:
    """ "Central time", "hora central": whose clock a time is on."""
    return _("%(zone)s time") % {"zone": ZONES.get(center_zone, center_zone)}


def best_time(appointment_request: AppointmentRequest) -> str:
    zone = zone_name(appointment_request.center.timezone)
    if appointment_request.best_time == AppointmentRequest.BestTime.MORNING:
        return _("Morning (8 AM – noon, %(zone)s)") % {"zone": zone}
    if appointment_request.best_time == AppointmentRequest.BestTime.AFTERNOON:
        return _("Afternoon (noon – 5 PM, %(zone)s)") % {"zone": zone}
    return _("Any time the center is open")


def call_back_sentence(appointment_request: AppointmentRequest, *, to_asker: bool = True) -> str:
    """Who the center will contact, how and at which number, and when: "Azura Cedar Park will text Marisol on
    (512) 555-0177, within 1 business day, during its opening hours." `to_asker`: read by the person who filled in
    the form (the page), else by whoever reads the patient's email (names, never "you", when someone else asked)."""
    r = appointment_request
    someone_else = r.requester == Requester.SOMEONE_ELSE
    you = not someone_else or (to_asker and r.calls_requester)
    name = r.requester_name if r.calls_requester else r.first_name
    phone = phones.display(r.requester_phone if r.calls_requester else r.phone)  # the number the center calls back
    values = {"center": r.center.name, "name": name, "phone": phone, "email": r.email}
    if r.preferred_contact == AppointmentRequest.ContactMethod.EMAIL:
        sentence = (
            _("%(center)s will email you at %(email)s") if you else _("%(center)s will email %(name)s at %(email)s")
        )
    elif r.preferred_contact == AppointmentRequest.ContactMethod.TEXT:
        sentence = (
            _("%(center)s will text you on %(phone)s") if you else _("%(center)s will text %(name)s on %(phone)s")
        )
    else:
        sentence = (
            _("%(center)s will call you on %(phone)s") if you else _("%(center)s will call %(name)s on %(phone)s")
        )
    parts = [sentence % values]
    days = SiteSettings.current().response_business_days
    if days:
        parts.append(ngettext("within %(days)s business day", "within %(days)s business days", days) % {"days": days})
    parts.append(_("during its opening hours"))
    if r.best_time != AppointmentRequest.BestTime.ANY:
        parts.append(_("and at the time asked for if it can: %(time)s") % {"time": best_time(r)})
    return ", ".join(parts) + "."


def unsaved(form: AppointmentRequestForm) -> AppointmentRequest:
    """The request as it would be stored (not stored): the answers' words are the stored request's."""
    return AppointmentRequest(**form.request_data())


def call_back(form: AppointmentRequestForm) -> str:
    return call_back_sentence(unsaved(form))


def rows(form: AppointmentRequestForm, *, change_url: str) -> list[Row]:
    """Every answer of a valid form, in page order, each with a link to its question on the form."""
    r = unsaved(form)
    typed_birth_date = form.data.get("date_of_birth", "")

    def change(name: str) -> str:
        radio = name in ("requester", "call_back", "patient_status", "preferred_contact", "best_time", "center")
        radio = radio or name in ("preferred_language", "payment")
        return f"{change_url}#id_{name}{'_0' if radio else ''}"

    not_given = _("Not given")
    found = [Row(_("Who is asking"), r.get_requester_display(), change("requester"))]
    if r.requester == Requester.SOMEONE_ELSE:
        asker = f"{r.requester_name} ({r.requester_relationship}), {phones.display(r.requester_phone)}"
        found += [
            Row(_("The person asking"), asker, change("requester_name")),
            Row(_("Whom we call back"), r.get_call_back_display(), change("call_back")),
        ]
    note = ""
    if reads_both_ways(typed_birth_date):
        note = _("You typed %(typed)s: we read it month first.") % {"typed": typed_birth_date}
    found += [
        Row(_("Patient’s name"), f"{r.first_name} {r.last_name}", change("first_name")),
        Row(_("Date of birth"), in_words(r.date_of_birth), change("date_of_birth"), note),
        Row(_("New or returning"), r.get_patient_status_display(), change("patient_status")),
        Row(_("Phone number"), r.phone_display, change("phone")),
        Row(_("Email address"), r.email or not_given, change("email")),
        Row(_("How to contact"), r.get_preferred_contact_display(), change("preferred_contact")),
        Row(_("Best time"), best_time(r), change("best_time")),
        Row(_("Language for the call"), language(r), change("preferred_language")),
        Row(_("Center"), f"{r.center.name}, {r.center.one_line_address}", change("center")),
        Row(_("Physician"), r.physician.display_name if r.physician else _("No preference"), change("physician")),
        Row(_("Procedure"), procedure_name(r.procedure) if r.procedure else _("Not sure"), change("procedure")),
        Row(_("Reason for the visit"), r.reason or not_given, change("reason")),
        Row(_("Payment"), r.get_payment_display(), change("payment")),
        Row(_("Insurance plan"), r.insurance or not_given, change("insurance")),
    ]
    return found


def language(r: AppointmentRequest) -> str:
    spoken = r.preferred_language_other or r.get_preferred_language_display()
    return _("%(language)s, with a free interpreter") % {"language": spoken} if r.interpreter_needed else spoken


def sent_rows(r: AppointmentRequest) -> list[Row]:
    """What was sent, for the confirmation: no health details (no reason, procedure, insurance or payment), and
    neither the last name nor the birth date (a page on a shared screen; "Check your answers" showed them)."""
    found = [Row(_("Patient"), r.first_name)]
    if r.requester == Requester.SOMEONE_ELSE:
        found.append(Row(_("The person asking"), f"{r.requester_name} ({r.requester_relationship})"))
    found += [
        Row(_("How to contact"), r.get_preferred_contact_display()),
        Row(_("Best time"), best_time(r)),
        Row(_("Language for the call"), language(r)),
        Row(_("Center"), f"{r.center.name}, {r.center.one_line_address}"),
    ]
    if r.physician:
        found.append(Row(_("Physician"), r.physician.display_name))
    return found
