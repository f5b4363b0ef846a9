"""The public appointment request form as a patient first sees it: fields, labels, legends, autocomplete, prefill
from a link, and the privacy notice."""

import uuid

import pytest

from .factories_requests import RADIO_FIELDS
from .factories_requests import REQUEST_URL as URL
from .html import attrs, checked_value, find_all, input_value, selected_value, text
from .html import find_one as find
from .html import parse as page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]


def test_form_page_is_served(client, center):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Request an appointment" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("date_of_birth", "bday"),
        ("phone", "tel"),
        ("email", "email"),
    ],
)
def test_personal_fields_have_their_autocomplete_token(client, center, name, token):
    root = page(client.get(URL))
    assert attrs(find(root, "input", name=name)).get("autocomplete") == f"section-patient {token}"


def test_every_field_has_a_visible_label(client, center):
    root = page(client.get(URL))
    form = find(root, "form", method="post")
    labels = {attrs(label).get("for"): label for label in find_all(form, "label")}
    controls = [
        el
        for el in find_all(form, None)
        if el.name in ("input", "select", "textarea") and attrs(el).get("type") not in ("hidden", "submit")
    ]
    assert len(controls) > 10
    for control in controls:
        control_id = attrs(control).get("id")
        assert control_id in labels, f"no <label for> for {attrs(control).get('name')}"
        label = labels[control_id]
        assert text(label), f"empty label for {control_id}"
        assert not {"visually-hidden", "sr-only"} & set(attrs(label).get("class", "").split())


def test_radio_groups_have_a_legend(client, center):
    root = page(client.get(URL, {"center": center.slug}))  # a center chosen: the centers offered are radios
    for name in RADIO_FIELDS:
        fieldset = find(root, "div", id=f"div_id_{name}")
        assert text(find(fieldset, "legend")), name


def test_consent_is_unticked_by_default(client, center):
    consent = find(page(client.get(URL)), "input", name="consent")
    assert attrs(consent)["type"] == "checkbox"
    assert "checked" not in attrs(consent)


def test_form_carries_a_signed_start_time_and_a_submission_token(client, center):
    root = page(client.get(URL))
    assert input_value(root, "started")
    uuid.UUID(input_value(root, "submission_token"))


def test_center_physician_and_procedure_are_prefilled_from_slugs(client, center, physician):
    response = client.get(URL, {"center": center.slug, "physician": physician.slug, "procedure": "kyphoplasty"})
    root = page(response)
    assert response.status_code == 200
    assert checked_value(root, "center") == center.slug
    assert selected_value(root, "physician") == physician.slug
    assert selected_value(root, "procedure") == "kyphoplasty"


def test_unknown_prefill_slugs_are_ignored(client, center):
    response = client.get(URL, {"center": "no-such-center", "physician": "dr-nobody", "procedure": "<script>"})
    root = page(response)
    assert response.status_code == 200
    assert checked_value(root, "center") in (None, "")
    assert selected_value(root, "physician") in (None, "")
    assert selected_value(root, "procedure") in (None, "")
    assert "<script>" not in response.content.decode()


def test_the_birth_date_field_asks_for_the_numeric_keypad(client, center):
    field = find(page(client.get(URL)), "input", name="date_of_birth")
    assert (attrs(field)["inputmode"], attrs(field)["autocomplete"]) == ("numeric", "section-patient bday")


def test_the_privacy_notice_can_be_read_on_the_form_without_leaving_it(client, center):
    root = page(client.get(URL))
    disclosure = find(root, "details", **{"class": "privacy-disclosure"})
    assert "Read our privacy notice" in text(disclosure)
    assert "What we collect" in text(disclosure)
    consent_label = find(root, "label", **{"for": "id_consent"})
    assert not find_all(consent_label, "a")  # the consent label sends nobody away from the form
