"""Hardening at the edges: a CSV no spreadsheet runs as formulas whatever its list separator, and one-line
values (names, addresses, emails) refused with line breaks or other control characters wherever they come
from: the admin, the import and the public form share the model's validation."""

import pytest
from django.core.exceptions import ValidationError

from appointments.export import csv_safe
from appointments.models import AppointmentRequest, Center

from .center_csv import AUSTIN, run_failing, write_csv
from .factories_appointments import CenterFactory
from .factories_requests import AppointmentRequestFactory, form_data
from .staff import ADMIN, WORKER, change_form_data, export, make_staff

pytestmark = pytest.mark.django_db


# --- CSV -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("Bob;=1+1", "Bob;'=1+1"),  # ";" separates lists in much of Europe
        ("Bob,=1+1", "Bob,'=1+1"),
        ("Bob\t=1+1", "Bob\t'=1+1"),
        ("Bob|@SUM(A1)", "Bob|'@SUM(A1)"),
        ("Bob; -2+3", "Bob; '-2+3"),
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("O'Brien-Smith", "O'Brien-Smith"),  # a hyphen inside a name is not a formula
        ("(512) 555-0123", "(512) 555-0123"),
    ],
)
def test_csv_cells_are_neutralised_after_any_separator(value, safe):
    assert csv_safe(value) == safe


def test_export_quotes_every_cell(client, settings):
    center = CenterFactory(name="Azura North")
    appointment_request = AppointmentRequestFactory(center=center, last_name="Bob;=1+1", first_name="Ann,Marie")
    client.force_login(make_staff("exa", *WORKER, "export_appointmentrequest", centers=[center]))
    lines = export(client, appointment_request).content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith('"Reference","Status",')
    assert '"Bob;\'=1+1"' in lines[1]
    assert '"Ann,Marie"' in lines[1]


# --- Control characters ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Azura\nNorth", "Azura\rNorth", "Azura\tNorth", "Azura\x00North", "Azura\u2028North"])
def test_a_center_name_with_a_control_character_is_refused_by_model_validation(name):
    center = CenterFactory.build(name=name, slug="azura-north")
    with pytest.raises(ValidationError) as raised:
        center.full_clean()
    assert "name" in raised.value.message_dict


def test_the_admin_refuses_a_center_name_with_a_line_break_and_says_why(client, django_user_model):
    center = CenterFactory(name="Azura North")
    client.force_login(django_user_model.objects.create_superuser("admin", "a@azura.example", "x-long-password-1"))
    url = f"/admin/appointments/center/{center.pk}/change/"
    response = client.post(url, change_form_data(client, url, name="Azura\r\nNorth"))
    assert response.status_code == 200
    assert "Remove line breaks, tabs and other control characters." in response.content.decode()
    center.refresh_from_db()
    assert center.name == "Azura North"


@pytest.mark.parametrize("column", ["name", "address", "city", "email"])
def test_the_import_refuses_control_characters(tmp_path, column):
    value = {"email": "front\x0bdesk@example.com"}.get(column, "Azura\x0bNorth")
    _, errors = run_failing(write_csv(tmp_path / "centers.csv", [{**AUSTIN, column: value}]))
    assert f"line 2: {column} has a line break or another control character" in errors
    assert not Center.objects.exists()


@pytest.mark.parametrize("field", ["first_name", "last_name", "email", "insurance"])
def test_the_request_form_refuses_control_characters_next_to_the_field(client, field):
    center = CenterFactory()
    value = "rosalind\x0b@example.com" if field == "email" else "Rosa\x0blind"
    response = client.post("/appointments/request/", form_data(center, **{field: value}), follow=True)
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    assert response.context["form"].errors[field]


def test_bad_ids_never_answer_500_for_head_office(client):
    client.force_login(make_staff("hq", *WORKER, "view_all_centers"))
    for path in ("0x1/change/", "1e3/history/", "-1/delete/", "%00/change/", "1/history/%00/", "%C2%B2/change/"):
        assert client.get(ADMIN + path).status_code in (400, 404), path
