"""schema.org descriptions of centers and physicians for search engines."""

from django import template
from django.conf import settings
from django.utils.safestring import SafeString

from procedures.jsonld import jsonld_script

from ..models import Center, Physician

register = template.Library()

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _clinic(center: Center) -> dict:
    return {
        "@type": "MedicalClinic",
        "name": center.name,
        "url": settings.SITE_URL + center.get_absolute_url(),
        "telephone": center.tel,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": center.address,
            "addressLocality": center.city,
            "addressRegion": center.state,
            "postalCode": center.zip_code,
            "addressCountry": "US",
        },
    }


@register.filter
def center_jsonld(center: Center) -> SafeString:
    data = _clinic(center)
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
    data["availableService"] = [
        {"@type": "MedicalProcedure", "name": procedure.title} for procedure in center.procedures.all()
    ]
    return jsonld_script(data)


# schema.org medical specialties named by the board certifications staff enter (the words they start with).
SPECIALTIES = {
    "anesthesiology": "Anesthesia",
    "neurology": "Neurologic",
    "radiology": "Radiography",
    "surgery": "Surgical",
}


def _specialties(physician: Physician) -> list[str]:
    found = []
    for certification in physician.board_certification_list:
        for word, specialty in SPECIALTIES.items():
            if word in certification.lower() and specialty not in found:
                found.append(specialty)
    return found


@register.filter
def physician_jsonld(physician: Physician) -> SafeString:
    data = {
        "@type": "Physician",
        "name": physician.display_name,
        "url": settings.SITE_URL + physician.get_absolute_url(),
        "isAcceptingNewPatients": physician.accepts_new_patients,
        "knowsLanguage": [language.name for language in physician.languages.all()],
        "availableService": [
            {"@type": "MedicalProcedure", "name": procedure.title} for procedure in physician.procedures.all()
        ],
        "location": [_clinic(practice.center) for practice in physician.practices.all()],
    }
    if specialties := _specialties(physician):
        data["medicalSpecialty"] = specialties
    if physician.npi:
        data["usNPI"] = physician.npi
    return jsonld_script(data)
