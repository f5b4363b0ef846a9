"""`manage.py load_demo_data`: fictional centers and physicians, the same on every run, real data untouched."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from appointments.geo import zip_time_zone
from appointments.models import Center, OpeningHours, Physician, Practice

from .factories_appointments import PLACES, CenterFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # each test loads the whole demo data set


def load() -> str:
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Every demo row, as values, to compare two runs."""
    return {
        "centers": list(Center.objects.order_by("slug").values()),
        "hours": sorted(OpeningHours.objects.values_list("center__slug", "weekday", "opens", "closes")),
        "offers": sorted(Center.procedures.through.objects.values_list("center__slug", "procedure__slug")),
        "physicians": list(Physician.objects.order_by("slug").values()),
        "languages": sorted(Physician.languages.through.objects.values_list("physician__slug", "language__name")),
        "practices": sorted(Practice.objects.values_list("physician__slug", "center__slug", "accepting_new_patients")),
    }


@pytest.fixture
def real_center() -> Center:
    return CenterFactory(name="Riverside Spine Center", address="1 Real Street", place=PLACES["78701"])


def test_demo_centers_span_the_country():
    out = load()

    centers = Center.objects.all()
    assert centers.count() >= 40
    assert len({center.state for center in centers}) >= 20
    assert all(center.is_demo and center.is_active for center in centers)
    assert all(center.name.startswith("Azura Demo Center – ") for center in centers)
    assert f"Demo centers: {centers.count()} in " in out


def test_every_demo_center_has_a_location_hours_procedures_and_fictional_contacts():
    load()

    for center in Center.objects.prefetch_related("opening_hours", "procedures"):
        assert center.latitude is not None, center
        assert center.longitude is not None, center
        assert center.opening_hours.all(), center
        assert all(hours.weekday < 6 for hours in center.opening_hours.all()), center  # never on Sunday
        assert center.procedures.all(), center
        assert re.fullmatch(r"\+1\d{3}55501\d\d", center.phone), center.phone  # E.164, fictional
        assert center.notification_email.endswith(".demo@azura.example")
        assert center.timezone == zip_time_zone(center.zip_code), center  # the ZIP code's own time zone
    assert OpeningHours.objects.filter(weekday=5).exists()  # some open on Saturday mornings


def test_demo_physicians_practise_at_demo_centers():
    load()

    physicians = Physician.objects.prefetch_related("practices__center", "languages", "procedures")
    assert 80 <= len(physicians) <= 100
    for physician in physicians:
        assert physician.is_demo
        assert physician.credentials in {"MD", "DO"}
        assert "fictional physician" in physician.biography
        assert 1 <= len(physician.practices.all()) <= 3, physician
        assert all(practice.center.is_demo for practice in physician.practices.all())
        assert physician.languages.all(), physician
        assert physician.procedures.all(), physician
        assert physician.board_certification_list
        assert physician.education_list
    assert Practice.objects.filter(accepting_new_patients=False).exists()
    assert Practice.objects.filter(accepting_new_patients=True).exists()
    assert Physician.objects.filter(languages__name="Spanish").exists()
    assert Physician.objects.filter(languages__name="English").count() > len(physicians) / 2


def test_running_twice_gives_the_same_rows():
    load()
    first = snapshot()

    out = load()

    assert snapshot() == first
    assert "0 created, 0 updated" in out


def test_real_data_is_left_alone(real_center):
    # A real center that happens to have a demo center's slug is neither changed nor taken over.
    taken = Center.objects.create(
        name="Azura Demo Center – Austin", address="2 Real Street", city="Austin", state="TX", zip_code="78701",
        phone="(512) 555-0001",
    )  # fmt: skip
    real_physician = Physician.objects.create(first_name="Real", last_name="Person", credentials="MD")
    Practice.objects.create(physician=real_physician, center=real_center)
    before = list(Center.objects.filter(is_demo=False).order_by("pk").values())

    out = load()
    load()

    assert list(Center.objects.filter(is_demo=False).order_by("pk").values()) == before
    assert not taken.opening_hours.exists()
    assert not taken.practices.exists()
    assert list(real_physician.practices.values_list("center", flat=True)) == [real_center.pk]
    assert not Physician.objects.get(pk=real_physician.pk).is_demo
    assert "1 skipped" in out


def test_with_staff_creates_one_demo_account_per_role_with_the_right_reach(capsys):
    call_command("load_demo_data", "--with-staff")
    output = capsys.readouterr().out
    User = get_user_model()
    editor, austin, manager = (
        User.objects.get(username=name) for name in ("demo-editor", "demo-austin", "demo-manager")
    )
    assert all(user.is_staff and not user.is_superuser for user in (editor, austin, manager))
    assert editor.has_perm("procedures.change_procedure")
    assert not editor.has_perm("appointments.view_appointmentrequest")
    assert list(austin.staffed_centers.values_list("city", flat=True)) == ["Austin"]
    assert austin.has_perm("appointments.change_appointmentrequest")
    assert not austin.has_perm("appointments.view_all_centers")
    assert manager.has_perm("appointments.view_all_centers")
    assert manager.has_perm("appointments.export_appointmentrequest")
    assert manager.has_perm("appointments.manage_center_staff")
    assert not editor.has_perm("appointments.manage_center_staff")
    for line in output.splitlines():
        if line.strip().startswith("demo-austin / "):
            password = line.split(" / ")[1].split()[0]
    assert austin.check_password(password)


def test_demo_requests_give_staff_a_working_day_in_every_status(tmp_path):
    from appointments.models import AppointmentRequest, RequestEmail

    passwords = tmp_path / "demo-staff"
    out = StringIO()
    call_command("load_demo_data", "--with-staff", "--passwords-file", str(passwords), stdout=out)

    requests = AppointmentRequest.objects.all()
    assert 24 <= requests.count() <= 60
    assert set(requests.values_list("status", flat=True)) == set(AppointmentRequest.Status.values)
    closed = requests.filter(status=AppointmentRequest.Status.CLOSED)
    assert set(closed.values_list("closed_reason", flat=True)) == set(AppointmentRequest.ClosedReason.values)
    assert requests.filter(requester="someone_else", call_back="requester").exists()
    assert requests.filter(site_language="es").exists()
    austin = Center.objects.get(is_demo=True, city="Austin")
    assert requests.filter(center=austin, status="new").count() >= 3  # demo-austin opens a list with work in it
    assert not RequestEmail.objects.exists()  # nobody is emailed about fictional patients
    assert requests.filter(created_at__lt=requests.order_by("-created_at").first().created_at).exists()


def test_a_second_run_keeps_the_demo_requests_as_staff_left_them():
    from appointments.models import AppointmentRequest

    load()
    worked = AppointmentRequest.objects.filter(status="new").first()
    worked.status = "contacted"
    worked.save()
    count = AppointmentRequest.objects.count()

    assert "kept as they are" in load()
    assert AppointmentRequest.objects.count() == count
    assert AppointmentRequest.objects.get(pk=worked.pk).status == "contacted"


def test_the_demo_staff_passwords_can_be_printed_again(tmp_path):
    passwords = tmp_path / "demo-staff"
    out = StringIO()
    call_command("load_demo_data", "--with-staff", "--passwords-file", str(passwords), stdout=out)

    written = passwords.read_text()
    assert written.strip() in out.getvalue()
    assert re.search(r"demo-austin / \S{12,}", written)
    assert passwords.stat().st_mode & 0o077 == 0  # readable by its owner only
