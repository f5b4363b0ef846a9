"""A number to call on every page: staff set the main phone and its hours; until then, "Call your nearest
center" leads to the locator."""

import pytest
from django.test import Client
from django.urls import reverse

from core.models import SiteSettings

from .html import attr, find_all, find_one, parse, text
from .support import PATIENT_PAGES

pytestmark = pytest.mark.django_db

PAGES = [*PATIENT_PAGES, "/no-such-page/"]
ADMIN = "/admin/core/sitesettings"


@pytest.fixture
def admin_client(django_user_model):
    """Staff in their own browser (`client` stays a patient's)."""
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("admin", password="a-long-password-1"))
    return staff


def phone_links(client, url: str) -> dict[str, tuple[str, str]]:
    """{"header"/"footer": (link text, href)} of the call link in each."""
    page = parse(client.get(url))
    links = {}
    for where in ("header", "footer"):
        part = find_one(page, where)
        link = next(a for a in find_all(part, "a") if text(a).startswith("Call "))
        links[where] = (text(link), attr(link, "href"))
    return links


@pytest.mark.parametrize("url", PAGES)
def test_every_page_sends_patients_to_their_nearest_center_while_no_number_is_set(client, url):
    locator = reverse("appointments:locator")
    assert phone_links(client, url) == {
        "header": ("Call your nearest center", locator),
        "footer": ("Call your nearest center", locator),
    }


def test_the_phone_shows_in_the_header_and_footer_of_every_page_once_staff_set_it(admin_client, client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for url in PAGES:
        client.get(url)  # now in the page cache, without a number

    response = admin_client.post(
        f"{ADMIN}/add/", {"phone": "(512) 555-0100", "hours": "Monday to Friday, 8 AM to 5 PM Central time"}
    )
    assert response.status_code == 302

    for url in PAGES:
        expected = ("Call (512) 555-0100", "tel:+15125550100")
        assert phone_links(client, url) == {"header": expected, "footer": expected}, url
        assert "Monday to Friday, 8 AM to 5 PM Central time" in client.get(url).content.decode()


def test_a_phone_without_ten_digits_is_refused_next_to_the_field(admin_client):
    response = admin_client.post(f"{ADMIN}/add/", {"phone": "555-0100", "hours": ""})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["phone"] == [
        "Enter a 10-digit phone number, for example (512) 555-0100."
    ]
    assert not SiteSettings.objects.exists()


def test_there_is_one_site_phone_and_its_list_opens_it(admin_client):
    SiteSettings.objects.create(phone="(512) 555-0100")
    assert admin_client.get(f"{ADMIN}/").url == f"{ADMIN}/1/change/"
    assert admin_client.get(f"{ADMIN}/add/").status_code == 403


def test_pages_still_answer_when_the_number_is_emptied_again(admin_client, client):
    SiteSettings.objects.create(phone="(512) 555-0100")
    admin_client.post(f"{ADMIN}/1/change/", {"phone": "", "hours": ""})
    assert phone_links(client, "/")["header"] == ("Call your nearest center", reverse("appointments:locator"))
