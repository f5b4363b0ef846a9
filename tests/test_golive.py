"""The go-live checklist: in the admin for superusers and practice managers, and `manage.py golive --check`, which
fails while anything is open: every placeholder, missing taglines per state served, unapproved notices, the site
settings staff have not filled in, procedure pages never medically reviewed, Spanish texts missing, demo data
shown, and server settings still at their local defaults."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from appointments import golive
from appointments.models import Language
from core.models import SiteSettings
from procedures.models import Notice, Procedure, ServiceLine, Tagline

from .factories_appointments import CenterFactory
from .spanish import give_spanish
from .staff import make_staff

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "SECRET_KEY": "a-long-random-secret-for-the-real-site-0123456789",
    "DEBUG": False,
    "SITE_URL": "https://pain.azura.example.org",
    "ALLOWED_HOSTS": ["pain.azuravascularcare.com"],
    "DEFAULT_FROM_EMAIL": "Azura Vascular Care <appointments@azuravascularcare.com>",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "smtp.azuravascularcare.com",
}


def open_items() -> list[str]:
    return [item.what for item in golive.open_items()]


def run(*args: str) -> str:
    out = StringIO()
    call_command("golive", *args, stdout=out)
    return out.getvalue()


def everything_supplied(settings) -> None:
    """What the practice supplies before going live, all of it."""
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    SiteSettings(phone="(512) 555-0100", response_business_days=1, language_help_phone="(512) 555-0199").save()
    for notice in Notice.objects.all():
        for name in ("title", "meta_description", "body", "language_assistance"):
            english = (getattr(notice, f"{name}_en") or "").replace("[To be supplied:", "(supplied:")
            setattr(notice, f"{name}_en", english)
            setattr(notice, f"{name}_es", f"Prueba {name}" if english else "")
        notice.states_served = ["TX"]
        notice.legal_review, notice.approved_by, notice.approved_on = "approved", "J. Counsel", dt.date(2026, 12, 1)
        notice.save()
    for n in range(15):
        Tagline.objects.create(english_name=f"L{n}", language_name=f"L{n}", language_tag="es", text="Texto.")
    for procedure in Procedure.objects.all():
        procedure.reviewed_by, procedure.reviewed_on = "Jane Doe, MD", dt.date(2026, 11, 1)
        procedure.save()
        give_spanish(procedure)
    overview = ServiceLine.objects.get()
    for name in ("title", "meta_description", "intro", "options_intro", "help_heading", "help_body"):
        setattr(overview, f"{name}_es", "Prueba")
    overview.cta_heading_es = overview.cta_body_es = "Prueba"
    overview.save()


def test_a_fresh_install_lists_what_only_the_practice_can_supply(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    items = open_items()
    assert "DJANGO_SECRET_KEY is the development key: set a long random secret." in items
    assert "SITE_URL is http://127.0.0.1:8000: set the site's public https address." in items
    assert any(item.startswith("DEFAULT_FROM_EMAIL is") for item in items)
    assert "No main phone number: pages send patients to their nearest center instead." in items
    assert "No call-back promise: the site does not say how soon centers call back." in items
    assert "No language-help phone number: notices give no number for free language help." in items
    assert "Good Faith Estimate: [To be supplied: the phone number for cost estimates]" in items
    assert "Notice of Privacy Practices: [To be supplied: the privacy officer's name or title]" in items
    assert "Notice of Privacy Practices: not yet approved by the client's counsel." in items
    assert "Nondiscrimination notice: no state served is chosen (it decides the taglines)." in items
    assert "Kyphoplasty: never medically reviewed (no reviewer or date)." in items
    assert any(item.startswith("Kyphoplasty: ") and "without Spanish" in item for item in items)
    assert any(item.startswith("Good Faith Estimate: ") and "without Spanish" in item for item in items)


def test_each_state_served_is_an_item_while_fewer_than_15_languages_have_a_tagline():
    notice = Notice.objects.get(kind=Notice.Kind.NONDISCRIMINATION)
    notice.states_served = ["TX", "WA"]
    notice.save()
    Tagline.objects.create(english_name="Spanish", language_name="Español", language_tag="es", text="Texto.")
    taglines = [item for item in open_items() if item.startswith("Taglines for")]
    assert taglines == [
        "Taglines for Texas: 1 language(s) have one; the rule asks for the 15 most spoken by people with limited "
        "English there.",
        "Taglines for Washington: 1 language(s) have one; the rule asks for the 15 most spoken by people with "
        "limited English there.",
    ]


def test_a_placeholder_in_lower_case_and_a_language_without_its_spanish_name_are_open_items():
    notice = Notice.objects.get(kind=Notice.Kind.GOOD_FAITH_ESTIMATE)
    notice.body_en += "\n\n[to be supplied: fax]"
    notice.save()
    Language.objects.create(name="Klingon")
    Language.objects.create(name="Tagalog")  # its Spanish name is known: "tagalo"
    items = open_items()
    assert "Good Faith Estimate: [to be supplied: fax]" in items
    assert "Language “Klingon”: no Spanish name (Spanish pages show it in English)." in items
    assert not any("Tagalog" in item for item in items)


def test_demo_data_shown_to_patients_is_an_open_item():
    CenterFactory(is_demo=True)
    assert "1 demo center(s) are shown to patients." in open_items()


def test_the_command_fails_while_anything_is_open():
    with pytest.raises(CommandError, match=r"\d+ items still open"):
        run("--check")
    listing = run()
    assert "Notices:\n  - Consumer health data privacy policy: [To be supplied:" in listing


def test_the_command_passes_once_everything_is_supplied(settings):
    everything_supplied(settings)
    assert open_items() == []
    assert run("--check") == "Nothing is open: the site is ready to go live.\n"


def test_the_admin_page_lists_the_items_with_links_for_superusers_and_practice_managers(client, admin_client):
    page = admin_client.get("/admin/go-live/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Notice of Privacy Practices: not yet approved by the client&#x27;s counsel." in html
    assert f'href="/admin/procedures/notice/{Notice.objects.get(kind="privacy-practices").pk}/change/"' in html
    assert 'href="/admin/go-live/"' in admin_client.get("/admin/").content.decode()
    client.force_login(make_staff("manager", "manage_center_staff"))
    assert client.get("/admin/go-live/").status_code == 200
    assert 'href="/admin/go-live/"' in client.get("/admin/").content.decode()


def test_other_staff_cannot_see_the_checklist(client):
    client.force_login(make_staff("editor", "view_center"))
    assert client.get("/admin/go-live/").status_code == 403
    assert 'href="/admin/go-live/"' not in client.get("/admin/").content.decode()
    client.logout()
    assert client.get("/admin/go-live/").status_code == 302  # to the sign-in
