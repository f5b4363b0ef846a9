"""A center's page keeps working after staff change its web address: the old address answers a permanent redirect
to the new one, with its query string, in both languages; every old address leads straight to the page (no
chain), and an address used again is live again."""

import pytest

from appointments.models import Center, PreviousCenterAddress

from .factories_appointments import CenterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def center():
    return CenterFactory(name="Azura Congress Avenue", slug="azura-congress-avenue-austin-tx")


def move(center: Center, slug: str) -> Center:
    center.slug = slug
    center.save()
    return center


def test_the_old_address_answers_a_301_to_the_new_one_with_its_query_string(client, center):
    move(center, "azura-downtown-austin-tx")
    response = client.get("/centers/azura-congress-avenue-austin-tx/", {"procedure": "kyphoplasty"})
    assert response.status_code == 301
    assert response["Location"] == "/centers/azura-downtown-austin-tx/?procedure=kyphoplasty"
    spanish = client.get("/es/centers/azura-congress-avenue-austin-tx/")
    assert (spanish.status_code, spanish["Location"]) == (301, "/es/centers/azura-downtown-austin-tx/")
    assert client.get("/centers/azura-downtown-austin-tx/").status_code == 200
    assert client.get("/centers/never-was-a-center/").status_code == 404
    Center.objects.filter(pk=center.pk).update(is_active=False)
    assert client.get("/centers/azura-congress-avenue-austin-tx/").status_code == 404  # no redirect to a 404


def test_staff_changing_the_address_in_the_admin_keeps_the_old_one_working(admin_client, client, center):
    url = f"/admin/appointments/center/{center.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name not in ("procedures", "languages", "staff")}
    data.update({"slug": "azura-downtown-austin-tx", "timezone": center.timezone, "is_active": "on"})
    for prefix in ("opening_hours", "closures", "practices"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert client.get("/centers/azura-congress-avenue-austin-tx/")["Location"] == "/centers/azura-downtown-austin-tx/"


def test_every_old_address_leads_straight_to_the_page_and_moving_back_is_no_loop(client, center):
    move(center, "second-address")
    move(center, "third-address")
    assert client.get("/centers/azura-congress-avenue-austin-tx/")["Location"] == "/centers/third-address/"
    assert client.get("/centers/second-address/")["Location"] == "/centers/third-address/"
    move(center, "azura-congress-avenue-austin-tx")
    assert client.get("/centers/azura-congress-avenue-austin-tx/").status_code == 200
    assert client.get("/centers/third-address/")["Location"] == "/centers/azura-congress-avenue-austin-tx/"
    assert not PreviousCenterAddress.objects.filter(slug="azura-congress-avenue-austin-tx").exists()
