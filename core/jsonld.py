"""schema.org JSON-LD, built in one place: the organization, breadcrumbs, procedure pages, centers and physicians,
each as a safe <script type="application/ld+json"> block (data, not script: CSP allows it).

The tag library `{% load jsonld %}` (core/templatetags/jsonld.py) puts them on the pages.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

from . import phones

if TYPE_CHECKING:
    from appointments.models import Center, Physician
    from procedures.models import Procedure

# The characters that could end the script element or open a comment, escaped as JSON allows.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

ORGANIZATION = {"@type": "MedicalOrganization", "name": "Azura Vascular Care"}
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# schema.org medical specialties named by the board certifications staff enter (the words they start with).
SPECIALTIES = {
    "anesthesiology": "Anesthesia",
    "neurology": "Neurologic",
    "radiology": "Radiography",
    "surgery": "Surgical",
}


def script(data: dict[str, Any]) -> SafeString:
    """The data, with its schema.org context, as a script block that no value can end early."""
    payload = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))


def organization() -> dict[str, Any]:
    """Azura Vascular Care as a MedicalOrganization (the home page)."""
    return {**ORGANIZATION, "url": settings.SITE_URL + "/"}


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A BreadcrumbList of (name, path) pairs, from Home to the page itself."""
    items = [
        {"@type": "ListItem", "position": n, "name": str(name), "item": settings.SITE_URL + url}
        for n, (name, url) in enumerate(trail, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def procedure_page(procedure: Procedure) -> dict[str, Any]:
    """A MedicalWebPage about a MedicalProcedure, with its medical review."""
    data = {
        **_thing("MedicalWebPage", procedure.title, procedure),
        "description": procedure.meta_description,
        "about": {
            "@type": "MedicalProcedure",
            "name": procedure.title,
            "description": procedure.summary,
        },
        "publisher": ORGANIZATION,
    }
    if procedure.last_published_at:
        data["dateModified"] = procedure.last_published_at.isoformat()
    if procedure.reviewed_on:
        data["lastReviewed"] = procedure.reviewed_on.isoformat()
    if procedure.reviewed_by:
        data["reviewedBy"] = {"@type": "Person", "name": procedure.reviewed_by}
    return data


def clinic(center: Center) -> dict[str, Any]:
    """A center as a MedicalClinic: its name, page, phone and address (also where a physician practises)."""
    return {
        **_thing("MedicalClinic", center.name, center),
        "telephone": phones.tel_uri(center.phone),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": center.address,
            "addressLocality": center.city,
            "addressRegion": center.state,
            "postalCode": center.zip_code,
            "addressCountry": "US",
        },
    }


def center_page(center: Center) -> dict[str, Any]:
    """A center's page: the clinic, with its location, opening hours and the procedures it offers."""
    data = clinic(center)
    if center.latitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": center.latitude, "longitude": center.longitude}
    data["openingHoursSpecification"] = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS[hours.weekday],
            "opens": hours.opens.strftime("%H:%M"),
            "closes": hours.closes.strftime("%H:%M"),
        }
        for hours in center.opening_hours.all()
    ]
    # Holiday closures, as search engines read a day closed all day (opens and closes at midnight).
    closed = [
        {"@type": "OpeningHoursSpecification", "validFrom": closure.starts_on.isoformat(),
         "validThrough": closure.last_day.isoformat(), "opens": "00:00", "closes": "00:00"}
        for closure in center.closures_ahead()
    ]  # fmt: skip
    if closed:
        data["specialOpeningHoursSpecification"] = closed
    data["availableService"] = _services(center.procedures.all())
    return data


def physician_page(physician: Physician) -> dict[str, Any]:
    """A physician's page: languages, procedures, where they practise, specialties and NPI. Accepting new patients
    is true of a physician at a center: each location says it; the physician says it only when every location
    agrees (a physician accepting at one center and not another is neither)."""
    practices = list(physician.practices.all())
    data = {
        **_thing("Physician", physician.display_name, physician),
        "knowsLanguage": [language.name for language in physician.languages.all()],
        "availableService": _services(physician.procedures.all()),
        "location": [
            {**clinic(practice.center), "isAcceptingNewPatients": practice.accepting_new_patients}
            for practice in practices
        ],
    }
    accepting = {practice.accepting_new_patients for practice in practices}
    if len(accepting) == 1:
        data["isAcceptingNewPatients"] = accepting.pop()
    if specialties := _specialties(physician):
        data["medicalSpecialty"] = specialties
    if physician.npi:
        data["usNPI"] = physician.npi
    return data


def _thing(schema_type: str, name: str, page: Center | Physician | Procedure) -> dict[str, Any]:
    """What every described thing has: its type, its name, and the address of its page."""
    return {"@type": schema_type, "name": name, "url": settings.SITE_URL + page.get_absolute_url()}


def _services(procedures: Any) -> list[dict[str, str]]:
    return [{"@type": "MedicalProcedure", "name": procedure.title} for procedure in procedures]


def _specialties(physician: Physician) -> list[str]:
    found: list[str] = []
    for certification in physician.board_certification_list:
        for word, specialty in SPECIALTIES.items():
            if word in certification.lower() and specialty not in found:
                found.append(specialty)
    return found
