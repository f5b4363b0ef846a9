"""Every public page is valid HTML for the W3C Nu HTML Checker (vnu-jar from npm, run with Java)."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from appointments.models import Closure
from azura_site.views import server_error
from core.models import SiteSettings
from procedures.models import Tagline
from tests.factories_appointments import CenterFactory, PhysicianFactory, PracticeFactory
from tests.factories_requests import AppointmentRequestFactory, form_data

from .support import LANGUAGES, ROOT, in_language, skip_or_fail

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # Java starts the checker for each language

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_is_valid_html(client, tmp_path, settings, language):
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        skip_or_fail("the Nu HTML Checker needs java and node_modules/vnu-jar (npm ci)")
    center = CenterFactory()
    Closure.objects.create(center=center, starts_on=timezone.localdate(), note="Thanksgiving")
    physician = PhysicianFactory()
    PracticeFactory(physician=physician, center=center)
    SiteSettings(language_help_phone="(512) 555-0199").save()  # the Spanish notes' link
    Tagline.objects.create(
        english_name="Arabic", language_name="العربية", language_tag="ar", direction="rtl", text="نص"
    )
    caregiver_errors = form_data(center, requester="someone_else", preferred_language="other", payment=None)
    center_path, physician_path = center.get_absolute_url(), physician.get_absolute_url()  # English addresses

    def get(path: str):
        return client.get(in_language(path, language))

    def post(path: str, data: dict):
        return client.post(in_language(path, language), data, follow=True)  # the form again, with its problems

    pages = {
        "home": get("/"),
        "overview": get("/pain-management/"),
        "epidural": get("/pain-management/epidural-injections/"),
        "facet": get("/pain-management/facet-joint-injections/"),
        "kyphoplasty": get("/pain-management/kyphoplasty/"),
        "locator": get("/centers/"),
        "locator-results": get(f"/centers/?q={center.zip_code}"),
        "locator-error": get("/centers/?q=99999"),
        "center": get(center_path),
        "physicians": get("/physicians/"),
        "physician": get(physician_path),
        "request-form": get(f"/appointments/request/?center={center.slug}"),
        "request-form-errors": post("/appointments/request/", form_data(center, first_name="", phone="12")),
        "privacy": get("/privacy/"),
        "nondiscrimination": get("/nondiscrimination/"),
        "good-faith-estimate": get("/good-faith-estimate/"),
        "privacy-practices": get("/privacy-practices/"),
        "physicians-near": get("/physicians/?near=78701&radius=any"),
        "locator-unknown-procedure": get(f"/centers/?q={center.zip_code}&procedure=no-such-page"),
        "request-form-caregiver-errors": post("/appointments/request/", caregiver_errors),
        "request-check": post("/appointments/request/", {**form_data(center), "action": "check"}),
        "request-received": post("/appointments/request/", form_data(center)),
        "not-found": get("/no-such-page/"),
        **_my_request_pages(center, get, post),
    }
    for name, response in pages.items():
        assert response.status_code in (200, 400, 404), name
        (tmp_path / f"{name}.html").write_bytes(response.content)
    server_error_page = server_error(RequestFactory().get(in_language("/", language)))  # the site's handler500
    (tmp_path / "server-error.html").write_bytes(server_error_page.content)

    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _my_request_pages(center, get, post) -> dict:
    """Check or change my request: the look-up, its one refusal, and a booked request's status, contact and cancel
    pages (the session keeps the request open)."""
    visit_at = timezone.now() + timedelta(days=3)
    booked = AppointmentRequestFactory(center=center, status="scheduled", visit_at=visit_at, email="r@example.com")
    answers = {"reference": booked.reference, "last_name": booked.last_name, "date_of_birth": "03/27/1954"}
    pages = {"my-request": get("/appointments/my-request/")}
    post("/appointments/my-request/", {**answers, "last_name": "Wrong"})
    pages["my-request-not-found"] = get("/appointments/my-request/")
    post("/appointments/my-request/", answers)
    for name in ("status", "contact", "cancel"):
        pages[f"my-request-{name}"] = get(f"/appointments/my-request/{name}/")
    return pages
