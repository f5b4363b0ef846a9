"""Staff accounts and the admin's forms, shared by the tests of the staff side."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from appointments.models import AppointmentRequest

ADMIN = "/admin/appointments/appointmentrequest/"
LOGIN_URL = "/admin/login/"
PASSWORD = "correct horse battery staple"


def make_staff(username: str, *codenames: str, centers=()):
    user = get_user_model().objects.create_user(username, f"{username}@azura.example", PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="appointments", codename__in=codenames))
    for center in centers:
        center.staff.add(user)
    return get_user_model().objects.get(pk=user.pk)  # fresh: no cached permissions


def login(client, username: str, password: str, address: str = "203.0.113.7"):
    """Sign in to the admin from that address."""
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_refused(response) -> bool:
    return response.status_code == 429 or "Too many failed sign-in attempts" in response.content.decode()


def is_signed_in(client, response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in client.session


# What the "Center staff" group gives: work the requests of their own centers.
WORKER = ("view_appointmentrequest", "change_appointmentrequest", "view_requestnote", "add_requestnote")


def object_urls(appointment_request: AppointmentRequest) -> dict[str, str]:
    history_id = appointment_request.history.earliest().history_id
    pk = appointment_request.pk
    return {
        "change": f"{ADMIN}{pk}/change/",
        "history": f"{ADMIN}{pk}/history/",
        "history version": f"{ADMIN}{pk}/history/{history_id}/",
        "delete": f"{ADMIN}{pk}/delete/",
    }


def change_form_data(client, url: str, **changes) -> dict:
    """The change form as the browser would send it back, with some values changed."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        data[form[name].html_name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        for each in formset.forms:
            for name in each.fields:
                value = each[name].value()
                data[each[name].html_name] = "" if value is None else value
    data.update(changes)
    data["_save"] = "Save"
    return data


def export(client, *requests, select_across: bool = False):
    """The export action as sent from the list showing every status (the list opens on open requests only)."""
    data = {"action": "export_csv", "_selected_action": [r.pk for r in requests]}
    if select_across:
        data["select_across"] = "1"
    return client.post(ADMIN + "?status=all", data)


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))  # the file starts with a BOM
