"""Phone numbers have one home (core/phones.py): however staff type a number, it is stored as E.164 and shown the
same everywhere a patient reads it ("(512) 555-0100", a tel: link to "+15125550100"); templates print numbers
through the `phone` and `tel` filters only."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from appointments.models import Center
from core import jsonld, phones
from core.models import SiteSettings

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .factories_requests import form_data
from .support import ROOT

pytestmark = pytest.mark.django_db

TYPED = ["(512) 555-0100", "512-555-0100", "512.555.0100", "5125550100", "+1 512 555 0100", "1-512-555-0100",
         " 512 555 0100 ", "+1 (512) 555-0100"]  # fmt: skip
SHOWN, LINKED = "(512) 555-0100", "+15125550100"


@pytest.fixture
def staff_client(django_user_model):
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("admin", password="a-long-password-1"))
    return staff


@pytest.mark.parametrize("typed", TYPED)
def test_a_number_typed_in_any_common_way_is_stored_as_e164(typed):
    assert CenterFactory(phone=typed).phone == LINKED
    assert SiteSettings.objects.create(phone=typed, language_help_phone=typed).phone == LINKED
    center = Center(phone=typed)
    center.clean_fields(exclude=[f.name for f in Center._meta.fields if f.name != "phone"])
    assert center.phone == LINKED


def test_an_extension_is_kept_and_shown():
    center = CenterFactory(phone="512-555-0100 ext. 12")
    assert center.phone == "+15125550100;ext=12"
    assert phones.display(center.phone) == "(512) 555-0100 ext. 12"


def test_a_number_without_ten_digits_is_refused_and_not_lost():
    center = Center(phone="555-0100")
    with pytest.raises(ValidationError) as error:
        center.clean_fields(exclude=[f.name for f in Center._meta.fields if f.name != "phone"])
    assert error.value.message_dict["phone"] == ["Enter a 10-digit phone number, for example (512) 555-0100."]
    assert center.phone == "555-0100"


def test_the_admin_shows_a_number_the_us_way_takes_any_writing_and_finds_it_however_typed(staff_client):
    center = CenterFactory(name="Azura Cedar Park", phone="512.555.0100")
    field = Center._meta.get_field("phone").formfield()
    assert field.prepare_value(center.phone) == SHOWN
    assert field.clean("512 555 0100") == LINKED
    assert not field.has_changed(center.phone, "(512) 555-0100")

    form = staff_client.get(f"/admin/appointments/center/{center.pk}/change/").content.decode()
    assert f'value="{SHOWN}"' in form
    assert SHOWN in staff_client.get("/admin/appointments/center/").content.decode()
    for typed in ("512-555-0100", "(512) 555-0100", "5125550100"):
        found = staff_client.get("/admin/appointments/center/", {"q": typed}).context["cl"].result_list
        assert list(found) == [center], typed


def test_a_center_number_is_shown_and_linked_the_same_on_every_page_and_in_json_ld(client):
    center = CenterFactory(name="Azura Cedar Park", place=PLACES["78613"], phone="512.555.0100")
    physician = PracticeFactory(center=center, physician=PhysicianFactory()).physician
    link = f'<a href="tel:{LINKED}">{SHOWN}</a>'
    for url in (center.get_absolute_url(), physician.get_absolute_url(), "/centers/?q=78613"):
        page = client.get(url).content.decode()
        assert link in page, url
        assert "512.555.0100" not in page, url
    assert f"Phone {SHOWN}." in client.get(center.get_absolute_url()).content.decode()  # the meta description
    assert jsonld.clinic(center)["telephone"] == LINKED


def test_the_patients_email_and_received_page_show_the_center_number_the_us_way(client, run_worker):
    center = CenterFactory(name="Azura Cedar Park", place=PLACES["78613"], phone="512.555.0100")
    response = client.post("/appointments/request/", form_data(center, client=client), follow=True)
    assert f'<a href="tel:{LINKED}">{SHOWN}</a>' in response.content.decode()
    run_worker()
    (confirmation,) = [message for message in mail.outbox if message.to == ["rosalind@example.com"]]
    assert f"call {SHOWN} and quote" in confirmation.body
    assert "512.555.0100" not in confirmation.body


def test_the_site_numbers_are_shown_and_linked_the_same(client):
    SiteSettings.objects.create(phone="512.555.0100", language_help_phone="(512) 555-0101")
    page = client.get("/").content.decode()
    assert f'<a href="tel:{LINKED}">Call {SHOWN}</a>' in page


def test_the_data_migration_stores_earlier_numbers_as_e164():
    migration = importlib.import_module("appointments.migrations.0012_center_phones_e164")
    typed = CenterFactory(name="Typed")
    Center.objects.filter(pk=typed.pk).update(phone="512.555.0100")  # as stored before: no save(), no field
    unreadable = CenterFactory(name="Unreadable")
    Center.objects.filter(pk=unreadable.pk).update(phone="call us")

    migration.centers_phones_as_e164(apps, None)

    assert Center.objects.get(pk=typed.pk).phone == LINKED
    assert Center.objects.get(pk=unreadable.pk).phone == "call us"  # nothing staff typed is lost


# A phone attribute printed or passed on (`center.phone`, `site_settings.language_help_phone`) without the filter.
RAW_PHONE = re.compile(r"\b\w+(?:\.\w+)*\.\w*phone\w*\b(?!\s*\|\s*(?:phone|tel)\b)")
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def raw_phone_prints(template: str) -> list[str]:
    """The phone attributes a template prints as stored: any outside an {% if %} or {% elif %} condition."""
    tags = (tag for tag in TAG.findall(template) if not re.match(r"\{%-?\s*(?:el)?if\b", tag))
    return [match for tag in tags for match in RAW_PHONE.findall(tag)]


def test_the_raw_print_check_sees_a_stored_number_printed_or_passed_on():
    assert raw_phone_prints("{{ center.phone }} {{center.phone}} {% blocktranslate with p=site.language_help_phone %}")
    assert raw_phone_prints("<a href='tel:{{ center.phone }}'>") == ["center.phone"]
    assert not raw_phone_prints('{% if center.phone %}<a href="tel:{{ center.phone|tel }}">{{ center.phone|phone }}')
    assert not raw_phone_prints("{% blocktranslate with phone=center.phone|phone %}Call {{ phone }}")


def test_no_template_prints_a_phone_number_as_stored():
    templates = [path for path in (ROOT / "templates").rglob("*") if path.suffix in {".html", ".txt"}]
    assert len(templates) > 50
    found = {str(path.relative_to(ROOT)): raw_phone_prints(path.read_text()) for path in templates}
    assert {path: prints for path, prints in found.items() if prints} == {}, "print numbers with |phone and |tel"


def test_the_phone_filters_are_the_only_formatting_in_templates():
    """No template formats a number its own way (a property, a slice, a `cut`)."""
    text = "\n".join(path.read_text() for path in Path(ROOT / "templates").rglob("*.html"))
    assert not re.search(r"phone_display|display_phone|\.tel\b|_tel\b", text)
